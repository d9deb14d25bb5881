using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Geography.Map;

/// <summary>
/// The map's tile source from configuration: <c>Geography:Map:TileUrl</c> (a template with {z} {x} {y} and {key}, e.g. 天地图
/// vec_w WMTS), <c>Geography:Map:TileKey</c> and <c>Geography:Map:Attribution</c>. Tiles are fetched by the server, so the key
/// stays on it and the page's CSP (img-src 'self') needs no outside host; without a URL the map is a plain vector view.
/// </summary>
public sealed class MapOptions(IConfiguration config)
{
    public string? TileUrl => string.IsNullOrWhiteSpace(config["Geography:Map:TileUrl"]) ? null : config["Geography:Map:TileUrl"];
    public string TileKey => config["Geography:Map:TileKey"] ?? "";
    public string Attribution => config["Geography:Map:Attribution"] ?? "";
    public bool HasTiles => TileUrl is not null;
}

public static class MapSetup
{
    public static IServiceCollection AddGeographyMap(this IServiceCollection services)
    {
        services.AddHttpClient("geography-tiles", c => c.Timeout = TimeSpan.FromSeconds(10));
        return services.AddSingleton<MapOptions>();
    }

    public static void MapGeographyMap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/geography/map/tiles/{z:int}/{x:int}/{y:int}", async (int z, int x, int y, MapOptions options, IHttpClientFactory http, CancellationToken ct) =>
        {
            if (options.TileUrl is not { } template || z is < 0 or > 18 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z) return Results.NotFound();
            var url = template.Replace("{z}", z.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{x}", x.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{y}", y.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{key}", Uri.EscapeDataString(options.TileKey));
            try
            {
                using var response = await http.CreateClient("geography-tiles").GetAsync(url, ct);
                if (!response.IsSuccessStatusCode) return Results.NotFound();
                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                return Results.Bytes(bytes, response.Content.Headers.ContentType?.MediaType ?? "image/png");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // the tile service is unreachable: the vector layers still show
                return Results.NotFound();
            }
        }).RequireAuthorization(Permissions.Policy(GeographyPermissions.Read)).ExcludeFromDescription();
    }
}
