using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes of the oversight parts: 双随机抽查, 星级评定, 留守老年人, 高龄津贴.</summary>
public static class OversightErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("inspection_target_exists", 409, "该机构已在检查对象名录库中"),
        new("draw_impossible", 409, "名录库不足以完成抽取（如回避后检查人员不足2名）"),
        new("inspection_recorded", 409, "该检查已录入结果"),
        new("inspection_not_recorded", 409, "尚未录入检查结果，不能公开"),
        new("inspection_published", 409, "检查结果已公开"),
        new("rectification_done", 409, "该整改事项已销号"),
        new("star_rating_open", 409, "该机构已有待评定的星级申请"),
        new("star_rating_rated", 409, "该星级申请已评定"),
        new("star_rating_no_level", 409, "专家评分未达到一级，不能公布等级"),
    ];
}
