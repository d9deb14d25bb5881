using Minzheng.Web.Modules.Volunteers.Records;

namespace Minzheng.Tests.Volunteers;

/// <summary>星级 from cumulative verified hours at each boundary (100/300/600/1,000/1,500 h, rules.md §10), and the travel exclusion.</summary>
public sealed class StarLevelTests
{
    private static readonly StarThresholds Common = new([100, 300, 600, 1000, 1500], []);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100 * 60 - 1, 0)]
    [InlineData(100 * 60, 1)]
    [InlineData(300 * 60 - 1, 1)]
    [InlineData(300 * 60, 2)]
    [InlineData(600 * 60 - 1, 2)]
    [InlineData(600 * 60, 3)]
    [InlineData(1000 * 60 - 1, 3)]
    [InlineData(1000 * 60, 4)]
    [InlineData(1500 * 60 - 1, 4)]
    [InlineData(1500 * 60, 5)]
    [InlineData(100000 * 60, 5)]
    public void Star_levels_at_each_boundary(int minutes, int star) => Assert.Equal(star, Common.LevelFor(minutes));

    [Theory]
    [InlineData(0, 100.0)]
    [InlineData(99 * 60 + 30, 0.5)]
    [InlineData(100 * 60, 200.0)]
    [InlineData(1500 * 60, null)]
    public void Hours_to_the_next_star(int minutes, double? hours) =>
        Assert.Equal(hours is null ? null : (decimal)hours.Value, Common.HoursToNext(minutes));

    [Fact]
    public void Another_scale_is_a_matter_of_figures() => Assert.Equal(3, new StarThresholds([10, 20, 30, 40, 50], []).LevelFor(35 * 60));

    [Theory]
    [InlineData("09:00", "12:00", 0, 180)]
    [InlineData("09:00", "12:00", 30, 150)]
    [InlineData("09:00", "09:20", 30, 0)]
    [InlineData("09:00", "12:00", -10, 180)]
    [InlineData("09:00", "09:59:59", 0, 59)]
    public void Service_time_excludes_travel_and_never_goes_negative(string from, string to, int travel, int minutes)
    {
        var day = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(minutes, ServiceRecord.Claimed(day + TimeSpan.Parse(from, System.Globalization.CultureInfo.InvariantCulture), day + TimeSpan.Parse(to, System.Globalization.CultureInfo.InvariantCulture), travel));
    }
}
