using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>政府购买居家养老服务 (issue 13 item 5): contracts, orders, visit records, monthly settlements, sampling audits.</summary>
public static class HomeCareSetup
{
    public static IServiceCollection AddHomeCare(this IServiceCollection services)
    {
        services.AddScoped<HomeCareContracts>();
        services.AddScoped<HomeCareOrders>();
        services.AddScoped<HomeCareVisits>();
        services.AddScoped<HomeCareSettlements>();
        services.AddScoped<HomeCareAudits>();
        services.AddSingleton<IModuleInitializer, HomeCareInitializer>();
        services.AddScoped<Platform.Registry.IDeathHandler, HomeCareDeathHandler>();
        // county civil affairs, who buy the service, enter its prices and criteria
        services.AddSingleton(new FigureSection(HomeCareFigures.Module, "政府购买居家养老服务", HomeCarePermissions.Manage, [(HomeCareFigures.Module, "居家养老服务")], HomeCareFigures.All));
        services.AddSingleton(new EntitlementProgram(HomeCareSettlements.Program, "政府购买居家养老服务结算"));
        return services;
    }

    public static object ToDto(HomeCareOrder o, bool withCode) => new
    {
        o.Id,
        o.Number,
        o.ContractId,
        providerId = o.OrganizationId,
        o.PersonId,
        o.ElderName,
        o.Address,
        o.DivisionCode,
        services = o.ServiceList.Select(s => new { code = s, name = HomeCareFigures.ServiceName(s) }),
        o.MonthlyHours,
        eligibility = JsonSerializer.Deserialize<List<string>>(o.Eligibility),
        o.FromDate,
        o.ToDate,
        o.Status,
        // the elder's card code: for the township that prints the card, never for the provider who must ask the elder for it
        confirmationCode = withCode ? o.ConfirmationCode : null,
        o.Version,
    };

    public static object ToDto(HomeCareVisit v) => new
    {
        v.Id,
        v.OrderId,
        v.ContractId,
        providerId = v.OrganizationId,
        v.PersonId,
        v.ElderName,
        service = v.ServiceCode,
        serviceName = HomeCareFigures.ServiceName(v.ServiceCode),
        v.CaregiverName,
        v.ServiceDate,
        v.CheckInAt,
        v.CheckInLatitude,
        v.CheckInLongitude,
        v.CheckInAddress,
        v.CheckOutAt,
        v.CheckOutLatitude,
        v.CheckOutLongitude,
        v.CheckOutAddress,
        confirmed = v.ConfirmedBy is not null,
        v.Minutes,
        v.Note,
        missing = HomeCareRules.MissingElements(v),
        payable = HomeCareRules.MissingElements(v).Count == 0 && v.AuditResult != HomeCareAuditResult.Failed,
        v.SettlementId,
        v.AuditId,
        v.AuditResult,
        v.AuditNote,
        v.Version,
    };

    public static object ToDto(HomeCareSettlement s) => new
    {
        s.Id,
        s.Number,
        s.ContractId,
        providerId = s.OrganizationId,
        s.DivisionCode,
        s.Month,
        s.PayMonth,
        s.VisitCount,
        s.ElderCount,
        s.Minutes,
        s.ExcludedCount,
        amount = s.Amount.Yuan,
        explanation = JsonSerializer.Deserialize<List<AmountLine>>(s.Explanation, Platform.Audit.AuditRecorder.Json),
        s.CreatedBy,
        s.CreatedAt,
    };

    public static object ToDto(HomeCareAudit a) => new
    {
        a.Id,
        a.ContractId,
        a.Month,
        a.Seed,
        a.RatePercent,
        a.PopulationCount,
        sample = HomeCareAudits.SampleOf(a),
        replayMatches = HomeCareAudits.Replay(a).SequenceEqual(HomeCareAudits.SampleOf(a)),
        a.DrawnBy,
        a.DrawnAt,
    };

    public static void MapHomeCare(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/home-care");
        var read = Permissions.Policy(HomeCarePermissions.Read);
        var manage = Permissions.Policy(HomeCarePermissions.Manage);
        var order = Permissions.Policy(HomeCarePermissions.Order);
        var visit = Permissions.Policy(HomeCarePermissions.Visit);

        g.MapGet("/contracts", async (int? page, int? pageSize, HomeCareContracts c, CancellationToken ct) =>
        {
            var rows = await c.ListAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("居家养老服务合同（含预算执行、80% 预警），分页");
        g.MapGet("/contracts/{id:guid}", async (Guid id, HomeCareContracts c, CancellationToken ct) => TypedResults.Ok(await c.RowAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("合同详情与预算执行");
        g.MapPost("/contracts", async (ContractInput input, HomeCareContracts c, CancellationToken ct) =>
        {
            var contract = await c.CreateAsync(input, ct: ct);
            return TypedResults.Created($"/api/v1/elderly/home-care/contracts/{contract.Id}", await c.RowAsync(contract.Id, ct));
        }).RequireAuthorization(manage).WithSummary("登记购买服务合同（服务机构、购买方、年度、预算）");

        g.MapGet("/orders", async (Guid? contractId, string? status, int? page, int? pageSize, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var q = db.Set<HomeCareOrder>().AsNoTracking();
            if (contractId is { } cid) q = q.Where(o => o.ContractId == cid);
            if (QueryEnum.Parse<HomeCareOrderStatus>(status, "status") is { } s) q = q.Where(o => o.Status == s);
            var rows = await q.OrderByDescending(o => o.FromDate).ThenByDescending(o => o.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(o => ToDto(o, user.OrganizationId is null)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("服务订单（服务机构账号只见本机构的），分页");
        g.MapGet("/orders/{id:guid}", async (Guid id, HomeCareOrders orders, ICurrentUser user, CancellationToken ct) => TypedResults.Ok(ToDto(await orders.LoadAsync(id, ct), user.OrganizationId is null)))
            .RequireAuthorization(read).WithSummary("订单详情");
        g.MapPost("/orders", async (OrderInput input, HomeCareOrders orders, CancellationToken ct) =>
        {
            var o = await orders.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/home-care/orders/{o.Id}", ToDto(o, true));
        }).RequireAuthorization(order).WithSummary("认定服务对象并下达订单（按配置的条件：特困、低保老人、残疾、高龄、失能；409 home_care_not_eligible）");
        g.MapPost("/orders/{id:guid}/end", async (Guid id, EndOrderInput input, HomeCareOrders orders, CancellationToken ct) => TypedResults.Ok(ToDto(await orders.EndAsync(id, input.ToDate, input.Version, ct), true)))
            .RequireAuthorization(order).WithSummary("终止订单");

        g.MapGet("/visits", async (Guid? orderId, Guid? contractId, DateOnly? month, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var q = db.Set<HomeCareVisit>().AsNoTracking();
            if (orderId is { } oid) q = q.Where(v => v.OrderId == oid);
            if (contractId is { } cid) q = q.Where(v => v.ContractId == cid);
            if (month is { } m)
            {
                var from = Entitlements.MonthOf(m);
                var to = from.AddMonths(1);
                q = q.Where(v => v.ServiceDate >= from && v.ServiceDate < to);
            }
            var rows = await q.OrderByDescending(v => v.CheckInAt).ThenByDescending(v => v.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("服务记录（六要素、确认、是否可结算），分页");
        g.MapPost("/visits/check-in", async (CheckInInput input, HomeCareVisits visits, CancellationToken ct) =>
        {
            var v = await visits.CheckInAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/home-care/visits/{v.Id}", ToDto(v));
        }).RequireAuthorization(visit).WithSummary("签到（服务机构人员；时间取服务器时间，地点取定位或地址）");
        g.MapPost("/visits/{id:guid}/check-out", async (Guid id, CheckOutInput input, HomeCareVisits visits, CancellationToken ct) => TypedResults.Ok(ToDto(await visits.CheckOutAsync(id, input, ct))))
            .RequireAuthorization(visit).WithSummary("签退（服务对象确认码；未确认的记录不予结算）");

        g.MapGet("/settlements", async (Guid? contractId, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var q = db.Set<HomeCareSettlement>().AsNoTracking();
            if (contractId is { } cid) q = q.Where(s => s.ContractId == cid);
            var rows = await q.OrderByDescending(s => s.Month).ThenByDescending(s => s.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("月度结算，分页");
        g.MapPost("/settlements", async (SettleInput input, HomeCareSettlements s, CancellationToken ct) =>
        {
            var settlement = await s.SettleAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/home-care/settlements/{settlement.Id}", ToDto(settlement));
        }).RequireAuthorization(manage).WithSummary("按服务机构月度结算，经发放模块支付给服务机构账户（超出年度预算：409 home_care_over_budget）");

        g.MapPost("/audits", async (DrawInput input, HomeCareAudits audits, CancellationToken ct) =>
        {
            var a = await audits.DrawAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/home-care/audits/{a.Id}", ToDto(a));
        }).RequireAuthorization(manage).WithSummary("服务记录随机抽查（种子、总体、样本留存，可复现）");
        g.MapGet("/audits/{id:guid}", async (Guid id, HomeCareAudits audits, CancellationToken ct) => TypedResults.Ok(ToDto(await audits.LoadAsync(id, ct))))
            .RequireAuthorization(manage).WithSummary("抽查详情（replayMatches：按留存的种子复现样本一致）");
        g.MapPost("/audits/{id:guid}/results", async (Guid id, AuditResultInput input, HomeCareAudits audits, CancellationToken ct) => TypedResults.Ok(ToDto(await audits.RecordAsync(id, input, ct))))
            .RequireAuthorization(manage).WithSummary("登记抽查结论（不合格的记录不予结算）");
    }

    public sealed record EndOrderInput(DateOnly? ToDate, int? Version);
}
