using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>福康工程 (issue 20 item 1): catalogue and budget, eligible list, the fitting process, supplier settlement through payments.</summary>
public static class FukangSetup
{
    public static IServiceCollection AddFukang(this IServiceCollection services)
    {
        services.AddScoped<FukangCatalogue>();
        services.AddScoped<FukangEligibilityQuery>();
        services.AddScoped<FukangApplications>();
        services.AddScoped<FukangSummary>();
        services.AddSingleton(FukangProcess.Model);
        services.AddSingleton<IModuleInitializer, FukangInitializer>();
        services.AddSingleton(new EntitlementProgram(FukangApplications.Program, "福康工程辅具费结算"));
        // the county 民政局, which holds the catalogue and the budget, sets the groups served
        services.AddSingleton(new FigureSection(FukangFigures.Module, "福康工程救助对象范围", FukangPermissions.Manage, [(FukangFigures.Module, "福康工程")], FukangFigures.All));
        return services;
    }

    public sealed record ActionBody(int? Version, string? Opinion, DateOnly? FittedOn, string? FittingNote, DateOnly? ConfirmedOn, string? SignedBy, string? SignerName,
        DateOnly? VisitedOn, bool? InUse, string? Note);

    public static void MapFukang(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(DisabilityPermissions.Read);
        var manage = Permissions.Policy(FukangPermissions.Manage);
        var g = api.MapGroup("/fukang");

        g.MapGet("/devices", async (int? year, int? page, int? pageSize, FukangCatalogue c, CancellationToken ct) =>
            {
                var paged = await c.Devices(year).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = paged.Items.Select(FukangCatalogue.ToDto), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("福康工程辅具目录（本县；按年度；分页 { items, total }）");
        g.MapPost("/devices", async (FukangDeviceInput input, FukangCatalogue c, CancellationToken ct) =>
            {
                var d = await c.AddDeviceAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/disability/fukang/devices/{d.Id}", FukangCatalogue.ToDto(d));
            })
            .RequireAuthorization(manage).WithSummary("登记目录项：县、年度、类型代码、名称、单价（元）、更换周期（月）、供应商（县内已登记组织）、文号；同县同年同类 409");
        g.MapGet("/devices/{id:guid}", async (Guid id, FukangCatalogue c, CancellationToken ct) => TypedResults.Ok(FukangCatalogue.ToDto(await c.LoadDeviceAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("一个目录项");
        g.MapPut("/devices/{id:guid}", async (Guid id, FukangDeviceUpdate input, FukangCatalogue c, CancellationToken ct) => TypedResults.Ok(FukangCatalogue.ToDto(await c.UpdateDeviceAsync(id, input, ct))))
            .RequireAuthorization(manage).WithSummary("修改目录项的单价、更换周期、供应商、文号（version；已评估的申请不受影响）");

        g.MapGet("/budgets", async (int? year, int? page, int? pageSize, FukangCatalogue c, CancellationToken ct) =>
            {
                var paged = await c.Budgets(year).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = paged.Items.Select(FukangCatalogue.ToDto), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("福康工程年度预算（分页 { items, total }）");
        g.MapPost("/budgets", async (FukangBudgetInput input, FukangCatalogue c, CancellationToken ct) =>
            {
                var b = await c.AddBudgetAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/disability/fukang/budgets/{b.Id}", FukangCatalogue.ToDto(b));
            })
            .RequireAuthorization(manage).WithSummary("登记县级年度预算（元）；同县同年 409");
        g.MapPut("/budgets/{id:guid}", async (Guid id, FukangBudgetUpdate input, FukangCatalogue c, CancellationToken ct) => TypedResults.Ok(FukangCatalogue.ToDto(await c.UpdateBudgetAsync(id, input, ct))))
            .RequireAuthorization(manage).WithSummary("调整年度预算（version；过期版本 409）");

        g.MapGet("/eligible", async (string? q, int? page, int? pageSize, FukangEligibilityQuery e, CancellationToken ct) =>
            {
                var paged = await e.ListAsync(q, PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = paged.Items, total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("管辖范围内的福康工程救助对象（持证肢体残疾人，属低保家庭、特困人员或建档立卡贫困户，范围按标准库），含已配发辅具；分页");

        g.MapGet("/applications", async (string? status, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
            {
                var query = db.Set<FukangApplication>().AsNoTracking();
                if (QueryEnum.Parse<FukangStatus>(status, "status") is { } s) query = query.Where(a => a.Status == s);
                var paged = await query.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = paged.Items.Select(a => FukangApplications.ToDto(a)), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("福康工程申请（管辖范围内；status 过滤；分页）");
        g.MapPost("/applications", async (FukangAssessInput input, FukangApplications apps, CancellationToken ct) =>
            {
                var a = await apps.AssessAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/disability/fukang/applications/{a.Id}", FukangApplications.ToDto(a));
            })
            .RequireAuthorization(Permissions.Policy(FukangPermissions.Assess))
            .WithSummary("乡镇需求评估（personId、deviceId、note、assessedOn）：非救助对象 409 disability_fukang_not_eligible；更换周期内 409 disability_fukang_replacement_period（写明可再次申请的日期）；同类在办 409");
        g.MapGet("/applications/{id:guid}", async (Guid id, FukangApplications apps, CancellationToken ct) =>
                TypedResults.Ok(FukangApplications.ToDto(await apps.LoadAsync(id, ct), await apps.TimelineAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("申请详情（含流程记录）");
        g.MapPost("/applications/{id:guid}/actions/{action}", async (Guid id, string action, ActionBody b, FukangApplications apps, CancellationToken ct) =>
                TypedResults.Ok(FukangApplications.ToDto(await apps.PerformAsync(id, action,
                    new FukangActionInput(b.Version, b.Opinion, b.FittedOn, b.FittingNote, b.ConfirmedOn, b.SignedBy, b.SignerName, b.VisitedOn, b.InUse, b.Note), ct))))
            .RequireAuthorization(read)
            .WithSummary("办理：approve 县级审批（超出剩余预算 409 disability_fukang_over_budget）、refuse 不同意（opinion）、fit 适配（fittedOn、fittingNote）、confirm 本人确认（confirmedOn、signedBy self|guardian、signerName；向供应商结算）、follow-up 回访（visitedOn、inUse、note）；均须 version");

        g.MapGet("/summary", async (int? year, FukangSummary s, BusinessClock clock, CancellationToken ct) =>
            {
                var items = await s.ForYearAsync(year ?? clock.Today.Year, ct);
                return TypedResults.Ok(new { items, total = items.Count });
            })
            .RequireAuthorization(read).WithSummary("各县福康工程配发数量与资金（已适配、已审批金额、已结算金额、预算、剩余）");
    }
}
