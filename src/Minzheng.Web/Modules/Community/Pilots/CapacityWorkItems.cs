using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Community.Pilots;

/// <summary>
/// The capacity assessment's part of "my tasks": each open follow-up action (整改事项) of a township assessment, due by the date
/// the county set, for holders of community.oversee within whose scope the township lies (the county that assessed it, and
/// the city above); overdue ones are marked so and escalate like every other item. Done follow-ups leave the list.
/// </summary>
public sealed class CapacityWorkItems(AppDbContext db, ICurrentUser user, DivisionDirectory divisions) : IWorkItemSource
{
    public const string Prefix = "com-capacity-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(CommunityPermissions.Oversee);
        var routed = request.RoutedIds(Prefix);
        if (!mine && routed.Count == 0) return [];
        var q = from f in db.Set<CapacityFollowUp>().AsNoTracking()
                join a in db.Set<CapacityAssessment>().AsNoTracking() on f.AssessmentId equals a.Id
                where f.DoneOn == null && (mine || routed.Contains(f.Id))
                select new { f.Id, f.Action, f.DueOn, f.Version, f.DivisionCode, a.Year, AssessmentId = a.Id };
        if (request.OnlyIds(Prefix) is { } only) q = q.Where(f => only.Contains(f.Id));
        var items = new List<WorkItem>();
        foreach (var f in await q.OrderBy(f => f.DueOn).ThenBy(f => f.Id).Take(request.Limit).ToListAsync(ct))
        {
            var town = divisions.NameOf(f.DivisionCode);
            items.Add(new WorkItem(Prefix + f.Id.ToString("N"), "com:capacity-follow-up", "乡镇服务能力评估整改", $"{town}（{f.Year}年度评估）：{f.Action}",
                town, f.DueOn, $"/community/capacity/{f.AssessmentId}", WorkItemText.SeverityOf(f.DueOn, request.Today), f.DivisionCode, $"follow-up#{f.Version}",
                CommunityPermissions.Oversee, [CommunityPermissions.Oversee]));
        }
        return items;
    }
}
