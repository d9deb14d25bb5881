using Minzheng.Web.Modules.Assistance.Dibao;
using Minzheng.Web.Modules.Assistance.ExtremePoverty;
using Minzheng.Web.Modules.Assistance.Temporary;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.AssistancePermissions;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// The states and shared steps of the three assistance processes; each program's definition sits in its own folder
/// (Dibao/, ExtremePoverty/, Temporary/). Step limits follow 民发〔2021〕57号 and 民发〔2021〕43号 as far as they are known (rules.md §1.2, §2.5); unconfirmed ones are marked and, like all
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

    /// <summary>The closing states every program shares.</summary>
    internal static readonly StateModel[] Closing =
    [
        new(Refused, "不予确认", Terminal: true),
        new(NotAccepted, "不予受理", Terminal: true),
        new(Withdrawn, "已撤回", Terminal: true),
    ];

    /// <summary>Application, investigation, review, notice and the county's return or refusal: the steps every program shares.</summary>
    internal static TransitionModel[] Intake() =>
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

    /// <summary>Dibao's process; defined with the program in Dibao/.</summary>
    public static ProcessModel Dibao => DibaoProcess.Model;

    /// <summary>Extreme-poverty support's process; defined with the program in ExtremePoverty/.</summary>
    public static ProcessModel ExtremePoverty => ExtremePovertyProcess.Model;

    /// <summary>Temporary assistance's process; defined with the program in Temporary/.</summary>
    public static ProcessModel Temporary => TemporaryProcess.Model;

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
