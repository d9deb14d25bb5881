using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>What the public sees of one 寻亲公告: the fields of 民发〔2015〕158号 and nothing else (no ID number, no stay number).</summary>
public sealed record PublicNotice(Guid Id, string Name, string Sex, string Age, int? HeightCm, string Health, string MentalState, string Features,
    string Clothing, DateOnly FoundOn, string FoundPlace, string Station, string Contact, DateTime PublishedAt, bool HasPhoto);

/// <summary>
/// The anonymous 寻亲公告 page's reads. Anonymous, so every read here goes past the scope filter on purpose — these notices are
/// public by law (民发〔2015〕158号: 通过全国救助寻亲网站、媒体发布寻亲公告) — and only published notices of people still unidentified and
/// in care are selected: a notice whose person was identified or left is gone from the page even before the sweep marks it
/// withdrawn. Every source of a query ignores the filters (ScopeLeakGuard).
/// </summary>
public sealed class PublicNotices(AppDbContext db)
{
    private sealed class LiveRow
    {
        public required SearchNotice Notice { get; init; }
        public required string Station { get; init; }
    }

    private IQueryable<LiveRow> Live() =>
        db.Set<SearchNotice>().IgnoreQueryFilters().AsNoTracking().Where(n => n.Status == NoticeStatus.Published)
            .Join(db.Set<RescueStay>().IgnoreQueryFilters().Where(s => !s.IdentityKnown && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed)),
                n => n.StayId, s => s.Id, (n, s) => n)
            .Join(db.Set<RescueStation>().IgnoreQueryFilters(), n => n.StationId, st => st.Id, (n, st) => new LiveRow { Notice = n, Station = st.Name });

    public async Task<Paged<PublicNotice>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var q = Live();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Notice.PublishedAt).ThenBy(x => x.Notice.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new([.. rows.Select(x => ToPublic(x.Notice, x.Station))], total, page.Page, page.PageSize);
    }

    public async Task<PublicNotice?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var x = await Live().Where(x => x.Notice.Id == id).FirstOrDefaultAsync(ct);
        return x is null ? null : ToPublic(x.Notice, x.Station);
    }

    /// <summary>The photo of a live notice (null once the notice is down: the photo goes with it).</summary>
    public async Task<StoredFile?> PhotoAsync(Guid id, CancellationToken ct = default)
    {
        var fileId = await Live().Where(x => x.Notice.Id == id).Select(x => x.Notice.PhotoFileId).FirstOrDefaultAsync(ct);
        return fileId is null ? null : await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
    }

    public static string AgeText(int? age, bool estimated) => age is { } a ? estimated ? $"约{a}岁" : $"{a}岁" : "不详";

    private static PublicNotice ToPublic(SearchNotice n, string station) =>
        new(n.Id, n.Name, SearchText.SexName(n.Sex), AgeText(n.Age, n.AgeEstimated), n.HeightCm, n.Health, n.MentalState, n.Features, n.Clothing,
            n.FoundOn, n.FoundPlace, station, n.Contact, n.PublishedAt ?? default, n.PhotoFileId is not null);
}
