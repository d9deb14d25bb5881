using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Changes;

public sealed record ChangeActionInput(string? Opinion, int? Version);

/// <summary>
/// The approver's decision on a change proposal (<c>POST /api/v1/assistance/changes/{id}/actions/{approve|reject}</c>), through the
/// workflow kernel: the engine checks version, state, permission and opinion before anything changes (guard before effect).
/// Approving an adjustment stops counting the member who died, moves the payee where needed, sets the new amount with its
/// explanation from the proposal's month (published to payments: months already paid are reconciled by the next payroll) and
/// issues the 保障金额变更通知书; approving a termination performs the case's own 终止保障 with its notice. Rejecting leaves the case
/// as it is; after a death the township gets a review task to investigate and recalculate.
/// </summary>
public sealed class DecideChange(AppDbContext db, WorkflowEngine workflow, AssistanceCases cases, SuspendOrTerminate termination, AmountChanges amounts,
    CaseDocuments documents, Entitlements entitlements, ICurrentUser user, BusinessClock clock)
{
    public const string ChangeNotice = "保障金额变更通知书";

    public async Task<AssistanceChange> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<AssistanceChange>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("变更核定");

    public async Task<AssistanceChange> PerformAsync(Guid id, string action, ChangeActionInput input, CancellationToken ct = default)
    {
        var change = await LoadAsync(id, ct);
        var wf = await db.WorkflowCases.FirstOrDefaultAsync(w => w.Id == change.WorkflowCaseId, ct) ?? throw AppProblem.NotFound("业务流程");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await workflow.PerformAsync(wf, new TransitionRequest(action, input.Opinion) { Subject = change, Version = input.Version }, t => ApplyAsync(change, t, ct), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return change;
    }

    /// <summary>
    /// The fact a proposal rested on went away (a death recorded in error, reversed by the county): the proposal is withdrawn on
    /// that authority, whoever reverses it. Tracked, not saved. Returns false when there was nothing open to withdraw.
    /// </summary>
    internal async Task<bool> WithdrawAsync(AssistanceChange change, string reason, string authority, CancellationToken ct)
    {
        if (change.Status != ChangeStatus.Proposed) return false;
        var wf = await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(w => w.Id == change.WorkflowCaseId, ct);
        await workflow.PerformAuthorizedAsync(wf, new TransitionRequest("withdraw", reason), authority, t =>
        {
            Close(change, ChangeStatus.Withdrawn, t.Opinion);
            return Task.CompletedTask;
        }, ct);
        return true;
    }

    private async Task ApplyAsync(AssistanceChange change, AuthorizedTransition t, CancellationToken ct)
    {
        if (t.Action == "reject")
        {
            Close(change, ChangeStatus.Rejected, t.Opinion);
            if (change.RemovedPersonId is not null)
            {
                // the member is gone all the same: the township investigates and recalculates through a review
                db.Set<AssistanceReview>().Add(AssistanceReview.Of(await cases.LoadAsync(change.CaseId, ct), ReviewKind.ChangeReport, clock.Today,
                    $"变更核定未获同意（{t.Opinion}）：{change.Reason}。请重新调查后核定"));
            }
            return;
        }
        var c = await cases.LoadAsync(change.CaseId, ct);
        if (c.State is not (AssistanceProcesses.Active or AssistanceProcesses.Suspended)) throw new AppProblem(409, "case_not_active", "该业务已不在保，变更无法生效");
        // proposals of a case take effect in the order they were made: an older one decided later would overwrite a newer amount
        if (await db.Set<AssistanceChange>().AnyAsync(x => x.CaseId == c.Id && x.Id != change.Id && x.Status == ChangeStatus.Proposed && x.CreatedAt < change.CreatedAt, ct))
        {
            throw AppProblem.Conflict("change_out_of_order", "该业务有更早提出、尚未审批的变更，请先审批较早的变更");
        }
        Close(change, ChangeStatus.Approved, t.Opinion);
        var opinion = t.Opinion is null ? "同意" : t.Opinion;
        if (change.Kind == ChangeKind.Terminate)
        {
            var last = change.EffectiveFrom.AddMonths(-1);
            var recovered = last < Entitlements.MonthOf(clock.Today) ? "，此后已发放的保障金予以追缴" : "";
            await termination.TerminateDecidedAsync(c, $"{change.Reason}。审批意见：{opinion}", last, $"（发放至 {last:yyyy年M月}{recovered}）", ct);
            return;
        }
        if (change.RemovedPersonId is { } removed)
        {
            foreach (var m in c.Members.Where(m => m.PersonId == removed)) m.Included = false;
        }
        if (change.NewPayeePersonId is { } payee && change.NewPayeeName is { } payeeName)
        {
            // the member paid so far died: the household's benefit is paid to the member the proposal named
            c.ApplicantPersonId = payee;
            c.ApplicantName = payeeName;
        }
        var explanation = change.Explanation ?? "[]";
        c.MonthlyAmount = change.Amount;
        c.AmountExplanation = explanation;
        var reason = "变更核定：" + change.Reason;
        amounts.Add(c, change.EffectiveFrom, change.Amount, reason.Length > 500 ? reason[..500] : reason, JsonSerializer.Deserialize<List<AmountLine>>(explanation, AssistanceCases.Json) ?? []);
        // a suspended case publishes its (new) amount when it is resumed
        if (c.State == AssistanceProcesses.Active)
        {
            await entitlements.SetAsync(AssistanceCases.PayeeOf(c), change.EffectiveFrom, change.Amount, explanation, reason.Length > 500 ? reason[..500] : reason, ct);
        }
        var caseWf = await AssistanceCases.WorkflowOfAsync(db, c, ct);
        workflow.AddNote(caseWf, "变更保障金额", $"{opinion}：自 {change.EffectiveFrom:yyyy年M月}起每月 {change.Amount.ToYuanString()}（{c.MemberCount} 人）。{change.Reason}");
        await documents.IssueAsync(c, ChangeNotice, opinion, new
        {
            effectiveFrom = change.EffectiveFrom.ToString("yyyy年M月", System.Globalization.CultureInfo.InvariantCulture),
            change.Reason,
            newPayee = change.NewPayeeName,
        }, ct);
    }

    private void Close(AssistanceChange change, ChangeStatus status, string? opinion)
    {
        change.Status = status;
        change.DecidedBy = user.UserName;
        change.DecidedOn = clock.Today;
        change.Opinion = opinion is { Length: > 1000 } ? opinion[..1000] : opinion;
    }
}
