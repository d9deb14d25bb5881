using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Entitlements;

public enum ProposalStatus
{
    Proposed = 1,
    Approved = 2,
    Rejected = 3,

    /// <summary>Withdrawn on an authority (the benefit ended otherwise before it was decided).</summary>
    Withdrawn = 4,
}

/// <summary>
/// 提请停发: a stop or recovery of a running benefit asked for on a confirmed finding by someone who may not decide it (a township
/// clerk), waiting for whoever decides that action in the owning module's process (ADR 028, after ADR 022). Nothing changes in
/// what is paid until it is approved: then the owning module stops the benefit as its own decision would, with
/// <see cref="LastDueMonth"/> as the last month due (a past month turns months paid since into recoveries), and the
/// 停发通知书 numbered <see cref="NoticeNumber"/> is issued.
/// </summary>
public sealed class BenefitProposal : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The proposal process of the owning module (<see cref="BenefitProposalProcess.For"/>), which names who decides.</summary>
    public required string ProcessCode { get; set; }
    public required string Program { get; set; }
    public Guid SourceId { get; set; }
    public required string SourceNumber { get; set; }
    public required string PersonName { get; set; }
    public required string DivisionCode { get; set; }
    public Guid WorkflowCaseId { get; set; }
    public BenefitAction Action { get; set; }
    public DateOnly LastDueMonth { get; set; }
    public required string Reason { get; set; }
    public required string Authority { get; set; }
    public ProposalStatus Status { get; set; } = ProposalStatus.Proposed;
    public required string ProposedBy { get; set; }
    public DateOnly ProposedOn { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Opinion { get; set; }

    /// <summary>What the owning module did on approval, in its words (for the notice and the record).</summary>
    public string? Outcome { get; set; }
    public string? NoticeNumber { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A module whose benefits can be stopped on a finding by proposal: it names its proposal process and performs the stop once the
/// one who may decide it approved (tracked, not saved: the decision's transaction). Returns what was done, in Chinese.
/// </summary>
public interface IBenefitProposalEffects
{
    string ProcessCode { get; }

    /// <summary>The name of the benefit for the notice (困难残疾人生活补贴, 孤儿基本生活费…).</summary>
    string ProgramName(string program);

    Task<string> ApproveAsync(BenefitProposal proposal, string opinion, CancellationToken ct);
}

/// <summary>
/// The proposal process as data for the workflow kernel, one per owning module so that the permission deciding it is the one that
/// decides 停发 in that module's own process (disability: county civil affairs; children: the county that confirms allowances).
/// </summary>
public static class BenefitProposalProcess
{
    public const string SubjectType = "benefit-proposal";
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static ProcessModel For(string code, string name, string decidePermission) => new(
        Code: code,
        Name: name,
        InitialState: Proposed,
        States:
        [
            new(Proposed, "待审批", DeadlineWorkingDays: 10), // UNCONFIRMED local practice, as the assistance change proposal
            new(Approved, "已同意停发", Terminal: true),
            new(Rejected, "未同意", Terminal: true),
            new(Withdrawn, "已撤回", Terminal: true),
        ],
        Transitions:
        [
            new(Proposed, "approve", "同意停发", Approved, decidePermission),
            new(Proposed, "reject", "不同意停发", Rejected, decidePermission, RequiresOpinion: true),
            new(Proposed, "withdraw", "撤回", Withdrawn, decidePermission, RequiresOpinion: true),
        ]);
}

/// <summary>A proposal as people read it, with the actions the reader may take now.</summary>
public sealed record ProposalView(Guid Id, string Program, string ProgramName, Guid SourceId, string SourceNumber, string PersonName, string DivisionCode, BenefitAction Action,
    DateOnly LastDueMonth, string Reason, string Authority, ProposalStatus Status, string StatusName, string ProposedBy, DateOnly ProposedOn, string? DecidedBy,
    DateOnly? DecidedOn, string? Opinion, string? Outcome, string? NoticeNumber, int Version, IReadOnlyList<ProposalActionOption> Actions);

/// <summary>One action the reader may take on a proposal (the API's and the page's buttons).</summary>
public sealed record ProposalActionOption(string Action, string Name, bool RequiresOpinion);

public sealed record ProposalDecisionInput([Text(1000)] string? Opinion, int? Version);

/// <summary>
/// Opens and decides <see cref="BenefitProposal"/>s on the workflow kernel: the engine checks version, state, the decider's
/// permission and the opinion before the owning module's effect runs (guard before effect, ADR 020).
/// </summary>
public sealed class BenefitProposals(AppDbContext db, WorkflowEngine workflow, IEnumerable<IBenefitProposalEffects> effects, CaseNumbers numbers, ICurrentUser user, BusinessClock clock)
{
    /// <summary>
    /// Opens a proposal for the owner's decision and notes it on the benefit's own timeline (<paramref name="owner"/>), so whoever
    /// opens the benefit sees that a stop waits. Tracked, not saved: it commits in the caller's transaction (the finding's confirmation).
    /// </summary>
    public async Task<BenefitProposal> ProposeAsync(string processCode, BenefitActionRequest request, WorkflowCase owner, string sourceNumber, string personName,
        string divisionCode, CancellationToken ct)
    {
        if (request.Action == BenefitAction.Suspend) throw new InvalidOperationException("暂停发放不经提请：流程允许时立即生效");
        // one open proposal per benefit: a second finding on the same benefit is added to the record, not decided twice
        if (await db.Set<BenefitProposal>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(p => p.SourceId == request.SourceId && p.Program == request.Program && p.Status == ProposalStatus.Proposed, ct))
        {
            throw AppProblem.Conflict("proposal_exists", $"{sourceNumber} 已有待审批的停发提请，请等待审批");
        }
        var last = Entitlements.MonthOf(request.LastDueMonth);
        var proposal = new BenefitProposal
        {
            ProcessCode = processCode,
            Program = request.Program,
            SourceId = request.SourceId,
            SourceNumber = sourceNumber,
            PersonName = personName,
            DivisionCode = divisionCode,
            Action = request.Action,
            LastDueMonth = last,
            Reason = Cut(request.Reason.Trim(), 1000),
            Authority = Cut(request.Authority.Trim(), 500),
            ProposedBy = user.UserName,
            ProposedOn = clock.Today,
        };
        var title = $"{ProgramName(proposal)} {sourceNumber}（{personName}）拟停发，发放至 {last:yyyy年M月}{(request.Action == BenefitAction.Recover ? "，此后已发放的予以追缴" : "")}";
        var wf = await workflow.StartAsync(processCode, BenefitProposalProcess.SubjectType, proposal.Id, title, divisionCode, WorkflowEngine.WithAuthority(proposal.Authority, proposal.Reason), ct);
        proposal.WorkflowCaseId = wf.Id;
        db.Set<BenefitProposal>().Add(proposal);
        workflow.AddNote(owner, "提请停发", $"{title}（待审批，审批前照常发放）。依据：{proposal.Authority}。{proposal.Reason}");
        return proposal;
    }

    /// <summary>The decision (<c>approve</c> / <c>reject</c>): on approval the owning module stops the benefit and the notice is numbered. Saves.</summary>
    public async Task<BenefitProposal> DecideAsync(Guid id, string action, ProposalDecisionInput input, CancellationToken ct = default)
    {
        var p = await db.Set<BenefitProposal>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("停发提请");
        var wf = await db.WorkflowCases.FirstOrDefaultAsync(w => w.Id == p.WorkflowCaseId, ct) ?? throw AppProblem.NotFound("业务流程");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await workflow.PerformAsync(wf, new TransitionRequest(action, input.Opinion) { Subject = p, Version = input.Version }, async t =>
        {
            if (t.Action == "approve")
            {
                var module = effects.FirstOrDefault(e => e.ProcessCode == p.ProcessCode) ?? throw new InvalidOperationException($"没有模块处理停发提请流程 {p.ProcessCode}");
                p.Outcome = Cut(await module.ApproveAsync(p, t.Opinion ?? "同意", ct), 500);
                p.NoticeNumber = await numbers.NextAsync(new NumberSeries("TF" + p.DivisionCode[..6], clock.Today.Year, 4),
                    db.Set<BenefitProposal>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => x.NoticeNumber), ct);
            }
            p.Status = t.Action switch { "approve" => ProposalStatus.Approved, "reject" => ProposalStatus.Rejected, _ => ProposalStatus.Withdrawn };
            p.DecidedBy = user.UserName;
            p.DecidedOn = clock.Today;
            p.Opinion = t.Opinion is null ? null : Cut(t.Opinion, 1000);
        }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return p;
    }

    public async Task<BenefitProposal> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<BenefitProposal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("停发提请");

    /// <summary>The proposals within the user's scope (the decider's queue: <paramref name="status"/> proposed), open ones first.</summary>
    public Task<Paged<ProposalView>> ListAsync(ProposalStatus? status, PageRequest page, CancellationToken ct = default) =>
        ViewsAsync(db.Set<BenefitProposal>().AsNoTracking().Where(x => status == null || x.Status == status), page, ct);

    /// <summary>One benefit's proposals (its page's 停发提请 card).</summary>
    public Task<Paged<ProposalView>> ForSourceAsync(Guid sourceId, CancellationToken ct = default) =>
        ViewsAsync(db.Set<BenefitProposal>().AsNoTracking().Where(x => x.SourceId == sourceId), new PageRequest(1, 20), ct);

    public async Task<ProposalView> ViewAsync(Guid id, CancellationToken ct = default) =>
        (await ViewsAsync(db.Set<BenefitProposal>().AsNoTracking().Where(x => x.Id == id), new PageRequest(1, 1), ct)).Items.SingleOrDefault() ?? throw AppProblem.NotFound("停发提请");

    private async Task<Paged<ProposalView>> ViewsAsync(IQueryable<BenefitProposal> q, PageRequest page, CancellationToken ct)
    {
        var rows = await q.OrderBy(x => x.Status != ProposalStatus.Proposed).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToPagedAsync(page, ct);
        var wfIds = rows.Items.Select(r => r.WorkflowCaseId).ToList();
        var cases = await db.WorkflowCases.AsNoTracking().Where(w => wfIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var views = new List<ProposalView>();
        foreach (var x in rows.Items)
        {
            IReadOnlyList<ProposalActionOption> actions = [];
            if (cases.TryGetValue(x.WorkflowCaseId, out var wf))
            {
                var model = await workflow.ModelOfAsync(wf, ct);
                actions = [.. workflow.AvailableActions(wf, model).Where(t => t.Action != "withdraw").Select(t => new ProposalActionOption(t.Action, t.ActionName, t.RequiresOpinion))];
            }
            views.Add(new ProposalView(x.Id, x.Program, ProgramName(x), x.SourceId, x.SourceNumber, x.PersonName, x.DivisionCode, x.Action, x.LastDueMonth, x.Reason, x.Authority,
                x.Status, StatusName(x.Status), x.ProposedBy, x.ProposedOn, x.DecidedBy, x.DecidedOn, x.Opinion, x.Outcome, x.NoticeNumber, x.Version, actions));
        }
        return new Paged<ProposalView>(views, rows.Total, rows.Page, rows.PageSize);
    }

    public string ProgramName(BenefitProposal p) => effects.FirstOrDefault(e => e.ProcessCode == p.ProcessCode)?.ProgramName(p.Program) ?? p.Program;

    public static string StatusName(ProposalStatus s) => s switch
    {
        ProposalStatus.Proposed => "待审批",
        ProposalStatus.Approved => "已同意停发",
        ProposalStatus.Rejected => "未同意",
        _ => "已撤回",
    };

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}

public static class BenefitProposalsApi
{
    public static void MapBenefitProposalsApi(this IEndpointRouteBuilder app)
    {
        // who may read or decide is the owning module's: the list is scoped by division, the decision by the process's permission
        var api = app.MapGroup("/api/v1/benefit-proposals").WithTags("Entitlements").RequireAuthorization();
        api.MapGet("", async (string? status, int? page, int? pageSize, BenefitProposals proposals, CancellationToken ct) =>
                TypedResults.Ok(await proposals.ListAsync(QueryEnum.Parse<ProposalStatus>(status, "status"), PageRequest.From(page, pageSize, 50), ct)))
            .WithSummary("停发提请（数据比对核实后由经办人提请、由有权决定停发的人员审批；status=proposed：待审批），分页 { items, total }");
        api.MapGet("/{id:guid}", async (Guid id, BenefitProposals proposals, CancellationToken ct) => TypedResults.Ok(await proposals.ViewAsync(id, ct)))
            .WithSummary("一条停发提请");
        api.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, ProposalDecisionInput input, BenefitProposals proposals, CancellationToken ct) =>
            {
                var p = await proposals.DecideAsync(id, action, input, ct);
                return TypedResults.Ok(await proposals.ViewAsync(p.Id, ct));
            })
            .WithSummary("审批停发提请：approve（同意，停发并出具停发通知书）、reject（不同意，须写明意见）；{ opinion, version }");
    }
}

internal sealed class BenefitProposalConfiguration : IEntityTypeConfiguration<BenefitProposal>
{
    public void Configure(EntityTypeBuilder<BenefitProposal> b)
    {
        b.ToTable("entitlement_benefit_proposal");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProcessCode).HasMaxLength(40);
        b.Property(x => x.Program).HasMaxLength(32);
        b.Property(x => x.SourceNumber).HasMaxLength(40);
        b.Property(x => x.PersonName).HasMaxLength(50);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Action).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Authority).HasMaxLength(500);
        b.Property(x => x.ProposedBy).HasMaxLength(100);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.Opinion).HasMaxLength(1000);
        b.Property(x => x.Outcome).HasMaxLength(500);
        b.Property(x => x.NoticeNumber).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.SourceId, x.Status });
        b.HasIndex(x => new { x.DivisionCode, x.Status });
    }
}
