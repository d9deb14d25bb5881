using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>
/// Family search in "my tasks": the notices and DNA requests the daily sweep marked overdue (<see cref="SearchSweep"/>) and not done
/// since, for the station's county (the division scope of AppDbContext), for those who do the search work; the city oversees.
/// </summary>
public sealed class SearchWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string NoticePrefix = "rescue-notice-";
    public const string DnaPrefix = "rescue-dna-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        if (!user.HasPermission(SearchPermissions.Work) && request.Routed.Count == 0) return [];
        var open = db.Set<RescueStay>().Where(s => !s.IdentityKnown && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed));
        var notices = await db.Set<SearchNotice>().AsNoTracking().Where(n => n.Status == NoticeStatus.Draft && n.OverdueSince != null)
            .Join(open, n => n.StayId, s => s.Id, (n, s) => new { n, s.Number })
            .OrderBy(x => x.n.DueAt).Take(request.Limit).ToListAsync(ct);
        var dna = await db.Set<DnaRequest>().AsNoTracking().Where(d => d.RequestedOn == null && d.OverdueSince != null)
            .Join(open, d => d.StayId, s => s.Id, (d, s) => new { d, s.Number })
            .Join(db.Set<SearchNotice>(), x => x.d.StayId, n => n.StayId, (x, n) => new { x.d, x.Number, n.Name })
            .OrderBy(x => x.d.DueOn).Take(request.Limit).ToListAsync(ct);
        var items = new List<WorkItem>();
        foreach (var x in notices.Where(x => request.Wants(NoticePrefix + x.n.StayId)))
        {
            items.Add(new(NoticePrefix + x.n.StayId, "rescue:notice-overdue", "寻亲公告逾期未发布", $"寻亲公告应于 {BusinessClock.Format(x.n.DueAt)} 前发布（救助编号 {x.Number}）",
                x.n.Name, DateOnly.FromDateTime(BusinessClock.ToChina(x.n.DueAt)), $"/rescue/search/{x.n.StayId}", WorkItemSeverity.Overdue, x.n.DivisionCode,
                $"notice#{x.n.Version}", SearchPermissions.Work, [RescuePermissions.Read]));
        }
        foreach (var x in dna.Where(x => request.Wants(DnaPrefix + x.d.StayId)))
        {
            items.Add(new(DnaPrefix + x.d.StayId, "rescue:dna-overdue", "DNA 采血比对逾期未送检", $"应于 {x.d.DueOn:yyyy-MM-dd} 前商请公安机关采血（救助编号 {x.Number}）",
                x.Name, x.d.DueOn, $"/rescue/search/{x.d.StayId}", WorkItemSeverity.Overdue, x.d.DivisionCode, $"dna#{x.d.Version}", SearchPermissions.Work,
                [RescuePermissions.Read]));
        }
        return items;
    }
}
