using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Divorce;

/// <summary>
/// Daily, as the system (a recurring job of the one kernel queue): closes every accepted divorce application whose appearance
/// period ended without registration as 视为撤回 (民法典 第一千零七十七条第二款). Idempotent: a closed application is not
/// accepted any more, so a second run the same day closes nothing; each closure is audited and on the case's timeline.
/// </summary>
public sealed class DivorceDeemedWithdrawalSweep(DivorceApplications applications, BusinessClock clock, ILogger<DivorceDeemedWithdrawalSweep> log) : IJobHandler
{
    public const string Kind = "marriage.divorce-deemed-withdrawn";

    /// <summary>More often than daily so a restart or a missed run costs hours, not a day; a period ends at the end of its last day.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(45);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var closed = await applications.SweepDeemedWithdrawnAsync(clock.Today, ct);
        job.Report(1, 1, $"期满未申请发证、视为撤回的离婚登记申请 {closed} 件");
        if (closed > 0) log.LogInformation("Divorce applications deemed withdrawn: {Closed}", closed);
    }
}
