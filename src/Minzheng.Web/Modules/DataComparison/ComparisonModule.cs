using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>数据比对: external datasets imported by file, rules per county, findings handled by the township of the person's hukou.</summary>
public static class ComparisonModule
{
    public static IServiceCollection AddDataComparison(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("data-comparison", typeof(ComparisonModule), "comparison_")
        {
            Permissions = ComparisonPermissions.Declared,
            RoleGrants = ComparisonPermissions.RoleGrants,
            Errors = Contracts.ComparisonErrors.All,
            Navigation = new("data-comparison", "数据比对", "应退尽退、应补尽补：死亡、服刑、车辆、房产、工商、财政供养、残联、扶贫数据比对", "（一）一是推进残疾人", "/comparison", 80),
        });
        foreach (var info in DatasetKinds.All)
        {
            services.AddScoped<IImportKind>(sp => ActivatorUtilities.CreateInstance<DatasetImport>(sp, info));
        }
        services.AddScoped<ComparisonEngine>();
        services.AddScoped<ComparisonRuns>();
        services.AddScoped<Findings>();
        services.AddScoped<ComparisonQueries>();
        services.AddScoped<RuleSettings>();
        services.AddScoped<Contracts.IOpenStopFindings, OpenStopFindingsQuery>();
        services.AddScoped<Contracts.IPovertyRegistryListing, PovertyRegistryListingQuery>();
        services.AddScoped<Platform.Registry.IPersonPanel, ComparisonPersonPanel>();
        services.AddJobKind<ComparisonJob>(ComparisonJob.Kind, "数据比对", RestartPolicy.Fail, ComparisonJob.InterruptedMessage);
        services.AddSingleton<IModuleInitializer, ComparisonInitializer>();
        services.AddScoped<Platform.Tasks.IWorkItemSource, ComparisonWorkItems>();
        return services;
    }

    public static object ToDto(FindingView v) => new
    {
        v.Finding.Id,
        rule = v.Finding.RuleCode,
        ruleName = v.RuleName,
        direction = v.Finding.Direction,
        v.Finding.PersonId,
        personName = v.PersonName,
        idNumber = v.PersonIdMasked,
        v.Finding.DivisionCode,
        divisionName = v.DivisionName,
        v.Finding.CountyCode,
        v.Finding.Program,
        programName = v.ProgramName,
        v.Finding.SourceNumber,
        evidence = v.Evidence,
        source = v.Source,
        v.Finding.EventDate,
        v.Finding.FoundAt,
        ageDays = v.AgeDays,
        v.Finding.Status,
        v.Finding.Action,
        v.Finding.Note,
        v.Finding.Effect,
        v.Finding.ResolvedBy,
        v.Finding.ResolvedAt,
        v.Finding.Version,
    };

    public static void MapDataComparison(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/comparison").WithTags("DataComparison");
        var read = Permissions.Policy(ComparisonPermissions.Read);

        api.MapGet("/findings", async (string? status, string? rule, string? county, string? direction, int? page, int? pageSize, ComparisonQueries queries, Findings findings, CancellationToken ct) =>
        {
            var q = queries.Filter(new FindingFilter(QueryEnum.Parse<FindingStatus>(status, "status"), rule, county, QueryEnum.Parse<FindingDirection>(direction, "direction")));
            var rows = await q.OrderBy(f => f.Status).ThenBy(f => f.FoundAt).ThenBy(f => f.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = (await findings.ViewsAsync([.. rows.Items], ct)).Select(ToDto), total = rows.Total, page = rows.Page, pageSize = rows.PageSize });
        }).RequireAuthorization(read).WithSummary("比对线索（管辖范围内：乡镇看到户籍在本乡镇的人员），可按状态、规则、县、应退/应补筛选");

        api.MapGet("/findings/{id:long}", async (long id, Findings findings, CancellationToken ct) =>
        {
            var f = await findings.LoadAsync(id, ct);
            var view = (await findings.ViewsAsync([f], ct))[0];
            return TypedResults.Ok(new { finding = ToDto(view), actions = findings.AvailableActions(f) });
        }).RequireAuthorization(read).WithSummary("线索详情：比对依据（数据来源、版本、行号）、可选的处置方式");

        api.MapPost("/findings/{id:long}/confirm", async (long id, ConfirmInput input, Findings findings, CancellationToken ct) =>
        {
            var f = await findings.ConfirmAsync(id, input, ct);
            return TypedResults.Ok(ToDto((await findings.ViewsAsync([f], ct))[0]));
        }).RequireAuthorization(Permissions.Policy(ComparisonPermissions.Resolve))
            .WithSummary("核实属实：暂停发放 / 终止 / 停发并追缴（由该项待遇所属业务办理，同一事务）或启动申请；须填写核实情况");

        api.MapPost("/findings/{id:long}/dismiss", async (long id, DismissInput input, Findings findings, CancellationToken ct) =>
        {
            var f = await findings.DismissAsync(id, input, ct);
            return TypedResults.Ok(ToDto((await findings.ViewsAsync([f], ct))[0]));
        }).RequireAuthorization(Permissions.Policy(ComparisonPermissions.Resolve)).WithSummary("核实不属实：排除并写明理由");

        api.MapGet("/findings.xlsx", async (string? status, string? rule, string? county, string? direction, ComparisonQueries queries, Findings findings, CancellationToken ct) =>
        {
            var q = queries.Filter(new FindingFilter(QueryEnum.Parse<FindingStatus>(status, "status"), rule, county, QueryEnum.Parse<FindingDirection>(direction, "direction")));
            var rows = await q.OrderBy(f => f.CountyCode).ThenBy(f => f.RuleCode).ThenBy(f => f.Id).Take(100_000).ToListAsync(ct);
            var views = new List<FindingView>();
            foreach (var chunk in rows.Chunk(1000)) views.AddRange(await findings.ViewsAsync(chunk, ct));
            return Results.File(await ExcelAsync(views, ct), RegistryApi.XlsxContentType, $"数据比对线索-{DateTime.Now:yyyyMMddHHmm}.xlsx");
        }).RequireAuthorization(read).WithSummary("导出线索（Excel，身份证号脱敏）");

        api.MapGet("/dashboard", async (ComparisonQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DashboardAsync(ct)))
            .RequireAuthorization(read).WithSummary("各县、各规则的线索数量和待核实线索的时长分布（0–7、8–30、31–90、90 天以上）");

        api.MapGet("/rules", () => TypedResults.Ok(ComparisonRules.All))
            .RequireAuthorization(read).WithSummary("比对规则：编号、名称、说明、依据");
        api.MapGet("/rules/{county}", async (string county, RuleSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ForCountyAsync(county, ct)))
            .RequireAuthorization(read).WithSummary("某县各规则的启停状态和参数");
        api.MapPut("/rules/{county}/{code}", async (string county, string code, RuleSettingInput input, RuleSettings settings, CancellationToken ct) =>
                TypedResults.Ok(await settings.SetAsync(county, code, input, ct)))
            .RequireAuthorization(Permissions.Policy(ComparisonPermissions.Run)).WithSummary("按县启停规则、设置参数（如豁免车型）");

        api.MapGet("/datasets", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<ComparisonDataset>().AsNoTracking().OrderBy(d => d.Kind).ThenByDescending(d => d.Version).ThenBy(d => d.Id)
                    .ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("已导入的比对数据（来源、截至日期、版本、行数），分页 { items, total }");

        api.MapPost("/runs", async (ComparisonRuns runs, CancellationToken ct) =>
        {
            var run = await runs.StartAsync(ct);
            return TypedResults.Accepted($"/api/v1/comparison/runs/{run.Id}", new { run.Id, run.Status });
        }).RequireAuthorization(Permissions.Policy(ComparisonPermissions.Run)).WithSummary("执行比对（本县或全市各县，后台执行）");

        api.MapGet("/runs/{id:guid}", async (Guid id, AppDbContext db, JobQueue jobs, CancellationToken ct) =>
        {
            var run = await db.Set<ComparisonRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (run is null) return Problems.Result(404, "not_found", "比对任务不存在或不在您的管辖范围内");
            var p = run.Status == RunStatus.Running ? await jobs.ActiveAsync(id, ct) : null;
            return TypedResults.Ok(new
            {
                run.Id,
                status = run.Status.ToString(),
                done = run.Status != RunStatus.Running,
                processed = p?.Done,
                total = p?.Total,
                run.NewFindings,
                run.Message,
                report = System.Text.Json.JsonDocument.Parse(run.ReportJson).RootElement,
            });
        }).RequireAuthorization(read).WithSummary("比对任务进度和各规则结果");
    }

    internal static async Task<MemoryStream> ExcelAsync(IEnumerable<FindingView> views, CancellationToken ct)
    {
        var rows = views.Select(v => new Dictionary<string, object?>
        {
            ["编号"] = v.Finding.Id,
            ["类别"] = ComparisonRules.DirectionName(v.Finding.Direction),
            ["规则"] = v.RuleName,
            ["姓名"] = v.PersonName,
            ["身份证号"] = v.PersonIdMasked,
            ["户籍地"] = v.DivisionName,
            ["待遇"] = v.ProgramName,
            ["业务编号"] = v.Finding.SourceNumber,
            ["比对依据"] = v.Evidence,
            ["数据来源"] = v.Source,
            ["发现时间"] = Platform.Time.BusinessClock.Format(v.Finding.FoundAt),
            ["已发现天数"] = v.AgeDays,
            ["状态"] = ComparisonRules.StatusName(v.Finding.Status),
            ["处置"] = v.Finding.Action is { } a ? ComparisonRules.ActionName(a) : "",
            ["核实情况或排除理由"] = v.Finding.Note,
            ["处置结果"] = v.Finding.Effect,
            ["处理人"] = v.Finding.ResolvedBy,
        });
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}
