using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

/// <summary>
/// Elderly care's part of 工作台 (ADR 026): homes whose 备案 deadline (10 working days after the first resident) falls within the
/// notice period or has passed, and homes not checked on site by their deadline — to whoever files and checks homes
/// (<see cref="HomesPermissions.Manage"/>, the county); rectifications past their deadline — to whoever runs the inspections
/// (<see cref="InspectionPermissions.Manage"/>); ability reassessments due within the notice period — to the assessors
/// (<see cref="HomesPermissions.Assess"/>: the township, the county and the home's own account). The notice period is the
/// figure <see cref="DashboardFigures.NoticeWorkingDays"/>; without one only what is overdue is listed. One query per kind;
/// the division and organisation scope are AppDbContext's. 高龄津贴 candidates come from the workflow kernel's generic source.
/// </summary>
public sealed class ElderlyWorkItems(AppDbContext db, ICurrentUser user, FigureBook figures, WorkingCalendar calendar, ElderlyDashboards dashboards) : IWorkItemSource
{
    public const string FilingPrefix = "elderly-filing-";
    public const string CheckPrefix = "elderly-check-";
    public const string RectificationPrefix = "elderly-rect-";
    public const string ReassessPrefix = "elderly-reassess-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var today = request.Today;
        var notice = user.DivisionCode is { } division ? figures.Find(DashboardFigures.NoticeWorkingDays, division, today)?.Row.Number ?? 0 : 0;
        var soon = notice > 0 ? calendar.AddWorkingDays(today, notice) : today.AddDays(-1);
        var items = new List<WorkItem>();
        await HomesAsync(request, soon, items, ct);
        await RectificationsAsync(request, items, ct);
        await ReassessmentsAsync(request, soon, items, ct);
        return items;
    }

    /// <summary>The ids a request asks for under <paramref name="prefix"/>: routed ones always, and all when the user holds <paramref name="permission"/>.</summary>
    private (bool Mine, List<Guid> Routed, List<Guid>? Only) Ask(WorkItemRequest request, string prefix, string permission) =>
        (user.HasPermission(permission), request.RoutedIds(prefix), request.OnlyIds(prefix));

    private async Task HomesAsync(WorkItemRequest request, DateOnly soon, List<WorkItem> items, CancellationToken ct)
    {
        var today = request.Today;
        var (mine, routedFiling, onlyFiling) = Ask(request, FilingPrefix, HomesPermissions.Manage);
        var (_, routedCheck, onlyCheck) = Ask(request, CheckPrefix, HomesPermissions.Manage);
        var routed = routedFiling.Concat(routedCheck).ToList();
        if (!mine && routed.Count == 0) return;
        var q = db.Set<ElderlyHome>().AsNoTracking().Where(h => h.Status != HomeStatus.Closed
            && ((h.FiledOn == null && h.FilingDueOn != null && h.FilingDueOn <= soon) || (h.FiledOn != null && h.CheckedOn == null && h.CheckDueOn != null && h.CheckDueOn < today))
            && (mine || routed.Contains(h.Id)));
        if (request.Only is not null)
        {
            var only = (onlyFiling ?? []).Concat(onlyCheck ?? []).ToList();
            q = q.Where(h => only.Contains(h.Id));
        }
        var rows = await q.OrderBy(h => h.FiledOn == null ? h.FilingDueOn : h.CheckDueOn).ThenBy(h => h.Id).Take(request.Limit)
            .Join(db.Organizations, h => h.OrganizationId, o => (Guid?)o.Id, (h, o) => new { h.Id, h.DivisionCode, h.FiledOn, h.FilingDueOn, h.CheckDueOn, h.Version, o.Name })
            .ToListAsync(ct);
        foreach (var h in rows)
        {
            var link = $"/elderly/homes/{h.Id}";
            if (h.FiledOn is null && h.FilingDueOn is { } due && request.Wants(FilingPrefix + h.Id.ToString("N")))
            {
                items.Add(new WorkItem(FilingPrefix + h.Id.ToString("N"), "elderly:filing", "养老机构备案到期", "办理备案（收住首位老人后 10 个工作日内）",
                    WorkItemText.Mask(h.Name), due, link, WorkItemText.SeverityOf(due, today), h.DivisionCode, $"{due:yyyyMMdd}#{h.Version}",
                    HomesPermissions.Manage, [HomesPermissions.Read]));
            }
            else if (h.FiledOn is not null && h.CheckDueOn is { } check && request.Wants(CheckPrefix + h.Id.ToString("N")))
            {
                items.Add(new WorkItem(CheckPrefix + h.Id.ToString("N"), "elderly:check", "备案后现场检查超期", "现场检查（备案后 20 个工作日内）",
                    WorkItemText.Mask(h.Name), check, link, WorkItemSeverity.Overdue, h.DivisionCode, $"{check:yyyyMMdd}#{h.Version}",
                    HomesPermissions.Manage, [HomesPermissions.Read]));
            }
        }
    }

    private async Task RectificationsAsync(WorkItemRequest request, List<WorkItem> items, CancellationToken ct)
    {
        var today = request.Today;
        var (mine, routed, only) = Ask(request, RectificationPrefix, InspectionPermissions.Manage);
        if (!mine && routed.Count == 0) return;
        var q = db.Set<Rectification>().AsNoTracking().Where(r => r.CompletedOn == null && r.DueOn < today && (mine || routed.Contains(r.Id)));
        if (only is not null) q = q.Where(r => only.Contains(r.Id));
        var rows = await q.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(request.Limit)
            .Join(db.Set<Inspection>(), r => r.InspectionId, i => i.Id, (r, i) => new { r.Id, r.InspectionId, r.DivisionCode, r.DueOn, r.Requirement, r.Version, i.HomeName })
            .ToListAsync(ct);
        foreach (var r in rows)
        {
            items.Add(new WorkItem(RectificationPrefix + r.Id.ToString("N"), "elderly:rectification", "养老机构整改超期", "督促整改：" + WorkItemText.Mask(r.Requirement),
                WorkItemText.Mask(r.HomeName), r.DueOn, $"/elderly/inspections/{r.InspectionId}", WorkItemSeverity.Overdue, r.DivisionCode,
                $"{r.DueOn:yyyyMMdd}#{r.Version}", InspectionPermissions.Manage, [InspectionPermissions.Record, HomesPermissions.Read]));
        }
    }

    private async Task ReassessmentsAsync(WorkItemRequest request, DateOnly soon, List<WorkItem> items, CancellationToken ct)
    {
        var today = request.Today;
        var (mine, routed, only) = Ask(request, ReassessPrefix, HomesPermissions.Assess);
        if (!mine && routed.Count == 0) return;
        var due = soon < today ? today : soon;
        var q = dashboards.LatestAssessments(today).Where(a => a.NextDueOn <= due && (mine || routed.Contains(a.Id)));
        if (only is not null) q = q.Where(a => only.Contains(a.Id));
        var rows = await q.OrderBy(a => a.NextDueOn).ThenBy(a => a.Id).Take(request.Limit)
            .Select(a => new { a.Id, a.PersonId, a.DivisionCode, a.NextDueOn, a.Level, a.Number }).ToListAsync(ct);
        // the elders' names are read past the division filter, in a query of their own (a filter ignored in a join is ignored
        // for the whole query): the assessments are in scope, and a home's account sees no registry person
        var names = await db.PersonNamesAsync(rows.Select(a => (Guid?)a.PersonId), ct);
        foreach (var a in rows)
        {
            items.Add(new WorkItem(ReassessPrefix + a.Id.ToString("N"), "elderly:reassess", "老年人能力再评估到期", $"再评估（上次 {a.Number}，{a.Level} 级）",
                WorkItemText.Mask(names.GetValueOrDefault(a.PersonId, "")), a.NextDueOn, $"/elderly/assessments/{a.Id}", WorkItemText.SeverityOf(a.NextDueOn, today), a.DivisionCode,
                $"{a.NextDueOn:yyyyMMdd}", HomesPermissions.Assess, [HomesPermissions.Read]));
        }
    }
}
