using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>
/// The time bank's figures (rules-2.md §6.7: local examples only — 南京、北京 — no national rule, so every row the platform
/// ships is 演示数据). A missing optional figure means "no such limit"; the withdrawal age is required to withdraw.
/// </summary>
public static class TimeBankFigures
{
    /// <summary>个人账户存储上限 (hours): a deposit above it goes to the donation pool. Optional.</summary>
    public static readonly FigureKind PersonalCapHours = new(VolunteerFigures.Module, "timebank-cap-hours", "时间银行个人账户存储上限", "小时");

    /// <summary>兑换服务的最低年龄. Required to withdraw.</summary>
    public static readonly FigureKind WithdrawalMinAge = new(VolunteerFigures.Module, "timebank-withdraw-age", "时间银行兑换服务最低年龄", "周岁");

    /// <summary>存储时长的年龄范围 (min / max), each optional.</summary>
    public static readonly FigureKind DepositAge = new(VolunteerFigures.Module, "timebank-deposit-age", "时间银行存储服务时长的年龄范围", "周岁",
        Categories: [("min", "最低"), ("max", "最高")]);

    /// <summary>时长有效期 (months after the deposit). Optional: without a row nothing expires.</summary>
    public static readonly FigureKind ExpiryMonths = new(VolunteerFigures.Module, "timebank-expiry-months", "时间银行存储时长有效期", "个月");

    /// <summary>优先赠与对象: 独居 from this age; 低保家庭中的残疾老人 from / to these ages.</summary>
    public static readonly FigureKind GrantAge = new(VolunteerFigures.Module, "timebank-grant-age", "时间银行优先赠与对象年龄", "周岁",
        Categories: [("alone", "独居老人起始年龄"), ("dibao-disabled-min", "低保家庭残疾老人起始年龄"), ("dibao-disabled-max", "低保家庭残疾老人截止年龄")]);

    public static readonly IReadOnlyList<FigureKind> All = [PersonalCapHours, WithdrawalMinAge, DepositAge, ExpiryMonths, GrantAge];
}
