using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>One line of the staff's notice list: the notice, the DNA request and where each stands against its deadline.</summary>
public sealed record NoticeRow(Guid StayId, string StayNumber, string Station, string Name, string Status, DateTime DueAt, DateTime? PublishedAt,
    string NoticeDeadline, DateOnly DnaDueOn, DateOnly? DnaRequestedOn, string DnaDeadline, string? DnaResult, bool Open);

/// <summary>The staff's list of notices (scoped like the stays: the county's own; the city all).</summary>
public static class SearchLists
{
    public static async Task<Paged<NoticeRow>> NoticesAsync(AppDbContext db, BusinessClock clock, string? status, PageRequest page, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var q = db.Set<SearchNotice>().AsNoTracking()
            .Join(db.Set<DnaRequest>().AsNoTracking(), n => n.StayId, d => d.StayId, (n, d) => new { n, d })
            .Join(db.Set<RescueStay>().AsNoTracking(), x => x.n.StayId, s => s.Id, (x, s) => new { x.n, x.d, s })
            .Join(db.Set<RescueStation>().AsNoTracking(), x => x.s.StationId, st => st.Id, (x, st) => new { x.n, x.d, x.s, Station = st.Name });
        q = status switch
        {
            "draft" => q.Where(x => x.n.Status == NoticeStatus.Draft),
            "published" => q.Where(x => x.n.Status == NoticeStatus.Published),
            "withdrawn" => q.Where(x => x.n.Status == NoticeStatus.Withdrawn),
            "overdue" => q.Where(x => x.n.Status != NoticeStatus.Withdrawn
                && ((x.n.PublishedAt == null && x.n.DueAt < now) || (x.d.RequestedOn == null && x.d.DueOn < today))),
            _ => q,
        };
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.s.AdmittedAt).ThenBy(x => x.n.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new([.. rows.Select(x => new NoticeRow(x.s.Id, x.s.Number, x.Station, x.n.Name, SearchText.Code(x.n.Status), x.n.DueAt, x.n.PublishedAt,
            SearchText.Code(SearchDeadlines.Notice(x.n.DueAt, x.n.PublishedAt, now)), x.d.DueOn, x.d.RequestedOn,
            SearchText.Code(SearchDeadlines.Dna(x.d.DueOn, x.d.RequestedOn, today)), SearchText.Code(x.d.Result),
            !x.s.IdentityKnown && x.s.Status is StayStatus.InStation or StayStatus.Placed))], total, page.Page, page.PageSize);
    }
}
