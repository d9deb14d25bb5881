using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Geography.Pages;

/// <summary>/geography: the place names in scope by category and status, and the ways in.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(AppDbContext db, Platform.Time.BusinessClock clock, Platform.Figures.FigureBook figures) : PageModel
{
    public sealed record Count(PlaceNameCategory Category, PlaceNameStatus Status, int N);

    public IReadOnlyList<Count> Counts { get; private set; } = [];
    public int CleanupOverdue { get; private set; }
    public int SignsToRepair { get; private set; }

    public sealed record StepCount(string State, string Name, int N);

    /// <summary>Naming applications by step, and those past their filing or announcement deadline (条例 2022 第十三条).</summary>
    public IReadOnlyList<StepCount> Applications { get; private set; } = [];
    public int FilingOverdue { get; private set; }
    public int AnnouncementOverdue { get; private set; }

    public IReadOnlyList<(Boundaries.MarkerCondition Condition, int N)> MarkersByCondition { get; private set; } = [];

    /// <summary>
    /// Per line: markers, markers found in its latest joint round, tasks open and overdue, and the year the next joint round
    /// is due (the last round plus the period in force, 条例 第十二条; null when no round or no period is recorded).
    /// </summary>
    public sealed record LineProgress(Guid Id, string Name, int Markers, int? RoundYear, int Inspected, int OpenTasks, int OverdueTasks, int? NextJointYear, bool PeriodConfigured)
    {
        public bool JointRoundOverdue(int year) => NextJointYear is { } due && due < year;
    }

    public int Year => clock.Today.Year;

    public IReadOnlyList<LineProgress> Lines { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counts = (await db.Set<PlaceName>().AsNoTracking().GroupBy(n => new { n.Category, n.Status }).Select(g => new { g.Key.Category, g.Key.Status, N = g.Count() })
            .ToListAsync(ct)).Select(c => new Count(c.Category, c.Status, c.N)).ToList();
        CleanupOverdue = await Signs.SignsSetup.Cleanup(db, true, true, clock.Today).CountAsync(ct);
        SignsToRepair = await Signs.SignsSetup.Signs(db, true).CountAsync(ct);

        var today = clock.Today;
        var apps = db.Set<Naming.NamingApplication>().AsNoTracking();
        Applications = (await apps.GroupBy(a => a.State).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => new StepCount(g.Key, Naming.NamingProcess.StateName(g.Key), g.N))
            .OrderBy(g => Naming.NamingProcess.Model.States.ToList().FindIndex(s => s.Code == g.State)).ToList();
        FilingOverdue = await apps.CountAsync(a => a.FilingDue != null && a.FiledOn == null && a.FilingDue < today, ct);
        AnnouncementOverdue = await apps.CountAsync(a => a.AnnouncementDue != null && a.AnnouncedOn == null && a.AnnouncementDue < today, ct);

        // markers, inspections and findings belong to the lines in scope (a line is visible to either side, ADR 064)
        var rows = await db.Set<Boundaries.BoundaryLine>().AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name, l.DivisionCode, Markers = l.Markers.Count }).ToListAsync(ct);
        var lineIds = rows.Select(r => r.Id).ToList();
        var markers = db.Set<Boundaries.BoundaryMarker>().AsNoTracking().Where(m => lineIds.Contains(m.LineId));
        MarkersByCondition = (await markers.GroupBy(m => m.Condition).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.N)).OrderBy(g => g.Key).ToList();
        var rounds = (await db.Set<Boundaries.BoundaryInspection>().AsNoTracking().Where(i => lineIds.Contains(i.LineId) && i.Kind == Boundaries.InspectionKind.Joint)
            .Select(i => new { i.LineId, i.Id, i.Year }).ToListAsync(ct)).GroupBy(i => i.LineId).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.Year).First());
        var findings = await (from f in db.Set<Boundaries.MarkerFinding>().AsNoTracking()
                              join m in markers on f.MarkerId equals m.Id
                              select new { Id = m.LineId, f.MarkerId, f.InspectionId, f.Task, f.Deadline, f.DoneOn }).ToListAsync(ct);
        Lines = rows.Select(r =>
        {
            var own = findings.Where(f => f.Id == r.Id).ToList();
            var open = own.Where(f => f.Task.Length > 0 && f.DoneOn == null).ToList();
            var round = rounds.GetValueOrDefault(r.Id);
            var period = figures.Find(Boundaries.BoundaryFigures.JointInspectionYears, r.DivisionCode, today)?.Row.Number;
            return new LineProgress(r.Id, r.Name, r.Markers, round?.Year,
                round is null ? 0 : own.Where(f => f.InspectionId == round.Id).Select(f => f.MarkerId).Distinct().Count(),
                open.Count, open.Count(f => f.Deadline is { } d && d < today), Boundaries.BoundaryFigures.NextJointYear(round?.Year, period), period is not null);
        }).ToList();
    }
}
