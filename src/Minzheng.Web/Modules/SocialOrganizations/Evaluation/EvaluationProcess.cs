using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// 社会组织评估 as data for the workflow kernel (ADR 041): the organisation (or the officer at the counter) applies and fills the
/// self-assessment; the registration authority has at least two experts score it, reviews, publishes the result for the
/// publicity period and then confirms the grade. Step time limits are not set by 39号令, so none are set here.
/// </summary>
public static class EvaluationProcess
{
    public const string Code = "socorg-evaluation";
    public const string SubjectType = "socorg-evaluation";

    public const string SelfAssessment = "self-assessment";
    public const string Scoring = "scoring";
    public const string Review = "review";
    public const string Publicity = "publicity";
    public const string Graded = "graded";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public const string SubmitSelf = "submit-self";
    public const string Withdraw = "withdraw";
    public const string FinishScoring = "finish-scoring";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Confirm = "confirm";
    public const string ObjectionUpheld = "object";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "社会组织评估",
        InitialState: SelfAssessment,
        States:
        [
            new(SelfAssessment, "自评中"),
            new(Scoring, "专家评估"),
            new(Review, "登记管理机关审核"),
            new(Publicity, "公示中"),
            new(Graded, "已评定等级", Terminal: true),
            new(Rejected, "不予评定", Terminal: true),
            new(Withdrawn, "已撤回", Terminal: true),
        ],
        Transitions:
        [
            new(SelfAssessment, SubmitSelf, "提交自评报告", Scoring, EvaluationPermissions.Apply),
            new(SelfAssessment, Withdraw, "撤回申请", Withdrawn, EvaluationPermissions.Apply),
            new(Scoring, FinishScoring, "完成专家评分", Review, EvaluationPermissions.Manage),
            new(Review, Approve, "审核通过，公示评估结果", Publicity, EvaluationPermissions.Manage),
            new(Review, Reject, "不予评定", Rejected, EvaluationPermissions.Manage, RequiresOpinion: true),
            new(Publicity, Confirm, "公示期满，确认评估等级", Graded, EvaluationPermissions.Manage),
            new(Publicity, ObjectionUpheld, "公示异议成立，不予评定", Rejected, EvaluationPermissions.Manage, RequiresOpinion: true),
        ]);

    public static string StateName(string state) => Model.States.FirstOrDefault(s => s.Code == state)?.Name ?? state;

    public static bool IsOpen(string state) => state is SelfAssessment or Scoring or Review or Publicity;
}
