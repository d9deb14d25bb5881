using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>The rescue figures in force for a station's county on a day (<see cref="RescueDeadlines.FiguresOn"/>).</summary>
public sealed record RescueRules(int StayLimitDays, int StayAlertDaysBefore, Platform.Money.Money CashCap, int SearchNoticeHours, int DnaRequestWorkingDays,
    int PlacementAfterDays, int? SettlementAfterMonths);

/// <summary>The dates a stay runs to: each derived from the admission by the figures of the admission day.</summary>
/// <param name="StayUntil">Last day of the normal stay (实施细则 第十二条: 一般不超过10天).</param>
/// <param name="AlertFrom">From this day the stay shows as nearly due.</param>
/// <param name="NoticeDueAt">The family-search notice must be out by then (民发〔2015〕158号: 24小时内).</param>
/// <param name="DnaRequestDue">The DNA request to the police by then (7 working days, counted on the official calendar).</param>
/// <param name="PlacementFrom">An unidentified person still in station on this day moves to 照料安置.</param>
/// <param name="SettlementFrom">All searches failed by this day → 落户 and 特困 (a local example: demo figure).</param>
public sealed record StayDates(DateOnly StayUntil, DateOnly AlertFrom, DateTime NoticeDueAt, DateOnly DnaRequestDue, DateOnly PlacementFrom, DateOnly? SettlementFrom);

/// <summary>
/// The stay limit and the family-search deadlines (rules-2 §3.2–3.4). Day counts start on the day after admission (the day
/// of admission is not counted, as 民法典 第二百零一条 counts periods); the notice deadline counts hours from the admission time.
/// </summary>
public static class RescueDeadlines
{
    public static RescueRules FiguresOn(FigureBook book, string divisionCode, DateOnly on)
    {
        int N(FigureKind k) => book.Require(k, divisionCode, on).Row.Number ?? 0;
        // the alert lead and the settlement months have no confirmed source (demo rows only): until the city sets them, the alert
        // comes on the limit day itself and no stay becomes settleable by time alone — the statutory figures stay required
        var alert = book.Find(RescueFigures.StayAlertDaysBefore, divisionCode, on)?.Row.Number ?? 0;
        var settlement = book.Find(RescueFigures.SettlementAfterMonths, divisionCode, on)?.Row.Number;
        return new(N(RescueFigures.StayLimitDays), alert, book.Require(RescueFigures.CashCap, divisionCode, on).Row.Amount ?? Platform.Money.Money.Zero,
            N(RescueFigures.SearchNoticeHours), N(RescueFigures.DnaRequestWorkingDays), N(RescueFigures.PlacementAfterDays), settlement);
    }

    public static StayDates Compute(RescueRules rules, DateTime admittedAt, DateOnly admittedOn, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var until = admittedOn.AddDays(rules.StayLimitDays);
        return new(until, until.AddDays(-rules.StayAlertDaysBefore), admittedAt.AddHours(rules.SearchNoticeHours), addWorkingDays(admittedOn, rules.DnaRequestWorkingDays),
            admittedOn.AddDays(rules.PlacementAfterDays + 1), rules.SettlementAfterMonths is { } m ? admittedOn.AddMonths(m) : null);
    }

    /// <summary>Days in station on <paramref name="on"/> (the day of admission is day 0, like the limit counts).</summary>
    public static int DaysIn(DateOnly admittedOn, DateOnly on) => on.DayNumber - admittedOn.DayNumber;

    /// <summary>Whether a cash amount given at departure stays within the cap of the day.</summary>
    public static bool CashWithinCap(Platform.Money.Money amount, RescueRules rules) => amount >= Platform.Money.Money.Zero && amount <= rules.CashCap;
}
