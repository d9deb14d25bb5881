using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Changes;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// Suspends, terminates or recovers a dibao or extreme-poverty case on a finding confirmed elsewhere (data comparison), through
/// the case's own process: the same state change, timeline event and notice as the case's "suspend" and "terminate" actions.
/// Extreme-poverty support is ended only after a public notice and county confirmation (43号), which a finding cannot replace:
/// it can be suspended, and a recovery suspends it from the month after the event; the county then proposes termination.
/// A township clerk never ends or cuts a benefit alone (ADR 022): a 终止 or 停发并追缴 asked for by someone who does not hold the
/// permission that decides 终止保障 in the dibao process becomes a change proposal the approver decides, with the notice; a
/// suspension stays immediate, as the process allows, recorded with the finding as its authority.
/// </summary>
public sealed class AssistanceBenefitActions(SuspendOrTerminate cases, AppDbContext db, WorkflowEngine workflow, ProposeChange changes) : IBenefitActions
{
    public IReadOnlyDictionary<string, IReadOnlyList<BenefitAction>> Supported { get; } = new Dictionary<string, IReadOnlyList<BenefitAction>>
    {
        [AssistanceCases.ProgramCode(AssistanceProgram.Dibao)] = [BenefitAction.Suspend, BenefitAction.Terminate, BenefitAction.Recover],
        [AssistanceCases.ProgramCode(AssistanceProgram.ExtremePoverty)] = [BenefitAction.Suspend, BenefitAction.Recover],
    };

    public async Task<string> ApplyAsync(BenefitActionRequest request, CancellationToken ct)
    {
        if (!Supported.TryGetValue(request.Program, out var actions) || !actions.Contains(request.Action))
        {
            throw AppProblem.Conflict("benefit_action_unsupported", $"社会救助不支持对“{request.Program}”执行“{ActionName(request.Action)}”");
        }
        if (string.IsNullOrWhiteSpace(request.Reason)) throw AppProblem.Field("reason", "请写明理由");
        if (string.IsNullOrWhiteSpace(request.Authority)) throw AppProblem.Field("authority", "请写明依据");
        // the case's end reason holds the written reason; the timeline event holds it with the authority
        if (request.Reason.Trim().Length > 1000) throw AppProblem.Field("reason", "理由不超过 1000 字");

        // through the scope filter: the caller acts within its own division
        var c = await db.Set<AssistanceCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.SourceId, ct);
        if (c is null || AssistanceCases.ProgramCode(c.Program) != request.Program) throw AppProblem.NotFound("救助业务");
        var program = ProgramName(c.Program);
        var last = Entitlements.MonthOf(request.LastDueMonth);
        var running = c.State == Active || (c.State == Suspended && request.Action != BenefitAction.Suspend);
        if (!running)
        {
            throw AppProblem.Conflict("benefit_not_running", $"{program}（{c.Number}）当前状态为“{For(c.Program).State(c.State).Name}”，不能{ActionName(request.Action)}");
        }
        // a suspended case has already stopped: a later end does not restart it
        var paidThrough = c.State == Suspended ? Earlier(await EndOfPaymentAsync(request.Program, c.Id, ct), last) : last;
        const string recovered = "，此后已发放的金额在下次发放时转为追缴";
        var mayTerminate = request.Action != BenefitAction.Suspend && await MayTerminateAsync(c, ct);

        switch (request.Action)
        {
            case BenefitAction.Suspend:
                await cases.OnAuthorityAsync(c.Id, "suspend", request.Reason, request.Authority, last, $"（发放至 {last:yyyy年M月}）", ct);
                return $"已暂停发放{program}（{c.Number}），发放至 {last:yyyy年M月}";
            case BenefitAction.Recover when c.Program == AssistanceProgram.ExtremePoverty && c.State == Suspended:
                await cases.RecoverWhileSuspendedAsync(c.Id, request.Reason, request.Authority, last, ct);
                return $"{program}（{c.Number}）已暂停发放，发放至 {paidThrough:yyyy年M月}{recovered}；终止供养须经公示后由县级确认";
            case BenefitAction.Recover when c.Program == AssistanceProgram.ExtremePoverty:
                await cases.OnAuthorityAsync(c.Id, "suspend", request.Reason, request.Authority, last, $"（发放至 {last:yyyy年M月}，此后已发放的供养金予以追缴）", ct);
                return $"已暂停发放{program}（{c.Number}），发放至 {last:yyyy年M月}{recovered}；终止供养须经公示后由县级确认";
            case BenefitAction.Terminate or BenefitAction.Recover when !mayTerminate:
                {
                    var tracked = await AssistanceCases.LoadAsync(db, c.Id, ct);
                    var reason = request.Action == BenefitAction.Recover ? $"{request.Reason.Trim()}（发放至 {paidThrough:yyyy年M月}，此后已发放的保障金予以追缴）" : request.Reason.Trim();
                    await changes.TerminationAsync(tracked, paidThrough, reason, request.Authority, ct);
                    return $"已提请终止{program}（{c.Number}），拟发放至 {paidThrough:yyyy年M月}{(request.Action == BenefitAction.Recover ? "，此后已发放的保障金予以追缴" : "")}；待审核人员审批，审批前照常发放";
                }
            default:
                var recover = request.Action == BenefitAction.Recover;
                await cases.OnAuthorityAsync(c.Id, "terminate", request.Reason, request.Authority, last,
                    $"（发放至 {paidThrough:yyyy年M月}{(recover ? "，此后已发放的保障金予以追缴" : "")}）", ct);
                return $"已终止{program}（{c.Number}），发放至 {paidThrough:yyyy年M月}{(recover ? recovered : "")}";
        }
    }

    /// <summary>Whether the acting user holds the permission the case's own process requires for 终止保障 (the one who decides it).</summary>
    private async Task<bool> MayTerminateAsync(AssistanceCase c, CancellationToken ct) =>
        await workflow.MayPerformAsync(await db.WorkflowCases.AsNoTracking().FirstAsync(w => w.Id == c.WorkflowCaseId, ct), "terminate", ct);

    /// <summary>The last month the case's (already ended) monthly entitlement covers, if any.</summary>
    private async Task<DateOnly?> EndOfPaymentAsync(string program, Guid sourceId, CancellationToken ct)
    {
        var ends = await db.Set<EntitlementPeriod>().AsNoTracking().Where(e => e.Program == program && e.SourceId == sourceId && !e.OneOff).Select(e => e.ToMonth).ToListAsync(ct);
        return ends.Count == 0 || ends.Any(e => e is null) ? null : ends.Max();
    }

    private static DateOnly Earlier(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    internal static string ActionName(BenefitAction action) => action switch
    {
        BenefitAction.Suspend => "暂停发放",
        BenefitAction.Terminate => "终止",
        BenefitAction.Recover => "追缴",
        _ => action.ToString(),
    };
}
