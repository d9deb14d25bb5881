using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>
/// Ends an orphan's or de-facto unsupported child's allowance on a finding confirmed elsewhere (data comparison), like the
/// county's own 停发 with the finding as the written reason. The allowance has no suspended state, so there is no suspension:
/// a finding that does not end the allowance goes to the county as it is.
/// </summary>
public sealed class ChildBenefitActions(ChildAllowances allowances) : IBenefitActions
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
        var note = $"{request.Reason.Trim()}（依据：{request.Authority.Trim()}）";
        // the note is stored on the case (500 characters)
        if (note.Length > 500) throw AppProblem.Field("reason", "理由和依据合计不超过 500 字");

        // through the scope filter: the caller acts within its own division
        var c = await allowances.LoadAsync(request.SourceId, ct);
        if (ChildAllowances.ProgramCode(c.Kind) != request.Program) throw AppProblem.NotFound("儿童保障业务");
        var name = ChildAllowances.KindName(c.Kind) + "基本生活费";
        if (c.Status != ChildCaseStatus.Confirmed) throw AppProblem.Conflict("benefit_not_running", $"{name}（{c.Number}）不在保障中，不能停发");

        await allowances.EndAtAsync(c, ChildEndReason.Other, request.LastDueMonth, note, request.Authority, ct);
        return $"已停发{name}（{c.Number}），发放至 {c.EndedMonth:yyyy年M月}{(request.Action == BenefitAction.Recover ? "，此后已发放的金额在下次发放时转为追缴" : "")}";
    }
}
