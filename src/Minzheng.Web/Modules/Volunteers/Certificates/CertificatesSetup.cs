using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.Volunteers.Certificates;

/// <summary>
/// Issue 16 item 3 (certificates and stars): 志愿服务记录证明 — the volunteer's request, the organisation's 受理 / 开具 /
/// 不予出具 / 作废, the anonymous QR verification — and the star recompute job.
/// </summary>
public static class CertificatesSetup
{
    public sealed record CertificateDto(Guid Id, string Status, string StatusName, Guid VolunteerId, string VolunteerName, string VolunteerNumber,
        Guid TeamId, string? Number, DateOnly? PeriodFrom, DateOnly? PeriodTo, string Purpose, DateOnly? IssuedOn, string IssuerName, string Head,
        string Handler, string Contact, decimal TotalHours, string? Reason, string? VerifyPath, int Version);

    public sealed record CertificateDetailDto(CertificateDto Certificate, string IdType, string IdNumberMasked, IReadOnlyList<CertificateLine> Lines);

    public static CertificateDto ToDto(VolunteerCertificate c, string name, string number) => new(c.Id, c.Status.ToString().ToLowerInvariant(),
        ServiceCertificates.StatusName(c.Status), c.VolunteerId, name, number, c.TeamId, c.Number, c.PeriodFrom, c.PeriodTo, c.Purpose, c.IssuedOn,
        c.IssuerName, c.Head, c.Handler, c.Contact, c.TotalHours, c.Reason, c.Token is null ? null : ServiceCertificates.VerifyPath(c.Token), c.Version);

    public static IServiceCollection AddVolunteerCertificates(this IServiceCollection services)
    {
        services.AddScoped<ServiceCertificates>();
        services.AddScoped<StarRecompute.Runner>();
        services.AddRecurringJob<StarRecompute>(StarRecompute.Kind, "志愿者星级重算", StarRecompute.Every, StarRecompute.FirstAfter);
        services.AddJobKind<StarRecompute>(StarRecompute.RunNowKind, "志愿者星级重算（手动）", RestartPolicy.Resume);
        return services;
    }

    public static void MapVolunteerCertificates(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/certificates");
        g.MapGet("/", async (string? status, int? page, int? pageSize, ServiceCertificates s, CancellationToken ct) =>
        {
            var rows = await s.ListAsync(QueryEnum.Parse<CertificateStatus>(status, "status"), PageRequest.From(page, pageSize, 20), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(r => ToDto(r.Certificate, r.VolunteerName, r.VolunteerNumber)), total = rows.Total });
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Read)).WithSummary("志愿服务记录证明及其申请（组织账号：本组织的），分页 { items, total }");
        g.MapGet("/{id:guid}", async (Guid id, ServiceCertificates s, CancellationToken ct) => TypedResults.Ok(Detail(await s.ViewAsync(id, ct))))
            .RequireAuthorization(Permissions.Policy(VolunteerPermissions.Read)).WithSummary("一份志愿服务记录证明（打印页的数据）");
        g.MapPost("/", async (IssueCertificateInput input, ServiceCertificates s, CancellationToken ct) =>
        {
            var c = await s.IssueAsync(input, ct);
            return TypedResults.Created($"/api/v1/volunteers/certificates/{c.Id}", Detail(await s.ViewAsync(c.Id, ct)));
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Manage)).WithSummary("组织直接为志愿者开具志愿服务记录证明（本组织已核实的服务记录，免费）");
        g.MapPost("/{id:guid}/accept", async (Guid id, VersionInput input, ServiceCertificates s, CancellationToken ct) =>
        {
            var c = await s.AcceptAsync(id, input, ct);
            return TypedResults.Ok(Detail(await s.ViewAsync(c.Id, ct)));
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Manage)).WithSummary("受理志愿者的证明申请");
        g.MapPost("/{id:guid}/issue", async (Guid id, IssueRequestedInput input, ServiceCertificates s, CancellationToken ct) =>
        {
            var c = await s.IssueRequestedAsync(id, input, ct);
            return TypedResults.Ok(Detail(await s.ViewAsync(c.Id, ct)));
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Manage)).WithSummary("按申请开具志愿服务记录证明");
        g.MapPost("/{id:guid}/decline", async (Guid id, CloseCertificateInput input, ServiceCertificates s, CancellationToken ct) =>
        {
            var c = await s.DeclineAsync(id, input, ct);
            return TypedResults.Ok(Detail(await s.ViewAsync(c.Id, ct)));
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Manage)).WithSummary("不予出具（写明理由）");
        g.MapPost("/{id:guid}/revoke", async (Guid id, CloseCertificateInput input, ServiceCertificates s, CancellationToken ct) =>
        {
            var c = await s.RevokeAsync(id, input, ct);
            return TypedResults.Ok(Detail(await s.ViewAsync(c.Id, ct)));
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Manage)).WithSummary("作废已开具的证明（写明理由，如更正后时长减少）；核验页随即显示已作废");

        // the volunteer's own (phone)
        g.MapGet("/mine", async (ServiceCertificates s, CancellationToken ct) =>
        {
            var rows = await s.MineAsync(ct);
            return TypedResults.Ok(new { items = rows.Select(c => ToDto(c, "", "")), total = rows.Count });
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Self)).WithSummary("本人申请和取得的志愿服务记录证明");
        g.MapPost("/requests", async (CertificateRequestInput input, ServiceCertificates s, CancellationToken ct) =>
        {
            var c = await s.RequestAsync(input, ct);
            return TypedResults.Created($"/api/v1/volunteers/certificates/{c.Id}", ToDto(c, "", ""));
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.Self)).WithSummary("志愿者向组织其服务的组织申请志愿服务记录证明");

        // the anonymous verification behind the QR code (masked; every scan audited)
        api.MapGet("/public/certificates/{token}", async (string token, HttpContext http, ServiceCertificates s, CancellationToken ct) =>
            await s.VerifyAsync(token, http.Connection.RemoteIpAddress?.ToString(), ct) is { } v
                ? TypedResults.Ok(v)
                : throw AppProblem.NotFound("志愿服务记录证明"))
            .AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit)
            .WithSummary("志愿服务记录证明核验（扫码，无需登录；姓名和编号部分隐去）");

        // star recompute on demand (the daily job does the same)
        api.MapPost("/stars/recompute", async (StarRecompute.Runner runner, CancellationToken ct) =>
        {
            var id = await runner.QueueAsync(ct);
            return TypedResults.Accepted($"/api/v1/jobs/{id}", new { id });
        }).RequireAuthorization(Permissions.Policy(VolunteerPermissions.FiguresWrite)).WithSummary("立即按现行星级标准重算全部志愿者的累计时长和星级（排入任务队列）");
    }

    private static CertificateDetailDto Detail(CertificateView v) =>
        new(ToDto(v.Certificate, v.VolunteerName, v.VolunteerNumber), v.IdType, v.IdNumberMasked, v.Lines);
}
