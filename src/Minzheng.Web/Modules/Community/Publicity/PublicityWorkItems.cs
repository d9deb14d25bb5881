using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Community.Publicity;

/// <summary>
/// 村务公开 in "my tasks": one alert per committee with periods overdue (no record of a kind for a period whose posting day has
/// passed), for those who enter the records (the township clerk for her villages, the village worker for his own; the division
/// scope is AppDbContext's). It clears by itself once records cover the periods; its stamp changes with the periods owed, so an
/// acknowledgement made for one quarter does not hide the next.
/// </summary>
public sealed class PublicityWorkItems(PublicityRecords records, ICurrentUser user) : IWorkItemSource
{
    public const string Prefix = "com-publicity-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(CommunityPermissions.Publish);
        var routed = request.RoutedIds(Prefix);
        if (!mine && routed.Count == 0) return [];
        var only = request.OnlyIds(Prefix);
        if (only is { Count: 0 }) return [];
        var items = new List<WorkItem>();
        foreach (var c in await records.StatusesAsync(null, true, ct))
        {
            if (!mine && !routed.Contains(c.CommitteeId)) continue;
            if (only is not null && !only.Contains(c.CommitteeId)) continue;
            var key = Prefix + c.CommitteeId.ToString("N");
            if (!request.Wants(key)) continue;
            var first = c.Overdue[0];
            var what = string.Join("；", c.Overdue.Take(4).Select(o => $"{o.KindName} {o.PeriodLabel}")) + (c.Overdue.Count > 4 ? $" 等 {c.Overdue.Count} 项" : "");
            var stamp = $"{c.Overdue.Count}#{first.Period}#{c.Overdue[^1].Period}#{string.Concat(c.Overdue.Select(o => (int)o.Kind))}";
            items.Add(new WorkItem(key, "com:publicity", "村务公开逾期", $"{c.Name}未按期公开：{what}", c.Name, first.DueOn,
                $"/community/publicity/{c.CommitteeId}", WorkItemSeverity.Overdue, c.DivisionCode, stamp.Length > 100 ? stamp[..100] : stamp,
                CommunityPermissions.Publish, [CommunityPermissions.Manage, CommunityPermissions.Oversee]));
            if (items.Count >= request.Limit) break;
        }
        return items;
    }
}
