using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Platform.Jobs;

/// <summary>
/// Runs queued jobs on this instance: claims one with a single conditional UPDATE (the same statement on SQLite and
/// PostgreSQL: only one instance's UPDATE finds the row still claimable), renews the claim every
/// <see cref="Renewal"/> while the handler runs, writes its progress with each renewal, and stops it when a cancel is
/// requested. At most one job per kind runs on an instance at a time (as the runners it replaces did: an import commit
/// holds SQLite's write lock). Periodic sweeps are recurring jobs: a finished occurrence queues the next one.
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, JobCatalog catalog, TimeProvider time, IConfiguration config, ILogger<JobWorker> log) : BackgroundService
{
    /// <summary>How long a claim holds without renewal: an instance silent that long is taken for dead.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(2);

    /// <summary>A resumable job interrupted this many times is failed instead of being run again.</summary>
    public const int MaxAttempts = 3;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A job's scope before its handler runs: the identity that queued it, and a command timeout for the long set-based
    /// statements jobs run (<c>Minzheng:Jobs:CommandTimeoutSeconds</c>, one hour by default). The default of 30 s is right for a
    /// page and wrong for a job: one rule of the city-wide comparison over 7.3 M people runs longer than that and the run failed
    /// with a read timeout (docs/benchmarks.md). A job stays cancellable and its lease is renewed meanwhile.
    /// </summary>
    public static void EnterJobScope(IServiceProvider services, ActingIdentity identity)
    {
        services.GetRequiredService<CurrentUser>().RunAs(identity);
        UseJobConnection(services);
    }

    /// <summary>
    /// The scope's context as a job uses it: the job's long command timeout (ADR 077) and, on PostgreSQL, a connection that
    /// prepares nothing (ADR 080). A job's statements are large and set-based, run once or a few times with a different range
    /// each (a payroll's township groups, a comparison's counties); a statement prepared on a pooled connection would after
    /// five runs be given PostgreSQL's generic plan, costed for a range of 0.5 % of the rows — nested loops where hash joins
    /// over a county are right.
    /// </summary>
    public static void UseJobConnection(IServiceProvider services)
    {
        var seconds = services.GetRequiredService<IConfiguration>().GetValue("Minzheng:Jobs:CommandTimeoutSeconds", 3600);
        var db = services.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(Math.Clamp(seconds, 30, 86_400)));
        if (db.Database.IsNpgsql()) db.Database.SetConnectionString(DbContextSetup.WithoutPreparedStatements(db.Database.GetConnectionString()!));
    }

    private readonly ConcurrentDictionary<Guid, Local> _running = new();
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This instance's name on the leases it holds: machine, process and a random part (a restarted process is a new instance).</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private sealed class Local(JobRun run, string kind, CancellationTokenSource cts)
    {
        public JobRun Run { get; } = run;
        public string Kind { get; } = kind;
        public CancellationTokenSource Cts { get; } = cts;
        public volatile bool CancelRequested;
        public volatile bool LeaseLost;
    }

    private sealed record Claimed(Job Job, JobKind Kind);

    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Stops a job running on this instance now (its cancel flag is already in the database).</summary>
    public void CancelLocal(Guid jobId)
    {
        if (!_running.TryGetValue(jobId, out var local)) return;
        local.CancelRequested = true;
        local.Cts.Cancel();
    }

    public (int Done, int Total, string? Message)? LocalProgress(Guid jobId) => _running.TryGetValue(jobId, out var l) ? l.Run.Snapshot() : null;

    /// <summary>The job running on this instance about a record, for handlers' helpers that report progress by record.</summary>
    public JobRun? LocalRunFor(Guid subjectId) => _running.Values.FirstOrDefault(l => l.Run.SubjectId == subjectId)?.Run;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off for test fixtures that drive workers by hand (RunNextAsync), and for instances meant to serve pages only.
        if (!config.GetValue("Minzheng:Jobs:Worker", true)) return;
        var tasks = new List<Task>();
        try
        {
            await ScheduleRecurringAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                tasks.RemoveAll(t => t.IsCompleted);
                Claimed? claimed = null;
                try
                {
                    claimed = await ClaimAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not claim a job; retried shortly");
                }
                if (claimed is not null)
                {
                    tasks.Add(RunClaimedAsync(claimed, stoppingToken));
                    continue;
                }
                await _wake.WaitAsync(Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: the running jobs release their leases below
        }
        await Task.WhenAll(tasks);
    }

    /// <summary>Claims one job and runs it to its end on the calling thread; false when none was claimable (tests, tools).</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        if (claimed is null) return false;
        await RunClaimedAsync(claimed, ct);
        return true;
    }

    /// <summary>Queues the first occurrence of every recurring kind that has none queued or running (instances racing here meet the unique index).</summary>
    public async Task ScheduleRecurringAsync(CancellationToken ct)
    {
        foreach (var kind in catalog.All.Where(k => k.Recurring))
        {
            await ScheduleNextAsync(kind, kind.FirstAfter ?? TimeSpan.Zero, ct);
        }
    }

    private async Task ScheduleNextAsync(JobKind kind, TimeSpan after, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("jobs");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Jobs.AnyAsync(j => j.UniqueKey == kind.Code && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running), ct)) return;
            var now = time.GetUtcNow().UtcDateTime;
            db.Jobs.Add(new Job
            {
                Kind = kind.Code,
                UniqueKey = kind.Code,
                CreatedBy = "system",
                IdentityJson = StoredIdentity.Write(ActingIdentity.System(kind.Code)),
                CreatedAt = now,
                RunAfter = now + after,
                ProgressMessage = "等待下次执行",
            });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Data.UniqueViolation.Is(e))
        {
            // another instance queued it first
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not queue the next {Kind} job", kind.Code);
        }
    }

    private async Task<Claimed?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("jobs");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        await ReleaseDeadLocalLeasesAsync(db, now, ct);
        var known = catalog.All.Select(k => k.Code).ToList();
        var busyKinds = _running.Values.Select(l => l.Kind).Distinct().ToList();
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => (j.Status == JobStatus.Queued && (j.RunAfter == null || j.RunAfter <= now)) || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now))
            .Where(j => known.Contains(j.Kind) && !busyKinds.Contains(j.Kind))
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Select(j => j.Id).Take(10).ToListAsync(ct);
        foreach (var id in candidates)
        {
            if (_running.ContainsKey(id)) continue;
            var until = now + Lease;
            // The claim itself: whichever instance's UPDATE runs first changes the row; the others find it no longer claimable.
            var claimed = await db.Jobs
                .Where(j => j.Id == id && ((j.Status == JobStatus.Queued && (j.RunAfter == null || j.RunAfter <= now)) || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LeaseOwner, InstanceId)
                    .SetProperty(j => j.LeaseExpiresAt, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now), ct);
            if (claimed == 0) continue;
            var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
            var kind = catalog.Find(job.Kind)!;
            if (_running.Values.Any(l => l.Kind == kind.Code))
            {
                // raced with ourselves (RunNextAsync beside the loop): give it back untouched
                await db.Jobs.Where(j => j.Id == id && j.LeaseOwner == InstanceId)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now).SetProperty(j => j.Attempts, j => j.Attempts - 1), ct);
                continue;
            }
            return new Claimed(job, kind);
        }
        return null;
    }

    /// <summary>
    /// An application killed on this machine and started again takes its jobs back at once instead of after <see cref="Lease"/>:
    /// a lease whose owner names this machine and a process that no longer runs is released. Only a process known dead
    /// counts — another instance on this machine (a live process, or this one) keeps its lease, and an owner on another
    /// machine is left to its lease's expiry, the only sign there is of its death.
    /// </summary>
    private static async Task ReleaseDeadLocalLeasesAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var prefix = Environment.MachineName + "/";
        var owners = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt >= now && j.LeaseOwner != null && j.LeaseOwner.StartsWith(prefix))
            .Select(j => j.LeaseOwner!).Distinct().ToListAsync(ct);
        foreach (var owner in owners.Where(o => ProcessIsGone(o, prefix)))
        {
            await db.Jobs.Where(j => j.LeaseOwner == owner && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now.AddTicks(-1)), ct);
        }
    }

    /// <summary>True when the owner "machine/pid/random" names a process that does not run on this machine now.</summary>
    internal static bool ProcessIsGone(string owner, string machinePrefix)
    {
        var rest = owner[machinePrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !int.TryParse(rest[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private async Task RunClaimedAsync(Claimed claimed, CancellationToken stopping)
    {
        var (job, kind) = claimed;
        JobRun run;
        try
        {
            run = new JobRun(job, StoredIdentity.Read(job.IdentityJson));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FinishAsync(job.Id, kind, JobStatus.Failed, "任务参数无法读取：" + e.Message, null, CancellationToken.None);
            return;
        }
        if (job.CancelRequested)
        {
            await StopAsync(run, kind, new JobStop(JobStopReason.Cancelled, "已取消", null));
            return;
        }
        if (job.Attempts > 1)
        {
            // Claimed before by an instance that stopped renewing its lease: it died (or was stopped) mid-run.
            if (kind.Restart == RestartPolicy.Fail)
            {
                log.LogWarning("Job {JobId} ({Kind}) was interrupted; failed by its restart policy", job.Id, kind.Code);
                await StopAsync(run, kind, new JobStop(JobStopReason.Interrupted, kind.InterruptedMessage, null));
                return;
            }
            if (job.Attempts > MaxAttempts)
            {
                await StopAsync(run, kind, new JobStop(JobStopReason.Failed, $"任务已被中断 {MaxAttempts} 次，不再自动继续，请检查后重新提交", null));
                return;
            }
            log.LogWarning("Job {JobId} ({Kind}) was interrupted; resuming (attempt {Attempt})", job.Id, kind.Code, job.Attempts);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var local = new Local(run, kind.Code, cts);
        _running[job.Id] = local;
        using var beat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(job.Id, local, beat.Token);
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            EnterJobScope(scope.ServiceProvider, run.Identity);
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(kind.HandlerType);
            await handler.RunAsync(run, cts.Token);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await beat.CancelAsync();
            await heartbeat;
            _running.TryRemove(job.Id, out _);
        }

        if (local.LeaseLost)
        {
            log.LogWarning("Job {JobId} lost its lease to another instance and was stopped here", job.Id);
            return;
        }
        if (failure is null)
        {
            await FinishAsync(job.Id, kind, JobStatus.Succeeded, null, run, CancellationToken.None);
            return;
        }
        if (failure is OperationCanceledException && local.CancelRequested)
        {
            await StopAsync(run, kind, new JobStop(JobStopReason.Cancelled, "已取消", null));
            return;
        }
        if (failure is OperationCanceledException && stopping.IsCancellationRequested)
        {
            // The application is stopping: give the lease up now, so the next start applies the restart policy at once.
            await ReleaseAsync(job.Id);
            return;
        }
        log.LogError(failure, "Job {JobId} ({Kind}) failed", job.Id, kind.Code);
        var message = failure is AppProblem p ? p.Detail : "执行出错：" + failure.Message;
        await StopAsync(run, kind, new JobStop(JobStopReason.Failed, message, failure));
    }

    private async Task HeartbeatAsync(Guid jobId, Local local, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Renewal, ct);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("jobs");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var until = time.GetUtcNow().UtcDateTime + Lease;
                var (done, total, message) = local.Run.Snapshot();
                var renewed = await db.Jobs.Where(j => j.Id == jobId && j.LeaseOwner == InstanceId && j.Status == JobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.Done, done).SetProperty(j => j.Total, total)
                        .SetProperty(j => j.ProgressMessage, Truncate(message, 200)), ct);
                if (renewed == 0)
                {
                    local.LeaseLost = true;
                    await local.Cts.CancelAsync();
                    return;
                }
                if (await db.Jobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).FirstAsync(ct))
                {
                    local.CancelRequested = true;
                    await local.Cts.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy database (a long import transaction on SQLite) delays the renewal; the lease is long enough.
                log.LogDebug(e, "Lease renewal of job {JobId} postponed", jobId);
            }
        }
    }

    /// <summary>Tells the handler (its record shows the end), then marks the job failed or cancelled.</summary>
    private async Task StopAsync(JobRun run, JobKind kind, JobStop stop)
    {
        await NotifyAsync(run, kind, stop, CancellationToken.None);
        await FinishAsync(run.Id, kind, stop.Reason == JobStopReason.Cancelled ? JobStatus.Cancelled : JobStatus.Failed, stop.Message, run, CancellationToken.None);
    }

    /// <summary>Calls the kind's <see cref="IJobHandler.StoppedAsync"/> in a fresh scope acting as the job's identity.</summary>
    public async Task NotifyStoppedAsync(Job job, JobStop stop, CancellationToken ct)
    {
        if (catalog.Find(job.Kind) is not { } kind) return;
        await NotifyAsync(new JobRun(job, StoredIdentity.Read(job.IdentityJson)), kind, stop, ct);
        if (kind.Recurring) await ScheduleNextAsync(kind, kind.Every!.Value, ct);
    }

    private async Task NotifyAsync(JobRun run, JobKind kind, JobStop stop, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(run.Identity);
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(kind.HandlerType);
            await handler.StoppedAsync(run, stop, ct);
        }
        catch (Exception e)
        {
            log.LogError(e, "Job {JobId} ({Kind}): its record could not be marked {Reason}", run.Id, kind.Code, stop.Reason);
        }
    }

    private async Task FinishAsync(Guid jobId, JobKind kind, JobStatus status, string? error, JobRun? run, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("jobs");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var (done, total, message) = run?.Snapshot() ?? (0, 0, null);
            if (status == JobStatus.Succeeded) done = total;
            var finished = await db.Jobs.Where(j => j.Id == jobId && j.LeaseOwner == InstanceId && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.Error, Truncate(error, 2000)).SetProperty(j => j.Done, done).SetProperty(j => j.Total, total)
                    .SetProperty(j => j.ProgressMessage, Truncate(message, 200)), ct);
            if (finished == 0) log.LogWarning("Job {JobId} had been taken over before it could be marked {Status}", jobId, status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lease runs out and the next claim applies the restart policy.
            log.LogError(e, "Job {JobId} could not be marked {Status}", jobId, status);
        }
        if (kind.Recurring) await ScheduleNextAsync(kind, kind.Every!.Value, ct);
    }

    private async Task ReleaseAsync(Guid jobId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("jobs");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            await db.Jobs.Where(j => j.Id == jobId && j.LeaseOwner == InstanceId && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now.AddTicks(-1)), CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Job {JobId}: lease not released at shutdown; it lapses within {Lease}", jobId, Lease);
        }
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
