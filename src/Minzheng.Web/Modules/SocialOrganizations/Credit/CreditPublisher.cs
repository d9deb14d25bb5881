using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>
/// Publication of the lists (60号令: both lists are published, and the organisation is told): evaluates every organisation
/// that has credit events and records each change of its list status in the publication log, with the day it took effect and
/// the grounds. Idempotent: it compares today's derived status with the last announcement, so a second run on the same day
/// finds nothing new, and a day the job did not run is caught up with the right effective dates (ADR 040).
/// </summary>
public sealed class CreditPublisher(AppDbContext db, CreditLedger ledger, BusinessClock clock)
{
    /// <summary>How far back a removal's effective day is looked for (longer gaps publish the removal on the earliest day looked at).</summary>
    public const int MaxLookBackDays = 3 * 366;

    /// <summary>Runs as the system (the job's identity): the scope filter lets every organisation through.</summary>
    public async Task<int> PublishAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var ids = await db.Set<CreditEventRecord>().AsNoTracking().Select(e => e.OrganizationId!.Value).Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var chunk in ids.Chunk(200))
        {
            var events = (await db.Set<CreditEventRecord>().AsNoTracking().Where(e => chunk.Contains(e.OrganizationId!.Value))
                .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct)).ToLookup(e => e.OrganizationId!.Value);
            var profiles = await db.Set<SocialOrganizationProfile>().AsNoTracking().Where(p => chunk.Contains(p.OrganizationId!.Value)).ToDictionaryAsync(p => p.OrganizationId!.Value, ct);
            var last = (await db.Set<CreditPublication>().AsNoTracking().Where(p => chunk.Contains(p.OrganizationId!.Value)).ToListAsync(ct))
                .GroupBy(p => p.OrganizationId!.Value)
                // the latest announcement: by when it was made, and within one run a removal before the entry it made way for
                .ToDictionary(g => g.Key, g => g.OrderBy(p => p.RecordedAt).ThenBy(p => p.EffectiveOn).ThenBy(p => (int)p.Action % 2 == 0 ? 0 : 1).Last());
            foreach (var id in chunk)
            {
                if (!profiles.TryGetValue(id, out var profile)) continue;
                var list = events[id].ToList();
                var now = ledger.Status(list, profile.AuthorityDivisionCode, today);
                var previous = last.GetValueOrDefault(id);
                var published = previous is null ? CreditList.None : ListOf(previous.Action);
                if (now.List == published) continue;
                if (published != CreditList.None)
                {
                    // the first day the organisation was no longer on the published list
                    var from = previous!.EffectiveOn.AddDays(1);
                    if (from < today.AddDays(-MaxLookBackDays)) from = today.AddDays(-MaxLookBackDays);
                    var left = from;
                    while (left < today && ledger.Status(list, profile.AuthorityDivisionCode, left).List == published) left = left.AddDays(1);
                    if (now.List != CreditList.None && now.Since is { } since && since < left) left = since;
                    Add(profile, published == CreditList.Abnormal ? CreditPublicationAction.LeaveAbnormal : CreditPublicationAction.LeaveDishonest, left, previous.Grounds, today);
                    added++;
                }
                if (now.List != CreditList.None)
                {
                    Add(profile, now.List == CreditList.Abnormal ? CreditPublicationAction.EnterAbnormal : CreditPublicationAction.EnterDishonest, now.Since ?? today,
                        string.Join("；", now.Grounds.Select(g => $"{g.Date:yyyy-MM-dd} {g.Name}")), today);
                    added++;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return added;
    }

    private void Add(SocialOrganizationProfile p, CreditPublicationAction action, DateOnly effective, string grounds, DateOnly today) => db.Add(new CreditPublication
    {
        OrganizationId = p.OrganizationId,
        DivisionCode = p.DivisionCode,
        EffectiveOn = effective,
        Action = action,
        Grounds = grounds.Length > 1000 ? grounds[..1000] : grounds,
        AuthorityDivisionCode = p.AuthorityDivisionCode,
        PublishedOn = today,
        RecordedAt = clock.UtcNow,
    });

    public static CreditList ListOf(CreditPublicationAction a) => a switch
    {
        CreditPublicationAction.EnterAbnormal => CreditList.Abnormal,
        CreditPublicationAction.EnterDishonest => CreditList.Dishonest,
        _ => CreditList.None,
    };

    public static string Name(CreditPublicationAction a) => a switch
    {
        CreditPublicationAction.EnterAbnormal => "列入活动异常名录",
        CreditPublicationAction.LeaveAbnormal => "移出活动异常名录",
        CreditPublicationAction.EnterDishonest => "列入严重违法失信名单",
        _ => "移出严重违法失信名单",
    };
}

/// <summary>The publication as a recurring job of the one queue (as the system, one instance at a time).</summary>
public sealed class CreditPublicationJob(CreditPublisher publisher, ILogger<CreditPublicationJob> log) : IJobHandler
{
    public const string Kind = "socorg.credit-publication";

    /// <summary>Every few hours: the status changes by the day, and a run that finds nothing new writes nothing.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(45);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var added = await publisher.PublishAsync(ct);
        job.Report(1, 1, $"公告名录变化 {added} 条");
        if (added > 0) log.LogInformation("Credit lists: {Added} announcements published", added);
    }
}
