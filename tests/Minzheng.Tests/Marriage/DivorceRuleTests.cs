using System.Globalization;
using Minzheng.Web.Modules.Marriage.Divorce;
using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// The divorce timeline on the shipped official calendar (2019–2027): each 30-day period starts the day after receipt and a
/// last day on a rest day or a statutory holiday moves to the next working day, a 调休 working Saturday staying where it is.
/// </summary>
public sealed class DivorceRuleTests
{
    private static readonly WorkingCalendar.Snapshot Official = WorkingCalendar.From(CalendarReference.ReadShipped());

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    // 30th day 2021-10-01 is National Day (holiday to 10-07) → Friday 10-08; appearance from Saturday 10-09 (a 调休 working day);
    // 10-08 + 30 = Sunday 11-07 → Monday 11-08
    [InlineData("2021-09-01", "2021-10-08", "2021-10-09", "2021-11-08")]
    // 30th day 2021-02-11 is in the Spring Festival holiday (02-11..02-17) → Thursday 02-18; 02-18 + 30 = Saturday 03-20 → Monday 03-22
    [InlineData("2021-01-12", "2021-02-18", "2021-02-19", "2021-03-22")]
    // 30th day Saturday 2021-02-20 is a 调休 working day: it stays; 02-20 + 30 = Monday 03-22
    [InlineData("2021-01-21", "2021-02-20", "2021-02-21", "2021-03-22")]
    // 30th day Saturday 2021-10-09 is a 调休 working day: it stays; 10-09 + 30 = Monday 11-08
    [InlineData("2021-09-09", "2021-10-09", "2021-10-10", "2021-11-08")]
    // 30th day an ordinary Sunday 2021-07-04 → Monday 07-05; 07-05 + 30 = Wednesday 08-04
    [InlineData("2021-06-04", "2021-07-05", "2021-07-06", "2021-08-04")]
    // 30th day 2026-10-01 is National Day (holiday to 10-07) → Thursday 10-08; 10-08 + 30 = Saturday 11-07 → Monday 11-09
    [InlineData("2026-09-01", "2026-10-08", "2026-10-09", "2026-11-09")]
    public void Periods_end_on_a_working_day_of_the_official_calendar(string received, string withdrawUntil, string appearFrom, string appearUntil)
    {
        var dates = DivorceTimeline.Compute(D(received), 30, 30, d => WorkingCalendar.IsWorkingDay(Official, d));
        Assert.Equal(D(withdrawUntil), dates.WithdrawUntil);
        Assert.Equal(D(appearFrom), dates.AppearFrom);
        Assert.Equal(D(appearUntil), dates.AppearUntil);
    }

    [Fact]
    public void Without_a_cooling_off_every_date_is_the_day_of_receipt()
    {
        var dates = DivorceTimeline.Compute(D("2020-06-01"), 0, 0, d => WorkingCalendar.IsWorkingDay(Official, d));
        Assert.Equal(new DivorceDates(D("2020-06-01"), D("2020-06-01"), D("2020-06-01"), D("2020-06-01")), dates);
    }

    [Theory]
    [InlineData(true, true, true, 0)]
    [InlineData(false, true, true, 1)]
    [InlineData(true, false, true, 1)]
    [InlineData(true, true, false, 1)]
    [InlineData(false, false, false, 3)]
    public void Not_accepted_grounds(bool agreement, bool capacity, bool mainland, int grounds)
    {
        var found = DivorceApplications.NotAcceptedGrounds(agreement, capacity, mainland);
        Assert.Equal(grounds, found.Count);
        if (!capacity) Assert.Contains(found, g => g.Contains("民事行为能力", StringComparison.Ordinal));
    }

    [Theory]
    // a marriage certificate: reissued while the marriage is in force and the holder married; a record proof after a divorce
    [InlineData(true, MaritalStatus.Married, false, true)]
    [InlineData(false, MaritalStatus.Divorced, false, false)]
    [InlineData(false, MaritalStatus.Widowed, false, false)]
    // a divorce certificate: reissued while divorced; a record proof once the holder remarried
    [InlineData(true, MaritalStatus.Divorced, true, true)]
    [InlineData(true, MaritalStatus.Married, true, false)]
    public void Reissue_or_record_proof(bool inForce, MaritalStatus now, bool divorceCertificate, bool reissue) =>
        Assert.Equal(reissue, MarriageRules.MayReissue(inForce, now, divorceCertificate));

    [Fact]
    public void Phase_follows_the_dates()
    {
        var a = new DivorceApplication
        {
            Number = "LS",
            DivisionCode = "450921000000",
            MarriageCertificateNumber = "J",
            ReceivedBy = "t",
            Status = DivorceStatus.Accepted,
            ReceivedOn = D("2021-09-01"),
            WithdrawUntil = D("2021-10-08"),
            AppearFrom = D("2021-10-09"),
            AppearUntil = D("2021-11-08"),
        };
        Assert.Equal("冷静期（可撤回）", DivorceApplications.PhaseName(a, D("2021-10-08")));
        Assert.Equal("待双方到场申请发证", DivorceApplications.PhaseName(a, D("2021-10-09")));
        Assert.Equal("待双方到场申请发证", DivorceApplications.PhaseName(a, D("2021-11-08")));
        Assert.Equal("期满未到场（待视为撤回）", DivorceApplications.PhaseName(a, D("2021-11-09")));
    }
}
