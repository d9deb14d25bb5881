using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>
/// Daily, as the system (a recurring job of the one kernel queue): marks the stays nearing and past the stay limit (the station's
/// work items read the marks) and moves a person whose identity is still unknown to 照料安置 (站内照料) once the configured days
/// have passed. Idempotent: each mark is set once, so running it every few hours changes a stay at most once per kind.
/// </summary>
public sealed class RescueStaySweep(AppDbContext db, RescueStays stays, BusinessClock clock, ILogger<RescueStaySweep> log) : IJobHandler
{
    public const string Kind = "rescue.stay-sweep";

    /// <summary>More often than daily so a restart or a missed run costs hours, not a day.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(45);

    public sealed record Result(int Alerts, int PastLimit, int Placed);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var r = await SweepAsync(clock.Today, ct);
        job.Report(1, 1, $"在站期限将满 {r.Alerts} 人，超过期限 {r.PastLimit} 人，转入照料安置 {r.Placed} 人");
        if (r.Placed > 0) log.LogInformation("Rescue stays moved to placement: {Placed}", r.Placed);
    }

    public async Task<Result> SweepAsync(DateOnly today, CancellationToken ct)
    {
        var open = await db.Set<RescueStay>().Where(s => s.Status == StayStatus.InStation).OrderBy(s => s.AdmittedAt).ToListAsync(ct);
        int alerts = 0, past = 0, placed = 0;
        foreach (var stay in open)
        {
            var action = StayRules.Sweep(stay, stays.DatesOf(stay), today);
            if (action.RaiseAlert) { stay.AlertRaisedOn = today; alerts++; }
            if (action.MarkLimitPassed) { stay.LimitPassedOn = today; past++; }
            if (action.Place)
            {
                stay.Status = StayStatus.Placed;
                stay.Placement = PlacementKind.InStation;
                stay.PlacedOn = today;
                placed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new(alerts, past, placed);
    }
}
