using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>
/// Every few hours, as the system (a recurring job of the kernel queue: one instance at a time): ends the allowances of
/// children recorded as deceased, and closes the cases whose last month by age has passed. Payments never pay past
/// either (the entitlement already ends there, and the payroll checks the death date); this keeps the case list and the
/// dashboard true.
/// </summary>
public sealed class ChildAllowanceSweep(ChildAllowances allowances, ILogger<ChildAllowanceSweep> log) : IJobHandler
{
    public const string Kind = "child.allowance-sweep";
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(30);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var dead = await allowances.EndDeceasedAsync(ct);
        job.Report(1, 2, "已结束身故儿童的保障");
        var aged = await allowances.CloseAgedOutAsync(ct);
        job.Report(2, 2, $"身故 {dead} 人，到龄 {aged} 人");
        if (dead + aged > 0) log.LogInformation("Child allowances ended: {Dead} deceased, {Aged} by age", dead, aged);
    }
}
