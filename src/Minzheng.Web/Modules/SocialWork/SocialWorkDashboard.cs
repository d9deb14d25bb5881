using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>The figures of the /socialwork dashboard, all read in the user's scope.</summary>
public sealed class SocialWorkDashboard(ReadOnlyDb read, Stations stations, Services services, Trainings trainings)
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    public sealed record Figures(IReadOnlyList<CoverageRow> Coverage, PlanProgress Plan, IReadOnlyList<(QualificationLevel Level, int Count)> StaffByLevel,
        IReadOnlyList<(string Month, int Cases, int Groups, int Activities)> ServicesByMonth, IReadOnlyList<(ReferralStatus Status, int Count)> ReferralsByStatus,
        IReadOnlyList<(ReferralLine Line, int Count)> ReferralsByLine, IReadOnlyList<TrainingCountyRow> Trainings);

    public async Task<Figures> ReadAsync(int year, CancellationToken ct = default)
    {
        var coverage = await stations.CoverageAsync(ct);
        var plan = await stations.PlanAsync(year, ct);
        var levels = await _db.Set<SocialWorker>().AsNoTracking().Where(w => w.LeftOn == null).GroupBy(w => w.Qualification)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var staff = Enum.GetValues<QualificationLevel>().Select(l => (l, levels.FirstOrDefault(x => x.Key == l)?.Count ?? 0)).ToList();
        var months = await services.MonthlyAsync(year, null, ct);
        var byMonth = Enumerable.Range(1, 12).Select(m => $"{year:D4}-{m:D2}")
            .Select(m => (m, months.Where(x => x.Month == m).Sum(x => x.Cases), months.Where(x => x.Month == m).Sum(x => x.Groups), months.Where(x => x.Month == m).Sum(x => x.Activities)))
            .ToList();
        var referrals = await _db.Set<SocialWorkReferral>().AsNoTracking().GroupBy(r => new { r.Status, r.Line })
            .Select(g => new { g.Key.Status, g.Key.Line, Count = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<ReferralStatus>().Select(s => (s, referrals.Where(r => r.Status == s).Sum(r => r.Count))).ToList();
        var byLine = Enum.GetValues<ReferralLine>().Select(l => (l, referrals.Where(r => r.Line == l).Sum(r => r.Count))).ToList();
        return new Figures(coverage, plan, staff, byMonth, byStatus, byLine, await trainings.ByCountyAsync(year, ct));
    }
}
