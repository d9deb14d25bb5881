namespace Minzheng.Web.Modules.Marriage.Rules;

/// <summary>The days of a divorce by agreement (民法典 第一千零七十七条), all inclusive.</summary>
/// <param name="WithdrawUntil">Last day of the cooling-off, in which either party may withdraw.</param>
/// <param name="AppearFrom">First day on which both may come back for the certificate.</param>
/// <param name="AppearUntil">Last such day; not both come by its end → deemed withdrawn.</param>
public sealed record DivorceDates(DateOnly ReceivedOn, DateOnly WithdrawUntil, DateOnly AppearFrom, DateOnly AppearUntil);

/// <summary>
/// The divorce cooling-off timeline. Each 30-day period starts on the day after the registry received the application (or
/// after the cooling-off ended) — 民法典 第二百零一条: 开始的当日不计入 — and a period whose last day is a rest day or a
/// statutory holiday runs to the next working day (第二百零三条: 以法定休假日结束的次日为期间的最后一日), counted on the official
/// calendar, so a 调休 working Saturday is a working day and a Monday inside the Spring Festival holiday is not.
/// With no cooling-off in force (0 days: applications to 2020-12-31) the divorce is registered on the spot: all dates are the
/// day of receipt.
/// </summary>
public static class DivorceTimeline
{
    public static DivorceDates Compute(DateOnly receivedOn, int coolingOffDays, int appearanceDays, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coolingOffDays);
        ArgumentOutOfRangeException.ThrowIfNegative(appearanceDays);
        if (coolingOffDays == 0) return new(receivedOn, receivedOn, receivedOn, receivedOn);
        var withdrawUntil = PastRestDays(receivedOn.AddDays(coolingOffDays), isWorkingDay);
        var appearUntil = PastRestDays(withdrawUntil.AddDays(appearanceDays), isWorkingDay);
        return new(receivedOn, withdrawUntil, withdrawUntil.AddDays(1), appearUntil);
    }

    private static DateOnly PastRestDays(DateOnly lastDay, Func<DateOnly, bool> isWorkingDay)
    {
        while (!isWorkingDay(lastDay)) lastDay = lastDay.AddDays(1);
        return lastDay;
    }
}
