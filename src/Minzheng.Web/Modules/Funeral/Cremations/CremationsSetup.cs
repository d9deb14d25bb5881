using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Funeral.Cremations;

/// <summary>Cremations linked to the death record (issue 15 item 5.2): the use case and the API under /cremations.</summary>
public static class CremationsSetup
{
    public static IServiceCollection AddFuneralCremations(this IServiceCollection services) => services.AddScoped<Cremations>();

    public static void MapFuneralCremations(this RouteGroupBuilder api)
    {
        api.MapPost("/cremations", async (CremationInput input, Cremations cremations, CancellationToken ct) =>
        {
            var c = await cremations.RecordAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/cremations/{c.Id}", c);
        }).RequireAuthorization(Permissions.Policy(FuneralPermissions.Manage)).WithSummary("登记火化（尚未登记死亡的先登记死亡，停发各项待遇）");
        api.MapGet("/cremations", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<Cremation>().AsNoTracking().OrderByDescending(c => c.CrematedOn).ThenBy(c => c.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(Permissions.Policy(FuneralPermissions.Read)).WithSummary("火化登记，分页 { items, total }");
    }
}
