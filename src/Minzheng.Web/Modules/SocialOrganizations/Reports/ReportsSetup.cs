using System.Globalization;
using MiniExcelLibs;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>Annual reports and inspection (issue 14 item 2): services, the daily overdue sweep, and the API under /reports.</summary>
public static class ReportsSetup
{
    public sealed record VersionBody(int? Version);

    public sealed record ReturnBody(int? Version, string? Reason);

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<AnnualReports>();
        services.AddScoped<IPublicFactSource, ReportPublicFacts>();
        services.AddScoped<IOrganizationPanel, ReportsOrganizationPanel>();
        services.AddScoped<IWorkItemSource, ReportWorkItems>();
        services.AddSingleton<Platform.Data.IModuleInitializer, ReportsInitializer>();
        services.AddRecurringJob<ReportOverdueSweep>(ReportOverdueSweep.Kind, "社会组织年报逾期列入活动异常名录", ReportOverdueSweep.Every, ReportOverdueSweep.FirstAfter);
        return services;
    }

    public static void MapReports(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reports");
        var read = Permissions.Policy(ReportsPermissions.Read);
        var file = Permissions.Policy(ReportsPermissions.File);
        var review = Permissions.Policy(ReportsPermissions.Review);

        g.MapGet("/", async (int? year, string? status, int? page, int? pageSize, AnnualReports reports, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var y = year ?? clock.Today.Year - 1;
            var rows = AnnualReports.Filter(await reports.ListAsync(y, ct), status).ToList();
            var paged = rows.ToPaged(PageRequest.From(page, pageSize, 50));
            return TypedResults.Ok(new { items = paged.Items.Select(ToDto), total = paged.Total });
        }).RequireAuthorization(read).WithSummary("某年度社会组织年度工作报告报送情况（status: all/due/overdue/submitted/filed/concluded/exempt），分页 { items, total }");

        g.MapGet("/export", async (int? year, string? status, AnnualReports reports, DivisionDirectory divisions, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var y = year ?? clock.Today.Year - 1;
            var rows = AnnualReports.Filter(await reports.ListAsync(y, ct), status).ToList();
            var sheet = rows.Select((r, i) => new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["名称"] = r.Name,
                ["统一社会信用代码"] = r.CreditCode,
                ["类型"] = SocialOrganizationKinds.Name(r.Kind),
                ["登记管理机关"] = r.Level == RegistrationLevel.City ? "市级" : "县级",
                ["所在地"] = divisions.NameOf(r.DivisionCode),
                ["报送截止日"] = r.Due.Exempt ? "免于报送" : r.Due.SubmitBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["状态"] = r.Status is { } s ? ReportLabels.Name(s) : r.Due.Exempt ? "免于报送" : "未填报",
                ["报送日期"] = r.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["逾期未报"] = r.Overdue ? "是" : "否",
                ["年检结论"] = r.Conclusion is { } c ? ReportLabels.Name(c) : null,
                ["结论日期"] = r.ConcludedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["处理"] = ReportSanctions.Names(r.Sanctions),
            }).ToList();
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(sheet, sheetName: $"{y}年度年报", cancellationToken: ct);
            return TypedResults.File(stream.ToArray(), RegistryApi.XlsxContentType, $"社会组织{y}年度工作报告-{clock.Today:yyyyMMdd}.xlsx");
        }).RequireAuthorization(read).WithSummary("导出某年度社会组织年度工作报告报送情况（xlsx）");

        g.MapGet("/{organizationId:guid}/{year:int}", async (Guid organizationId, int year, AnnualReports reports, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await reports.LoadAsync(organizationId, year, ct))))
            .RequireAuthorization(read).WithSummary("一个社会组织某年度的工作报告、截止日和年检结论");

        g.MapPut("/{organizationId:guid}/{year:int}", async (Guid organizationId, int year, ReportInput? input, AnnualReports reports, CancellationToken ct) =>
        {
            await reports.SaveDraftAsync(organizationId, year, input ?? new ReportInput(), ct);
            return TypedResults.Ok(ToDto(await reports.LoadAsync(organizationId, year, ct)));
        }).RequireAuthorization(file).WithSummary("保存年度工作报告草稿（本组织账号；version 过期 409）");

        g.MapPost("/{organizationId:guid}/{year:int}/submit", async (Guid organizationId, int year, VersionBody? body, AnnualReports reports, CancellationToken ct) =>
        {
            await reports.SubmitAsync(organizationId, year, body?.Version, ct);
            return TypedResults.Ok(ToDto(await reports.LoadAsync(organizationId, year, ct)));
        }).RequireAuthorization(file).WithSummary("报送年度工作报告到登记管理机关");

        g.MapPost("/{organizationId:guid}/{year:int}/return", async (Guid organizationId, int year, ReturnBody? body, AnnualReports reports, CancellationToken ct) =>
        {
            await reports.ReturnAsync(organizationId, year, body?.Version, body?.Reason, ct);
            return TypedResults.Ok(ToDto(await reports.LoadAsync(organizationId, year, ct)));
        }).RequireAuthorization(review).WithSummary("退回补正（登记管理机关）");

        g.MapPost("/{organizationId:guid}/{year:int}/conclude", async (Guid organizationId, int year, ConcludeInput? body, AnnualReports reports, CancellationToken ct) =>
        {
            await reports.ConcludeAsync(organizationId, year, body ?? new ConcludeInput(), ct);
            return TypedResults.Ok(ToDto(await reports.LoadAsync(organizationId, year, ct)));
        }).RequireAuthorization(review).WithSummary("作出年检结论（合格/基本合格/不合格）和处理（登记管理机关）");
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDto(ReportListRow r) => new
    {
        r.OrganizationId,
        r.Name,
        r.CreditCode,
        kind = SocialOrganizationKinds.FigureCategory(r.Kind),
        level = r.Level == RegistrationLevel.City ? "city" : "county",
        r.DivisionCode,
        exempt = r.Due.Exempt,
        reviewBy = Iso(r.Due.ReviewBy),
        submitBy = Iso(r.Due.SubmitBy),
        status = r.Status is { } s ? ReportLabels.Code(s) : null,
        submittedOn = Iso(r.SubmittedOn),
        r.Overdue,
        conclusion = r.Conclusion is { } c ? ReportLabels.Code(c) : null,
        concludedOn = Iso(r.ConcludedOn),
        sanctions = ReportSanctions.Split(r.Sanctions),
    };

    public static object ToDto(ReportView v) => new
    {
        organizationId = v.Organization.Id,
        name = v.Organization.Organization.Name,
        v.Year,
        exempt = v.Due.Exempt,
        reviewBy = Iso(v.Due.ReviewBy),
        submitBy = Iso(v.Due.SubmitBy),
        needsPreReview = v.NeedsPreReview,
        status = v.Report is { } r ? ReportLabels.Code(r.Status) : null,
        version = v.Report?.Version,
        submittedOn = Iso(v.Report?.SubmittedOn),
        returnedOn = Iso(v.Report?.ReturnedOn),
        returnReason = v.Report?.ReturnReason,
        conclusion = v.Report?.Conclusion is { } c ? ReportLabels.Code(c) : null,
        concludedOn = Iso(v.Report?.ConcludedOn),
        conclusionReasons = v.Report?.ConclusionReasons,
        sanctions = ReportSanctions.Split(v.Report?.Sanctions),
        sanctionDocument = v.Report?.SanctionDocument,
        form = v.Report is { } row ? AnnualReports.ToInput(row) : null,
    };
}
