using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Disability.DisabilityPermissions;

namespace Minzheng.Web.Modules.Disability;

/// <summary>
/// 残疾人两项补贴 as data for the workflow kernel (国发〔2015〕52号 三、（二）: 申请 → 乡镇审核 → 县残联审核 → 县民政审批, here with
/// the village's check before the township as the platform has always run it). The permissions per step are the ones the
/// module always required; the step limits are local practice (UNCONFIRMED: 52号 sets none; stored versioned, so a county
/// can change them without a code change to old cases).
/// </summary>
public static class DisabilityProcess
{
    public const string Code = "disability-subsidy";

    /// <summary>The workflow case's subject type; its subject id is the application's id.</summary>
    public const string SubjectType = "disability-subsidy";

    public const string Applied = "applied";
    public const string VillageChecked = "village_checked";
    public const string TownshipReviewed = "township_reviewed";
    public const string Verified = "verified";
    public const string Approved = "approved";
    public const string Suspended = "suspended";
    public const string Refused = "refused";
    public const string Terminated = "terminated";

    // the forward actions of the chain and the refusal at each step
    public const string VillageCheck = "village-check";
    public const string TownshipReview = "township-review";
    public const string VerifyCertificate = "verify";
    public const string ApproveSubsidy = "approve";
    public const string Refuse = "refuse";
    public const string Suspend = "suspend";
    public const string Resume = "resume";
    public const string Terminate = "terminate";

    /// <summary>An open application closed because the applicant died (by the registry's death use case, not by a user's decision).</summary>
    public const string CloseOnDeath = "close-on-death";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "残疾人两项补贴审核审批",
        InitialState: Applied,
        States:
        [
            new(Applied, "待村级核实", DeadlineWorkingDays: 5),              // local practice, UNCONFIRMED
            new(VillageChecked, "待乡镇审核", DeadlineWorkingDays: 10),      // local practice, UNCONFIRMED
            new(TownshipReviewed, "待县残联审核", DeadlineWorkingDays: 10),  // local practice, UNCONFIRMED
            new(Verified, "待县民政审批", DeadlineWorkingDays: 10),          // local practice, UNCONFIRMED
            new(Approved, "发放中"),
            new(Suspended, "暂停发放"),
            new(Refused, "不予批准", Terminal: true),
            new(Terminated, "已停发", Terminal: true),
        ],
        Transitions:
        [
            // agreeing needs no opinion (the timeline records 同意); refusing and stopping must give reasons (issue 12, item 12)
            new(Applied, VillageCheck, "村级核实", VillageChecked, Apply),
            new(Applied, Refuse, "村级核实不同意", Refused, Apply, RequiresOpinion: true),
            new(Applied, CloseOnDeath, "申请人死亡，终止办理", Refused, Approve, RequiresOpinion: true),
            new(VillageChecked, TownshipReview, "乡镇审核", TownshipReviewed, Review),
            new(VillageChecked, Refuse, "乡镇审核不同意", Refused, Review, RequiresOpinion: true),
            new(VillageChecked, CloseOnDeath, "申请人死亡，终止办理", Refused, Approve, RequiresOpinion: true),
            new(TownshipReviewed, VerifyCertificate, "县残联审核", Verified, Verify),
            new(TownshipReviewed, Refuse, "县残联审核不同意", Refused, Verify, RequiresOpinion: true),
            new(TownshipReviewed, CloseOnDeath, "申请人死亡，终止办理", Refused, Approve, RequiresOpinion: true),
            new(Verified, ApproveSubsidy, "县民政审批", Approved, Approve),
            new(Verified, Refuse, "县民政审批不同意", Refused, Approve, RequiresOpinion: true),
            new(Verified, CloseOnDeath, "申请人死亡，终止办理", Refused, Approve, RequiresOpinion: true),
            // 52号 三、（四） dynamic management: 停发 by the county; 暂停发放 only on a finding confirmed elsewhere (data comparison)
            new(Approved, Suspend, "暂停发放", Suspended, Approve, RequiresOpinion: true),
            new(Approved, Terminate, "停发", Terminated, Approve, RequiresOpinion: true),
            new(Suspended, Resume, "恢复发放", Approved, Approve),
            new(Suspended, Terminate, "停发", Terminated, Approve, RequiresOpinion: true),
        ]);

    public static SubsidyStatus StatusOf(string state) => state switch
    {
        Applied => SubsidyStatus.Applied,
        VillageChecked => SubsidyStatus.VillageChecked,
        TownshipReviewed => SubsidyStatus.TownshipReviewed,
        Verified => SubsidyStatus.Verified,
        Approved => SubsidyStatus.Approved,
        Suspended => SubsidyStatus.Suspended,
        Refused => SubsidyStatus.Refused,
        Terminated => SubsidyStatus.Terminated,
        _ => throw new InvalidOperationException($"两项补贴流程没有状态 {state}"),
    };

    /// <summary>The forward action of the chain in a state (what the old "/step" with agree=true meant), or null.</summary>
    public static string? ForwardAction(SubsidyStatus status) => status switch
    {
        SubsidyStatus.Applied => VillageCheck,
        SubsidyStatus.VillageChecked => TownshipReview,
        SubsidyStatus.TownshipReviewed => VerifyCertificate,
        SubsidyStatus.Verified => ApproveSubsidy,
        _ => null,
    };
}
