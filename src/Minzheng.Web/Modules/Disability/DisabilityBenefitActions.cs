using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Disability;

/// <summary>
/// Suspends, terminates or recovers a disability subsidy on a finding confirmed elsewhere (data comparison). A suspension is
/// immediate, as the process allows (暂停发放 on a finding), recorded with the finding as its authority; it waits for the county to
/// resume it (<see cref="SubsidyApplications.ResumeAsync"/>) or terminate it. 停发 and 停发并追缴 are the county's decision
/// (国发〔2015〕52号: 县级民政部门 decides; the process's "terminate" needs <see cref="DisabilityPermissions.Approve"/>): whoever holds
/// that permission stops it at once, anyone else (a township clerk) proposes it and the county decides (ADR 028), with the
/// 停发通知书 issued on approval.
/// </summary>
public sealed class DisabilityBenefitActions(SubsidyApplications applications, AppDbContext db, WorkflowEngine workflow, BenefitProposals proposals) : IBenefitActions
{
    private static readonly IReadOnlyList<BenefitAction> All = [BenefitAction.Suspend, BenefitAction.Terminate, BenefitAction.Recover];

    public IReadOnlyDictionary<string, IReadOnlyList<BenefitAction>> Supported { get; } = new Dictionary<string, IReadOnlyList<BenefitAction>>
    {
        [SubsidyApplications.ProgramCode(Subsidy.Living)] = All,
        [SubsidyApplications.ProgramCode(Subsidy.Care)] = All,
    };

    public async Task<string> ApplyAsync(BenefitActionRequest request, CancellationToken ct)
    {
        if (!Supported.TryGetValue(request.Program, out var actions) || !actions.Contains(request.Action))
        {
            throw AppProblem.Conflict("benefit_action_unsupported", $"残疾人两项补贴不支持对“{request.Program}”执行该操作");
        }
        if (string.IsNullOrWhiteSpace(request.Reason)) throw AppProblem.Field("reason", "请写明理由");
        if (string.IsNullOrWhiteSpace(request.Authority)) throw AppProblem.Field("authority", "请写明依据");
        var note = Note(request.Reason, request.Authority);
        // the note is stored on the application (500 characters)
        if (note.Length > 500) throw AppProblem.Field("reason", "理由和依据合计不超过 500 字");

        // through the scope filter: the caller acts within its own division
        var a = await applications.LoadAsync(request.SourceId, ct);
        if (SubsidyApplications.ProgramCode(a.Subsidy) != request.Program) throw AppProblem.NotFound("两项补贴申请");
        var name = SubsidyRules.Name(a.Subsidy);
        var running = a.Status == SubsidyStatus.Approved || (a.Status == SubsidyStatus.Suspended && request.Action != BenefitAction.Suspend);
        if (!running) throw AppProblem.Conflict("benefit_not_running", $"{name}（{a.Number}）不在发放中，不能{(request.Action == BenefitAction.Suspend ? "暂停发放" : "停发")}");

        if (request.Action == BenefitAction.Suspend)
        {
            await applications.SuspendAsync(a, request.LastDueMonth, note, request.Authority, ct);
            return $"已暂停发放{name}（{a.Number}），发放至 {a.LastMonth:yyyy年M月}";
        }
        var recover = request.Action == BenefitAction.Recover ? "，此后已发放的金额在下次发放时转为追缴" : "";
        var wf = await applications.CaseOfAsync(a, ct);
        if (!await workflow.MayPerformAsync(wf, DisabilityProcess.Terminate, ct))
        {
            // a township clerk may not stop the subsidy: the county decides, and pays on until then
            var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstAsync(ct);
            await proposals.ProposeAsync(DisabilityStopDecision.StopProcess, request, wf, a.Number, person, a.DivisionCode, ct);
            return $"已提请停发{name}（{a.Number}），拟发放至 {Entitlements.MonthOf(request.LastDueMonth):yyyy年M月}{recover}；待县级民政部门审批，审批前照常发放";
        }
        await applications.StopAtAsync(a, TerminationReason.Other, request.LastDueMonth, note, request.Authority, ct);
        return $"已停发{name}（{a.Number}），发放至 {a.LastMonth:yyyy年M月}{recover}";
    }

    internal static string Note(string reason, string authority) => $"{reason.Trim()}（依据：{authority.Trim()}）";
}

/// <summary>
/// The county's decision on a proposed stop (<see cref="BenefitProposals"/>): its own process, decided by the permission that
/// decides 停发 in <see cref="DisabilityProcess"/>, and the stop it then performs.
/// </summary>
public sealed class DisabilityStopDecision(SubsidyApplications applications, AppDbContext db) : IBenefitProposalEffects
{
    public const string StopProcess = "disability-stop";

    public static readonly ProcessModel StopModel = BenefitProposalProcess.For(StopProcess, "两项补贴停发审批", DisabilityPermissions.Approve);

    public string ProcessCode => StopProcess;

    public string ProgramName(string program) => SubsidyRules.Name(program == SubsidyApplications.ProgramCode(Subsidy.Living) ? Subsidy.Living : Subsidy.Care);

    /// <summary>
    /// The county approved a proposed stop: the subsidy stops as the county's own 停发 would, with the proposal's reason and the
    /// approval as its written basis. The approver's permission was checked by the proposal's own transition (the same permission
    /// as 停发 here), so the module's stop runs on that authority.
    /// </summary>
    public async Task<string> ApproveAsync(BenefitProposal proposal, string opinion, CancellationToken ct)
    {
        var a = await db.Set<SubsidyApplication>().FirstOrDefaultAsync(x => x.Id == proposal.SourceId, ct) ?? throw AppProblem.NotFound("两项补贴申请");
        var name = SubsidyRules.Name(a.Subsidy);
        if (a.Status is not (SubsidyStatus.Approved or SubsidyStatus.Suspended))
        {
            throw AppProblem.Conflict("benefit_not_running", $"{name}（{a.Number}）已不在发放中，停发提请无法生效，请选择“不同意停发”并写明原因");
        }
        var authority = $"县级民政部门审批同意停发提请（{proposal.ProposedBy} {proposal.ProposedOn:yyyy-MM-dd} 提请，{opinion}）；{proposal.Authority}";
        var note = DisabilityBenefitActions.Note(proposal.Reason, authority);
        await applications.StopAtAsync(a, TerminationReason.Other, proposal.LastDueMonth, note.Length > 500 ? note[..500] : note, authority.Length > 500 ? authority[..500] : authority, ct);
        return $"停发{name}（{a.Number}），发放至 {a.LastMonth:yyyy年M月}{(proposal.Action == BenefitAction.Recover ? "，此后已发放的金额在下次发放时转为追缴" : "")}";
    }
}
