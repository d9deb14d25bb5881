using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Counselling;

/// <summary>婚姻家庭辅导购买服务 (issue 15 item 3): contracts, anonymised sessions, monthly settlement through payments.</summary>
public static class CounsellingSetup
{
    public static IServiceCollection AddCounselling(this IServiceCollection services)
    {
        services.AddScoped<CounsellingPurchase>();
        services.AddSingleton<IModuleInitializer, CounsellingInitializer>();
        services.AddSingleton(new EntitlementProgram(CounsellingPurchase.Program, "政府购买婚姻家庭辅导服务结算"));
        return services;
    }

    public static void MapCounselling(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(MarriagePermissions.Read);
        var manage = Permissions.Policy(CounsellingPermissions.Manage);
        var g = api.MapGroup("/counselling");
        g.MapGet("/codes", () => TypedResults.Ok(new { types = CounsellingCodes.Types, topics = CounsellingCodes.Topics }))
            .RequireAuthorization(read).WithSummary("辅导类型与主题类别（固定列表）");

        g.MapGet("/contracts", async (int? page, int? pageSize, AppDbContext db, CounsellingPurchase purchase, CancellationToken ct) =>
            {
                var paged = await db.Set<CounsellingContract>().AsNoTracking().OrderByDescending(c => c.ValidFrom).ThenBy(c => c.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = await purchase.ViewsAsync(paged.Items, ct), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("婚姻家庭辅导购买合同（含已结算、剩余预算；分页 { items, total }）");

        g.MapPost("/contracts", async (CounsellingContractInput input, CounsellingPurchase purchase, CancellationToken ct) =>
            {
                var c = await purchase.CreateContractAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/marriage/counselling/contracts/{c.Id}", await purchase.ViewAsync(c, ct));
            })
            .RequireAuthorization(manage).WithSummary("登记购买合同：服务机构（已登记组织）、购买方区划、服务期、预算、每次单价（元）");

        g.MapGet("/contracts/{id:guid}", async (Guid id, CounsellingPurchase purchase, CancellationToken ct) => TypedResults.Ok(await purchase.ViewAsync(await purchase.LoadAsync(id, ct), ct)))
            .RequireAuthorization(read).WithSummary("一份合同：预算、已结算、剩余");

        g.MapGet("/contracts/{id:guid}/sessions", async (Guid id, int? page, int? pageSize, AppDbContext db, CounsellingPurchase purchase, CancellationToken ct) =>
            {
                await purchase.LoadAsync(id, ct);
                var paged = await db.Set<CounsellingSession>().AsNoTracking().Where(s => s.ContractId == id).OrderByDescending(s => s.HeldOn).ThenBy(s => s.Id)
                    .ToPagedAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = paged.Items.Select(CounsellingPurchase.ToDto), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("合同下的辅导记录（匿名；分页 { items, total }）");

        g.MapPost("/contracts/{id:guid}/sessions", async (Guid id, CounsellingSessionInput input, CounsellingPurchase purchase, CancellationToken ct) =>
            {
                var s = await purchase.RecordSessionAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/marriage/counselling/contracts/{id}/sessions", CounsellingPurchase.ToDto(s));
            })
            .RequireAuthorization(Permissions.Policy(CounsellingPermissions.Record))
            .WithSummary("登记一次辅导（日期、辅导员、类型、主题类别、时长、人数；不记录当事人）；已结算月份 409");

        g.MapGet("/contracts/{id:guid}/settlements", async (Guid id, AppDbContext db, CounsellingPurchase purchase, CancellationToken ct) =>
            {
                await purchase.LoadAsync(id, ct);
                var all = await db.Set<CounsellingSettlement>().AsNoTracking().Where(s => s.ContractId == id).OrderByDescending(s => s.Month).ToListAsync(ct);
                return TypedResults.Ok(new { items = all.Select(s => CounsellingPurchase.ToDto(s)), total = all.Count });
            })
            .RequireAuthorization(read).WithSummary("合同的月度结算");

        g.MapPost("/contracts/{id:guid}/settlements", async (Guid id, CounsellingSettleInput input, CounsellingPurchase purchase, CancellationToken ct) =>
            {
                var o = await purchase.SettleAsync(id, input, ct);
                return TypedResults.Ok(CounsellingPurchase.ToDto(o.Settlement, o.AlreadySettled));
            })
            .RequireAuthorization(manage)
            .WithSummary("按月结算（次数 × 单价），列入本月资金发放支付给服务机构；超出剩余预算 409 marriage_counselling_over_budget；同月再次结算返回原结算（alreadySettled=true）");
    }
}
