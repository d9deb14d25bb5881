using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes only government-purchased home care returns (concatenated into <see cref="ElderlyCareErrors"/>).</summary>
public static class HomeCareErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("home_care_not_eligible", 409, "该老人不符合当前配置的政府购买居家养老服务对象条件"),
        new("home_care_order_exists", 409, "该老人已有正在执行的居家养老服务订单"),
        new("home_care_order_inactive", 409, "订单不在服务期内或已终止"),
        new("home_care_provider_only", 403, "只有承接该订单的服务机构人员可以签到、签退"),
        new("home_care_visit_open", 409, "该订单有尚未签退的服务记录，须先签退"),
        new("home_care_visit_closed", 409, "该服务记录已签退"),
        new("home_care_month_settled", 409, "该合同本月已结算"),
        new("home_care_month_open", 409, "只能结算本月及以前的月份"),
        new("home_care_nothing_to_settle", 409, "该月没有可结算的服务记录（须签到、签退、服务对象确认齐全）"),
        new("home_care_over_budget", 409, "结算金额超出合同年度预算"),
        new("home_care_not_sampled", 409, "该服务记录不在本次抽查样本中"),
    ];
}
