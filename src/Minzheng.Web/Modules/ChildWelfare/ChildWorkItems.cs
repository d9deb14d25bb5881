using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>
/// Child welfare's part of "my tasks" (ADR 026), for holders of child.visit (儿童主任, the township): visits due within a week or
/// overdue (deadline: the next visit date the last visit set) and open risk items recorded at a visit (an alert until resolved). One
/// query with the child's name. Where an allowance application's workflow case is worked on is registered here too.
/// </summary>
public sealed class ChildWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string VisitPrefix = "child-visit-";
    public const string RiskPrefix = "child-risk-";

    /// <summary>How far ahead a visit counts as due (a week: the director plans the week's visits).</summary>
    public const int DueWithinDays = 7;

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<IWorkItemSource, ChildWorkItems>();
        return services.AddSingleton(new WorkflowSubjectLink(ChildProcess.SubjectType, "/children/cases/{0}"));
    }

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(ChildPermissions.Visit);
        var routed = request.RoutedIds(VisitPrefix).Concat(request.RoutedIds(RiskPrefix)).ToList();
        if (!mine && routed.Count == 0) return [];
        var soon = request.Today.AddDays(DueWithinDays);
        var q = db.Set<WatchedChild>().AsNoTracking().Where(w => !w.Closed && (((w.NextVisitDue <= soon || w.OpenRisk != null) && mine) || routed.Contains(w.Id)));
        if (request.Only is not null)
        {
            var only = (request.OnlyIds(VisitPrefix) ?? []).Concat(request.OnlyIds(RiskPrefix) ?? []).ToList();
            q = q.Where(w => only.Contains(w.Id));
        }
        var rows = await q.OrderBy(w => w.NextVisitDue).ThenBy(w => w.Id).Take(request.Limit)
            .Join(db.Persons, w => w.PersonId, p => p.Id, (w, p) => new { w.Id, w.DivisionCode, w.NextVisitDue, w.OpenRisk, w.Risk, w.Version, p.Name })
            .ToListAsync(ct);
        var items = new List<WorkItem>();
        foreach (var w in rows)
        {
            var link = $"/children/watch/{w.Id}";
            if (w.NextVisitDue <= soon && request.Wants(VisitPrefix + w.Id.ToString("N")))
            {
                items.Add(new WorkItem(VisitPrefix + w.Id.ToString("N"), "child:visit", "儿童走访到期", "走访儿童（按风险等级定期走访）",
                    WorkItemText.Mask(w.Name), w.NextVisitDue, link, WorkItemText.SeverityOf(w.NextVisitDue, request.Today), w.DivisionCode,
                    $"{w.NextVisitDue:yyyyMMdd}#{w.Version}", ChildPermissions.Visit, [ChildPermissions.Read, ChildPermissions.Protection]));
            }
            if (w.OpenRisk is { } risk && request.Wants(RiskPrefix + w.Id.ToString("N")))
            {
                items.Add(new WorkItem(RiskPrefix + w.Id.ToString("N"), "child:risk", "儿童风险事项待跟进", "风险事项：" + WorkItemText.Mask(risk),
                    WorkItemText.Mask(w.Name), null, link, WorkItemSeverity.Alert, w.DivisionCode,
                    $"risk#{w.Version}", ChildPermissions.Visit, [ChildPermissions.Read, ChildPermissions.Protection]));
            }
        }
        return items;
    }
}
