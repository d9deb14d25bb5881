using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.AssistancePermissions;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.ExtremePoverty;

/// <summary>特困人员认定 as data for the workflow kernel: county decision only, termination after a public notice.</summary>
public static class ExtremePovertyProcess
{
    public static readonly ProcessModel Model = new(
        Code: AssistancePrograms.ExtremePoverty,
        Name: "特困人员认定",
        InitialState: Submitted,
        States:
        [
            new(Submitted, "已申请", DeadlineWorkingDays: 5),
            new(Investigating, "调查核实", DeadlineWorkingDays: 15),     // 43号 (as understood): township opinion within 15 working days
            new(Reviewing, "乡镇审核", DeadlineWorkingDays: 5),
            new(Notice, "公示中"),
            new(Confirming, "县级审批确认", DeadlineWorkingDays: 20),    // 43号 (as understood): 15–20 working days
            new(Active, "供养中"),
            new(Suspended, "暂停供养"),
            new(TerminationNotice, "终止公示中"),
            new(Terminated, "已终止供养", Terminal: true),
            .. Closing,
        ],
        Transitions:
        [
            .. Intake(),
            new(Confirming, "confirm-county", "县级审批确认", Active, Confirm),
            new(Active, "suspend", "暂停供养", Suspended, Approve, RequiresOpinion: true),
            new(Suspended, "resume", "恢复供养", Active, Approve),
            new(Active, "propose-termination", "拟终止供养并公示", TerminationNotice, Approve, RequiresOpinion: true),
            new(Suspended, "propose-termination", "拟终止供养并公示", TerminationNotice, Approve, RequiresOpinion: true),
            new(TerminationNotice, "termination-objection", "终止公示有异议", Active, Accept, RequiresOpinion: true),
            new(TerminationNotice, "confirm-termination", "县级确认终止", Terminated, Confirm),
        ],
        OverallDeadline: new OverallDeadlineModel(Investigating, 40, 55)); // UNCONFIRMED
}
