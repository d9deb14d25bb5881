using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare.Contracts;

/// <summary>The error codes only child welfare returns (registered through its module declaration).</summary>
public static class ChildWelfareErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("already_in_care", 409, "该儿童已在机构养育中"),
        new("already_rectified", 409, "该问题已整改完成"),
        new("already_sheltered", 409, "该儿童正在临时庇护中"),
        new("already_watched", 409, "该儿童已在关爱名册中"),
        new("case_not_applied", 409, "只有待审核的申请可以审核"),
        new("case_not_reviewed", 409, "只有乡镇审核同意的申请可以认定"),
        new("case_not_running", 409, "只有正在保障的儿童可以停发"),
        new("double_benefit", 409, "家庭正在享受低保，须先核减该儿童"),
        new("institution_exists", 409, "同名机构已登记"),
        new("no_problem", 409, "该项未发现问题，无需整改"),
        new("not_sheltered", 409, "该儿童不在庇护中"),
        new("still_sheltered", 409, "儿童仍在庇护中"),
        new("watch_closed", 409, "该儿童已退出关爱名册"),
    ];
}
