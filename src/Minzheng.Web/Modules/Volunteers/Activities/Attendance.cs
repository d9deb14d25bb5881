using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Activities;

public sealed record ScanResult(ServiceRecord Record, bool CheckedOut, VolunteerActivity Activity);

/// <summary>
/// 签到签退: the selected volunteer scans the organiser's rotating code on their phone — the first scan checks in, the next
/// checks out with the travel time they state (excluded, <see cref="ServiceRecord.Claimed"/>); the organiser may record either
/// by hand; a forgotten check-out is closed at the planned end by <see cref="AttendanceAutoClose"/> and flagged for the verifier.
/// </summary>
public sealed class Attendance(AppDbContext db, VolunteerIdentity identity, ActivityPlans plans, FigureBook figures, BusinessClock clock)
{
    /// <summary>Check-in opens an hour before the start and check-out closes an hour after the planned end.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    /// <summary>Whether a moment lies within the activity's attendance window (pure).</summary>
    public static bool InWindow(DateTime startsAt, DateTime endsAt, DateTime at) => at >= startsAt - Margin && at <= endsAt + Margin;

    public const int MaxTravelMinutes = 600;

    public int QrSeconds(VolunteerActivity activity) => ActivityFigures.QrSecondsOn(figures, activity.DivisionCode, clock.Today);

    /// <summary>The code for the organiser's screen now; gives an activity of older data its secret on first use.</summary>
    public async Task<(string Token, int Seconds)> CurrentTokenAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await plans.OwnAsync(activityId, ct);
        if (activity.Status is not (ActivityStatus.Recruiting or ActivityStatus.Closed)) throw AppProblem.Conflict("volunteer_activity_state", "活动未发布、已结束或已取消，不能签到");
        if (activity.CheckInSecret.Length == 0)
        {
            activity.CheckInSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            await db.SaveChangesAsync(ct);
        }
        var seconds = QrSeconds(activity);
        return (CheckInTokens.Make(activity.Id, activity.CheckInSecret, clock.UtcNow, seconds), seconds);
    }

    /// <summary>The activity a scanned token names, checked (forged, expired); read past the scope, the token being the proof.</summary>
    public async Task<VolunteerActivity> ActivityOfTokenAsync(string? token, CancellationToken ct)
    {
        var forged = new AppProblem(400, "volunteer_scan_forged", "签到二维码无效，请扫描活动现场屏幕上的二维码");
        if (CheckInTokens.ActivityOf(token) is not { } id) throw forged;
        var activity = await db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw forged;
        switch (CheckInTokens.Check(token!, activity.Id, activity.CheckInSecret, clock.UtcNow, QrSeconds(activity)))
        {
            case CheckInTokens.Outcome.Forged: throw forged;
            case CheckInTokens.Outcome.Expired: throw new AppProblem(400, "volunteer_scan_expired", "签到二维码已过期，请扫描现场屏幕上的最新二维码");
        }
        return activity;
    }

    /// <summary>The signed-in volunteer's record of the activity a token names (null before check-in).</summary>
    public async Task<(VolunteerActivity Activity, ServiceRecord? Record)> PeekAsync(string? token, CancellationToken ct)
    {
        var activity = await ActivityOfTokenAsync(token, ct);
        var volunteer = await identity.RequireAsync(ct);
        var record = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .FirstOrDefaultAsync(r => r.ActivityId == activity.Id && r.VolunteerId == volunteer.Id, ct);
        return (activity, record);
    }

    public async Task<ScanResult> ScanAsync(string? token, int? travelMinutes, CancellationToken ct)
    {
        var activity = await ActivityOfTokenAsync(token, ct);
        var volunteer = await identity.RequireAsync(ct);
        var record = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .FirstOrDefaultAsync(r => r.ActivityId == activity.Id && r.VolunteerId == volunteer.Id, ct);
        var result = await RecordAsync(activity, volunteer.Id, record, AttendanceSource.QrCode, clock.UtcNow, travelMinutes, ct);
        // the volunteer writes the organiser's record of their own attendance, proven by the code on the organiser's screen
        db.PermitOutOfScopeWrite(result.Record, "志愿者本人扫描活动现场二维码签到签退");
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>The organiser records a check-in or check-out for a selected volunteer (source Organizer).</summary>
    public async Task<ScanResult> ByOrganizerAsync(Guid activityId, Guid volunteerId, bool checkOut, DateTime? atLocal, int? travelMinutes, CancellationToken ct)
    {
        var activity = await plans.OwnAsync(activityId, ct);
        var at = atLocal is { } l ? BusinessClock.FromChina(l) : clock.UtcNow;
        if (at > clock.UtcNow.AddMinutes(5)) throw AppProblem.Field("at", "签到签退时间不能晚于现在");
        var record = await db.Set<ServiceRecord>().FirstOrDefaultAsync(r => r.ActivityId == activity.Id && r.VolunteerId == volunteerId, ct);
        if (checkOut && record is null) throw AppProblem.Conflict("volunteer_not_checked_in", "该志愿者尚未签到，不能签退");
        if (!checkOut && record is not null) throw AppProblem.Conflict("volunteer_already_checked_out", "该志愿者已经签到");
        var result = await RecordAsync(activity, volunteerId, record, AttendanceSource.Organizer, at, travelMinutes, ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task<ScanResult> RecordAsync(VolunteerActivity activity, Guid volunteerId, ServiceRecord? record, AttendanceSource source, DateTime at, int? travelMinutes, CancellationToken ct)
    {
        if (activity.Status is not (ActivityStatus.Recruiting or ActivityStatus.Closed)) throw AppProblem.Conflict("volunteer_scan_outside_window", "活动未发布、已结束或已取消，不能签到签退");
        if (!InWindow(activity.StartsAt, activity.EndsAt, at))
        {
            throw AppProblem.Conflict("volunteer_scan_outside_window", $"签到签退时间为活动开始前1小时至结束后1小时（{BusinessClock.Format(activity.StartsAt - Margin)} 至 {BusinessClock.Format(activity.EndsAt + Margin)}）");
        }
        var selected = await db.Set<VolunteerSignup>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(s => s.ActivityId == activity.Id && s.VolunteerId == volunteerId && s.Status == SignupStatus.Selected, ct);
        if (!selected) throw new AppProblem(403, "volunteer_not_selected", "未被录用参加该活动，不能签到签退");
        if (record is null)
        {
            record = new ServiceRecord
            {
                ActivityId = activity.Id,
                VolunteerId = volunteerId,
                TeamId = activity.TeamId,
                OrganizationId = activity.OrganizationId,
                DivisionCode = activity.DivisionCode,
                Category = activity.Category,
                CheckInAt = at,
                CheckInSource = source,
                Content = activity.Title,
            };
            db.Add(record);
            return new ScanResult(record, false, activity);
        }
        if (record.Status != ServiceRecordStatus.CheckedIn) throw AppProblem.Conflict("volunteer_already_checked_out", "已经签退，本次活动的服务记录已提交核实");
        var travel = travelMinutes ?? 0;
        if (travel is < 0 or > MaxTravelMinutes) throw AppProblem.Field("travelMinutes", $"路途时间应在0至{MaxTravelMinutes}分钟之间");
        if (at < record.CheckInAt) throw AppProblem.Field("at", "签退时间不能早于签到时间");
        CheckOut(record, at, source, travel);
        return new ScanResult(record, true, activity);
    }

    private static void CheckOut(ServiceRecord record, DateTime at, AttendanceSource source, int travel)
    {
        record.CheckOutAt = at;
        record.CheckOutSource = source;
        record.TravelMinutes = travel;
        record.ClaimedMinutes = ServiceRecord.Claimed(record.CheckInAt!.Value, at, travel);
        record.Status = ServiceRecordStatus.Submitted;
    }

    /// <summary>Closes every forgotten check-out of an activity whose planned end has passed, at that end (source AutoClosed).</summary>
    public async Task<int> CloseForgottenAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var open = await (from r in db.Set<ServiceRecord>()
                          join a in db.Set<VolunteerActivity>() on r.ActivityId equals a.Id
                          where r.Status == ServiceRecordStatus.CheckedIn && a.EndsAt <= now
                          select new { r, a.EndsAt }).ToListAsync(ct);
        foreach (var x in open) CheckOut(x.r, x.EndsAt < x.r.CheckInAt!.Value ? x.r.CheckInAt.Value : x.EndsAt, AttendanceSource.AutoClosed, 0);
        await db.SaveChangesAsync(ct);
        return open.Count;
    }
}

/// <summary>
/// Every 15 minutes, as the system (a recurring job of the one kernel queue): a volunteer who forgot to check out is checked
/// out at the activity's planned end, flagged for the organiser (自动签退) who verifies the time.
/// </summary>
public sealed class AttendanceAutoClose(Attendance attendance, ILogger<AttendanceAutoClose> log) : IJobHandler
{
    public const string Kind = "volunteers.attendance-autoclose";
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(50);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var closed = await attendance.CloseForgottenAsync(ct);
        job.Report(1, 1, $"按计划结束时间自动签退 {closed} 人次");
        if (closed > 0) log.LogInformation("Forgotten volunteer check-outs closed at the planned end: {Closed}", closed);
    }
}
