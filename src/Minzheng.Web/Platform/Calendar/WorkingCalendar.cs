using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Calendar;

/// <summary>
/// Working-day arithmetic over the official calendar (domain decision 4). The exceptions to the
/// Monday–Friday rule are small (a few dozen a year), so they are cached and reloaded after an edit.
/// </summary>
public sealed class WorkingCalendar(IServiceScopeFactory scopes)
{
    private volatile Snapshot? _snapshot;

    public sealed record Snapshot(FrozenDictionary<DateOnly, CalendarDay> Days, int FirstYear, int LastYear);

    public void Invalidate() => _snapshot = null;

    public Snapshot Current => _snapshot ?? Reload();

    private Snapshot Reload()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var days = db.CalendarDays.AsNoTracking().ToList();
        var snapshot = From(days);
        _snapshot = snapshot;
        return snapshot;
    }

    public static Snapshot From(IEnumerable<CalendarDay> days)
    {
        var map = days.ToFrozenDictionary(d => d.Date);
        // A year counts as covered once its notice is in: every year has well over ten days off
        // (a notice also spills a few days into the neighbouring years, e.g. 2018-12-30 in the 2019 notice).
        var years = map.Values.Where(d => d.IsOffDay).GroupBy(d => d.Date.Year).Where(g => g.Count() >= 10).Select(g => g.Key).ToList();
        return new Snapshot(map, years.Count == 0 ? 0 : years.Min(), years.Count == 0 ? 0 : years.Max());
    }

    public bool IsWorkingDay(DateOnly date) => IsWorkingDay(Current, date);

    public static bool IsWorkingDay(Snapshot s, DateOnly date) =>
        s.Days.TryGetValue(date, out var day) ? !day.IsOffDay : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>True when the official calendar of every year in [from, to] is loaded.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        var s = Current;
        return s.FirstYear > 0 && from.Year >= s.FirstYear && to.Year <= s.LastYear;
    }

    /// <summary>
    /// The date on which a period of <paramref name="days"/> working days ends. Counting starts on the day
    /// after <paramref name="from"/> (期间开始之日不计算在内), so accepted on 2020-01-22 with 3 working days
    /// ends on 2020-02-04 across the Spring Festival holiday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days) => AddWorkingDays(Current, from, days);

    public static DateOnly AddWorkingDays(Snapshot s, DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(s, date)) counted++;
        }
        return date;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var s = Current;
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(s, d)) count++;
        }
        return count;
    }
}
