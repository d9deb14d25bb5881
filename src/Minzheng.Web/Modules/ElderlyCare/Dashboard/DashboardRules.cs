using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

/// <summary>
/// The period a dashboard counts over: a calendar year or one month. Stock figures (homes, beds, residents, people aged 60+,
/// what is overdue) are read as of <see cref="AsOf"/>, the period's last day or today when the period is still running; flow
/// figures (subsidies published, inspections drawn, settlements) over the months from <see cref="From"/> to <see cref="AsOf"/>.
/// </summary>
public sealed record DashboardPeriod(int Year, int? Month, DateOnly From, DateOnly To, DateOnly AsOf)
{
    /// <summary>"2026-11" or "2026": the API's and the page's value.</summary>
    public string Key => Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";

    public string Label => Month is { } m ? $"{Year} 年 {m} 月" : $"{Year} 年";

    /// <summary>The first day of each month from <see cref="From"/> to the month of <see cref="AsOf"/>.</summary>
    public IReadOnlyList<DateOnly> Months
    {
        get
        {
            var list = new List<DateOnly>();
            for (var m = From; m <= AsOf; m = m.AddMonths(1)) list.Add(m);
            return list;
        }
    }

    /// <summary>The month whose monthly figures (高龄津贴 this month) are shown: the chosen month, or the month of <see cref="AsOf"/>.</summary>
    public DateOnly Month1 => new(AsOf.Year, AsOf.Month, 1);
}

/// <summary>The pure arithmetic of the elderly-care dashboard (issue 13 item 10).</summary>
public static class DashboardRules
{
    /// <summary>The first year a dashboard may be asked for (the 2013 licensing regime is the oldest record the module keeps).</summary>
    public const int FirstYear = 2013;

    /// <summary>
    /// The period for a year and an optional month; neither given means the current month. A period that has not begun is
    /// refused on its field, as is a month outside 1–12.
    /// </summary>
    public static DashboardPeriod Period(int? year, int? month, DateOnly today)
    {
        var errors = new ValidationErrors();
        var y = year ?? today.Year;
        var m = year is null && month is null ? today.Month : month;
        if (y < FirstYear || y > today.Year) errors.Add("year", $"统计年度应在 {FirstYear} 至 {today.Year} 年之间");
        if (m is { } mm && (mm < 1 || mm > 12)) errors.Add("month", "月份应为 1 至 12");
        else if (m is { } future && y == today.Year && future > today.Month) errors.Add("month", "统计月份不能晚于本月");
        errors.ThrowIfAny();
        var from = new DateOnly(y, m ?? 1, 1);
        var to = m is null ? new DateOnly(y, 12, 31) : from.AddMonths(1).AddDays(-1);
        return new DashboardPeriod(y, m, from, to, to < today ? to : today);
    }

    /// <summary>
    /// Beds per 1,000 people aged 60 and over (the plan's 每千名老年人拥有养老床位数), one decimal; null where the area has no
    /// elderly people registered (a ratio over nobody says nothing).
    /// </summary>
    public static decimal? BedsPerThousand(int beds, int elders) =>
        elders <= 0 ? null : Math.Round(beds * 1000m / elders, 1, MidpointRounding.AwayFromZero);

    /// <summary>A share in percent with one decimal (护理型床位占比, 入住率, 检查完成率); 0 over nothing.</summary>
    public static decimal Percent(long part, long whole) =>
        whole <= 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Whoever was born on or before this day is at least <paramref name="age"/> full years old on <paramref name="asOf"/> (周岁).</summary>
    public static DateOnly BornOnOrBefore(DateOnly asOf, int age) => asOf.AddYears(-age);
}
