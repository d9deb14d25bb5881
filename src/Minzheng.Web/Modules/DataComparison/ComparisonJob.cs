using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>Starts a comparison run over the user's county (or, for the city, every county) and queues it.</summary>
public sealed class ComparisonRuns(AppDbContext db, CurrentUser user, BusinessClock clock, JobQueue jobs, ComparisonEngine engine, AuditLog audit)
{
    public async Task<ComparisonRun> StartAsync(CancellationToken ct)
    {
        if (!user.HasPermission(ComparisonPermissions.Run)) throw AppProblem.Forbidden("您没有执行数据比对的权限");
        if (user.DivisionCode is not { } division || engine.CountiesOf(division).Count == 0) throw AppProblem.Forbidden("数据比对由县级或市级民政部门执行");
        if (await db.Set<ComparisonRun>().AnyAsync(r => r.Status == RunStatus.Running, ct)) throw AppProblem.Conflict("comparison_running", "已有比对正在执行，请等待完成后再试");
        var run = new ComparisonRun { DivisionCode = division, StartedBy = user.UserName, StartedAt = clock.UtcNow };
        db.Set<ComparisonRun>().Add(run);
        audit.Add("start", "comparison_run", run.Id.ToString(), null, division);
        // Queued in the same save: the job exists exactly when the run does.
        jobs.Enqueue(ComparisonJob.Kind, run.Id);
        await db.SaveChangesAsync(ct);
        return run;
    }
}

/// <summary>
/// Runs a comparison run in the background (kernel job queue), as the user who started it. Restart policy Fail: an
/// interrupted run is marked failed; the rules it finished keep their findings and a new run adds none twice.
/// </summary>
public sealed class ComparisonJob(AppDbContext db, BusinessClock clock, ComparisonEngine engine, AuditLog audit, ILogger<ComparisonJob> log) : IJobHandler
{
    public const string Kind = "comparison.run";
    public const string InterruptedMessage = "应用重启，比对已中断；已完成的规则结果保留，可重新执行（不会重复生成线索）";

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var run = await ExecuteAsync(job.SubjectId!.Value, new Progress(job), ct);
        // the run's own record says why; the job is marked failed too, for the administrator's list
        if (run is { Status: RunStatus.Failed }) throw new InvalidOperationException(run.Message);
    }

    /// <summary>The run itself, also called directly by the demo data and the benchmark (the same report, message and audit).</summary>
    public async Task<ComparisonRun?> ExecuteAsync(Guid runId, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var run = await db.Set<ComparisonRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        try
        {
            var reports = await engine.RunAsync(run, progress ?? new Progress<(int, int)>(), ct);
            run.Status = RunStatus.Finished;
            run.NewFindings = reports.Sum(r => r.NewFindings);
            run.ReportJson = ComparisonEngine.ReportJson(reports);
            var skipped = reports.Count(r => r.Skipped is not null);
            run.Message = $"新发现线索 {run.NewFindings} 条" + (skipped > 0 ? $"；{skipped} 项规则未执行（见明细）" : "");
            // The findings are inserted set-based, outside the change tracker: the run's outcome is audited here, rule by rule.
            audit.Add("finish", "comparison_run", run.Id.ToString(),
                new { run.NewFindings, rules = reports.Where(r => r.NewFindings > 0).Select(r => new { r.CountyCode, r.RuleCode, r.NewFindings }) }, run.DivisionCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Comparison run {RunId} failed", runId);
            run.Status = RunStatus.Failed;
            run.Message = "比对执行失败：" + (e is AppProblem p ? p.Detail : "数据库执行出错，已完成的规则结果保留，可重新执行（不会重复生成线索）");
        }
        run.FinishedAt = clock.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
        return run;
    }

    public async Task StoppedAsync(JobRun job, JobStop stop, CancellationToken ct)
    {
        var run = await db.Set<ComparisonRun>().FirstOrDefaultAsync(r => r.Id == job.SubjectId, ct);
        if (run is not { Status: RunStatus.Running }) return;
        run.Status = RunStatus.Failed;
        run.Message = stop.Reason switch
        {
            JobStopReason.Interrupted => InterruptedMessage,
            JobStopReason.Cancelled => "比对已取消；已完成的规则结果保留，可重新执行（不会重复生成线索）",
            _ => "比对执行失败：" + stop.Message,
        };
        run.FinishedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rules done (each one statement for every county of the run), reported to the job (synchronously: Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Progress(JobRun job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => job.Report(value.Done, value.Total, "正在比对");
    }
}
