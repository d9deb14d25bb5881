using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

/// <summary>
/// Daily, as the system on the kernel's job queue: rectifications ordered after a spot check and not finished by their deadline
/// go to the credit ledger as 整改未完成 (60号令), once per check however often the job runs.
/// </summary>
public sealed class SpotCheckSweep(SpotCheckService spotChecks, ILogger<SpotCheckSweep> log) : IJobHandler
{
    public const string Kind = "socorg.spot-check-rectification";
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(2);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var n = await spotChecks.RecordUnfinishedAsync(ct);
        job.Report(1, 1, $"逾期未完成整改并记入信用记录 {n} 家");
        if (n > 0) log.LogInformation("Spot checks: {Count} unfinished rectifications recorded as credit events", n);
    }
}
