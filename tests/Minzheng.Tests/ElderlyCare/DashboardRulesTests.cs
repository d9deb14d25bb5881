using Minzheng.Web.Modules.ElderlyCare.Dashboard;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>The dashboard's pure arithmetic: the period, the age cut-off on a day, beds per 1,000 and shares.</summary>
public sealed class DashboardRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(null, null, "2026-11", "2026-11-01", "2026-11-30", "2026-11-30")]
    [InlineData(2026, null, "2026", "2026-01-01", "2026-12-31", "2026-11-30")]
    [InlineData(2025, null, "2025", "2025-01-01", "2025-12-31", "2025-12-31")]
    [InlineData(2026, 2, "2026-02", "2026-02-01", "2026-02-28", "2026-02-28")]
    [InlineData(2024, 2, "2024-02", "2024-02-01", "2024-02-29", "2024-02-29")]
    [InlineData(2013, 1, "2013-01", "2013-01-01", "2013-01-31", "2013-01-31")]
    public void A_period_is_a_year_or_a_month_read_as_of_its_last_day_or_today(int? year, int? month, string key, string from, string to, string asOf)
    {
        var p = DashboardRules.Period(year, month, Today);
        Assert.Equal(key, p.Key);
        Assert.Equal(DateOnly.Parse(from), p.From);
        Assert.Equal(DateOnly.Parse(to), p.To);
        Assert.Equal(DateOnly.Parse(asOf), p.AsOf);
    }

    [Fact]
    public void The_months_of_a_running_year_stop_at_the_current_month()
    {
        Assert.Equal(11, DashboardRules.Period(2026, null, Today).Months.Count);
        Assert.Equal(12, DashboardRules.Period(2025, null, Today).Months.Count);
        Assert.Equal([new DateOnly(2026, 3, 1)], DashboardRules.Period(2026, 3, Today).Months);
    }

    [Theory]
    [InlineData(2012, null, "year")]
    [InlineData(2027, null, "year")]
    [InlineData(2026, 0, "month")]
    [InlineData(2026, 13, "month")]
    [InlineData(2026, 12, "month")]
    public void A_period_outside_the_records_or_in_the_future_is_refused_on_its_field(int? year, int? month, string field)
    {
        var problem = Assert.Throws<AppProblem>(() => DashboardRules.Period(year, month, Today));
        Assert.Equal(400, problem.Status);
        Assert.True(problem.Errors.ContainsKey(field));
    }

    [Theory]
    [InlineData("1966-11-30", true)]
    [InlineData("1966-12-01", false)]
    [InlineData("1940-01-01", true)]
    [InlineData("1966-11-29", true)]
    public void Sixty_full_years_on_the_day(string born, bool counted) =>
        Assert.Equal(counted, DateOnly.Parse(born) <= DashboardRules.BornOnOrBefore(Today, 60));

    [Theory]
    [InlineData(20, 3, 6666.7)]
    [InlineData(10, 2, 5000.0)]
    [InlineData(35, 1000, 35.0)]
    [InlineData(1, 3, 333.3)]
    [InlineData(2, 3, 666.7)]
    [InlineData(0, 5, 0.0)]
    public void Beds_per_thousand_elders_to_one_decimal(int beds, int elders, double expected) =>
        Assert.Equal((decimal)expected, DashboardRules.BedsPerThousand(beds, elders));

    [Fact]
    public void Beds_per_thousand_over_nobody_is_no_figure() => Assert.Null(DashboardRules.BedsPerThousand(20, 0));

    [Theory]
    [InlineData(5, 20, 25.0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(3, 0, 0.0)]
    [InlineData(0, 10, 0.0)]
    public void Shares_in_percent_to_one_decimal(long part, long whole, double expected) =>
        Assert.Equal((decimal)expected, DashboardRules.Percent(part, whole));
}
