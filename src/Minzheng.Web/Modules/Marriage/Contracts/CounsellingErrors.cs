using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Contracts;

/// <summary>The error codes of the purchased marriage and family counselling.</summary>
public static class CounsellingErrors
{
    public static readonly ErrorCode OverBudget = new("marriage_counselling_over_budget", 409, "结算金额超出合同剩余预算");
    public static readonly ErrorCode MonthSettled = new("marriage_counselling_month_settled", 409, "该月已结算，不能再登记该月的辅导记录");
    public static readonly ErrorCode NothingToSettle = new("marriage_counselling_nothing_to_settle", 409, "该月没有可结算的辅导记录");
    public static readonly ErrorCode MonthOpen = new("marriage_counselling_month_open", 409, "只能结算本月及以前的月份");

    public static readonly IReadOnlyList<ErrorCode> All = [OverBudget, MonthSettled, NothingToSettle, MonthOpen];
}
