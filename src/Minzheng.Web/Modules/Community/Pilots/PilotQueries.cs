using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Pilots;

/// <summary>
/// One county's pilot coverage (or the total of the counties shown): open 村委会, distinct pilot villages designated up to the
/// year (building or accepted), those accepted, the percent, the target in force and whether it is met.
/// </summary>
public sealed record CoverageRow(string DivisionCode, string Name, int Villages, int Pilots, int Accepted, decimal? Percent, decimal? Target, bool? Meets,
    int? Missing, string? TargetBasis);

public sealed record CoverageReport(int Year, IReadOnlyList<CoverageRow> Counties, CoverageRow Total);

/// <summary>One county's township assessments of a year: townships, assessed, the average total (100-point scale), the grades and the open follow-ups.</summary>
public sealed record CapacitySummaryRow(string DivisionCode, string Name, int Townships, int Assessed, decimal? AverageScore, int Excellent, int Good, int Pass, int Fail,
    int Ungraded, int OpenFollowUps, int OverdueFollowUps);

public sealed record CapacitySummary(int Year, IReadOnlyList<CapacitySummaryRow> Counties, CapacitySummaryRow Total);

/// <summary>
/// The figures of the pilots and the capacity assessment per county, within the caller's scope, for the module's pages and
/// the dashboard: <see cref="CoverageAsync"/> and <see cref="CapacityAsync"/>. Set-based: a count per county, never the
/// villages' rows.
/// </summary>
public sealed class PilotQueries(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, FigureBook figures, BusinessClock clock)
{
    public const string City = "450900000000";

    /// <summary>The day a year's figures are read on: today for the current year, else its last day.</summary>
    public DateOnly AsOf(int year) => year >= clock.Today.Year ? clock.Today : new DateOnly(year, 12, 31);

    /// <summary>The counties the report has a row for: those in the user's scope, else (a township's user) the user's own county.</summary>
    private List<Division> Counties()
    {
        var list = divisions.InScope(user.Scope, DivisionLevel.County).ToList();
        if (list.Count == 0 && user.DivisionCode is { Length: DivisionCodes.Length } own && divisions.Find(DivisionCodes.CountyPart(own).PadRight(DivisionCodes.Length, '0')) is { } county)
            list.Add(county);
        return list;
    }

    /// <summary>
    /// Coverage per county up to <paramref name="year"/> (default: this year): a village designated in 2019 and again in 2020
    /// counts once; committees closed by the as-of day count neither as villages nor as pilots.
    /// </summary>
    public async Task<CoverageReport> CoverageAsync(int? year = null, CancellationToken ct = default)
    {
        var y = year ?? clock.Today.Year;
        var asOf = AsOf(y);
        var open = db.Set<Committee>().AsNoTracking().Where(c => c.Kind == CommitteeKind.Village && (c.ClosedOn == null || c.ClosedOn > asOf));
        var villages = await open.GroupBy(c => c.DivisionCode.Substring(0, 6)).Select(g => new { County = g.Key, Count = g.Count() }).ToListAsync(ct);
        var pilots = await (from p in db.Set<CommunityPilot>().AsNoTracking()
                            join c in open on p.CommitteeId equals c.Id
                            where p.Year <= y
                            select new { p.DivisionCode, p.Status, p.AcceptedOn })
            .ToListAsync(ct);
        var byVillage = pilots.GroupBy(p => p.DivisionCode)
            .Select(g => (Code: g.Key, Accepted: g.Any(p => p.Status == PilotStatus.Accepted && p.AcceptedOn <= asOf))).ToList();

        CoverageRow Row(string code, string name, int v, int p, int a)
        {
            var target = figures.Find(PilotFigures.CoverageTarget, code, asOf);
            var t = target?.Row.Percent;
            var percent = PilotCoverage.Percent(p, v);
            return new CoverageRow(code, name, v, p, a, percent, t, PilotCoverage.Meets(percent, t), PilotCoverage.Missing(p, v, t), target?.Basis);
        }

        var rows = Counties().Select(d =>
        {
            var part = DivisionCodes.CountyPart(d.Code);
            var mine = byVillage.Where(b => b.Code.StartsWith(part, StringComparison.Ordinal)).ToList();
            return Row(d.Code, d.Name, villages.FirstOrDefault(v => v.County == part)?.Count ?? 0, mine.Count, mine.Count(m => m.Accepted));
        }).ToList();
        var total = Row(City, rows.Count == 1 ? "合计（" + rows[0].Name + "）" : "全市合计", rows.Sum(r => r.Villages), rows.Sum(r => r.Pilots), rows.Sum(r => r.Accepted));
        return new CoverageReport(y, rows, total);
    }

    /// <summary>The assessments of <paramref name="year"/> per county (default: this year).</summary>
    public async Task<CapacitySummary> CapacityAsync(int? year = null, CancellationToken ct = default)
    {
        var today = clock.Today;
        var y = year ?? today.Year;
        var assessments = await db.Set<CapacityAssessment>().AsNoTracking().Where(a => a.Year == y)
            .Select(a => new { a.Id, a.DivisionCode, a.Score100, a.Grade }).ToListAsync(ct);
        var ids = assessments.Select(a => a.Id).ToList();
        var open = await db.Set<CapacityFollowUp>().AsNoTracking().Where(f => f.DoneOn == null && ids.Contains(f.AssessmentId))
            .Select(f => new { f.DivisionCode, f.DueOn }).ToListAsync(ct);

        CapacitySummaryRow Row(string code, string name, int townships, string prefix)
        {
            var mine = assessments.Where(a => a.DivisionCode.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var follow = open.Where(f => f.DivisionCode.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return new CapacitySummaryRow(code, name, townships, mine.Count,
                mine.Count == 0 ? null : Math.Round(mine.Average(a => a.Score100), 1, MidpointRounding.AwayFromZero),
                mine.Count(a => a.Grade == CapacityGrade.Excellent), mine.Count(a => a.Grade == CapacityGrade.Good), mine.Count(a => a.Grade == CapacityGrade.Pass),
                mine.Count(a => a.Grade == CapacityGrade.Fail), mine.Count(a => a.Grade is null), follow.Count, follow.Count(f => CapacityRules.IsOverdue(f.DueOn, null, today)));
        }

        var rows = Counties().Select(d => Row(d.Code, d.Name, divisions.ChildrenOf(d.Code).Count(t => t.Level == DivisionLevel.Town && user.Scope.Contains(t.Code)),
            DivisionCodes.CountyPart(d.Code))).ToList();
        var prefixes = rows.Select(r => DivisionCodes.CountyPart(r.DivisionCode)).ToList();
        var all = assessments.Where(a => prefixes.Any(p => a.DivisionCode.StartsWith(p, StringComparison.Ordinal))).ToList();
        var allOpen = open.Where(f => prefixes.Any(p => f.DivisionCode.StartsWith(p, StringComparison.Ordinal))).ToList();
        var total = new CapacitySummaryRow(City, rows.Count == 1 ? "合计（" + rows[0].Name + "）" : "全市合计", rows.Sum(r => r.Townships), all.Count,
            all.Count == 0 ? null : Math.Round(all.Average(a => a.Score100), 1, MidpointRounding.AwayFromZero),
            rows.Sum(r => r.Excellent), rows.Sum(r => r.Good), rows.Sum(r => r.Pass), rows.Sum(r => r.Fail), rows.Sum(r => r.Ungraded),
            allOpen.Count, allOpen.Count(f => CapacityRules.IsOverdue(f.DueOn, null, today)));
        return new CapacitySummary(y, rows, total);
    }
}
