using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// Progress of running import jobs, kept in memory: a commit holds its one transaction open, so progress
/// cannot be written to the same (SQLite) database meanwhile. The page polls it once a second.
/// </summary>
public sealed class ImportProgress
{
    public sealed record State(string Phase, int Processed, int Total);

    private readonly ConcurrentDictionary<Guid, State> _states = new();

    public void Start(Guid batchId, string phase, int total) => _states[batchId] = new State(phase, 0, total);

    public void Report(Guid batchId, int processed) =>
        _states.AddOrUpdate(batchId, _ => new State("", processed, processed), (_, s) => s with { Processed = Math.Min(processed, s.Total) });

    public State? Get(Guid batchId) => _states.TryGetValue(batchId, out var s) ? s : null;

    public void Finish(Guid batchId) => _states.TryRemove(batchId, out _);
}

public sealed record ImportJob(Guid BatchId, bool Commit, ActingIdentity Identity);

/// <summary>Runs validation and commit jobs one at a time, each as the user who asked for it.</summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ImportProgress progress, ILogger<ImportRunner> log) : BackgroundService
{
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>();

    public ValueTask EnqueueAsync(ImportJob job) => _queue.Writer.WriteAsync(job);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverInterruptedAsync(stoppingToken);
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    public async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(job.Identity);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == job.BatchId, ct);
        if (batch is null) return;
        var import = scope.ServiceProvider.GetServices<IImportKind>().First(k => k.Kind == batch.Kind);
        try
        {
            if (job.Commit) await import.CommitAsync(batch, ct);
            else await import.ValidateAsync(batch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Import {BatchId} failed", job.BatchId);
            // A fresh context: the failed one may hold the rolled-back changes.
            using var failScope = scopes.CreateScope();
            failScope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(job.Identity);
            var failDb = failScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var failed = await failDb.ImportBatches.FirstAsync(b => b.Id == job.BatchId, ct);
            failed.Status = ImportStatus.Failed;
            failed.Message = (job.Commit ? "导入失败，未写入任何数据：" : "校验失败：") + (e is Http.AppProblem p ? p.Detail : "文件无法读取或数据异常，请检查文件格式后重新上传");
            failed.FinishedAt = scope.ServiceProvider.GetRequiredService<BusinessClock>().UtcNow;
            await failDb.SaveChangesAsync(ct);
        }
        finally
        {
            progress.Finish(job.BatchId);
        }
    }

    /// <summary>Jobs cut off by a restart are marked so the clerk can run them again; nothing was half-written.</summary>
    private async Task RecoverInterruptedAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("import-recovery");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stuck = await db.ImportBatches.Where(b => b.Status == ImportStatus.Validating || b.Status == ImportStatus.Committing).ToListAsync(ct);
            foreach (var b in stuck)
            {
                b.Status = ImportStatus.Failed;
                b.Message = "服务重启中断了处理，未写入任何数据，请重新执行。";
            }
            if (stuck.Count > 0) await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not check for interrupted imports");
        }
    }
}
