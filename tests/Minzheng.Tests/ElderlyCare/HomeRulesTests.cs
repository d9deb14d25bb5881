using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Homes.Rules;
using Minzheng.Web.Modules.ElderlyCare.Subsidies.Rules;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>The entry regime by date (rules-2 §1.2), occupancy, and the private-home subsidies (rules-2 §1.7), table-driven.</summary>
public sealed class HomeRulesTests
{
    public static TheoryData<DateOnly, EntryRegime?> Regimes => new()
    {
        { new DateOnly(2013, 6, 30), null },
        { new DateOnly(2013, 7, 1), EntryRegime.Licensed2013 },
        { new DateOnly(2018, 12, 28), EntryRegime.Licensed2013 },
        { new DateOnly(2018, 12, 29), EntryRegime.Filed2019 },
        { new DateOnly(2020, 10, 31), EntryRegime.Filed2019 },
        { new DateOnly(2020, 11, 1), EntryRegime.Filed66 },
        { new DateOnly(2026, 1, 1), EntryRegime.Filed66 },
    };

    [Theory]
    [MemberData(nameof(Regimes))]
    public void The_entry_regime_follows_the_opening_date_and_only_licensed_homes_carry_a_licence(DateOnly opened, EntryRegime? regime)
    {
        Assert.Equal(regime, HomeRules.RegimeOf(opened));
        if (regime is { } r) Assert.Equal(r == EntryRegime.Licensed2013, HomeRules.NeedsLicence(r));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(30, 60, 50.0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(60, 60, 100.0)]
    public void Occupancy_is_occupied_over_beds_in_per_cent(int occupied, int beds, double expected)
    {
        Assert.Equal((decimal)expected, HomeRules.Occupancy(occupied, beds));
        Assert.Equal(Math.Max(0, beds - occupied), HomeRules.IdleBeds(occupied, beds));
    }

    private static readonly OperatingFigures Figures = new(200m, new Dictionary<int, decimal> { [0] = 0m, [1] = 50m, [2] = 100m, [3] = 200m, [4] = 200m }, 6, "演示数据");
    private static readonly DateOnly October = new(2026, 10, 1);

    [Fact]
    public void The_operating_subsidy_counts_each_assessed_resident_with_the_raise_of_their_level()
    {
        var d = HomeSubsidyRules.Operating(true, new DateOnly(2025, 1, 6), new DateOnly(2026, 9, 10), October,
            [new("甲", 0), new("乙", 1), new("丙", 2), new("丁", 3), new("戊", 4), new("己", null)], Figures);
        Assert.True(d.Eligible, string.Join("；", d.Reasons));
        Assert.Equal(200m + 300m + 400m + 600m + 600m, d.Amount);
        Assert.Equal(5, d.Lines.Count);
        Assert.Contains(d.Reasons, r => r.Contains('己', StringComparison.Ordinal) && r.Contains("未做能力评估", StringComparison.Ordinal));
        Assert.All(d.Lines, l => Assert.Equal("演示数据", l.Basis));
    }

    public static TheoryData<string, bool, DateOnly, DateOnly?, bool> OperatingCases => new()
    {
        // name, private, opened, filed, eligible
        { "private, filed, operated long enough", true, new DateOnly(2025, 1, 6), new DateOnly(2026, 9, 10), true },
        { "public home", false, new DateOnly(2025, 1, 6), new DateOnly(2026, 9, 10), false },
        { "not filed", true, new DateOnly(2025, 1, 6), null, false },
        { "filed after the month", true, new DateOnly(2025, 1, 6), new DateOnly(2026, 11, 1), false },
        { "filed on the month's last day", true, new DateOnly(2025, 1, 6), new DateOnly(2026, 10, 31), true },
        { "6th operating month (May–October)", true, new DateOnly(2026, 5, 31), new DateOnly(2026, 6, 1), true },
        { "5th operating month (June–October)", true, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2), false },
    };

    [Theory]
    [MemberData(nameof(OperatingCases))]
    public void The_operating_subsidy_needs_a_private_home_filed_by_the_months_end_and_the_minimum_operating_months(string name, bool isPrivate, DateOnly opened, DateOnly? filed, bool eligible)
    {
        var d = HomeSubsidyRules.Operating(isPrivate, opened, filed, October, [new("甲", 2)], Figures);
        Assert.True(d.Eligible == eligible, $"{name}: {string.Join("；", d.Reasons)}");
        Assert.Equal(eligible ? 400m : 0m, d.Amount);
    }

    [Fact]
    public void Without_assessed_residents_there_is_no_operating_subsidy()
    {
        var d = HomeSubsidyRules.Operating(true, new DateOnly(2025, 1, 6), new DateOnly(2026, 9, 10), October, [new("甲", null)], Figures);
        Assert.False(d.Eligible);
        Assert.Equal(0m, d.Amount);
    }

    [Fact]
    public void The_construction_subsidy_is_per_new_bed_and_recovered_when_the_home_closes_within_the_years()
    {
        var d = HomeSubsidyRules.Construction(true, 30, 2000m, "演示数据");
        Assert.True(d.Eligible);
        Assert.Equal(60000m, d.Amount);
        Assert.False(HomeSubsidyRules.Construction(false, 30, 2000m, "x").Eligible);
        Assert.False(HomeSubsidyRules.Construction(true, 0, 2000m, "x").Eligible);
        var approved = new DateOnly(2021, 3, 15);
        Assert.Equal(60000m, HomeSubsidyRules.Clawback(60000m, approved, new DateOnly(2026, 3, 14), 5));
        Assert.Equal(0m, HomeSubsidyRules.Clawback(60000m, approved, new DateOnly(2026, 3, 15), 5));
    }
}
