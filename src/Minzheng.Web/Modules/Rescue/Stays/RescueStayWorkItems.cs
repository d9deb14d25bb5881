using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>
/// The station's work items (ADR 026): stays the daily sweep marked as nearing or past the stay limit, placements it made, and
/// settled stays whose 特困供养 application is still to be made (the item stays until acknowledged: the benefit decision is the
/// assistance module's, not this one's).
/// </summary>
public sealed class RescueStayWorkItems(AppDbContext db, RescueStays stays, ICurrentUser user) : IWorkItemSource
{
    public const string LimitPrefix = "rescue-limit-";
    public const string SettlePrefix = "rescue-settle-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        if (!user.HasPermission(RescuePermissions.Work)) return [];
        var marked = await db.Set<RescueStay>().AsNoTracking()
            .Where(s => (s.Status == StayStatus.InStation && s.AlertRaisedOn != null) || (s.Status == StayStatus.Left && s.Exit == StayExit.Settled))
            .OrderBy(s => s.AdmittedAt).Take(request.Limit).ToListAsync(ct);
        var ids = marked.Select(s => s.PersonId).ToList();
        var names = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var items = new List<WorkItem>();
        foreach (var s in marked)
        {
            var name = names.GetValueOrDefault(s.PersonId) ?? "";
            if (s.Status == StayStatus.InStation)
            {
                var key = LimitPrefix + s.Id.ToString("N");
                if (!request.Wants(key)) continue;
                var dates = stays.DatesOf(s);
                var past = s.LimitPassedOn is not null;
                items.Add(new WorkItem(key, "rescue:stay-limit", past ? "超过在站救助期限" : "在站救助期限将满",
                    $"{s.Number}，{s.AdmittedOn:yyyy-MM-dd} 入站，期限至 {dates.StayUntil:yyyy-MM-dd}；请安排返乡、转送或照料安置", name, dates.StayUntil,
                    $"/rescue/stays/{s.Id}", past ? WorkItemSeverity.Overdue : WorkItemSeverity.DueSoon, s.DivisionCode, past ? "past" : "alert",
                    RescuePermissions.Work, [RescuePermissions.Read]));
            }
            else
            {
                var key = SettlePrefix + s.Id.ToString("N");
                if (!request.Wants(key)) continue;
                items.Add(new WorkItem(key, "rescue:settlement", "落户安置后申请特困人员救助供养",
                    $"{s.Number}，{s.LeftOn:yyyy-MM-dd} 落户安置；请向社会救助部门提出特困人员救助供养申请", name, null,
                    $"/rescue/stays/{s.Id}", WorkItemSeverity.Normal, s.DivisionCode, "settled", RescuePermissions.Work, [RescuePermissions.Read]));
            }
        }
        return items;
    }
}
