using Minzheng.Web.Modules.Rescue.Stays;
using Money = Minzheng.Web.Platform.Money.Money;

namespace Minzheng.Tests.Rescue;

/// <summary>The stay limit, the search deadlines, the cash cap, eligibility and the daily sweep's decisions (rules-2 §3), as tables.</summary>
public sealed class StayRulesTests
{
    private static readonly RescueRules Rules = new(StayLimitDays: 10, StayAlertDaysBefore: 2, CashCap: Money.FromYuan(20m), SearchNoticeHours: 24,
        DnaRequestWorkingDays: 7, PlacementAfterDays: 10, SettlementAfterMonths: 3);

    // weekdays only: enough to see that the DNA deadline counts working days, not calendar days
    private static DateOnly AddWeekdays(DateOnly from, int days)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return d;
    }

    private static readonly DateOnly Admitted = new(2026, 12, 1); // a Tuesday

    private static StayDates Dates() => RescueDeadlines.Compute(Rules, new DateTime(2026, 12, 1, 6, 30, 0, DateTimeKind.Utc), Admitted, AddWeekdays);

    [Fact]
    public void Dates_count_from_the_day_after_admission()
    {
        var d = Dates();
        Assert.Equal(new DateOnly(2026, 12, 11), d.StayUntil);
        Assert.Equal(new DateOnly(2026, 12, 9), d.AlertFrom);
        Assert.Equal(new DateTime(2026, 12, 2, 6, 30, 0, DateTimeKind.Utc), d.NoticeDueAt);
        Assert.Equal(new DateOnly(2026, 12, 10), d.DnaRequestDue); // 7 weekdays: the weekend of 5–6 December is skipped
        Assert.Equal(new DateOnly(2026, 12, 12), d.PlacementFrom);
        Assert.Equal(new DateOnly(2027, 3, 1), d.SettlementFrom);
    }

    [Theory]
    [InlineData("2026-12-01", 0)]
    [InlineData("2026-12-02", 1)]
    [InlineData("2026-12-11", 10)]
    [InlineData("2026-12-12", 11)]
    public void Days_in_station(string on, int expected) => Assert.Equal(expected, RescueDeadlines.DaysIn(Admitted, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1999, true)]
    [InlineData(2000, true)]   // exactly the cap
    [InlineData(2001, false)]  // one fen over
    [InlineData(-1, false)]
    public void Cash_stays_within_the_cap(long fen, bool ok) => Assert.Equal(ok, RescueDeadlines.CashWithinCap(new Money(fen), Rules));

    [Theory]
    // today, identity known, already alerted, already past → raise alert, mark past, place
    [InlineData("2026-12-08", false, false, false, false, false, false)]
    [InlineData("2026-12-09", false, false, false, true, false, false)]   // alert from two days before the limit
    [InlineData("2026-12-11", false, true, false, false, false, false)]   // the last day: alerted once, not past
    [InlineData("2026-12-11", false, false, false, true, false, false)]   // a missed run still alerts
    [InlineData("2026-12-12", false, true, false, false, true, true)]     // past the limit, unidentified → 照料安置
    [InlineData("2026-12-12", true, true, false, false, true, false)]     // identified: past the limit, no placement
    [InlineData("2026-12-20", true, true, true, false, false, false)]     // each mark once
    public void Sweep_marks_each_stay_once_and_places_the_unidentified(string today, bool known, bool alerted, bool passed, bool alert, bool past, bool place)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var stay = new RescueStay
        {
            Number = "JZ4509022026000001",
            DivisionCode = "450902000000",
            RecordedBy = "test",
            AdmittedOn = Admitted,
            IdentityKnown = known,
            AlertRaisedOn = alerted ? Admitted : null,
            LimitPassedOn = passed ? Admitted : null,
        };
        Assert.Equal(new SweepAction(alert, past, place), StayRules.Sweep(stay, Dates(), day));
    }

    [Theory]
    [InlineData(StayStatus.Placed)]
    [InlineData(StayStatus.Left)]
    [InlineData(StayStatus.Refused)]
    public void Only_stays_in_station_are_swept(StayStatus status)
    {
        var stay = new RescueStay { Number = "x", DivisionCode = "450902000000", RecordedBy = "test", AdmittedOn = Admitted, Status = status };
        Assert.Equal(new SweepAction(false, false, false), StayRules.Sweep(stay, Dates(), new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData(true, true, true, true, false, "")]
    [InlineData(false, true, true, true, false, "自身有能力解决食宿")]
    [InlineData(true, false, true, true, false, "有亲友可以投靠")]
    [InlineData(true, true, false, true, false, "享受城市最低生活保障或者农村特困人员救助供养")]
    [InlineData(true, true, true, false, false, "不属于在城市流浪乞讨度日")]
    [InlineData(false, false, true, true, false, "自身有能力解决食宿|有亲友可以投靠")]
    [InlineData(false, false, false, false, true, "")] // cannot give the facts: helped first (实施细则 第六条)
    public void Refusal_reasons_name_each_unmet_condition(bool food, bool relatives, bool allowance, bool vagrant, bool unable, string expected) =>
        Assert.Equal(expected, string.Join("|", StayRules.RefusalReasons(new EligibilityFacts(food, relatives, allowance, vagrant, unable))));

    [Theory]
    [InlineData(StayStatus.InStation, true)]
    [InlineData(StayStatus.Placed, true)]
    [InlineData(StayStatus.Left, false)]
    [InlineData(StayStatus.Refused, false)]
    public void Open_stays_block_a_new_intake(StayStatus status, bool open) => Assert.Equal(open, StayRules.IsOpen(status));
}
