using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>
/// Ends an orphan's or de-facto unsupported child's allowance on a finding confirmed elsewhere (data comparison). 停发 is the
/// county's decision (the process's "end" needs <see cref="ChildPermissions.Confirm"/>, the permission that confirms the allowance):
/// whoever holds it ends the allowance at once, like the county's own 停发 with the finding as the written reason; anyone else (a
/// township clerk) proposes it and the county decides (ADR 028), with the 停发通知书 issued on approval. The allowance has no
/// suspended state, so there is no suspension: a finding that does not end the allowance goes to the county as it is.
/// </summary>
public sealed class ChildBenefitActions(ChildAllowances allowances, AppDbContext db, WorkflowEngine workflow, BenefitProposals proposals) : IBenefitActions
{
    private static readonly IReadOnlyList<BenefitAction> Ending = [BenefitAction.Terminate, BenefitAction.Recover];

    public IReadOnlyDictionary<string, IReadOnlyList<BenefitAction>> Supported { get; } = new Dictionary<string, IReadOnlyList<BenefitAction>>
    {
        [ChildPrograms.Orphan] = Ending,
        [ChildPrograms.Unsupported] = Ending,
    };

    public async Task<string> ApplyAsync(BenefitActionRequest request, CancellationToken ct)
    {
        if (!Supported.TryGetValue(request.Program, out var actions) || !actions.Contains(request.Action))
        {
            throw AppProblem.Conflict("benefit_action_unsupported", $"儿童福利不支持对“{request.Program}”执行该操作（孤儿、事实无人抚养儿童基本生活费只能停发，不能暂停）");
        }
        if (string.IsNullOrWhiteSpace(request.Reason)) throw AppProblem.Field("reason", "请写明理由");
        if (string.IsNullOrWhiteSpace(request.Authority)) throw AppProblem.Field("authority", "请写明依据");
        var note = Note(request.Reason, request.Authority);
        // the note is stored on the case (500 characters)
        if (note.Length > 500) throw AppProblem.Field("reason", "理由和依据合计不超过 500 字");

        // through the scope filter: the caller acts within its own division
        var c = await allowances.LoadAsync(request.SourceId, ct);
        if (ChildAllowances.ProgramCode(c.Kind) != request.Program) throw AppProblem.NotFound("儿童保障业务");
        var name = ChildAllowances.KindName(c.Kind) + "基本生活费";
        if (c.Status != ChildCaseStatus.Confirmed) throw AppProblem.Conflict("benefit_not_running", $"{name}（{c.Number}）不在保障中，不能停发");
        var recover = request.Action == BenefitAction.Recover ? "，此后已发放的金额在下次发放时转为追缴" : "";

        var wf = await allowances.CaseOfAsync(c, ct);
        if (!await workflow.MayPerformAsync(wf, ChildProcess.End, ct))
        {
            // a township clerk may not end the allowance: the county decides, and it is paid on until then
            var child = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == c.ChildPersonId).Select(p => p.Name).FirstAsync(ct);
            await proposals.ProposeAsync(ChildStopDecision.StopProcess, request, wf, c.Number, child, c.DivisionCode, ct);
            return $"已提请停发{name}（{c.Number}），拟发放至 {Entitlements.MonthOf(request.LastDueMonth):yyyy年M月}{recover}；待县级民政部门审批，审批前照常发放";
        }
        await allowances.EndAtAsync(c, ChildEndReason.Other, request.LastDueMonth, note, request.Authority, ct);
        return $"已停发{name}（{c.Number}），发放至 {c.EndedMonth:yyyy年M月}{recover}";
    }

    internal static string Note(string reason, string authority) => $"{reason.Trim()}（依据：{authority.Trim()}）";
}

/// <summary>
/// The county's decision on a proposed stop of a child's allowance (<see cref="BenefitProposals"/>): its own process, decided by
/// the permission that decides 停发 in <see cref="ChildProcess"/>, and the end it then performs.
/// </summary>
public sealed class ChildStopDecision(ChildAllowances allowances, AppDbContext db) : IBenefitProposalEffects
{
    public const string StopProcess = "child-allowance-stop";

    public static readonly ProcessModel StopModel = BenefitProposalProcess.For(StopProcess, "儿童基本生活费停发审批", ChildPermissions.Confirm);

    public string ProcessCode => StopProcess;

    public string ProgramName(string program) => (program == ChildPrograms.Orphan ? "孤儿" : "事实无人抚养儿童") + "基本生活费";

    /// <summary>
    /// The county approved: the allowance ends as the county's own 停发 would, with the proposal's reason and the approval as its
    /// written basis (the approver's permission was checked by the proposal's own transition — the same permission as 停发 here).
    /// </summary>
    public async Task<string> ApproveAsync(BenefitProposal proposal, string opinion, CancellationToken ct)
    {
        var c = await db.Set<ChildAllowanceCase>().FirstOrDefaultAsync(x => x.Id == proposal.SourceId, ct) ?? throw AppProblem.NotFound("儿童保障业务");
        var name = ChildAllowances.KindName(c.Kind) + "基本生活费";
        if (c.Status != ChildCaseStatus.Confirmed) throw AppProblem.Conflict("benefit_not_running", $"{name}（{c.Number}）已不在保障中，停发提请无法生效，请选择“不同意停发”并写明原因");
        var authority = $"县级民政部门审批同意停发提请（{proposal.ProposedBy} {proposal.ProposedOn:yyyy-MM-dd} 提请，{opinion}）；{proposal.Authority}";
        var note = ChildBenefitActions.Note(proposal.Reason, authority);
        await allowances.EndAtAsync(c, ChildEndReason.Other, proposal.LastDueMonth, note.Length > 500 ? note[..500] : note, authority.Length > 500 ? authority[..500] : authority, ct);
        return $"停发{name}（{c.Number}），发放至 {c.EndedMonth:yyyy年M月}{(proposal.Action == BenefitAction.Recover ? "，此后已发放的金额在下次发放时转为追缴" : "")}";
    }
}
