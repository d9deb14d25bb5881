using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>
/// 孤儿、事实无人抚养儿童认定 as data for the workflow kernel: 申请 → 乡镇审核 → 县级认定 → 保障中 → 停发
/// (民发〔2019〕62号 三、（一）: 乡镇人民政府（街道办事处）自受理之日起 15 个工作日内完成审核；县级民政部门自收到审核意见之日起
/// 15 个工作日内作出认定 — as understood, UNCONFIRMED against the published text; stored versioned, so a change is a new version).
/// The permissions per action are the ones the module always required.
/// </summary>
public static class ChildProcess
{
    public const string Code = "child-allowance";

    /// <summary>The workflow case's subject type; its subject id is the allowance case's id.</summary>
    public const string SubjectType = "child-allowance";

    public const string Applied = "applied";
    public const string TownshipReviewed = "township_reviewed";
    public const string Confirmed = "confirmed";
    public const string Refused = "refused";
    public const string Ended = "ended";

    public const string Review = "review";
    public const string RefuseReview = "refuse-review";
    public const string Confirm = "confirm";
    public const string RefuseConfirm = "refuse-confirm";
    public const string End = "end";

    /// <summary>An open application closed because the child died (the registry's death use case), not a user's decision.</summary>
    public const string CloseOnDeath = "close-on-death";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "孤儿、事实无人抚养儿童认定",
        InitialState: Applied,
        States:
        [
            new(Applied, "待乡镇审核", DeadlineWorkingDays: 15),          // 62号 (as understood)
            new(TownshipReviewed, "待县级认定", DeadlineWorkingDays: 15), // 62号 (as understood)
            new(Confirmed, "保障中"),
            new(Refused, "不予认定", Terminal: true),
            new(Ended, "已停发", Terminal: true),
        ],
        Transitions:
        [
            new(Applied, Review, "乡镇审核同意", TownshipReviewed, ChildPermissions.Review, RequiresOpinion: true),
            new(Applied, RefuseReview, "乡镇审核不同意", Refused, ChildPermissions.Review, RequiresOpinion: true),
            new(Applied, CloseOnDeath, "儿童死亡，终止办理", Refused, ChildPermissions.Confirm, RequiresOpinion: true),
            new(TownshipReviewed, Confirm, "县级认定", Confirmed, ChildPermissions.Confirm),
            new(TownshipReviewed, RefuseConfirm, "县级不予认定", Refused, ChildPermissions.Confirm, RequiresOpinion: true),
            new(TownshipReviewed, CloseOnDeath, "儿童死亡，终止办理", Refused, ChildPermissions.Confirm, RequiresOpinion: true),
            // 停发: adoption, death, a parent's situation ending, age (the daily sweep), a finding confirmed elsewhere
            new(Confirmed, End, "停发", Ended, ChildPermissions.Confirm, RequiresOpinion: true),
        ]);

    public static ChildCaseStatus StatusOf(string state) => state switch
    {
        Applied => ChildCaseStatus.Applied,
        TownshipReviewed => ChildCaseStatus.TownshipReviewed,
        Confirmed => ChildCaseStatus.Confirmed,
        Refused => ChildCaseStatus.Refused,
        Ended => ChildCaseStatus.Ended,
        _ => throw new InvalidOperationException($"儿童保障流程没有状态 {state}"),
    };
}
