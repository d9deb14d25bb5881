using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Disability;

/// <summary>
/// Suspends, terminates or recovers a disability subsidy on a finding confirmed elsewhere (data comparison). A suspension
/// waits for the county to resume it (<see cref="SubsidyApplications.ResumeAsync"/>) or terminate it; termination and recovery
/// stop it like the county's own 停发, with the finding as the written reason.
/// </summary>
public sealed class DisabilityBenefitActions(SubsidyApplications applications) : IBenefitActions
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
        var note = $"{request.Reason.Trim()}（依据：{request.Authority.Trim()}）";
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
        await applications.StopAtAsync(a, TerminationReason.Other, request.LastDueMonth, note, request.Authority, ct);
        return $"已停发{name}（{a.Number}），发放至 {a.LastMonth:yyyy年M月}{(request.Action == BenefitAction.Recover ? "，此后已发放的金额在下次发放时转为追缴" : "")}";
    }
}
