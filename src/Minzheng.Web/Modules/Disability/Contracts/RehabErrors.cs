using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Disability.Contracts;

/// <summary>The error codes of the purchased community mental-health rehabilitation.</summary>
public static class RehabErrors
{
    public static readonly ErrorCode OverBudget = new("disability_rehab_over_budget", 409, "结算金额超出合同剩余预算");
    public static readonly ErrorCode MonthSettled = new("disability_rehab_month_settled", 409, "该月已结算，不能再登记该月的康复服务记录");
    public static readonly ErrorCode NothingToSettle = new("disability_rehab_nothing_to_settle", 409, "该月没有可结算的服务人月");
    public static readonly ErrorCode MonthOpen = new("disability_rehab_month_open", 409, "只能结算本月及以前的月份");
    public static readonly ErrorCode AlreadyEnrolled = new("disability_rehab_already_enrolled", 409, "该对象已在康复服务中");
    public static readonly ErrorCode Exited = new("disability_rehab_exited", 409, "该对象已退出康复服务");

    public static readonly IReadOnlyList<ErrorCode> All = [OverBudget, MonthSettled, NothingToSettle, MonthOpen, AlreadyEnrolled, Exited];
}
