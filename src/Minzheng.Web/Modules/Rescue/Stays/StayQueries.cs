using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>A stay as lists show it: with the person's name, number and sex, and the station's name.</summary>
public sealed record StayRow(RescueStay Stay, string Name, string? PersonNumber, Platform.Registry.Sex Sex, DateOnly BirthDate, string Station);

public sealed record StationLoad(Guid StationId, string Name, string DivisionCode, int BedsMale, int BedsFemale, int Male, int Female, int Placed);

public sealed record MonthCount(string DivisionCode, string Month, int Admitted, int Left, int ReturnedHome);

public sealed record StayDashboard(IReadOnlyList<StationLoad> Stations, IReadOnlyList<StayRow> PastLimit, IReadOnlyList<MonthCount> Months, int ReturnedHomeThisYear);

/// <summary>The named data-quality checks of the stays (anchors §6.3), each a list the clerk can work through.</summary>
public sealed record StayQuality(IReadOnlyList<(StayRow A, StayRow B)> Overlapping, IReadOnlyList<StayRow> NoExit, IReadOnlyList<IReadOnlyList<StayRow>> DuplicatePersons, int NoExitDays);

/// <summary>Read side of the stays: the paged list, the dashboard and the data-quality reports (all within the user's scope).</summary>
public sealed class StayQueries(AppDbContext db, RescueStays stays, BusinessClock clock)
{
    /// <summary>
    /// The rows of <paramref name="list"/> (already scoped) with the person's name and number and the station's name. The persons
    /// are read in a query of their own, unscoped on purpose: a rescued person found by ID number may be registered in another
    /// county (a number is registered once) and is still shown on the station's stay. Joining that lookup into the stays' query
    /// would unscope the stays too (EF's IgnoreQueryFilters is query-wide), so it stays separate.
    /// </summary>
    public async Task<List<StayRow>> RowsAsync(IReadOnlyList<RescueStay> list, CancellationToken ct)
    {
        var personIds = list.Select(s => s.PersonId).Distinct().ToList();
        var stationIds = list.Select(s => s.StationId).Distinct().ToList();
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Number = p.IdNumberMasked ?? p.PlatformNumber, p.Sex, p.BirthDate }).ToDictionaryAsync(p => p.Id, ct);
        var stations = await db.Set<RescueStation>().AsNoTracking().Where(t => stationIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return [.. list.Select(s => people.TryGetValue(s.PersonId, out var p)
            ? new StayRow(s, p.Name, p.Number, p.Sex, p.BirthDate, stations.GetValueOrDefault(s.StationId) ?? "")
            : new StayRow(s, "", null, default, default, stations.GetValueOrDefault(s.StationId) ?? ""))];
    }

    public async Task<Paged<StayRow>> ListAsync(string? status, Guid? stationId, string? q, PageRequest page, CancellationToken ct)
    {
        var found = await Filter(status, stationId, q).OrderByDescending(s => s.AdmittedAt).ThenBy(s => s.Id).ToPagedAsync(page, ct);
        return new(await RowsAsync(found.Items, ct), found.Total, found.Page, found.PageSize);
    }

    public IQueryable<RescueStay> Filter(string? status, Guid? stationId, string? q)
    {
        var rows = db.Set<RescueStay>().AsNoTracking();
        rows = status switch
        {
            "open" => rows.Where(s => s.Status == StayStatus.InStation || s.Status == StayStatus.Placed),
            "in-station" => rows.Where(s => s.Status == StayStatus.InStation),
            "placed" => rows.Where(s => s.Status == StayStatus.Placed),
            "left" => rows.Where(s => s.Status == StayStatus.Left),
            "refused" => rows.Where(s => s.Status == StayStatus.Refused),
            null or "" or "all" => rows,
            _ => throw AppProblem.Field("status", "状态只能是 all、open、in-station、placed、left、refused"),
        };
        if (stationId is { } sid) rows = rows.Where(s => s.StationId == sid);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // by name within the user's own registry scope (a scoped subquery keeps the stays scoped)
            var t = q.Trim();
            var named = db.Persons.Where(p => p.Name.Contains(t)).Select(p => p.Id);
            rows = rows.Where(s => s.Number.Contains(t) || named.Contains(s.PersonId));
        }
        return rows;
    }

    public async Task<StayDashboard> DashboardAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var stations = await db.Set<RescueStation>().AsNoTracking().OrderBy(s => s.DivisionCode).ThenBy(s => s.Name).ToListAsync(ct);
        var open = await RowsAsync(await Filter("open", null, null).ToListAsync(ct), ct);
        var loads = stations.Select(s =>
        {
            var here = open.Where(r => r.Stay.StationId == s.Id).ToList();
            return new StationLoad(s.Id, s.Name, s.DivisionCode, s.BedsMale, s.BedsFemale,
                here.Count(r => r.Sex == Platform.Registry.Sex.Male), here.Count(r => r.Sex == Platform.Registry.Sex.Female), here.Count(r => r.Stay.Status == StayStatus.Placed));
        }).ToList();
        var pastLimit = open.Where(r => r.Stay.Status == StayStatus.InStation && stays.DatesOf(r.Stay).StayUntil < today).OrderBy(r => r.Stay.AdmittedAt).ToList();
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var recent = await db.Set<RescueStay>().AsNoTracking().Where(s => s.Status != StayStatus.Refused && (s.AdmittedOn >= from || s.LeftOn >= from))
            .Select(s => new { s.DivisionCode, s.AdmittedOn, s.LeftOn, s.Exit }).ToListAsync(ct);
        static string M(DateOnly d) => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var keys = recent.Where(s => s.AdmittedOn >= from).Select(s => (s.DivisionCode, Month: M(s.AdmittedOn)))
            .Concat(recent.Where(s => s.LeftOn >= from).Select(s => (s.DivisionCode, Month: M(s.LeftOn!.Value)))).Distinct();
        var months = keys.Select(k => new MonthCount(k.DivisionCode, k.Month,
                recent.Count(s => s.DivisionCode == k.DivisionCode && s.AdmittedOn >= from && M(s.AdmittedOn) == k.Month),
                recent.Count(s => s.DivisionCode == k.DivisionCode && s.LeftOn >= from && M(s.LeftOn!.Value) == k.Month),
                recent.Count(s => s.DivisionCode == k.DivisionCode && s.LeftOn >= from && s.Exit == StayExit.ReturnedHome && M(s.LeftOn!.Value) == k.Month)))
            .OrderByDescending(m => m.Month).ThenBy(m => m.DivisionCode, StringComparer.Ordinal).ToList();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var returned = await db.Set<RescueStay>().CountAsync(s => s.Exit == StayExit.ReturnedHome && s.LeftOn >= yearStart, ct);
        return new(loads, pastLimit, months, returned);
    }

    /// <summary>Overlapping stays of one person, stays open longer than <paramref name="noExitDays"/>, and likely duplicate persons.</summary>
    public async Task<StayQuality> QualityAsync(int? noExitDays, CancellationToken ct)
    {
        var days = noExitDays ?? 90;
        if (days is < 1 or > 3650) throw AppProblem.Field("days", "天数应在1至3650之间");
        var today = clock.Today;
        var all = await RowsAsync(await db.Set<RescueStay>().AsNoTracking().Where(s => s.Status != StayStatus.Refused).ToListAsync(ct), ct);
        var overlapping = new List<(StayRow, StayRow)>();
        foreach (var g in all.GroupBy(r => r.Stay.PersonId).Where(g => g.Count() > 1))
        {
            var list = g.OrderBy(r => r.Stay.AdmittedAt).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var a = list[i].Stay;
                    var b = list[j].Stay;
                    if (a.AdmittedOn <= (b.LeftOn ?? today) && b.AdmittedOn < (a.LeftOn ?? today)) overlapping.Add((list[i], list[j]));
                }
            }
        }
        var noExit = all.Where(r => StayRules.IsOpen(r.Stay.Status) && RescueDeadlines.DaysIn(r.Stay.AdmittedOn, today) > days).OrderBy(r => r.Stay.AdmittedAt).ToList();
        // people without an ID number registered twice: the same name and birth date under two platform numbers
        var duplicates = all.Where(r => r.Name != RescueStays.Unnamed).GroupBy(r => r.Stay.PersonId).Select(g => g.First())
            .GroupBy(r => (r.Name, r.BirthDate))
            .Where(g => g.Count() > 1).Select(g => (IReadOnlyList<StayRow>)[.. g]).ToList();
        return new(overlapping, noExit, duplicates, days);
    }
}
