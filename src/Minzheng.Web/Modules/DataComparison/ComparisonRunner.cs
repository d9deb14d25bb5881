using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>Starts a comparison run over the user's county (or, for the city, every county) and queues it.</summary>
public sealed class ComparisonRuns(AppDbContext db, CurrentUser user, BusinessClock clock, ComparisonRunner runner, ComparisonEngine engine, AuditLog audit)
{
    public async Task<ComparisonRun> StartAsync(CancellationToken ct)
    {
        if (!user.HasPermission(ComparisonPermissions.Run)) throw AppProblem.Forbidden("您没有执行数据比对的权限");
        if (user.DivisionCode is not { } division || engine.CountiesOf(division).Count == 0) throw AppProblem.Forbidden("数据比对由县级或市级民政部门执行");
        if (await db.Set<ComparisonRun>().AnyAsync(r => r.Status == RunStatus.Running, ct)) throw AppProblem.Conflict("comparison_running", "已有比对正在执行，请等待完成后再试");
        var run = new ComparisonRun { DivisionCode = division, StartedBy = user.UserName, StartedAt = clock.UtcNow };
        db.Set<ComparisonRun>().Add(run);
        audit.Add("start", "comparison_run", run.Id.ToString(), null, division);
        await db.SaveChangesAsync(ct);
        await runner.EnqueueAsync(new ComparisonJob(run.Id, ActingIdentity.Of(user, user.PermissionList)));
        return run;
    }
}

public sealed record ComparisonJob(Guid RunId, ActingIdentity Identity);

/// <summary>Runs comparison jobs one at a time in the background, as the user who started them; progress is kept in memory for the page.</summary>
public sealed class ComparisonRunner(IServiceScopeFactory scopes, ILogger<ComparisonRunner> log) : BackgroundService
{
    private readonly Channel<ComparisonJob> _queue = Channel.CreateUnbounded<ComparisonJob>();
    private readonly ConcurrentDictionary<Guid, (int Done, int Total)> _progress = new();

    public ValueTask EnqueueAsync(ComparisonJob job) => _queue.Writer.WriteAsync(job);

    public (int Done, int Total)? Progress(Guid runId) => _progress.TryGetValue(runId, out var p) ? p : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    public async Task RunAsync(ComparisonJob job, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(job.Identity);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        var run = await db.Set<ComparisonRun>().FirstOrDefaultAsync(r => r.Id == job.RunId, ct);
        if (run is null) return;
        try
        {
            var reports = await scope.ServiceProvider.GetRequiredService<ComparisonEngine>()
                .RunAsync(run, new Progress<(int, int)>(p => _progress[job.RunId] = p), ct);
            run.Status = RunStatus.Finished;
            run.NewFindings = reports.Sum(r => r.NewFindings);
            run.ReportJson = ComparisonEngine.ReportJson(reports);
            var skipped = reports.Count(r => r.Skipped is not null);
            run.Message = $"新发现线索 {run.NewFindings} 条" + (skipped > 0 ? $"；{skipped} 项规则未执行（见明细）" : "");
            // The findings are inserted set-based, outside the change tracker: the run's outcome is audited here, rule by rule.
            scope.ServiceProvider.GetRequiredService<AuditLog>().Add("finish", "comparison_run", run.Id.ToString(),
                new { run.NewFindings, rules = reports.Where(r => r.NewFindings > 0).Select(r => new { r.CountyCode, r.RuleCode, r.NewFindings }) }, run.DivisionCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Comparison run {RunId} failed", job.RunId);
            run.Status = RunStatus.Failed;
            run.Message = "比对执行失败：" + (e is AppProblem p ? p.Detail : "数据库执行出错，已完成的规则结果保留，可重新执行（不会重复生成线索）");
        }
        finally
        {
            _progress.TryRemove(job.RunId, out _);
        }
        run.FinishedAt = clock.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("comparison-recovery");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stuck = await db.Set<ComparisonRun>().Where(r => r.Status == RunStatus.Running).ToListAsync(ct);
            foreach (var r in stuck)
            {
                r.Status = RunStatus.Failed;
                r.Message = "服务重启中断了比对；已完成的规则结果保留，可重新执行（不会重复生成线索）";
            }
            if (stuck.Count > 0) await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not check for interrupted comparison runs");
        }
    }
}
