using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes of evaluation (issue 14 item 5).</summary>
public static class EvaluationErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("socorg_evaluation_open", 409, "该社会组织已有正在办理的评估申请"),
        new("socorg_evaluation_ineligible", 409, "不符合申请评估的条件（逐项列出）"),
        new("socorg_evaluation_no_indicators", 409, "没有适用于该类社会组织的评估指标"),
        new("socorg_evaluation_state", 409, "评估所处阶段不能办理该事项"),
        new("socorg_evaluation_self_missing", 409, "尚未填写全部指标的自评得分"),
        new("socorg_evaluation_experts_missing", 409, "完成评分的评估专家不足2名"),
        new("socorg_evaluation_publicity_running", 409, "公示期未满，不能确认评估等级"),
        new("socorg_expert_conflict", 409, "评估专家与该社会组织存在利害关系，应当回避"),
    ];
}
