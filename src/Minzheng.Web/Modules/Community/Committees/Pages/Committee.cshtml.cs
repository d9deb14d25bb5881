using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Committees.Pages;

/// <summary>
/// /community/committees/{id}: one committee — its facts (with the version), current members by post, the composition warnings
/// with their articles, each member's 民主评议, the former members and the audits; for those who manage committees, a form per
/// use case of <see cref="CommitteeRegistry"/>. A failed form keeps what was typed, its errors beside its fields; the other
/// forms are filled again. Out of scope (another township's committee) is 404, page and forms alike.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class CommitteeModel(CommitteeRegistry committees, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FactsForm
    {
        public int? Households { get; set; }
        public string? MinorityGroups { get; set; }
        public bool MonthlyFinance { get; set; }
        public int? Version { get; set; }
    }

    public sealed class MemberForm
    {
        public string? IdNumber { get; set; }
        public string? Name { get; set; }
        public Sex? Sex { get; set; }
        public string? Ethnicity { get; set; }
        public CommitteePost? Post { get; set; }
        public string? Detail { get; set; }
        public DateOnly? TermFrom { get; set; }
    }

    public sealed class EndForm
    {
        public Guid? MemberId { get; set; }
        public DateOnly? EndedOn { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ReviewForm
    {
        public Guid? MemberId { get; set; }
        public int? Year { get; set; }
        public ReviewResult? Result { get; set; }
        public DateOnly? ReviewedOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class AuditForm
    {
        public AuditKind? Kind { get; set; }
        public Guid? MemberId { get; set; }
        public string? Subject { get; set; }
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodUntil { get; set; }
        public DateOnly? AuditedOn { get; set; }
        public string? Auditor { get; set; }
        public string? Findings { get; set; }
        public DateOnly? PublishedOn { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public FactsForm Facts { get; set; } = new();
    [BindProperty] public MemberForm Member { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();
    [BindProperty] public ReviewForm Review { get; set; } = new();
    [BindProperty] public AuditForm Audit { get; set; } = new();
    public CommitteeDto? Committee { get; private set; }

    /// <summary>Members, reviews, audits and facts are the manager's (the API asks the same permission); a reader sees no forms.</summary>
    public bool CanManage => user.HasPermission(CommunityPermissions.Manage);

    /// <summary>A committee closed by a division change keeps its history, read-only.</summary>
    public bool ShowForms => CanManage && Committee is { ClosedOn: null };

    public DateOnly Today => clock.Today;

    /// <summary>Current members by post in the law's order (主任 first): the service orders by the stored post name, which is alphabetical.</summary>
    public IEnumerable<IGrouping<CommitteePost, MemberView>> MembersByPost => (Committee?.Members ?? []).GroupBy(m => m.Post).OrderBy(g => g.Key);

    /// <summary>The form that was posted (its handler name), whose values are kept as typed; the other forms are filled again.</summary>
    public string? Posted => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].FirstOrDefault() : null;

    public bool WasPosted(string handler) => string.Equals(Posted, handler, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the per-member form of <paramref name="handler"/> for <paramref name="memberId"/> is the one posted (it shows what was typed and its errors).</summary>
    public bool IsPosted(string handler, Guid memberId) => WasPosted(handler) && (handler == "End" ? End.MemberId : Review.MemberId) == memberId;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        var c = Committee = await committees.DtoAsync(Id, ct);
        if (!WasPosted("Facts")) Facts = new FactsForm { Households = c.Households, MinorityGroups = c.MinorityGroups, MonthlyFinance = c.MonthlyFinance, Version = c.Version };
        if (!WasPosted("Member")) Member = new MemberForm { TermFrom = Today, Ethnicity = "汉族" };
        if (!WasPosted("Audit")) Audit = new AuditForm { Kind = AuditKind.Term, AuditedOn = Today };
    }

    /// <summary>The default of a member's review form: this year, today.</summary>
    public ReviewForm ReviewFor(Guid memberId) => IsPosted("Review", memberId) ? Review : new ReviewForm { MemberId = memberId, Year = Today.Year, ReviewedOn = Today };

    public EndForm EndFor(MemberView m) => IsPosted("End", m.Id) ? End : new EndForm { MemberId = m.Id, Version = m.Version };

    /// <summary>村委会组织法 第三十三条 applies to the 村民委员会's own members: the review form says that a second 不称职 ends the office.</summary>
    public bool EndsOnSecondFailure(MemberView m) =>
        Committee is { Kind: CommitteeKind.Village } && m.Post is CommitteePost.Director or CommitteePost.DeputyDirector or CommitteePost.Member
        && m.Reviews.FirstOrDefault(r => r.Year == Today.Year - 1)?.Result == ReviewResult.Incompetent;

    /// <summary>The messages of a form's field (e.g. "End.EndedOn"), for the per-member forms that share their field names.</summary>
    public IReadOnlyList<string> ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var e) ? [.. e.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0).Distinct()] : [];

    /// <summary>What was typed into a field that could not be read (a date "2026-13-40"), else <paramref name="value"/>: the form shows it again as typed.</summary>
    public string? Typed(string key, string? value) =>
        ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 && e.AttemptedValue is not null ? e.AttemptedValue : value;

    [ProblemPrefix("Facts")]
    public async Task<IActionResult> OnPostFactsAsync()
    {
        if (!CanManage) return Forbid();
        if (Facts.Version is null) throw AppProblem.Field("version", "缺少版本号，请刷新页面后重新填写");
        await committees.UpdateFactsAsync(Id, new CommitteeFactsInput
        {
            Version = Facts.Version,
            Households = Facts.Households,
            MinorityGroups = Facts.MinorityGroups ?? "",
            MonthlyFinance = Facts.MonthlyFinance,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已保存委员会基本情况";
        return Redirect($"/community/committees/{Id}");
    }

    [ProblemPrefix("Member")]
    public async Task<IActionResult> OnPostMemberAsync()
    {
        if (!CanManage) return Forbid();
        var m = await committees.AddMemberAsync(Id, new MemberInput
        {
            IdNumber = Member.IdNumber,
            Name = Member.Name,
            Sex = Member.Sex,
            Ethnicity = Member.Ethnicity,
            Post = Member.Post,
            Detail = Member.Detail,
            TermFrom = Member.TermFrom,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记 {m.Name}（{CommitteeRegistry.PostName(m.Post, (await committees.LoadAsync(Id, HttpContext.RequestAborted)).Kind)}）";
        return Redirect($"/community/committees/{Id}");
    }

    [ProblemPrefix("End")]
    public async Task<IActionResult> OnPostEndAsync()
    {
        if (!CanManage) return Forbid();
        var ct = HttpContext.RequestAborted;
        var member = await MemberOfThisCommitteeAsync(End.MemberId, ct);
        await committees.EndMemberAsync(member.Id, new MemberEndInput { Version = End.Version, EndedOn = End.EndedOn, Reason = End.Reason }, ct);
        TempData["Message"] = $"已登记 {member.Name} 离任";
        return Redirect($"/community/committees/{Id}");
    }

    [ProblemPrefix("Review")]
    public async Task<IActionResult> OnPostReviewAsync()
    {
        if (!CanManage) return Forbid();
        var ct = HttpContext.RequestAborted;
        var member = await MemberOfThisCommitteeAsync(Review.MemberId, ct);
        var (review, ended) = await committees.ReviewAsync(member.Id, new ReviewInput
        {
            Year = Review.Year,
            Result = Review.Result,
            ReviewedOn = Review.ReviewedOn,
            Note = Review.Note,
        }, ct);
        TempData["Message"] = $"已登记 {member.Name} {review.Year}年度民主评议：{CommitteeRegistry.ResultName(review.Result)}";
        // the office ends by law, not by the clerk: say so plainly, the member now stands among the former members
        if (ended)
        {
            TempData["Ended"] = $"{member.Name} {review.Year - 1}、{review.Year}年度连续两次民主评议不称职，其职务自{review.ReviewedOn:yyyy年M月d日}起终止（《村民委员会组织法》第三十三条），已列入离任成员。";
        }
        return Redirect($"/community/committees/{Id}");
    }

    [ProblemPrefix("Audit")]
    public async Task<IActionResult> OnPostAuditAsync()
    {
        if (!CanManage) return Forbid();
        await committees.AddAuditAsync(Id, new AuditInput
        {
            Kind = Audit.Kind,
            MemberId = Audit.MemberId,
            Subject = Audit.Subject,
            PeriodFrom = Audit.PeriodFrom,
            PeriodUntil = Audit.PeriodUntil,
            AuditedOn = Audit.AuditedOn,
            Auditor = Audit.Auditor,
            Findings = Audit.Findings,
            PublishedOn = Audit.PublishedOn,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记经济责任审计";
        return Redirect($"/community/committees/{Id}");
    }

    /// <summary>
    /// The member of a per-member form, of this committee: the services find a member by id in the user's whole scope, and a form
    /// posted to one committee's page must not end or review a member of another (the page's 404 if the committee is not in scope).
    /// </summary>
    private async Task<MemberView> MemberOfThisCommitteeAsync(Guid? memberId, CancellationToken ct)
    {
        var c = await committees.DtoAsync(Id, ct);
        return c.Members.Concat(c.FormerMembers).FirstOrDefault(m => m.Id == memberId) ?? throw AppProblem.Field("memberId", "该成员不属于本委员会，请刷新页面后重试");
    }
}
