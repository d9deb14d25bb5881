using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.AssistancePermissions;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// The three assistance processes as data for the workflow kernel. Step limits follow 民发〔2021〕57号 and
/// 民发〔2021〕43号 as far as they are known (rules.md §1.2, §2.5); unconfirmed ones are marked and, like all
/// process timings, stored versioned in workflow_process.
/// </summary>
public static class AssistanceProcesses
{
    public const string Submitted = "submitted";
    public const string Investigating = "investigating";
    public const string Reviewing = "reviewing";
    public const string Notice = "notice";
    public const string Confirming = "confirming";
    public const string Filing = "filing";
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string TerminationNotice = "termination_notice";
    public const string AssistedFirst = "assisted_first";
    public const string Granted = "granted";
    public const string Refused = "refused";
    public const string NotAccepted = "not_accepted";
    public const string Withdrawn = "withdrawn";
    public const string Terminated = "terminated";

    private static readonly StateModel[] Closing =
    [
        new(Refused, "不予确认", Terminal: true),
        new(NotAccepted, "不予受理", Terminal: true),
        new(Withdrawn, "已撤回", Terminal: true),
    ];

    private static TransitionModel[] Intake() =>
    [
        new(Submitted, "accept", "受理", Investigating, Accept),
        new(Submitted, "not-accept", "不予受理", NotAccepted, Accept, RequiresOpinion: true),
        new(Submitted, "withdraw", "申请人撤回", Withdrawn, Platform.Access.Permissions.CitizenApply),
        new(Submitted, "record-withdrawal", "登记撤回申请", Withdrawn, Accept, RequiresOpinion: true),
        new(Investigating, "submit-investigation", "提交调查结果", Reviewing, Investigate),
        new(Investigating, "withdraw", "申请人撤回", Withdrawn, Platform.Access.Permissions.CitizenApply),
        new(Investigating, "record-withdrawal", "登记撤回申请", Withdrawn, Accept, RequiresOpinion: true),
        new(Reviewing, "propose-approve", "审核同意，进入公示", Notice, Approve),
        new(Reviewing, "propose-refuse", "审核不同意", Confirming, Approve, RequiresOpinion: true),
        new(Reviewing, "return", "退回补充调查", Investigating, Approve, RequiresOpinion: true),
        new(Notice, "objection", "公示有异议，重新调查", Investigating, Accept, RequiresOpinion: true),
        new(Notice, "notice-ended", "公示期满无异议", Confirming, Approve),
        new(Confirming, "county-return", "县级退回重新调查", Investigating, Confirm, RequiresOpinion: true),
        new(Confirming, "refuse-county", "县级不予确认", Refused, Confirm, RequiresOpinion: true),
    ];

    public static readonly ProcessModel Dibao = new(
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

    public static readonly ProcessModel ExtremePoverty = new(
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

    public static readonly ProcessModel Temporary = new(
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

    public static ProcessModel For(AssistanceProgram program) => program switch
    {
        AssistanceProgram.Dibao => Dibao,
        AssistanceProgram.ExtremePoverty => ExtremePoverty,
        _ => Temporary,
    };

    public static string Prefix(AssistanceProgram program) => program switch
    {
        AssistanceProgram.Dibao => "DB",
        AssistanceProgram.ExtremePoverty => "TK",
        _ => "LS",
    };

    public static string ProgramName(AssistanceProgram program) => program switch
    {
        AssistanceProgram.Dibao => "最低生活保障",
        AssistanceProgram.ExtremePoverty => "特困人员救助供养",
        _ => "临时救助",
    };

    public static bool IsClosed(string state) => state is Refused or NotAccepted or Withdrawn or Terminated or Granted;
}
