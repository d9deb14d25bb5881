using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>Filters of the register's list: risk level, only those overdue, a village (or township: its code as a prefix), status.</summary>
public sealed record LeftBehindFilter(LeftBehindRisk? Risk = null, bool Overdue = false, string? Village = null, LeftBehindStatus? Status = LeftBehindStatus.InRegister);

/// <summary>
/// For the elderly dashboard, within the user's scope: elders in the register, by risk level, visits falling due in the period,
/// visits made in the period on or before their due date (of all made in it), and elders overdue today.
/// </summary>
public sealed record LeftBehindStats(int InRegister, IReadOnlyDictionary<LeftBehindRisk, int> ByRisk, int DueInPeriod, int VisitsInPeriod, int VisitedOnTime, int Overdue);

/// <summary>Reads of the register: the paged list with its filters, the overdue list, and the dashboard's figures. Scope is AppDbContext's.</summary>
public sealed class LeftBehindQueries(AppDbContext db, BusinessClock clock)
{
    public IQueryable<LeftBehindElder> Filtered(LeftBehindFilter filter)
    {
        var q = db.Set<LeftBehindElder>().AsNoTracking();
        if (filter.Status is { } s) q = q.Where(e => e.Status == s);
        if (filter.Risk is { } r) q = q.Where(e => e.Risk == r);
        if (filter.Overdue)
        {
            var today = clock.Today;
            q = q.Where(e => e.Status == LeftBehindStatus.InRegister && e.NextVisitDue < today);
        }
        q = q.Within(filter.Village, "village");
        return q;
    }

    /// <summary>The list, the most pressing first (earliest due date), then by name.</summary>
    public Task<Paged<LeftBehindElder>> ListAsync(LeftBehindFilter filter, PageRequest page, CancellationToken ct = default) =>
        Filtered(filter).OrderBy(e => e.NextVisitDue).ThenBy(e => e.Name).ThenBy(e => e.Id).ToPagedAsync(page, ct);

    public async Task<List<LeftBehindVisit>> VisitsAsync(Guid elderId, CancellationToken ct = default) =>
        await db.Set<LeftBehindVisit>().AsNoTracking().Where(v => v.ElderId == elderId).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.CreatedAt).ToListAsync(ct);

    /// <summary>The dashboard's figures for <paramref name="from"/>–<paramref name="to"/> (inclusive): five set-based queries, none per elder.</summary>
    public async Task<LeftBehindStats> StatsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var today = clock.Today;
        var open = db.Set<LeftBehindElder>().AsNoTracking().Where(e => e.Status == LeftBehindStatus.InRegister);
        var byRisk = await open.GroupBy(e => e.Risk).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var due = await open.CountAsync(e => e.NextVisitDue >= from && e.NextVisitDue <= to, ct);
        var visits = await db.Set<LeftBehindVisit>().AsNoTracking().Where(v => v.VisitedOn >= from && v.VisitedOn <= to)
            .GroupBy(v => v.OnTime).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await open.CountAsync(e => e.NextVisitDue < today, ct);
        var risks = Enum.GetValues<LeftBehindRisk>().ToDictionary(r => r, r => byRisk.GetValueOrDefault(r));
        return new LeftBehindStats(risks.Values.Sum(), risks, due, visits.Sum(v => v.Count), visits.Where(v => v.Key).Sum(v => v.Count), overdue);
    }
}
