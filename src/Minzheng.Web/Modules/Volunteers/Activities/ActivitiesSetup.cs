using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>Projects, activities, sign-ups, QR check-in and check-out, verification and corrections (issue 16 item 2).</summary>
public static class ActivitiesSetup
{
    public sealed record VersionBody(int? Version);

    public sealed record DecisionBody(string? Note, int? Version);

    public sealed record SignupBody(bool? RisksAcknowledged);

    public sealed record ScanBody(string? Token, int? TravelMinutes);

    public sealed record AttendanceBody(Guid? VolunteerId, string? Action, DateTime? At, int? TravelMinutes);

    public sealed record VerifyBody(int? VerifiedMinutes, string? Note, int? Version);

    public sealed record RejectBody(string? Reason, int? Version);

    public sealed record CorrectionBody(int? RequestedMinutes, string? Reason);

    public sealed record AnswerBody(string? Answer, int? Version);

    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityPlans>();
        services.AddScoped<SignUps>();
        services.AddScoped<Attendance>();
        services.AddScoped<Corrections>();
        services.AddScoped<ActivityQueries>();
        services.AddSingleton<Platform.Data.IModuleInitializer, ActivitiesInitializer>();
        services.AddRecurringJob<AttendanceAutoClose>(AttendanceAutoClose.Kind, "志愿服务活动未签退的按计划结束时间自动签退", AttendanceAutoClose.Every, AttendanceAutoClose.FirstAfter);
        return services;
    }

    public static void MapActivities(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(VolunteerPermissions.Read);
        var manage = Permissions.Policy(VolunteerPermissions.Manage);
        var self = Permissions.Policy(VolunteerPermissions.Self);

        api.MapGet("/projects", async (int? page, int? pageSize, Platform.Data.AppDbContext db, CancellationToken ct) =>
        {
            var paged = await db.Set<Activities.VolunteerProject>().OrderByDescending(p => p.StartsOn).ThenBy(p => p.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = paged.Items.Select(ToDto), total = paged.Total });
        }).RequireAuthorization(read).WithSummary("志愿服务项目，分页 { items, total }");
        api.MapPost("/projects", async (ProjectInput? input, ActivityPlans plans, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await plans.SaveProjectAsync(null, input ?? new(null, null, null, null, null, null), ct))))
            .RequireAuthorization(manage).WithSummary("新建志愿服务项目（组织账号）");
        api.MapPut("/projects/{id:guid}", async (Guid id, ProjectInput? input, ActivityPlans plans, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await plans.SaveProjectAsync(id, input ?? new(null, null, null, null, null, null), ct))))
            .RequireAuthorization(manage).WithSummary("修改志愿服务项目（version 过期 409）");

        api.MapGet("/activities", async (string? status, int? page, int? pageSize, ActivityQueries queries, CancellationToken ct) =>
        {
            var paged = await queries.Activities(status).ToPagedAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = paged.Items.Select(ToDto), total = paged.Total });
        }).RequireAuthorization(read).WithSummary("志愿服务活动（status: draft/recruiting/closed/finished/cancelled），分页 { items, total }");
        api.MapGet("/activities/{id:guid}", async (Guid id, ActivityQueries queries, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(queries.Activities(null), a => a.Id == id, ct) ?? throw AppProblem.NotFound("志愿服务活动"))))
            .RequireAuthorization(read).WithSummary("一次志愿服务活动");
        api.MapPost("/activities", async (ActivityInput? input, ActivityPlans plans, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await plans.SaveAsync(null, input ?? EmptyActivity, ct))))
            .RequireAuthorization(manage).WithSummary("新建志愿服务活动（草稿；时间为北京时间）");
        api.MapPut("/activities/{id:guid}", async (Guid id, ActivityInput? input, ActivityPlans plans, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await plans.SaveAsync(id, input ?? EmptyActivity, ct))))
            .RequireAuthorization(manage).WithSummary("修改志愿服务活动（version 过期 409）");
        api.MapPost("/activities/{id:guid}/{action:regex(^(publish|close|finish|cancel)$)}", async (Guid id, string action, VersionBody? body, ActivityPlans plans, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await plans.TransitionAsync(id, action, body?.Version, ct))))
            .RequireAuthorization(manage).WithSummary("发布招募（须已告知风险）、结束招募、结束活动、取消");

        api.MapGet("/activities/{id:guid}/signups", async (Guid id, ActivityPlans plans, ActivityQueries queries, CancellationToken ct) =>
        {
            await plans.OwnAsync(id, ct);
            var rows = await queries.SignupsAsync(id, ct);
            return TypedResults.Ok(new { items = rows.Select(ToDto), total = rows.Count });
        }).RequireAuthorization(manage).WithSummary("活动的报名（组织账号），{ items, total }");
        api.MapPost("/activities/{id:guid}/signup", async (Guid id, SignupBody? body, SignUps signUps, CancellationToken ct) =>
        {
            var s = await signUps.SignUpAsync(id, body?.RisksAcknowledged == true, ct);
            return TypedResults.Ok(new { s.Id, status = s.Status.ToString().ToLowerInvariant(), s.Version });
        }).RequireAuthorization(self).WithSummary("本人报名活动（须确认已阅读风险提示）");
        api.MapPost("/signups/{id:guid}/{decision:regex(^(select|decline)$)}", async (Guid id, string decision, DecisionBody? body, SignUps signUps, CancellationToken ct) =>
        {
            var s = await signUps.DecideAsync(id, decision == "select", body?.Note, body?.Version, ct);
            return TypedResults.Ok(new { s.Id, status = s.Status.ToString().ToLowerInvariant(), s.Version });
        }).RequireAuthorization(manage).WithSummary("录用或不录用一个报名（不录用须说明理由）");

        api.MapGet("/activities/{id:guid}/qr-token", async (Guid id, Attendance attendance, CancellationToken ct) =>
        {
            var (token, seconds) = await attendance.CurrentTokenAsync(id, ct);
            return TypedResults.Ok(new { token, url = ScanUrl(token), seconds });
        }).RequireAuthorization(manage).WithSummary("当前的签到二维码内容（每隔若干秒更换）");
        api.MapPost("/scan", async (ScanBody? body, Attendance attendance, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await attendance.ScanAsync(body?.Token, body?.TravelMinutes, ct))))
            .RequireAuthorization(self).WithSummary("本人扫码签到；再次扫码签退（可填写包含在内的路途时间，予以扣除）");
        api.MapPost("/activities/{id:guid}/attendance", async (Guid id, AttendanceBody? body, Attendance attendance, CancellationToken ct) =>
        {
            if (body?.VolunteerId is not { } volunteerId) throw AppProblem.Field("volunteerId", "请选择志愿者");
            if (body.Action is not ("in" or "out")) throw AppProblem.Field("action", "操作应为 in（签到）或 out（签退）");
            return TypedResults.Ok(ToDto(await attendance.ByOrganizerAsync(id, volunteerId, body.Action == "out", body.At, body.TravelMinutes, ct)));
        }).RequireAuthorization(manage).WithSummary("组织方代为签到或签退（时间为北京时间，缺省为现在）");

        api.MapGet("/records", async (string? status, int? page, int? pageSize, ActivityQueries queries, CancellationToken ct) =>
        {
            var s = status is null ? ServiceRecordStatus.Submitted
                : Enum.TryParse<ServiceRecordStatus>(status, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw AppProblem.Field("status", "状态应为 checkedin、submitted、verified 或 rejected");
            var p = PageRequest.From(page, pageSize, 50);
            var (items, total) = await queries.RecordsAsync(s, p.Page, p.PageSize, ct);
            return TypedResults.Ok(new { items = items.Select(ToDto), total });
        }).RequireAuthorization(read).WithSummary("服务记录（缺省为待核实），含申报时长、路途时间和提示，分页 { items, total }");
        api.MapPost("/records/{id:guid}/verify", async (Guid id, VerifyBody? body, ServiceVerification verification, CancellationToken ct) =>
        {
            var r = await verification.VerifyAsync(id, new VerifyServiceInput(body?.VerifiedMinutes, body?.Note, body?.Version ?? throw AppProblem.Field("version", "缺少版本号")), ct);
            return TypedResults.Ok(new { r.Id, status = r.Status.ToString().ToLowerInvariant(), r.VerifiedMinutes, r.Version });
        }).RequireAuthorization(manage).WithSummary("核实服务时长（可核减，不超过申报时长；version 过期 409）");
        api.MapPost("/records/{id:guid}/reject", async (Guid id, RejectBody? body, ServiceVerification verification, CancellationToken ct) =>
        {
            var r = await verification.RejectAsync(id, new RejectServiceInput(body?.Reason, body?.Version ?? throw AppProblem.Field("version", "缺少版本号")), ct);
            return TypedResults.Ok(new { r.Id, status = r.Status.ToString().ToLowerInvariant(), r.Version });
        }).RequireAuthorization(manage).WithSummary("不予认定（须说明理由；version 过期 409）");

        api.MapPost("/records/{id:guid}/corrections", async (Guid id, CorrectionBody? body, Corrections corrections, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await corrections.RequestAsync(id, body?.RequestedMinutes, body?.Reason, ct))))
            .RequireAuthorization(self).WithSummary("本人申请更正服务时长");
        api.MapGet("/corrections", async (ActivityQueries queries, CancellationToken ct) =>
        {
            var rows = await queries.CorrectionsAsync(CorrectionStatus.Requested, ct);
            return TypedResults.Ok(new { items = rows.Select(r => ToDto(r.Correction)), total = rows.Count });
        }).RequireAuthorization(manage).WithSummary("待处理的更正申请（组织账号），{ items, total }");
        api.MapPost("/corrections/{id:guid}/{decision:regex(^(accept|refuse)$)}", async (Guid id, string decision, AnswerBody? body, Corrections corrections, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await corrections.DecideAsync(id, decision == "accept", body?.Answer, body?.Version, ct))))
            .RequireAuthorization(manage).WithSummary("同意更正（时长、星级、时间银行随之变更）或不予更正（须说明理由）");
    }

    private static readonly ActivityInput EmptyActivity = new(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The URL the QR code carries: the volunteer's phone page that checks in or out.</summary>
    public static string ScanUrl(string token) => "/volunteer/scan?t=" + Uri.EscapeDataString(token);

    private static string Local(DateTime utc) => BusinessClock.ToChina(utc).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static object ToDto(VolunteerProject p) => new
    {
        p.Id,
        p.Title,
        category = p.Category.ToString().ToLowerInvariant(),
        p.StartsOn,
        p.EndsOn,
        p.Description,
        p.Version,
    };

    public static object ToDto(VolunteerActivity a) => new
    {
        a.Id,
        a.Number,
        a.TeamId,
        a.ProjectId,
        a.Title,
        a.Description,
        category = a.Category.ToString().ToLowerInvariant(),
        a.Place,
        startsAt = Local(a.StartsAt),
        endsAt = Local(a.EndsAt),
        a.RiskDisclosure,
        a.MinAge,
        a.MaxAge,
        a.AbilityRequirements,
        a.Capacity,
        status = a.Status.ToString().ToLowerInvariant(),
        a.Version,
    };

    public static object ToDto(SignupRow s) => new
    {
        s.Signup.Id,
        s.Signup.VolunteerId,
        s.VolunteerNumber,
        s.Name,
        status = s.Signup.Status.ToString().ToLowerInvariant(),
        s.Signup.DecisionNote,
        s.Signup.Version,
        checkInAt = s.Record?.CheckInAt is { } i ? Local(i) : null,
        checkOutAt = s.Record?.CheckOutAt is { } o ? Local(o) : null,
    };

    public static object ToDto(ScanResult r) => new
    {
        r.Record.Id,
        activityId = r.Activity.Id,
        checkedOut = r.CheckedOut,
        status = r.Record.Status.ToString().ToLowerInvariant(),
        checkInAt = r.Record.CheckInAt is { } i ? Local(i) : null,
        checkOutAt = r.Record.CheckOutAt is { } o ? Local(o) : null,
        r.Record.TravelMinutes,
        r.Record.ClaimedMinutes,
        r.Record.Version,
    };

    public static object ToDto(RecordRow r) => new
    {
        r.Record.Id,
        r.ActivityNumber,
        r.ActivityTitle,
        r.VolunteerNumber,
        r.Name,
        status = r.Record.Status.ToString().ToLowerInvariant(),
        checkInAt = r.Record.CheckInAt is { } i ? Local(i) : null,
        checkOutAt = r.Record.CheckOutAt is { } o ? Local(o) : null,
        r.Record.TravelMinutes,
        r.Record.ClaimedMinutes,
        r.Record.VerifiedMinutes,
        r.Flags,
        r.Record.Version,
    };

    public static object ToDto(ServiceCorrection c) => new
    {
        c.Id,
        c.RecordId,
        c.RequestedMinutes,
        c.PreviousMinutes,
        c.Reason,
        status = c.Status.ToString().ToLowerInvariant(),
        c.Answer,
        c.Version,
    };
}
