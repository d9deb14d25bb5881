using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// Where an import kind reports how far it got, by batch: the job running the batch on this instance carries it (in
/// memory first: a commit holds its one transaction open, so progress cannot be written to a SQLite database meanwhile;
/// the job's lease renewal writes it when it can). The batch page polls it once a second.
/// </summary>
public sealed class ImportProgress(JobWorker worker)
{
    public void Start(Guid batchId, string phase, int total) => worker.LocalRunFor(batchId)?.Report(0, total, phase);

    public void Report(Guid batchId, int processed) => worker.LocalRunFor(batchId)?.Report(processed);
}

/// <summary>Validation and commit of an import batch, as the user who asked for it. A commit is one transaction, so an interrupted one wrote nothing: restart policy Fail.</summary>
public sealed class ImportJob(AppDbContext db, IEnumerable<IImportKind> kinds, BusinessClock clock) : IJobHandler
{
    public const string Kind = "platform.import";
    public const string InterruptedMessage = "应用重启，导入已中断，未写入任何数据，请重新提交";

    public sealed record Payload(bool Commit);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == job.SubjectId, ct);
        if (batch is null) return;
        var import = kinds.First(k => k.Kind == batch.Kind);
        job.Report(0, batch.TotalRows, job.Payload<Payload>().Commit ? "正在导入" : "正在校验");
        if (job.Payload<Payload>().Commit) await import.CommitAsync(batch, ct);
        else await import.ValidateAsync(batch, ct);
    }

    public async Task StoppedAsync(JobRun job, JobStop stop, CancellationToken ct)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == job.SubjectId, ct);
        if (batch is null || batch.Status is not (ImportStatus.Validating or ImportStatus.Committing)) return;
        var commit = job.Payload<Payload>().Commit;
        batch.Status = ImportStatus.Failed;
        batch.Message = stop.Reason switch
        {
            JobStopReason.Interrupted => InterruptedMessage,
            JobStopReason.Cancelled => (commit ? "导入已取消" : "校验已取消") + "，未写入任何数据，请重新提交。",
            _ => (commit ? "导入失败，未写入任何数据：" : "校验失败：") + (stop.Error is Http.AppProblem p ? p.Detail : "文件无法读取或数据异常，请检查文件格式后重新上传"),
        };
        batch.FinishedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
    }
}
