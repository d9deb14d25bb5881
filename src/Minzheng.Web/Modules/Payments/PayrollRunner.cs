using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Payments;

public sealed record PayrollJob(Guid PayrollId, ActingIdentity Identity);

/// <summary>Generation progress of the payrolls being generated now (in memory: a restart shows "interrupted", and a rerun completes it).</summary>
public sealed class PayrollProgress
{
    private readonly ConcurrentDictionary<Guid, GenerationProgress> _states = new();

    public void Report(Guid id, GenerationProgress state) => _states[id] = state;

    public GenerationProgress? Get(Guid id) => _states.TryGetValue(id, out var s) ? s : null;

    public void Finish(Guid id) => _states.TryRemove(id, out _);
}

/// <summary>Runs payroll generations one at a time in the background, each as the user who asked for it; a running one can be stopped.</summary>
public sealed class PayrollRunner(IServiceScopeFactory scopes, PayrollProgress progress, ILogger<PayrollRunner> log) : BackgroundService
{
    private readonly Channel<PayrollJob> _queue = Channel.CreateUnbounded<PayrollJob>();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public async ValueTask EnqueueAsync(PayrollJob job)
    {
        // Shown as queued until the runner picks it up; the same payroll is never queued twice.
        if (!_running.TryAdd(job.PayrollId, new CancellationTokenSource())) return;
        progress.Report(job.PayrollId, new GenerationProgress("排队等待", 0, 1));
        await _queue.Writer.WriteAsync(job);
    }

    public bool IsRunning(Guid payrollId) => _running.ContainsKey(payrollId);

    public bool Cancel(Guid payrollId)
    {
        if (!_running.TryGetValue(payrollId, out var cts)) return false;
        cts.Cancel();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    public async Task RunAsync(PayrollJob job, CancellationToken stoppingToken)
    {
        var cts = _running.GetOrAdd(job.PayrollId, _ => new CancellationTokenSource());
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, stoppingToken);
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(job.Identity);
            var generator = scope.ServiceProvider.GetRequiredService<PayrollGenerator>();
            await generator.RunAsync(job.PayrollId, new Callback(s => progress.Report(job.PayrollId, s)), linked.Token);
        }
        catch (Exception e)
        {
            var cancelled = e is OperationCanceledException;
            if (!cancelled) log.LogError(e, "Payroll {PayrollId} generation failed", job.PayrollId);
            // A fresh context: the failed one may hold changes of the step that was rolled back.
            using var failScope = scopes.CreateScope();
            failScope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(job.Identity);
            var db = failScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == job.PayrollId, CancellationToken.None);
            if (payroll is not null)
            {
                payroll.Message = (cancelled ? "生成已停止" : "生成出错" + (e is Platform.Http.AppProblem p ? "：" + p.Detail : "")) +
                    "。已生成的明细保留，点击“继续生成”补齐，不会重复也不会遗漏。";
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            progress.Finish(job.PayrollId);
            if (_running.TryRemove(job.PayrollId, out var done)) done.Dispose();
        }
    }

    /// <summary>Generations cut off by a restart stay "generating" with a note; a rerun completes them.</summary>
    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("payroll-recovery");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stuck = await db.Set<Payroll>().Where(p => p.Status == PayrollStatus.Generating).ToListAsync(ct);
            foreach (var p in stuck.Where(p => !IsRunning(p.Id)))
            {
                p.Message = "服务重启中断了生成。已生成的明细保留，点击“继续生成”补齐，不会重复也不会遗漏。";
            }
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not mark interrupted payroll generations");
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool and could reorder).</summary>
    private sealed class Callback(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
