using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.Payments;

/// <summary>
/// Generates a payroll in the background (kernel job queue), as the user who asked for it. Restart policy Resume: the
/// generator adds exactly what is missing (see its header), so a generation cut off by a crash is simply run again.
/// </summary>
public sealed class PayrollJob(PayrollGenerator generator, AppDbContext db) : IJobHandler
{
    public const string Kind = "payments.payroll";

    /// <summary>One active generation per payroll (the queue's unique key).</summary>
    public static string KeyOf(Guid payrollId) => $"{Kind}:{payrollId:N}";

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var payrollId = job.SubjectId!.Value;
        if (job.Attempt > 1)
        {
            // resumed after an interruption: the page says so while the rest is added
            var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == payrollId, ct);
            if (payroll is { Status: PayrollStatus.Generating })
            {
                payroll.Message = "服务重启中断了生成，正在自动继续：已生成的明细保留，只补齐缺少的部分。";
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
        await generator.RunAsync(payrollId, new Callback(s => job.Report(s.Done, s.Total, s.Step)), ct);
    }

    public async Task StoppedAsync(JobRun job, JobStop stop, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == job.SubjectId, ct);
        if (payroll is null) return;
        payroll.Message = (stop.Reason switch
        {
            JobStopReason.Cancelled => "生成已停止",
            _ => "生成出错" + (stop.Error is Platform.Http.AppProblem p ? "：" + p.Detail : stop.Error is null ? "：" + stop.Message : ""),
        }) + "。已生成的明细保留，点击“继续生成”补齐，不会重复也不会遗漏。";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool and could reorder).</summary>
    private sealed class Callback(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
