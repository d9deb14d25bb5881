using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>
/// The credit part's figures beyond 60号令's periods. 民政部令第60号 says the registration authority verifies an objection and
/// corrects errors but, in the text seen (rules.md §6.2), sets no time limit: the limit is a LOCAL choice and ships only as a
/// demo row (演示数据). Without a row an objection simply has no due date.
/// </summary>
public static class CreditFigures
{
    public static readonly FigureKind ObjectionWorkingDays = new(SocialOrganizationFigures.Module, "credit-objection-days", "信用信息异议的核实处理期限（本地规定）", "个工作日");

    /// <summary>民政部令第60号: a fine from this amount is a direct 严重违法失信 ground, below it an 活动异常 ground (CONFIRMED, seeded in every mode).</summary>
    public static readonly FigureKind LargeFineFrom = new(SocialOrganizationFigures.Module, "credit-large-fine-from", "罚款达到此金额列入严重违法失信名单（以下列入活动异常名录）", "元");

    public static readonly IReadOnlyList<FigureKind> All = [ObjectionWorkingDays, LargeFineFrom];
}
