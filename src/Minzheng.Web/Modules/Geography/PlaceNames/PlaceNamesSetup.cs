using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

/// <summary>The place-name registry and the art. 9 check: services and the API under /api/v1/place-names.</summary>
public static class PlaceNamesSetup
{
    public static IServiceCollection AddPlaceNames(this IServiceCollection services) =>
        services.AddScoped<PlaceNameSpelling>().AddScoped<NameChecks>().AddScoped<PlaceNameRegistry>()
            .AddScoped<IDivisionChangeListener, PlaceNamesFollowDivisions>();

    public static void MapPlaceNames(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(GeographyPermissions.Read);
        var manage = Permissions.Policy(GeographyPermissions.Manage);
        var api = app.MapGroup("/api/v1/place-names").WithTags("PlaceNames");
        api.MapPost("/check", async (NameCheckInput input, NameChecks checks, CancellationToken ct) => TypedResults.Ok(await checks.CheckAsync(input, ct)))
            .RequireAuthorization(read)
            .WithSummary("拟用地名检查（《地名管理条例》第九条）：罗马字母拼写；规定范围内的重名（duplicate）、同音（homophone）；人名、外国地名、企业名称、生僻字等提示");
        api.MapGet("", async (string? q, PlaceNameCategory? category, PlaceNameStatus? status, string? divisionCode, int? page, int? pageSize, PlaceNameRegistry registry,
                CancellationToken ct) => TypedResults.Ok(await registry.ListAsync(new(q, category, status, divisionCode), PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("地名库（按名称、拼音、类别、状态、区划查询），分页 { items, total }");
        api.MapGet("/{id:guid}", async (Guid id, PlaceNameRegistry registry, DivisionDirectory divisions, CancellationToken ct) =>
                TypedResults.Ok(PlaceNameRegistry.View(await registry.LoadAsync(id, ct), divisions)))
            .RequireAuthorization(read).WithSummary("一条地名（含曾用名）");
        api.MapPost("", async (PlaceNameInput input, PlaceNameRegistry registry, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var (n, warnings) = await registry.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/place-names/{n.Id}", new { placeName = PlaceNameRegistry.View(n, divisions), warnings });
        }).RequireAuthorization(manage).WithSummary("登记地名（标准地名须通过第九条重名、同音检查；返回供审查的提示）");
        api.MapPut("/{id:guid}", async (Guid id, PlaceNameInput input, PlaceNameRegistry registry, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var (n, warnings) = await registry.UpdateAsync(id, input, ct);
            return TypedResults.Ok(new { placeName = PlaceNameRegistry.View(n, divisions), warnings });
        }).RequireAuthorization(manage).WithSummary("修改地名（带 version；标准地名改名时原名记为曾用名）");
        api.MapPost("/{id:guid}/former-names", async (Guid id, FormerNameInput input, PlaceNameRegistry registry, DivisionDirectory divisions, CancellationToken ct) =>
                TypedResults.Ok(PlaceNameRegistry.View(await registry.AddFormerNameAsync(id, input, ct), divisions)))
            .RequireAuthorization(manage).WithSummary("添加曾用名及其使用时间");
        api.MapGet("/geojson", async (PlaceNameCategory? category, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<PlaceName>().AsNoTracking().Where(n => n.Status != PlaceNameStatus.Retired && (n.Longitude != null || n.GeoJson != null))
                .Where(n => category == null || n.Category == category).OrderBy(n => n.Id).Take(5000).ToListAsync(ct);
            return TypedResults.Text(PlaceNameGeoJson.FeatureCollection(rows), "application/geo+json; charset=utf-8");
        }).RequireAuthorization(read).WithSummary("辖区内有坐标的地名（GeoJSON FeatureCollection，QGIS 等可直接打开）");
    }
}
