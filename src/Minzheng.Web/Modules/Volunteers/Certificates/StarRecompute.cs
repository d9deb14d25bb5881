using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.Volunteers.Certificates;

/// <summary>
/// 星级重算: stars derive from the star figures in force today, so a new figure row (another scale, a later effective date)
/// changes them without any record changing. Daily, as the system, on the one kernel queue (and on demand by the city officer,
/// <see cref="RunNowKind"/>): recomputes every volunteer's verified total and star from the stored records through
/// <see cref="VolunteerHours.RecomputeAsync"/>, the one writer of both. Idempotent: a volunteer already right is not written.
/// </summary>
public sealed class StarRecompute(AppDbContext db, VolunteerHours hours) : IJobHandler
{
    public const string Kind = "volunteers.star-recompute";
    public const string RunNowKind = "volunteers.star-recompute-now";

    public static readonly TimeSpan Every = TimeSpan.FromHours(24);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(2);

    private const int Batch = 200;

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var changed = await RecomputeAllAsync((done, total) => job.Report(done, total, $"已重算 {done} / {total} 名志愿者"), ct);
        job.Report(1, 1, $"星级重算完成，{changed} 名志愿者的累计时长或星级有变化");
    }

    /// <summary>All volunteers, in batches by id (each batch one save); returns how many changed.</summary>
    public async Task<int> RecomputeAllAsync(Action<int, int>? progress, CancellationToken ct)
    {
        // every volunteer of the city: the job runs as the system or the city officer; the filter is left out so that an
        // officer's run covers volunteers registered in every county (the write check is satisfied by VolunteerHours' permit)
        var all = db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]);
        // the ids first, then batches by id (ordering by a Guid differs between the providers, so no keyset paging on it)
        var ids = await all.Select(v => v.Id).ToListAsync(ct);
        var done = 0;
        var changed = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var batch = await all.Where(v => chunk.Contains(v.Id)).ToListAsync(ct);
            foreach (var v in batch)
            {
                var (minutes, star) = (v.VerifiedMinutes, v.StarLevel);
                await hours.RecomputeAsync(v, ct);
                if (v.VerifiedMinutes != minutes || v.StarLevel != star) changed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Invoke(done, ids.Count);
        }
        return changed;
    }

    /// <summary>Queues a run now (the city officer, volunteers.figures.write); a run already queued or running is the answer instead of a second one.</summary>
    public sealed class Runner(AppDbContext db, JobQueue jobs)
    {
        public async Task<Guid> QueueAsync(CancellationToken ct)
        {
            if (await db.Jobs.Where(j => j.UniqueKey == RunNowKind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
                    .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct) is { } active)
            {
                return active;
            }
            var job = jobs.Enqueue(RunNowKind, null, uniqueKey: RunNowKind);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // queued by someone else a moment ago: that run is the answer
                db.Entry(job).State = EntityState.Detached;
                return await db.Jobs.Where(j => j.UniqueKey == RunNowKind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)).Select(j => j.Id).FirstAsync(ct);
            }
            return job.Id;
        }
    }
}
