using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.ChildWelfare;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Tasks;

/// <summary>
/// ADR 026's rule for which step waits on whom, over the real process definitions: the permission of the step's leading move, never
/// the refusals, withdrawals or closing on a death that a step also allows; no one for states without a step deadline.
/// </summary>
public sealed class WorkflowWaitingTests
{
    public static TheoryData<string, string, string[]> Cases() => new()
    {
        // 低保: the clerk accepts and investigates, the township approves (also at the end of the notice), the county confirms
        { "dibao", AssistanceProcesses.Submitted, [AssistancePermissions.Accept] },
        { "dibao", AssistanceProcesses.Investigating, [AssistancePermissions.Investigate] },
        { "dibao", AssistanceProcesses.Reviewing, [AssistancePermissions.Approve] },
        { "dibao", AssistanceProcesses.Confirming, [AssistancePermissions.Approve, AssistancePermissions.Confirm] },
        { "dibao", AssistanceProcesses.Filing, [AssistancePermissions.Approve] },
        // no step deadline: in payment, suspended, in notice (the notice's own end is not a step limit)
        { "dibao", AssistanceProcesses.Active, [] },
        { "dibao", AssistanceProcesses.Suspended, [] },
        { "dibao", AssistanceProcesses.Notice, [] },
        { "dibao", AssistanceProcesses.Refused, [] },
        // 两项补贴: the village checks, the township reviews, 残联 verifies the certificate, the county approves; closing on a
        // death (disability.approve) is possible at every step but is not what the village's step waits for
        { "disability", DisabilityProcess.Applied, [DisabilityPermissions.Apply] },
        { "disability", DisabilityProcess.VillageChecked, [DisabilityPermissions.Review] },
        { "disability", DisabilityProcess.TownshipReviewed, [DisabilityPermissions.Verify] },
        { "disability", DisabilityProcess.Verified, [DisabilityPermissions.Approve] },
        { "disability", DisabilityProcess.Approved, [] },
        // 儿童: the township's agreement needs an opinion, and is still the step's leading move
        { "child", ChildProcess.Applied, [ChildPermissions.Review] },
        { "child", ChildProcess.TownshipReviewed, [ChildPermissions.Confirm] },
        { "child", ChildProcess.Confirmed, [] },
    };

    private static ProcessModel ModelOf(string name) => name switch
    {
        "dibao" => AssistanceProcesses.Dibao,
        "disability" => DisabilityProcess.Model,
        _ => ChildProcess.Model,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_step_waits_on_the_permission_of_its_leading_move(string process, string state, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), WorkflowWaiting.PermissionsWaitedOn(ModelOf(process), state).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("450921198001011237 申请", "450921********1237 申请")]
    [InlineData("张三（13912345678）", "张三（139****5678）")]
    [InlineData("DB-450921-2026-00012 张三", "DB-450921-2026-00012 张三")]
    public void Subjects_never_show_a_raw_id_number_or_phone(string text, string expected) => Assert.Equal(expected, WorkItemText.Mask(text));
}
