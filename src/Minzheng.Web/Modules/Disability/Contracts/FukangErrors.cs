using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Disability.Contracts;

/// <summary>The error codes of 福康工程.</summary>
public static class FukangErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("disability_fukang_device_exists", 409, "该县本年度目录中已有同类辅具"),
        new("disability_fukang_budget_exists", 409, "该县本年度已有福康工程预算"),
        new("disability_fukang_not_eligible", 409, "不属于福康工程救助对象"),
        new("disability_fukang_replacement_period", 409, "同类辅具未到更换周期"),
        new("disability_fukang_open_application", 409, "已有正在办理的同类辅具申请"),
        new("disability_fukang_no_budget", 409, "该县本年度没有福康工程预算"),
        new("disability_fukang_over_budget", 409, "超出县级年度预算剩余额度"),
    ];
}
