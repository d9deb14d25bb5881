using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Jobs;

/// <summary>A job as lists and progress bars show it; progress is live for a job running on this instance.</summary>
public sealed record JobView(Guid Id, string Kind, string Title, Guid? SubjectId, JobStatus Status, int Done, int Total, string? Message, string? Error,
    int Attempts, bool CancelRequested, string CreatedBy, string? DivisionCode, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, string? LeaseOwner)
{
    public bool Active => Status is JobStatus.Queued or JobStatus.Running;
}

public sealed record JobFilter(JobStatus? Status = null, string? Kind = null);

/// <summary>
/// Queues jobs in the caller's unit of work, reads their progress and takes cancel requests. The job row is added to the
/// caller's <see cref="AppDbContext"/>: it is written by the caller's SaveChanges, inside the caller's transaction.
/// </summary>
public sealed class JobQueue(AppDbContext db, CurrentUser user, BusinessClock clock, JobCatalog catalog, JobWorker worker, ILogger<JobQueue> log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Queues a job acting as the current user; it is written by the caller's next SaveChanges.</summary>
    public Job Enqueue(string kind, Guid? subjectId, object? payload = null, string? uniqueKey = null)
    {
        if (catalog.Find(kind) is null) throw new InvalidOperationException($"未声明的任务类型 {kind}");
        var job = new Job
        {
            Kind = kind,
            SubjectId = subjectId,
            UniqueKey = uniqueKey,
            PayloadJson = payload is null ? "{}" : JsonSerializer.Serialize(payload, Json),
            CreatedBy = user.UserName,
            IdentityJson = StoredIdentity.Write(ActingIdentity.Of(user, user.PermissionList)),
            DivisionCode = user.DivisionCode,
            CreatedAt = clock.UtcNow,
            ProgressMessage = "排队等待",
        };
        db.Jobs.Add(job);
        // The worker polls every second; this wakes it as soon as the caller has saved (a wake before the commit of an
        // explicit transaction finds nothing and the next poll picks the job up).
        db.SavedChanges += (_, _) => worker.Wake();
        return job;
    }

    /// <summary>The newest job about a record (a batch, a payroll, a run), with live progress when it runs here.</summary>
    public async Task<JobView?> LatestAsync(Guid subjectId, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().Where(j => j.SubjectId == subjectId).OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).FirstOrDefaultAsync(ct);
        return job is null ? null : View(job);
    }

    /// <summary>The queued or running job about a record, if any.</summary>
    public async Task<JobView?> ActiveAsync(Guid subjectId, CancellationToken ct) => await LatestAsync(subjectId, ct) is { Active: true } v ? v : null;

    public async Task<Paged<JobView>> ListAsync(JobFilter filter, PageRequest page, CancellationToken ct)
    {
        var scope = user.Scope;
        var q = db.Jobs.AsNoTracking().Where(j => j.DivisionCode == null || (string.Compare(j.DivisionCode, scope.Low) >= 0 && string.Compare(j.DivisionCode, scope.High) <= 0));
        if (filter.Status is { } s) q = q.Where(j => j.Status == s);
        if (!string.IsNullOrEmpty(filter.Kind)) q = q.Where(j => j.Kind == filter.Kind);
        var total = await q.CountAsync(ct);
        // Running first, then queued, then the rest; newest first within each.
        var rows = await q.OrderBy(j => j.Status == JobStatus.Running ? 0 : j.Status == JobStatus.Queued ? 1 : 2).ThenByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<JobView>(rows.Select(View).ToList(), total, page.Page, page.PageSize);
    }

    /// <summary>Cancels the active job about a record; false when there is none.</summary>
    public async Task<bool> CancelSubjectAsync(Guid subjectId, CancellationToken ct) =>
        await ActiveAsync(subjectId, ct) is { } job && await CancelAsync(job.Id, ct);

    /// <summary>
    /// A queued job is cancelled at once; a running one is asked to stop: at once when it runs on this instance, at its
    /// next lease renewal (seconds) on another one. False when the job has already ended.
    /// </summary>
    public async Task<bool> CancelAsync(Guid jobId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var dequeued = await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.CancelRequested, true).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.Error, "已取消（未开始执行）").SetProperty(j => j.ProgressMessage, (string?)null), ct);
        if (dequeued == 1)
        {
            var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
            await worker.NotifyStoppedAsync(job, new JobStop(JobStopReason.Cancelled, "已取消（未开始执行）", null), CancellationToken.None);
            return true;
        }
        var asked = await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        if (asked == 0) return false;
        worker.CancelLocal(jobId);
        log.LogInformation("Cancel requested for job {JobId} by {User}", jobId, user.UserName);
        return true;
    }

    private JobView View(Job j)
    {
        var (done, total, message) = worker.LocalProgress(j.Id) ?? (j.Done, j.Total, j.ProgressMessage);
        return new JobView(j.Id, j.Kind, catalog.TitleOf(j.Kind), j.SubjectId, j.Status, done, total, message, j.Error, j.Attempts, j.CancelRequested, j.CreatedBy,
            j.DivisionCode, j.CreatedAt, j.StartedAt, j.FinishedAt, j.LeaseOwner);
    }
}
