using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Disability.Fukang.FukangPermissions;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>
/// 福康工程 as data for the workflow kernel: township needs assessment → county approval (or refusal with its reasons) → fitting
/// by the supplier (recorded by the county) → the person's confirmation (recorded by the township; settles the supplier) →
/// follow-up visit. Step limits are local practice (UNCONFIRMED: the plan sets none).
/// </summary>
public static class FukangProcess
{
    public const string Code = "disability-fukang";
    public const string SubjectType = "disability-fukang";

    public const string Assessed = "assessed";
    public const string Approved = "approved";
    public const string Fitted = "fitted";
    public const string Confirmed = "confirmed";
    public const string FollowedUp = "followed_up";
    public const string Refused = "refused";

    public const string Approve = "approve";
    public const string Refuse = "refuse";
    public const string Fit = "fit";
    public const string Confirm = "confirm";
    public const string FollowUp = "follow-up";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "福康工程辅具适配",
        InitialState: Assessed,
        States:
        [
            new(Assessed, "待县级审批", DeadlineWorkingDays: 10),   // local practice, UNCONFIRMED
            new(Approved, "待适配", DeadlineWorkingDays: 30),       // local practice, UNCONFIRMED
            new(Fitted, "待本人确认", DeadlineWorkingDays: 10),     // local practice, UNCONFIRMED
            new(Confirmed, "待回访", DeadlineWorkingDays: 60),      // local practice, UNCONFIRMED
            new(FollowedUp, "已回访", Terminal: true),
            new(Refused, "不予批准", Terminal: true),
        ],
        Transitions:
        [
            new(Assessed, Approve, "县级审批同意", Approved, Manage),
            new(Assessed, Refuse, "县级审批不同意", Refused, Manage, RequiresOpinion: true),
            new(Approved, Fit, "辅具适配", Fitted, Manage),
            new(Fitted, Confirm, "本人确认", Confirmed, Assess),
            new(Confirmed, FollowUp, "回访", FollowedUp, Assess),
        ]);

    public static FukangStatus StatusOf(string state) => state switch
    {
        Assessed => FukangStatus.Assessed,
        Approved => FukangStatus.Approved,
        Fitted => FukangStatus.Fitted,
        Confirmed => FukangStatus.Confirmed,
        FollowedUp => FukangStatus.FollowedUp,
        Refused => FukangStatus.Refused,
        _ => throw new InvalidOperationException($"福康工程流程没有状态 {state}"),
    };

    public static string StatusName(FukangStatus s) => s switch
    {
        FukangStatus.Assessed => "待县级审批",
        FukangStatus.Approved => "待适配",
        FukangStatus.Fitted => "待本人确认",
        FukangStatus.Confirmed => "待回访",
        FukangStatus.FollowedUp => "已回访",
        FukangStatus.Refused => "不予批准",
        _ => s.ToString(),
    };
}
