using Minzheng.Web.Platform.Calendar;

namespace Minzheng.Tests.Unit;

/// <summary>Working days over the shipped official calendar: the period starts the day after the event (期间开始之日不计算在内).</summary>
public sealed class CalendarTests
{
    private static readonly WorkingCalendar.Snapshot Official = WorkingCalendar.From(CalendarReference.ReadShipped());

    [Theory]
    [InlineData("2020-01-17", 2, "2020-01-20")] // Sunday 01-19 was a 调休 working day
    [InlineData("2020-01-22", 3, "2020-02-04")] // the Spring Festival holiday ran 01-24 to 02-02
    [InlineData("2020-01-17", 0, "2020-01-17")]
    [InlineData("2020-09-30", 1, "2020-10-09")] // National Day and Mid-Autumn 10-01..10-08
    [InlineData("2020-09-26", 1, "2020-09-27")] // Sunday 09-27 was worked
    [InlineData("2026-11-27", 1, "2026-11-30")] // an ordinary weekend
    [InlineData("2021-07-01", 10, "2021-07-15")]
    public void Adding_working_days(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WorkingCalendar.AddWorkingDays(Official, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void Shipped_calendar_covers_2019_to_2026()
    {
        Assert.Equal(2019, Official.FirstYear);
        Assert.True(Official.LastYear >= 2026);
        Assert.Contains(Official.Days.Values, d => d.Date == new DateOnly(2020, 1, 19) && !d.IsOffDay);
    }

    [Fact]
    public void Negative_periods_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.AddWorkingDays(Official, new DateOnly(2020, 1, 1), -1));
}
