using Minzheng.Web.Modules.ElderlyCare.LeftBehind;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>留守老年人 working definition and visit due dates (rules-2 §1.9), with the thresholds as figures.</summary>
public sealed class LeftBehindRulesTests
{
    private static readonly LeftBehindFigures F = new(MinAge: 60, MinMonthsAway: 6, LowEveryDays: 90, MediumEveryDays: 30, HighEveryDays: 7);
    private static readonly DateOnly On = new(2026, 11, 30);

    public static TheoryData<string, DateOnly, bool, int[], LivingArrangement, bool> Cases => new()
    {
        { "60 today, rural, all children away 6 months, alone", new(1966, 11, 30), true, [6, 12], LivingArrangement.Alone, true },
        { "one day short of 60", new(1966, 12, 1), true, [6], LivingArrangement.Alone, false },
        { "with spouse only", new(1950, 1, 1), true, [24], LivingArrangement.WithSpouseOnly, true },
        { "with a grandchild", new(1950, 1, 1), true, [24], LivingArrangement.WithOthers, false },
        { "one child away only 5 months", new(1950, 1, 1), true, [24, 5], LivingArrangement.Alone, false },
        { "urban", new(1950, 1, 1), false, [24], LivingArrangement.Alone, false },
        { "no children recorded", new(1950, 1, 1), true, [], LivingArrangement.Alone, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Working_definition(string name, DateOnly birth, bool rural, int[] away, LivingArrangement living, bool qualifies)
    {
        var (q, reasons) = LeftBehindRules.Qualifies(birth, rural, away, living, On, F);
        Assert.True(q == qualifies, $"{name}: {string.Join("；", reasons)}");
        Assert.NotEmpty(reasons);
    }

    [Fact]
    public void A_stricter_figure_changes_the_answer()
    {
        var (q, _) = LeftBehindRules.Qualifies(new(1960, 1, 1), true, [8], LivingArrangement.Alone, On, F with { MinAge = 70 });
        Assert.False(q);
    }

    [Theory]
    [InlineData(LeftBehindRisk.High, "2026-12-07")]
    [InlineData(LeftBehindRisk.Medium, "2026-12-30")]
    [InlineData(LeftBehindRisk.Low, "2027-02-28")]
    public void Next_visit_due_by_risk(LeftBehindRisk risk, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), LeftBehindRules.NextDue(On, risk, F));

    [Fact]
    public void Living_with_the_spouse_only_counts_unless_the_figure_says_no()
    {
        Assert.True(LeftBehindRules.Qualifies(new(1950, 1, 1), true, [24], LivingArrangement.WithSpouseOnly, On, F).Qualifies);
        var (q, reasons) = LeftBehindRules.Qualifies(new(1950, 1, 1), true, [24], LivingArrangement.WithSpouseOnly, On, F with { SpouseOnlyCounts = false });
        Assert.False(q);
        Assert.Contains(reasons, r => r.Contains("仅与配偶居住", StringComparison.Ordinal));
        Assert.True(LeftBehindRules.Qualifies(new(1950, 1, 1), true, [24], LivingArrangement.Alone, On, F with { SpouseOnlyCounts = false }).Qualifies);
    }

    [Theory]
    [InlineData("2026-05-30", "2026-11-30", 6)]
    [InlineData("2026-05-31", "2026-11-30", 6)] // the last day of a shorter month completes the month
    [InlineData("2026-06-01", "2026-11-30", 5)]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2026-01-31", "2026-02-27", 0)]
    [InlineData("2026-12-01", "2026-11-30", 0)] // a date after the day asked: not away yet
    [InlineData("2024-11-30", "2026-11-30", 24)]
    public void Months_away_are_whole_months(string since, string on, int months) =>
        Assert.Equal(months, LeftBehindRules.MonthsAway(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
}
