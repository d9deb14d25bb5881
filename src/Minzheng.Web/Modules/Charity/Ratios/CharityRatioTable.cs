using Minzheng.Web.Modules.Charity.Contracts;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Charity.Ratios;

/// <summary>
/// <see cref="ICharityRatioTable"/>: the tier from <see cref="RatioTiers.For"/>, the row from the figure book
/// (<see cref="RatioTable.On"/>) on the year's last day, the verdict from <see cref="CharityRatios.Evaluate"/>.
/// </summary>
public sealed class CharityRatioTable(FigureBook figures) : ICharityRatioTable
{
    public CharityRatioVerdict VerdictOf(OrganizationKind kind, bool publicFundraising, CharityYearAccounts year, string divisionCode)
    {
        var tier = TierOf(kind, publicFundraising, year);
        return Verdict(tier, RatioTable.On(figures, divisionCode, new DateOnly(year.Year, 12, 31), tier), year);
    }

    /// <summary>The tier of a body (a kind that is no charity body is judged as a 社会团体: the recognition names the kind itself).</summary>
    public static string TierOf(OrganizationKind kind, bool publicFundraising, CharityYearAccounts year) =>
        RatioTiers.For(CharityOrganizations.BodyOf(kind) ?? CharityBody.Association, publicFundraising, year.PreviousYearEndNetAssets);

    public static string TierName(string tier) => CharityFigures.Tiers.FirstOrDefault(t => t.Code == tier).Name ?? tier;

    /// <summary>The pure verdict on a year for a tier and its row (null: not configured).</summary>
    public static CharityRatioVerdict Verdict(string tier, RatioTable? table, CharityYearAccounts year)
    {
        if (table is null)
        {
            return new(CharityRatioOutcome.NotConfigured, tier, TierName(tier), false,
                [new("not-configured", $"比例未配置：{year.Year}-12-31 没有生效的“{TierName(tier)}”支出和管理费用比例，请市民政部门先在“慈善”标准中录入")]);
        }
        var findings = new List<CharityRatioFinding>();
        if (year.PreviousYearIncome is null && (RatioTiers.IncomeBased(tier) || table.MinIncomeSharePercent is not null))
            findings.Add(new("accounts-missing", $"缺少{year.Year - 1}年度总收入"));
        var figures = new YearFigures(year.Year, year.Income, year.CharitableSpending, year.ManagementCost, year.TotalSpending, year.PreviousYearEndNetAssets,
            year.PreviousYearIncome ?? Platform.Money.Money.Zero);
        var result = CharityRatios.Evaluate(table, figures, lessThanOneYear: false);
        findings.AddRange(result.Shortfalls.Select(s => new CharityRatioFinding(s.Code, s.Text)));
        return new(findings.Count == 0 ? CharityRatioOutcome.Passed : CharityRatioOutcome.ShortFall, tier, TierName(tier), table.Demo, findings);
    }
}
