using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.Boundaries;
using Minzheng.Web.Modules.Geography.Naming;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Geography;

/// <summary>
/// Geography's part of "my tasks" (ADR 026), for holders of geography.manage (county and city 民政): an approved name to be
/// filed and one to be announced, each by its deadline (《地名管理条例》2022 第十三、十四条: 15 days; the period in force on the
/// approval day, stored on the application), and a marker's maintenance task (re-burial, repaint) by the deadline its finding
/// set, for the side responsible for the marker. Naming steps carry no workflow deadline, so without this source the deadlines were only counted on the dashboard;
/// here they are due, overdue and escalated like every other step.
/// </summary>
public sealed class GeographyWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string FilingPrefix = "geo-filing-";
    public const string AnnouncementPrefix = "geo-announce-";
    public const string MarkerTaskPrefix = "geo-marker-task-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(GeographyPermissions.Manage);
        var routedApps = request.RoutedIds(FilingPrefix).Concat(request.RoutedIds(AnnouncementPrefix)).ToList();
        var routedTasks = request.RoutedIds(MarkerTaskPrefix);
        if (!mine && routedApps.Count == 0 && routedTasks.Count == 0) return [];
        var items = new List<WorkItem>();
        string[] oversight = [GeographyPermissions.Read];

        var apps = db.Set<NamingApplication>().AsNoTracking()
            .Where(a => (a.FilingDue != null && a.FiledOn == null) || (a.AnnouncementDue != null && a.AnnouncedOn == null))
            .Where(a => mine || routedApps.Contains(a.Id));
        if (request.Only is not null)
        {
            var only = (request.OnlyIds(FilingPrefix) ?? []).Concat(request.OnlyIds(AnnouncementPrefix) ?? []).ToList();
            apps = apps.Where(a => only.Contains(a.Id));
        }
        foreach (var a in await apps.OrderBy(a => a.FilingDue).ThenBy(a => a.Id).Take(request.Limit)
            .Select(a => new { a.Id, a.Number, a.ProposedName, a.DivisionCode, a.FilingDue, a.FiledOn, a.AnnouncementDue, a.AnnouncedOn, a.Version }).ToListAsync(ct))
        {
            var link = $"/geography/applications/{a.Id}";
            if (a.FilingDue is { } filing && a.FiledOn is null && request.Wants(FilingPrefix + a.Id.ToString("N")))
            {
                items.Add(new WorkItem(FilingPrefix + a.Id.ToString("N"), "geo:filing", "地名批准后备案", $"{a.ProposedName}（{a.Number}）报送备案",
                    a.ProposedName, filing, link, WorkItemText.SeverityOf(filing, request.Today), a.DivisionCode, $"filing#{a.Version}",
                    GeographyPermissions.Manage, oversight));
            }
            if (a.AnnouncementDue is { } due && a.AnnouncedOn is null && request.Wants(AnnouncementPrefix + a.Id.ToString("N")))
            {
                items.Add(new WorkItem(AnnouncementPrefix + a.Id.ToString("N"), "geo:announcement", "地名批准后公告", $"{a.ProposedName}（{a.Number}）向社会公告",
                    a.ProposedName, due, link, WorkItemText.SeverityOf(due, request.Today), a.DivisionCode, $"announce#{a.Version}",
                    GeographyPermissions.Manage, oversight));
            }
        }

        // open maintenance tasks of markers on the lines in scope (a line is visible to either side, ADR 064)
        var tasks = from f in db.Set<MarkerFinding>().AsNoTracking()
                    join m in db.Set<BoundaryMarker>().AsNoTracking() on f.MarkerId equals m.Id
                    join l in db.Set<BoundaryLine>().AsNoTracking() on m.LineId equals l.Id
                    where f.Task != "" && f.DoneOn == null && (mine || routedTasks.Contains(f.Id))
                    select new { f.Id, f.Task, f.Deadline, f.CreatedAt, MarkerId = m.Id, m.Number, m.ResponsibleSideCode, Line = l.Name, l.DivisionCode };
        if (request.OnlyIds(MarkerTaskPrefix) is { } onlyTasks) tasks = tasks.Where(t => onlyTasks.Contains(t.Id));
        foreach (var t in await tasks.OrderBy(t => t.Deadline).ThenBy(t => t.Id).Take(request.Limit).ToListAsync(ct))
        {
            // the side responsible for the marker repairs it (条例 第六条): the task is that side's, not the other side's nor the
            // common parent's the line is stored under; a marker the other province keeps is not our work
            var side = t.ResponsibleSideCode.Length > 0 ? t.ResponsibleSideCode : t.DivisionCode;
            if (!user.Scope.Contains(side)) continue;
            items.Add(new WorkItem(MarkerTaskPrefix + t.Id.ToString("N"), "geo:marker-task", "界桩维护任务", $"界桩 {t.Number}：{t.Task}",
                t.Line, t.Deadline, $"/geography/boundaries/markers/{t.MarkerId}", WorkItemText.SeverityOf(t.Deadline, request.Today), side,
                $"task#{t.CreatedAt:yyyyMMddHHmmss}", GeographyPermissions.Manage, oversight));
        }
        return items;
    }
}
