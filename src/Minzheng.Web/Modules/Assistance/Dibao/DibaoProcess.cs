using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.AssistancePermissions;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Dibao;

/// <summary>最低生活保障审核确认 as data for the workflow kernel (民发〔2021〕57号 as far as known; unconfirmed limits are marked).</summary>
public static class DibaoProcess
{
    public static readonly ProcessModel Model = new(
        Code: AssistancePrograms.Dibao,
        Name: "最低生活保障审核确认",
        InitialState: Submitted,
        States:
        [
            new(Submitted, "已申请", DeadlineWorkingDays: 5),           // 受理: local practice, UNCONFIRMED
            new(Investigating, "调查核实", DeadlineWorkingDays: 15),     // UNCONFIRMED
            new(Reviewing, "乡镇审核", DeadlineWorkingDays: 5),          // UNCONFIRMED
            new(Notice, "公示中"),                                       // 7 days, from the notice-days figure
            new(Confirming, "审批确认", DeadlineWorkingDays: 10),        // 57号: within 10 working days after notice
            new(Filing, "报县备案", DeadlineWorkingDays: 5),             // LOCAL-EXAMPLE (Anqing)
            new(Active, "在保"),
            new(Suspended, "暂停发放"),
            new(Terminated, "已终止", Terminal: true),
            .. Closing,
        ],
        Transitions:
        [
            .. Intake(),
            new(Confirming, "confirm-township", "乡镇审批确认", Filing, Approve),
            new(Confirming, "refuse-township", "乡镇不予确认", Refused, Approve, RequiresOpinion: true),
            new(Confirming, "confirm-county", "县级审批确认", Active, Confirm),
            new(Filing, "file", "已报县备案", Active, Approve),
            new(Active, "suspend", "暂停发放", Suspended, Approve, RequiresOpinion: true),
            new(Active, "terminate", "终止保障", Terminated, Approve, RequiresOpinion: true),
            new(Suspended, "resume", "恢复发放", Active, Approve),
            new(Suspended, "terminate", "终止保障", Terminated, Approve, RequiresOpinion: true),
        ],
        OverallDeadline: new OverallDeadlineModel(Investigating, 30, 45)); // 57号: 30 working days from acceptance, 45 in special cases
}
