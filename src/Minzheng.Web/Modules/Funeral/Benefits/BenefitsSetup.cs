using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Funeral.Benefits;

/// <summary>惠民殡葬 and eco-burial awards (issue 15 items 5.3–5.4): services, their payment programs, the API.</summary>
public static class BenefitsSetup
{
    public static IServiceCollection AddFuneralBenefits(this IServiceCollection services)
    {
        services.AddScoped<FuneralWaivers>();
        services.AddScoped<EcoAwards>();
        services.AddSingleton(new EntitlementProgram(FuneralWaivers.Program, "惠民殡葬基本服务费用"));
        services.AddSingleton(new EntitlementProgram(EcoAwards.Program, "节地生态安葬奖补"));
        return services;
    }

    public static void MapFuneralBenefits(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(FuneralPermissions.Read);
        var manage = Permissions.Policy(FuneralPermissions.Manage);
        api.MapPost("/waivers", async (WaiverServiceInput input, FuneralWaivers waivers, CancellationToken ct) =>
        {
            var s = await waivers.RecordAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/waivers/{s.Id}", s);
        }).RequireAuthorization(manage).WithSummary("登记惠民殡葬免费基本服务（按当日有效的减免规定计算免费金额）");
        api.MapGet("/waivers", async (Guid? facilityId, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<WaiverService>().AsNoTracking().Where(s => facilityId == null || s.FacilityId == facilityId)
                    .OrderByDescending(s => s.ServedOn).ThenBy(s => s.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("惠民殡葬免费服务，分页 { items, total }");
        api.MapPost("/waivers/settlements", async (WaiverSettleInput input, FuneralWaivers waivers, CancellationToken ct) =>
        {
            var s = await waivers.SettleAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/waivers/settlements/{s.Id}", s);
        }).RequireAuthorization(manage).WithSummary("殡仪馆惠民殡葬月度结算（经资金发放拨付殡仪馆）");
        api.MapGet("/waivers/settlements", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<WaiverSettlement>().AsNoTracking().OrderByDescending(s => s.Month).ThenBy(s => s.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("惠民殡葬结算，分页 { items, total }");

        api.MapPost("/awards", async (EcoAwardInput input, EcoAwards awards, CancellationToken ct) =>
        {
            var a = await awards.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/awards/{a.Id}", a);
        }).RequireAuthorization(manage).WithSummary("受理节地生态安葬奖补申请（家属申请，须已登记死亡，每位逝者一次）");
        api.MapGet("/awards", async (EcoAwardStatus? status, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<EcoAward>().AsNoTracking().Where(a => status == null || a.Status == status)
                    .OrderByDescending(a => a.AppliedOn).ThenBy(a => a.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("节地生态安葬奖补，分页 { items, total }");
        api.MapGet("/awards/{id:guid}", async (Guid id, EcoAwards awards, CancellationToken ct) => TypedResults.Ok(await awards.LoadAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一项节地生态安葬奖补");
        api.MapPost("/awards/{id:guid}/decide", async (Guid id, EcoAwardDecision input, EcoAwards awards, CancellationToken ct) => TypedResults.Ok(await awards.DecideAsync(id, input, ct)))
            .RequireAuthorization(Permissions.Policy(FuneralPermissions.AwardsDecide)).WithSummary("县民政局审批奖补；同意的经资金发放发给申请人");
    }
}
