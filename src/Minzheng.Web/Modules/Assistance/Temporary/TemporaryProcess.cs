using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.AssistancePermissions;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Temporary;

/// <summary>临时救助 as data for the workflow kernel: assist first when urgent, township or county grant by amount.</summary>
public static class TemporaryProcess
{
    public static readonly ProcessModel Model = new(
        Code: AssistancePrograms.Temporary,
        Name: "临时救助",
        InitialState: Submitted,
        States:
        [
            new(Submitted, "已申请", DeadlineWorkingDays: 3),
            new(AssistedFirst, "已先行救助，待补办手续", DeadlineWorkingDays: 10),
            new(Investigating, "调查核实", DeadlineWorkingDays: 5),
            new(Reviewing, "乡镇审核", DeadlineWorkingDays: 3),
            new(Notice, "公示中"),
            new(Confirming, "审批", DeadlineWorkingDays: 5),
            new(Granted, "已救助", Terminal: true),
            .. Closing,
        ],
        Transitions:
        [
            .. Intake(),
            new(Submitted, "assist-first", "先行救助", AssistedFirst, Approve, RequiresOpinion: true),
            new(AssistedFirst, "complete-paperwork", "补办手续完成", Reviewing, Investigate),
            new(Confirming, "grant-township", "乡镇审批同意", Granted, Approve),
            new(Confirming, "refuse-township", "乡镇不予救助", Refused, Approve, RequiresOpinion: true),
            new(Confirming, "grant-county", "县级审批同意", Granted, Confirm),
        ],
        OverallDeadline: new OverallDeadlineModel(Investigating, 15, 20)); // UNCONFIRMED
}
