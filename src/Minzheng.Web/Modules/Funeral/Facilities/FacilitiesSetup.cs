using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Funeral.Facilities;

/// <summary>Funeral facilities and plots (issue 15 item 5.1): services and the API under /facilities and /plots.</summary>
public static class FacilitiesSetup
{
    public static IServiceCollection AddFuneralFacilities(this IServiceCollection services) => services.AddScoped<FuneralFacilities>();

    public static void MapFuneralFacilities(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(FuneralPermissions.Read);
        var manage = Permissions.Policy(FuneralPermissions.Manage);
        api.MapGet("/facilities", async (FacilityKind? kind, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<FuneralFacility>().AsNoTracking().Where(f => kind == null || f.Kind == kind)
                    .OrderBy(f => f.DivisionCode).ThenBy(f => f.Name).ThenBy(f => f.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("殡葬设施（殡仪馆、公墓、骨灰堂），分页 { items, total }");
        api.MapGet("/facilities/{id:guid}", async (Guid id, FuneralFacilities facilities, CancellationToken ct) => TypedResults.Ok(await facilities.LoadAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一个殡葬设施");
        api.MapPost("/facilities", async (FacilityInput input, FuneralFacilities facilities, CancellationToken ct) =>
        {
            var f = await facilities.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/facilities/{f.Id}", f);
        }).RequireAuthorization(manage).WithSummary("登记殡葬设施（须有殡葬管理条例第八条的批准文件）");
        api.MapGet("/facilities/{id:guid}/plots", async (Guid id, PlotStatus? status, int? page, int? pageSize, FuneralFacilities facilities, AppDbContext db, CancellationToken ct) =>
        {
            var f = await facilities.LoadAsync(id, ct);
            return TypedResults.Ok(await db.Set<BurialPlot>().AsNoTracking().Where(p => p.FacilityId == f.Id && (status == null || p.Status == status))
                .OrderBy(p => p.Section).ThenBy(p => p.RowNo).ThenBy(p => p.Number).ThenBy(p => p.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct));
        }).RequireAuthorization(read).WithSummary("公墓的墓穴，分页 { items, total }");
        api.MapPost("/facilities/{id:guid}/plots", async (Guid id, PlotInput input, FuneralFacilities facilities, CancellationToken ct) =>
        {
            var p = await facilities.AddPlotAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/funeral/plots/{p.Id}", p);
        }).RequireAuthorization(manage).WithSummary("登记墓穴（面积、年限不得超过标准）");
        api.MapGet("/plots/{id:guid}", async (Guid id, FuneralFacilities facilities, CancellationToken ct) => TypedResults.Ok(await facilities.LoadPlotAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一个墓穴");
        api.MapPost("/plots/{id:guid}/sell", async (Guid id, PlotSaleInput input, FuneralFacilities facilities, CancellationToken ct) => TypedResults.Ok(await facilities.SellAsync(id, input, ct)))
            .RequireAuthorization(manage).WithSummary("出售墓穴（须查验死亡、火化或迁葬证明）");
    }
}
