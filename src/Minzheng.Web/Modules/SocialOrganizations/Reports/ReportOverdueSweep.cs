using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>
/// Daily, as the system (a recurring job of the one kernel queue: one instance at a time): lists every organisation that missed
/// its kind's submission day on the 活动异常名录 with its ground, and marks late filings fulfilled. Idempotent by the ledger's
/// source keys, so running it every few hours records each listing once.
/// </summary>
public sealed class ReportOverdueSweep(AnnualReports reports, BusinessClock clock, ILogger<ReportOverdueSweep> log) : IJobHandler
{
    public const string Kind = "socorg.report-overdue";

    /// <summary>More often than daily so a restart or a missed run costs hours, not a day; each run records only what is missing.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(40);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var listed = await reports.SweepOverdueAsync(clock.Today, ct);
        job.Report(1, 1, $"新列入活动异常名录（未按时报送年度工作报告）{listed} 家");
        if (listed > 0) log.LogInformation("Social organisations listed for an overdue annual report: {Listed}", listed);
    }
}
