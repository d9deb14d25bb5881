using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Funeral.Benefits;
using Minzheng.Web.Modules.Funeral.Cremations;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Modules.Funeral.Rectification;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Dashboard;

public sealed record CountItem(string Name, long Value);

public sealed record FuneralOverview(
    int Year,
    DateOnly AsOf,
    IReadOnlyList<CountItem> FacilitiesByKind,
    int PlotsAvailable,
    int PlotsSold,
    int Deaths,
    int Cremations,
    decimal? Rate,
    IReadOnlyList<(string CountyName, CremationRateRow Row)> RateRows,
    IReadOnlyList<(string CountyName, decimal? Rate, int Deaths)> RateByCounty,
    decimal WaiverFree,
    decimal WaiverSettled,
    int WaiverServices,
    int AwardsApplied,
    int AwardsApproved,
    decimal AwardsAmount,
    int GravesFound,
    int GravesOrdered,
    int GravesOverdue,
    int GravesRectified);

/// <summary>The funeral dashboard's figures for one year, computed from the records in the user's scope.</summary>
public sealed class FuneralDashboard(ReadOnlyDb read, DivisionDirectory divisions, BusinessClock clock)
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    public async Task<FuneralOverview> LoadAsync(int? year, CancellationToken ct = default)
    {
        var today = clock.Today;
        var y = year ?? today.Year;
        var from = new DateOnly(y, 1, 1);
        var to = from.AddYears(1);
        var kinds = await _db.Set<FuneralFacility>().AsNoTracking().GroupBy(f => f.Kind).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var plots = await _db.Set<BurialPlot>().AsNoTracking().GroupBy(p => p.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var cremated = _db.Set<Cremation>().Select(c => c.DeathRecordId);
        var deaths = await _db.Set<DeathRecord>().AsNoTracking().Where(d => d.DeathDate >= from && d.DeathDate < to)
            .Select(d => new { d.DivisionCode, d.DeathDate, Cremated = cremated.Contains(d.Id) || d.CrematedOn != null }).ToListAsync(ct);
        var rows = CremationRate.Compute(deaths.Select(d => new DeathForRate(DivisionCodes.CountyPart(d.DivisionCode).PadRight(DivisionCodes.Length, '0'), d.DeathDate, d.Cremated)));
        var waiver = await _db.Set<WaiverService>().AsNoTracking().Where(s => s.ServedOn >= from && s.ServedOn < to).Select(s => new { s.Free, s.SettlementId }).ToListAsync(ct);
        var awards = await _db.Set<EcoAward>().AsNoTracking().Where(a => a.AppliedOn >= from && a.AppliedOn < to).Select(a => new { a.Status, a.Amount }).ToListAsync(ct);
        var graves = await _db.Set<GraveCase>().AsNoTracking().Select(g => new { g.Status, g.Deadline }).ToListAsync(ct);
        return new FuneralOverview(
            y,
            today,
            Enum.GetValues<FacilityKind>().Select(k => new CountItem(FuneralFacility.KindName(k), kinds.FirstOrDefault(x => x.Key == k)?.N ?? 0)).ToList(),
            plots.Where(p => p.Key is PlotStatus.Available or PlotStatus.Reserved).Sum(p => p.N),
            plots.Where(p => p.Key is PlotStatus.Sold or PlotStatus.Used).Sum(p => p.N),
            deaths.Count,
            deaths.Count(d => d.Cremated),
            CremationRate.Total(rows),
            rows.Select(r => (divisions.NameOf(r.County), r)).ToList(),
            rows.GroupBy(r => r.County).Select(g => (divisions.NameOf(g.Key), CremationRate.Total(g), g.Sum(r => r.Deaths))).ToList(),
            waiver.Sum(w => w.Free.Yuan),
            waiver.Where(w => w.SettlementId != null).Sum(w => w.Free.Yuan),
            waiver.Count,
            awards.Count,
            awards.Count(a => a.Status == EcoAwardStatus.Approved),
            awards.Where(a => a.Status == EcoAwardStatus.Approved).Sum(a => a.Amount.Yuan),
            graves.Count(g => g.Status == GraveCaseStatus.Found),
            graves.Count(g => g.Status == GraveCaseStatus.MeasureOrdered && !(g.Deadline < today)),
            graves.Count(g => g.Status == GraveCaseStatus.MeasureOrdered && g.Deadline < today),
            graves.Count(g => g.Status == GraveCaseStatus.Rectified));
    }
}
