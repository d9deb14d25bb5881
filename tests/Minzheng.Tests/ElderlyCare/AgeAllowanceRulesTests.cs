using Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>高龄津贴 bands (rules-2 §1.10): which band a month falls in, from the birthday's month or the month after, stopped after death.</summary>
public sealed class AgeAllowanceRulesTests
{
    private static readonly AgeBand[] Bands = [new(80, 50m), new(90, 100m), new(100, 500m)];

    public static TheoryData<string, DateOnly, DateOnly, bool, DateOnly?, int?> Cases => new()
    {
        // name, birth, month, fromNextMonth, died, band
        { "79 all month", new(1947, 6, 15), new(2026, 11, 1), true, null, null },
        { "turns 80 in the month: not yet when paid from the next month", new(1946, 11, 15), new(2026, 11, 1), true, null, null },
        { "turns 80 in the month: paid when from the birthday's month", new(1946, 11, 15), new(2026, 11, 1), false, null, 80 },
        { "turned 80 last month: paid from this month", new(1946, 10, 31), new(2026, 11, 1), true, null, 80 },
        { "turns 80 on the first of the month, next-month rule", new(1946, 11, 1), new(2026, 11, 1), true, null, null },
        { "89 and 11 months: still 80–89", new(1936, 12, 5), new(2026, 11, 1), true, null, 80 },
        { "turned 90 last month: 90–99 band", new(1936, 10, 5), new(2026, 11, 1), true, null, 90 },
        { "turns 90 this month, next-month rule: still 80–89", new(1936, 11, 5), new(2026, 11, 1), true, null, 80 },
        { "99: 90–99", new(1927, 1, 1), new(2026, 11, 1), true, null, 90 },
        { "turned 100 last month: 100+", new(1926, 10, 20), new(2026, 11, 1), true, null, 100 },
        { "104: 100+", new(1922, 3, 3), new(2026, 11, 1), false, null, 100 },
        { "29 February birthday turns 90 on 28 February 2026 (common year), birthday-month rule", new(1936, 2, 29), new(2026, 2, 1), false, null, 90 },
        { "29 February birthday, next-month rule: still 80–89 in February", new(1936, 2, 29), new(2026, 2, 1), true, null, 80 },
        { "29 February birthday, next-month rule: 90–99 from March", new(1936, 2, 29), new(2026, 3, 1), true, null, 90 },
        { "died this month: the month is still paid", new(1930, 1, 1), new(2026, 11, 1), true, new DateOnly(2026, 11, 20), 90 },
        { "died last month: stopped", new(1930, 1, 1), new(2026, 11, 1), true, new DateOnly(2026, 10, 31), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Band_for_a_month(string name, DateOnly birth, DateOnly month, bool fromNextMonth, DateOnly? died, int? band)
    {
        var d = AgeAllowanceRules.Decide(birth, month, Bands, fromNextMonth, died);
        Assert.True(band == d.Band?.MinAge, $"{name}: {d.Band?.MinAge} ({d.Reason})");
        Assert.Equal(band switch { 80 => 50m, 90 => 100m, 100 => 500m, _ => 0m }, d.Amount);
        Assert.False(string.IsNullOrWhiteSpace(d.Reason));
    }

    [Fact]
    public void No_bands_configured_pays_nothing_and_says_so() =>
        Assert.Contains("未设定", AgeAllowanceRules.Decide(new(1920, 1, 1), new(2026, 11, 1), [], true).Reason);
}
