using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Dashboard;

public sealed record AreaRow(string Code, string Name, int Volunteers, decimal VerifiedHours);

public sealed record MonthRow(string Month, int NewVolunteers, int ServiceRecords, decimal VerifiedHours);

public sealed record StarRow(int Star, string Name, int Volunteers);

public sealed record VolunteerOverview(
    DateOnly AsOf,
    string AreaLevelName,
    int Volunteers,
    decimal VerifiedHours,
    int ActiveOrganizations,
    int Teams,
    int WaitingForVerification,
    IReadOnlyList<AreaRow> ByArea,
    IReadOnlyList<MonthRow> ByMonth,
    IReadOnlyList<StarRow> Stars);

/// <summary>
/// 志愿服务概况 from the records in the reader's scope (the scope filters decide: a city officer sees the counties, a county its
/// townships, an organisation its own volunteers and records). Areas are the level below the reader's division; hours are
/// verified hours only, placed in the organiser's division and the month the activity started (China time).
/// </summary>
public sealed class VolunteerDashboard(ReadOnlyDb read, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock)
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    public async Task<VolunteerOverview> LoadAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var (length, levelName) = AreaLevel(user.DivisionCode);
        var volunteers = _db.Set<Volunteer>().AsNoTracking().Where(v => v.Status != VolunteerStatus.Withdrawn);
        var verified = _db.Set<ServiceRecord>().AsNoTracking().Where(r => r.Status == ServiceRecordStatus.Verified);

        var volunteersByArea = await volunteers.GroupBy(v => v.DivisionCode.Substring(0, length)).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var minutesByArea = await verified.GroupBy(r => r.DivisionCode.Substring(0, length)).Select(g => new { g.Key, M = g.Sum(r => (long)r.VerifiedMinutes) }).ToListAsync(ct);
        var areas = volunteersByArea.Select(x => x.Key).Union(minutesByArea.Select(x => x.Key)).Order(StringComparer.Ordinal)
            .Select(code => new AreaRow(code.PadRight(DivisionCodes.Length, '0'), divisions.NameOf(code.PadRight(DivisionCodes.Length, '0')),
                volunteersByArea.FirstOrDefault(x => x.Key == code)?.N ?? 0, Hours(minutesByArea.FirstOrDefault(x => x.Key == code)?.M ?? 0)))
            .ToList();

        // the last 12 months, this one included
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var since = BusinessClock.FromChina(firstMonth.ToDateTime(TimeOnly.MinValue));
        var served = await verified.Join(_db.Set<VolunteerActivity>(), r => r.ActivityId, a => a.Id, (r, a) => new { a.StartsAt, r.VerifiedMinutes, r.TeamId })
            .Where(x => x.StartsAt >= since).ToListAsync(ct);
        var registered = await volunteers.Where(v => v.RegisteredOn >= firstMonth).Select(v => v.RegisteredOn).ToListAsync(ct);
        var months = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(m =>
        {
            bool Same(DateOnly d) => d.Year == m.Year && d.Month == m.Month;
            var inMonth = served.Where(x => Same(DateOnly.FromDateTime(BusinessClock.ToChina(x.StartsAt)))).ToList();
            return new MonthRow($"{m:yyyy-MM}", registered.Count(Same), inMonth.Count, Hours(inMonth.Sum(x => (long)x.VerifiedMinutes)));
        }).ToList();

        var stars = await volunteers.GroupBy(v => v.StarLevel).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return new VolunteerOverview(
            today,
            levelName,
            volunteersByArea.Sum(x => x.N),
            Hours(minutesByArea.Sum(x => x.M)),
            served.Select(x => x.TeamId).Distinct().Count(),
            await _db.Set<VolunteerTeam>().AsNoTracking().CountAsync(t => t.Active, ct),
            await _db.Set<ServiceRecord>().AsNoTracking().CountAsync(r => r.Status == ServiceRecordStatus.Submitted, ct),
            areas,
            months,
            Enumerable.Range(0, 6).Select(s => new StarRow(s, StarName(s), stars.FirstOrDefault(x => x.Key == s)?.N ?? 0)).ToList());
    }

    public static string StarName(int star) => star == 0 ? "未达星级" : new string('★', star);

    public static decimal Hours(long minutes) => Math.Round(minutes / 60m, 2);

    /// <summary>The level below the reader's division (a city: counties; a county: townships); an organisation account (no division): counties.</summary>
    public static (int Length, string Name) AreaLevel(string? divisionCode)
    {
        if (!DivisionCodes.IsWellFormed(divisionCode)) return (6, "县（市、区）");
        return DivisionCodes.LevelOf(divisionCode!) switch
        {
            DivisionLevel.Province => (4, "市"),
            DivisionLevel.City => (6, "县（市、区）"),
            DivisionLevel.County => (9, "乡镇（街道）"),
            _ => (12, "村（社区）"),
        };
    }
}
