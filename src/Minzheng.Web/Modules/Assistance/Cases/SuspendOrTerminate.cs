using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// 暂停发放, 恢复发放 and 终止 of a case in payment, with their notices: on the case's own process ("suspend", "resume",
/// "terminate", and "confirm-termination" after extreme poverty's termination notice), or on an authority decided outside
/// this module (a confirmed data-comparison finding, through <see cref="AssistanceBenefitActions"/>).
/// </summary>
public sealed class SuspendOrTerminate(AppDbContext db, CaseDocuments documents, WorkflowEngine workflow, Entitlements entitlements, BusinessClock clock) : ICaseAction
{
    private const string SuspensionNotice = "暂停发放通知书";
    private const string TerminationNotice = "终止保障通知书";

    public IReadOnlyCollection<string> Actions { get; } = ["suspend", "resume", "terminate", "confirm-termination"];

    public async Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        switch (x.Action)
        {
            case "suspend":
                // paid through this month; nothing due from next month until resumed
                await SuspendPaymentAsync(c, x.Input.Opinion, x.Today, ct);
                return new CaseEffect(SuspensionNotice);
            case "resume":
                c.SuspendedOn = null;
                c.EndReason = null;
                await entitlements.SetAsync(AssistanceCases.PayeeOf(c), Entitlements.MonthOf(x.Today).AddMonths(1), c.MonthlyAmount, c.AmountExplanation ?? "[]", "恢复发放", ct);
                return CaseEffect.None;
            default:
                // "confirm-termination" keeps the reason given when the termination was proposed
                if (x.Action == "terminate" || c.EndReason is null) c.EndReason = x.Opinion;
                await EndPaymentAsync(c, x.Today, ct);
                return new CaseEffect(TerminationNotice);
        }
    }

    /// <summary>
    /// "suspend" or "terminate" on an outside authority: the same effects, timeline event and notice as the case's own action,
    /// except that the acting user need not hold the transition's permission and payment ends after <paramref name="lastMonth"/>,
    /// which may be in the past (the next payroll then recovers what was paid since). The engine still refuses a transition
    /// the state does not allow before anything changes. Changes are tracked, not saved: they commit in the caller's transaction.
    /// </summary>
    internal async Task<AssistanceCase> OnAuthorityAsync(Guid id, string action, string reason, string authority, DateOnly lastMonth, string? documentNote, CancellationToken ct)
    {
        if (action is not ("suspend" or "terminate")) throw new ArgumentOutOfRangeException(nameof(action), action, "only suspend and terminate are performed on an outside authority");
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        var wf = await AssistanceCases.WorkflowOfAsync(db, c, ct);
        await workflow.PerformAuthorizedAsync(wf, new TransitionRequest(action, reason), authority, async t =>
        {
            c.State = t.To;
            if (action == "suspend")
            {
                await SuspendPaymentAsync(c, reason, lastMonth, ct);
            }
            else
            {
                c.EndReason = reason.Trim();
                await EndPaymentAsync(c, lastMonth, ct);
            }
            await documents.IssueAsync(c, action == "suspend" ? SuspensionNotice : TerminationNotice, t.Opinion + documentNote, null, ct);
        }, ct);
        return c;
    }

    /// <summary>
    /// 终止保障 decided by the approver on a change proposal (ADR 022): the case's own "terminate" transition, guarded like any
    /// (the acting user must hold its permission), with payment ending after <paramref name="lastMonth"/> — which may be in the
    /// past, the next payroll then recovering what was paid since — and the termination notice. Tracked, not saved.
    /// </summary>
    internal async Task TerminateDecidedAsync(AssistanceCase c, string opinion, DateOnly lastMonth, string documentNote, CancellationToken ct)
    {
        var wf = await AssistanceCases.WorkflowOfAsync(db, c, ct);
        await workflow.PerformAsync(wf, new TransitionRequest("terminate", opinion), async t =>
        {
            c.State = t.To;
            c.EndReason = opinion.Trim();
            await EndPaymentAsync(c, lastMonth, ct);
            await documents.IssueAsync(c, TerminationNotice, t.Opinion + documentNote, null, ct);
        }, ct);
    }

    /// <summary>
    /// Moves the end of payment of a suspended case back to <paramref name="lastMonth"/> (a finding that it was paid for
    /// months it was not due), as a timeline note: the case stays suspended and its own process decides the rest.
    /// </summary>
    internal async Task<AssistanceCase> RecoverWhileSuspendedAsync(Guid id, string reason, string authority, DateOnly lastMonth, CancellationToken ct)
    {
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        if (c.State != Suspended) throw AppProblem.Conflict("benefit_not_running", "只有暂停发放的业务可以登记追缴");
        var wf = await AssistanceCases.WorkflowOfAsync(db, c, ct);
        workflow.AddNote(wf, "追缴", WorkflowEngine.WithAuthority(authority, $"{reason.Trim()}（发放至 {lastMonth:yyyy年M月}，此后已发放的金额予以追缴）"));
        await entitlements.EndAsync(AssistanceCases.ProgramCode(c.Program), c.Id, lastMonth, ct);
        return c;
    }

    private async Task SuspendPaymentAsync(AssistanceCase c, string? reason, DateOnly lastMonth, CancellationToken ct)
    {
        c.SuspendedOn = clock.Today;
        c.EndReason = reason?.Trim();
        await entitlements.EndAsync(AssistanceCases.ProgramCode(c.Program), c.Id, lastMonth, ct);
    }

    private async Task EndPaymentAsync(AssistanceCase c, DateOnly lastMonth, CancellationToken ct)
    {
        c.EndedOn = clock.Today;
        await entitlements.EndAsync(AssistanceCases.ProgramCode(c.Program), c.Id, lastMonth, ct);
    }
}
