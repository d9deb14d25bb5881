using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Elections.Pages;

/// <summary>
/// /community/elections/{id}: the working page of one election. The step bar, the deadlines and warnings, then one section per
/// step with its forms (election committee, roll, objections, candidates and their vetting, ballot boxes and the count) and the
/// step actions the user may take now, each posting the election's version. A refused form is shown again with what was typed
/// and its messages beside its fields; a form shown once per objection, candidate, box or action is told apart by the id it
/// posts, so the messages land in the one that was sent.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class DetailModel(Elections elections, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class SeatForm
    {
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Role { get; set; }
        public string? ChosenBy { get; set; }
        public DateOnly? ChosenOn { get; set; }
    }

    public sealed class VoterForm
    {
        public string? IdNumber { get; set; }
        public VoterBasis? Basis { get; set; }
        public string? Group { get; set; }
    }

    public sealed class ObjectionForm
    {
        public DateOnly? FiledOn { get; set; }
        public string? FiledBy { get; set; }
        public ObjectionKind? Kind { get; set; }
        public string? IdNumber { get; set; }
        public string? PersonName { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class DecideForm
    {
        public Guid? ObjectionId { get; set; }
        public int? Version { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public bool? Upheld { get; set; }
        public string? Decision { get; set; }
        public VoterBasis? Basis { get; set; }
    }

    public sealed class NominateForm
    {
        public string? IdNumber { get; set; }
        public CommitteePost? Post { get; set; }
        public DateOnly? NominatedOn { get; set; }
        public int? Nominators { get; set; }
    }

    public sealed class CheckForm
    {
        public Guid? CandidateId { get; set; }
        public string? Department { get; set; }
        public VettingVerdict? Result { get; set; }
        public string? CategoryCode { get; set; }
        public string? Evidence { get; set; }
        public DateOnly? CheckedOn { get; set; }
    }

    public sealed class OverrideForm
    {
        public Guid? CandidateId { get; set; }
        public int? Version { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class VoteRow
    {
        public Guid? CandidateId { get; set; }
        public int? Votes { get; set; }
    }

    public sealed class BoxForm
    {
        public Guid? BoxId { get; set; }
        public int? Version { get; set; }
        public string? Name { get; set; }
        public int? BallotsIssued { get; set; }
        public int? BallotsCast { get; set; }
        public int? InvalidBallots { get; set; }
        public List<VoteRow> Votes { get; set; } = [];
    }

    public sealed class StepForm
    {
        public string? Action { get; set; }
        public int? Version { get; set; }
        public string? Opinion { get; set; }
        public DateOnly? VoteDate { get; set; }
        public DateOnly? PublishedOn { get; set; }
        public DateOnly? AdditionalVoteDate { get; set; }
        public DateOnly? HandedOverOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public SeatForm Seat { get; set; } = new();
    [BindProperty] public VoterForm Voter { get; set; } = new();
    [BindProperty] public ObjectionForm Objection { get; set; } = new();
    [BindProperty] public DecideForm Decide { get; set; } = new();
    [BindProperty] public NominateForm Nominate { get; set; } = new();
    [BindProperty] public CheckForm Check { get; set; } = new();
    [BindProperty] public OverrideForm Override { get; set; } = new();
    [BindProperty] public BoxForm Box { get; set; } = new();
    [BindProperty] public StepForm Step { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }

    public ElectionDto Election { get; private set; } = null!;
    public IReadOnlyList<VettingCatalogEntry> Catalog { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public bool CanManage => user.HasPermission(CommunityPermissions.Manage);
    public bool CanVet => user.HasPermission(CommunityPermissions.Vet);

    /// <summary>The form that was posted: its handler, and for a form shown once per row the row it was sent for.</summary>
    public string? Posted
    {
        get
        {
            if (!HttpMethods.IsPost(Request.Method)) return null;
            var handler = (RouteData.Values["handler"]?.ToString() ?? Request.Query["handler"].FirstOrDefault())?.ToLowerInvariant();
            return handler switch
            {
                "decide" => $"decide:{Decide.ObjectionId}",
                "check" => $"check:{Check.CandidateId}",
                "override" => $"override:{Override.CandidateId}",
                "box" => $"box:{Box.BoxId}",
                "step" => $"step:{Step.Action}",
                _ => handler,
            };
        }
    }

    public ElectionFormView Form(string prefix, string key, bool repeated = false) => new(ModelState, prefix, Posted == key, repeated);

    /// <summary>The round whose boxes are entered now: the additional round once it is called.</summary>
    public int CurrentRound => Election.State == ElectionProcess.Additional ? 2 : 1;

    public int SeatsFor(CommitteePost post) => post switch
    {
        CommitteePost.Director => Election.SeatsDirector,
        CommitteePost.DeputyDirector => Election.SeatsDeputy,
        CommitteePost.Member => Election.SeatsMember,
        _ => 0,
    };

    /// <summary>The candidates on the ballot of the current round (as <see cref="Elections.SaveBoxAsync"/> takes them).</summary>
    public IReadOnlyList<CandidateView> RoundCandidates
    {
        get
        {
            var official = Election.Candidates.Where(c => c.Official).ToList();
            if (CurrentRound == 1) return official;
            return [.. official.Where(c => !c.Elected && SeatsFor(c.Post) - official.Count(o => o.Post == c.Post && o.Elected) > 0)];
        }
    }

    public async Task OnGetAsync() => await LoadAsync(HttpContext.RequestAborted);

    public Task ReloadAfterProblemAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Election = await elections.DtoAsync(Id, ct);
        if (CanVet) Catalog = await elections.CatalogAsync(clock.Today, ct);
        // the single forms' defaults, unless that form was posted (what was typed, even an empty date, is shown as typed)
        var posted = Posted;
        if (posted != "seat") Seat.ChosenOn ??= clock.Today;
        if (posted != "voter") Voter.Basis ??= VoterBasis.Resident;
        if (posted != "objection") Objection.FiledOn ??= clock.Today;
        if (posted != "nominate") Nominate.NominatedOn ??= clock.Today;
    }

    [ProblemPrefix("Seat")]
    public async Task<IActionResult> OnPostSeatAsync()
    {
        if (!CanManage) return Forbid();
        await elections.AddCommitteeMemberAsync(Id, new CommitteeSeatInput
        {
            Name = Seat.Name,
            IdNumber = Seat.IdNumber,
            Role = Seat.Role,
            ChosenBy = Seat.ChosenBy,
            ChosenOn = Seat.ChosenOn,
        }, HttpContext.RequestAborted);
        return Done("已登记选举委员会成员", "committee");
    }

    public async Task<IActionResult> OnPostGenerateAsync()
    {
        if (!CanManage) return Forbid();
        var (added, elsewhere) = await elections.GenerateRollAsync(Id, HttpContext.RequestAborted);
        return Done($"已从人员库登记 {added} 名选民" + (elsewhere > 0 ? $"；{elsewhere} 人已在其他村（居）登记为本届选民，未列入（只能在一处登记）" : ""), "roll");
    }

    [ProblemPrefix("Voter")]
    public async Task<IActionResult> OnPostVoterAsync()
    {
        if (!CanManage) return Forbid();
        var v = await elections.AddVoterAsync(Id, new VoterInput { IdNumber = Voter.IdNumber, Basis = Voter.Basis, Group = Voter.Group }, HttpContext.RequestAborted);
        return Done($"已登记选民 {v.Name}", "roll");
    }

    [ProblemPrefix("Objection")]
    public async Task<IActionResult> OnPostObjectionAsync()
    {
        if (!CanManage) return Forbid();
        var o = await elections.FileObjectionAsync(Id, new ObjectionInput
        {
            FiledOn = Objection.FiledOn,
            FiledBy = Objection.FiledBy,
            Kind = Objection.Kind,
            IdNumber = Objection.IdNumber,
            PersonName = Objection.PersonName,
            Reason = Objection.Reason,
        }, HttpContext.RequestAborted);
        return Done($"已登记对“{o.PersonName}”的异议，应于{o.DecisionDue:yyyy年M月d日}前处理", "objections");
    }

    [ProblemPrefix("Decide")]
    public async Task<IActionResult> OnPostDecideAsync()
    {
        if (!CanManage) return Forbid();
        if (Decide.ObjectionId is not { } objectionId) return BadRequest();
        var o = await elections.DecideObjectionAsync(objectionId, new ObjectionDecisionInput
        {
            Version = Decide.Version,
            DecidedOn = Decide.DecidedOn,
            Upheld = Decide.Upheld,
            Decision = Decide.Decision,
            Basis = Decide.Basis,
        }, HttpContext.RequestAborted);
        return Done($"已处理对“{o.PersonName}”的异议：" + (o.Upheld == true ? "异议成立，选民名单已据此更正" : "异议不成立"), "objections");
    }

    [ProblemPrefix("Nominate")]
    public async Task<IActionResult> OnPostNominateAsync()
    {
        if (!CanManage) return Forbid();
        var c = await elections.NominateAsync(Id, new CandidateInput
        {
            IdNumber = Nominate.IdNumber,
            Post = Nominate.Post,
            NominatedOn = Nominate.NominatedOn,
            Nominators = Nominate.Nominators,
        }, HttpContext.RequestAborted);
        return Done($"已登记候选人 {c.Name}", "candidates");
    }

    [ProblemPrefix("Check")]
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!CanVet) return Forbid();
        if (Check.CandidateId is not { } candidateId) return BadRequest();
        var c = await elections.CheckCandidateAsync(candidateId, new VettingCheckInput
        {
            Department = Check.Department,
            Result = Check.Result,
            CategoryCode = Check.CategoryCode,
            Evidence = Check.Evidence,
            CheckedOn = Check.CheckedOn,
        }, HttpContext.RequestAborted);
        return Done($"已记录 {Check.Department} 对 {c.Name} 的审查意见；联审结论：{Elections.VerdictName(c.Verdict)}", $"candidate-{c.Id}");
    }

    [ProblemPrefix("Override")]
    public async Task<IActionResult> OnPostOverrideAsync()
    {
        if (!CanVet) return Forbid();
        if (Override.CandidateId is not { } candidateId) return BadRequest();
        var c = await elections.OverrideAsync(candidateId, new VettingOverrideInput { Version = Override.Version, Reason = Override.Reason }, HttpContext.RequestAborted);
        return Done($"已记录 {c.Name} 仍确定为候选人的理由", $"candidate-{c.Id}");
    }

    [ProblemPrefix("Box")]
    public async Task<IActionResult> OnPostBoxAsync()
    {
        if (!CanManage) return Forbid();
        var box = await elections.SaveBoxAsync(Id, Box.BoxId, new BallotBoxInput
        {
            Version = Box.Version,
            Name = Box.Name,
            BallotsIssued = Box.BallotsIssued,
            BallotsCast = Box.BallotsCast,
            InvalidBallots = Box.InvalidBallots,
            Votes = [.. Box.Votes.Select(v => new BallotVoteInput(v.CandidateId, v.Votes))],
        }, HttpContext.RequestAborted);
        return Done($"已保存“{box.Name}”的投票结果，计票已更新", "tally");
    }

    [ProblemPrefix("Step")]
    public async Task<IActionResult> OnPostStepAsync()
    {
        if (!CanManage) return Forbid();
        var action = Step.Action ?? "";
        var e = await elections.StepAsync(Id, action, new ElectionStepInput
        {
            Version = Step.Version,
            Opinion = Step.Opinion,
            VoteDate = Step.VoteDate,
            PublishedOn = Step.PublishedOn,
            AdditionalVoteDate = Step.AdditionalVoteDate,
            HandedOverOn = Step.HandedOverOn,
            Note = Step.Note,
        }, HttpContext.RequestAborted);
        return Done($"已办理：{ActionName(action)}。现处于“{ElectionProcess.StateName(e.State)}”环节", "steps");
    }

    private RedirectResult Done(string message, string anchor)
    {
        TempData["Message"] = message;
        return Redirect($"/community/elections/{Id}#{anchor}");
    }

    public static string ActionName(string action) =>
        ElectionProcess.Model.Transitions.FirstOrDefault(t => t.Action == action)?.ActionName ?? action;
}
