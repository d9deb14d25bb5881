using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>
/// 留守老人巡访逾期 / 即将到期 on 工作台 (ADR 026) for holders of elderly.left-behind.write (the village worker sees the village's
/// elders, the township clerk the township's: the division scope is AppDbContext's). One query over the due-date index.
/// </summary>
public sealed class LeftBehindWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string Prefix = "left-behind-";

    /// <summary>How far ahead a visit shows as due (a week: the worker plans the week's rounds).</summary>
    public const int DueWithinDays = 7;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(LeftBehindPermissions.Write);
        var routed = request.RoutedIds(Prefix);
        if (!mine && routed.Count == 0) return [];
        var soon = request.Today.AddDays(DueWithinDays);
        var q = db.Set<LeftBehindElder>().AsNoTracking().Where(e => e.Status == LeftBehindStatus.InRegister && ((e.NextVisitDue <= soon && mine) || routed.Contains(e.Id)));
        if (request.OnlyIds(Prefix) is { } only) q = q.Where(e => only.Contains(e.Id));
        var rows = await q.OrderBy(e => e.NextVisitDue).ThenBy(e => e.Id).Take(request.Limit)
            .Select(e => new { e.Id, e.Name, e.DivisionCode, e.NextVisitDue, e.Risk, e.WorkerName, e.Version }).ToListAsync(ct);
        return [.. rows.Select(e =>
        {
            var overdue = e.NextVisitDue < request.Today;
            return new WorkItem(Prefix + e.Id.ToString("N"), "elderly:left-behind-visit", overdue ? "留守老人巡访逾期" : "留守老人巡访即将到期",
                $"巡访农村留守老年人（{LeftBehindLabels.Of(e.Risk)}，责任人 {e.WorkerName}）", WorkItemText.Mask(e.Name), e.NextVisitDue,
                $"/elderly/left-behind/{e.Id}", WorkItemText.SeverityOf(e.NextVisitDue, request.Today), e.DivisionCode,
                $"{e.NextVisitDue:yyyyMMdd}#{e.Version}", LeftBehindPermissions.Write, [LeftBehindPermissions.Read]);
        })];
    }
}
