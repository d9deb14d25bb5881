using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Charity.Ratios;

/// <summary>The three kinds of social organisation a charity may be (慈善法 第八条).</summary>
public enum CharityBody
{
    /// <summary>社会团体.</summary>
    Association = 1,

    /// <summary>社会服务机构.</summary>
    ServiceAgency = 2,

    /// <summary>基金会.</summary>
    Foundation = 3,
}

/// <summary>The row of the 民发〔2016〕189号 table a body falls in: by 公募 qualification, body kind and previous year-end net assets.</summary>
public static class RatioTiers
{
    public const string PublicFoundation = "public-foundation";
    public const string PublicOther = "public-other";
    public const string Foundation6000 = "foundation-6000";
    public const string Foundation800 = "foundation-800";
    public const string Foundation400 = "foundation-400";
    public const string FoundationSmall = "foundation-small";
    public const string Other1000 = "other-1000";
    public const string Other500 = "other-500";
    public const string Other100 = "other-100";
    public const string OtherSmall = "other-small";

    /// <summary>
    /// 民发〔2016〕189号 第七、八条: the bands are by the previous year-end net assets, each lower bound inclusive ("6000万元以上" includes
    /// 6000万); the band edges are the table's own rows (its categories), the percentages are figures.
    /// </summary>
    public static string For(CharityBody body, bool publicFundraising, Money previousYearEndNetAssets)
    {
        var fen = previousYearEndNetAssets.Fen; // compared in fen: 1 万元 = 1,000,000 fen
        const long Wan = 1_000_000;
        if (publicFundraising) return body == CharityBody.Foundation ? PublicFoundation : PublicOther;
        if (body == CharityBody.Foundation)
        {
            return fen >= 6000 * Wan ? Foundation6000 : fen >= 800 * Wan ? Foundation800 : fen >= 400 * Wan ? Foundation400 : FoundationSmall;
        }
        return fen >= 1000 * Wan ? Other1000 : fen >= 500 * Wan ? Other500 : fen >= 100 * Wan ? Other100 : OtherSmall;
    }

    /// <summary>公募 bodies' spending is a share of the previous year's income; the others' a share of the previous year-end net assets.</summary>
    public static bool IncomeBased(string tier) => tier is PublicFoundation or PublicOther;
}

/// <summary>The table row in force for a body: percentages, the exemption, and whether any of it is a demo (UNCONFIRMED) figure.</summary>
public sealed record RatioTable(string Tier, decimal MinSpendingPercent, decimal MaxManagementPercent, decimal? MinIncomeSharePercent, Money ManagementExemptBelow, bool Demo)
{
    /// <summary>The row for a tier from the figure book, or null when the city has not configured it (then no verdict, never a guessed one).</summary>
    public static RatioTable? On(FigureBook book, string divisionCode, DateOnly date, string tier)
    {
        if (book.Find(CharityFigures.SpendingMin, divisionCode, date, tier) is not { Row.Percent: { } spending } s
            || book.Find(CharityFigures.ManagementMax, divisionCode, date, tier) is not { Row.Percent: { } management } m
            || book.Find(CharityFigures.ManagementExempt, divisionCode, date) is not { Row.Amount: { } exempt } e)
        {
            return null;
        }
        var share = book.Find(CharityFigures.IncomeShareMin, divisionCode, date, tier);
        return new RatioTable(tier, spending, management, share?.Row.Percent, exempt, s.Row.IsDemo || m.Row.IsDemo || e.Row.IsDemo || share?.Row.IsDemo == true);
    }
}

/// <summary>One year's reported figures (年度工作报告): what the ratios are computed from.</summary>
public sealed record YearFigures(int Year, Money Income, Money CharitableSpending, Money ManagementCost, Money TotalSpending, Money PreviousYearEndNetAssets, Money PreviousYearIncome);

public enum RatioVerdict
{
    /// <summary>达标.</summary>
    Passed = 1,

    /// <summary>未达标: an alert.</summary>
    ShortFall = 2,

    /// <summary>成立未满一年: reports and explains instead (第十二条).</summary>
    Explain = 3,
}

public sealed record RatioShortfall(string Code, string Text);

/// <summary>The outcome with the ratios as computed (percent, two decimals), so the page shows the numbers behind the verdict.</summary>
public sealed record RatioResult(RatioVerdict Verdict, decimal? SpendingPercent, decimal? ManagementPercent, decimal? IncomeSharePercent, bool ManagementExempt,
    bool ThreeYearAverage, IReadOnlyList<RatioShortfall> Shortfalls);

/// <summary>
/// 民发〔2016〕189号《关于慈善组织开展慈善活动年度支出和管理费用的规定》: the year's charitable spending against the base of the
/// body's row (公募: previous-year income, 慈善法 第六十条; others: previous year-end net assets), the management cost against the
/// year's total spending, with the three-year average (第十条), the exemption below a management cost (第十一条) and bodies less
/// than a year old explaining instead (第十二条). Every shortfall is named, never just the first.
/// </summary>
public static class CharityRatios
{
    public static RatioResult Evaluate(RatioTable table, YearFigures year, bool lessThanOneYear, IReadOnlyList<YearFigures>? earlierYears = null)
    {
        var incomeBased = RatioTiers.IncomeBased(table.Tier);
        // 第十条: the average of the year and the two before it may be used when both earlier years are reported
        var years = earlierYears is { Count: >= 2 } ? [year, .. earlierYears.OrderByDescending(y => y.Year).Take(2)] : new List<YearFigures> { year };
        var average = years.Count == 3;
        long spending = years.Sum(y => y.CharitableSpending.Fen);
        long baseFen = years.Sum(y => incomeBased ? y.PreviousYearIncome.Fen : y.PreviousYearEndNetAssets.Fen);
        long income = years.Sum(y => y.PreviousYearIncome.Fen);
        var spendingPercent = Percent(spending, baseFen);
        var incomeShare = table.MinIncomeSharePercent is null ? null : Percent(spending, income);
        var managementPercent = Percent(year.ManagementCost.Fen, year.TotalSpending.Fen);
        var exempt = year.ManagementCost < table.ManagementExemptBelow;
        if (lessThanOneYear) return new(RatioVerdict.Explain, spendingPercent, managementPercent, incomeShare, exempt, average, []);

        var shortfalls = new List<RatioShortfall>();
        var pending = table.Demo ? "（比例为演示数据，待确认）" : "";
        var label = average ? "近三年平均" : $"{year.Year}年度";
        // spending × 100 < base × percent, in whole fen × hundredths of a percent so nothing rounds
        if (baseFen > 0 && spending * 10_000 < baseFen * (long)(table.MinSpendingPercent * 100))
        {
            shortfalls.Add(new("spending", $"{label}慈善活动支出占{(incomeBased ? "上年总收入" : "上年末净资产")}的 {spendingPercent:0.##}%，低于 {table.MinSpendingPercent:0.##}%{pending}"));
        }
        if (table.MinIncomeSharePercent is { } share && income > 0 && spending * 10_000 < income * (long)(share * 100))
        {
            shortfalls.Add(new("income-share", $"{label}慈善活动支出占上年总收入的 {incomeShare:0.##}%，低于 {share:0.##}%{pending}"));
        }
        if (!exempt && year.TotalSpending.Fen > 0 && year.ManagementCost.Fen * 10_000 > year.TotalSpending.Fen * (long)(table.MaxManagementPercent * 100))
        {
            shortfalls.Add(new("management", $"{year.Year}年度管理费用占总支出的 {managementPercent:0.##}%，超过 {table.MaxManagementPercent:0.##}%{pending}"));
        }
        return new(shortfalls.Count == 0 ? RatioVerdict.Passed : RatioVerdict.ShortFall, spendingPercent, managementPercent, incomeShare, exempt, average, shortfalls);
    }

    private static decimal? Percent(long part, long whole) => whole <= 0 ? null : Math.Round(part * 100m / whole, 2);
}
