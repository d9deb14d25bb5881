using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int Drafted, int NoticesOverdue, int DnaOverdue, int Withdrawn);

/// <summary>
/// The daily family-search sweep, on the one kernel job queue as the system: drafts the notice and the DNA request of every
/// unidentified stay that has none yet (an intake that did not open the search), marks notices not published by their hour and
/// DNA requests not sent by their day as overdue (from then on they are work items of the station's county,
/// <see cref="SearchWorkItems"/>), and takes down the notices of people identified or gone. Idempotent: each mark is set once.
/// </summary>
public sealed class SearchSweep(AppDbContext db, FamilySearch search, BusinessClock clock, ILogger<SearchSweep> log) : IJobHandler
{
    public const string Kind = "rescue.search-overdue";

    /// <summary>More often than daily: a notice is due within hours of admission, so a missed run must not cost a day.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(2);

    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(45);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var r = await SweepAsync(ct);
        job.Report(1, 1, $"新拟寻亲公告 {r.Drafted} 份；寻亲公告逾期未发布 {r.NoticesOverdue} 份；DNA 逾期未送检 {r.DnaOverdue} 份；撤下公告 {r.Withdrawn} 份");
        if (r.NoticesOverdue + r.DnaOverdue > 0) log.LogInformation("Family search overdue: {Notices} notices, {Dna} DNA requests", r.NoticesOverdue, r.DnaOverdue);
    }

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var drafted = 0;
        var missing = await db.Set<RescueStay>()
            .Where(s => !s.IdentityKnown && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed))
            .Where(s => !db.Set<SearchNotice>().Any(n => n.StayId == s.Id) || !db.Set<DnaRequest>().Any(d => d.StayId == s.Id))
            .OrderBy(s => s.AdmittedAt).Take(500).ToListAsync(ct);
        foreach (var stay in missing)
        {
            await search.EnsureAsync(stay, ct);
            drafted++;
        }
        if (drafted > 0) await db.SaveChangesAsync(ct);

        var withdrawn = 0;
        // the notice and whether its person was identified, in one query (not one stay read per notice)
        var gone = await db.Set<SearchNotice>().Where(n => n.Status != NoticeStatus.Withdrawn)
            .Join(db.Set<RescueStay>().Where(s => s.IdentityKnown || s.Status == StayStatus.Left || s.Status == StayStatus.Refused), n => n.StayId, s => s.Id,
                (n, s) => new { Notice = n, s.IdentityKnown })
            .ToListAsync(ct);
        foreach (var g in gone)
        {
            search.Withdraw(g.Notice, g.IdentityKnown ? "已查明身份" : "已离站");
            withdrawn++;
        }

        var notices = await db.Set<SearchNotice>().Where(n => n.Status == NoticeStatus.Draft && n.OverdueSince == null && n.DueAt < now).ToListAsync(ct);
        foreach (var n in notices) n.OverdueSince = today;
        var dna = await db.Set<DnaRequest>().Where(d => d.RequestedOn == null && d.OverdueSince == null && d.DueOn < today)
            .Where(d => db.Set<RescueStay>().Any(s => s.Id == d.StayId && !s.IdentityKnown && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed)))
            .ToListAsync(ct);
        foreach (var d in dna) d.OverdueSince = today;
        await db.SaveChangesAsync(ct);
        return new(drafted, notices.Count, dna.Count, withdrawn);
    }
}
