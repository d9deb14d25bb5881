using Minzheng.Web.Modules.Geography.Boundaries;
using Minzheng.Web.Modules.Geography.Map;
using Minzheng.Web.Modules.Geography.Naming;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Modules.Geography.Signs;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Geography;

/// <summary>
/// 区划地名界线管理 (plan 七、): the place-name registry with the art. 9 check, naming applications, name signs, division
/// changes, boundary lines and markers with their inspections, the map and the public query. Each part registers itself here.
/// </summary>
public static class GeographyModule
{
    public static IServiceCollection AddGeography(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("geography", typeof(GeographyModule), "geo_")
        {
            Permissions = GeographyPermissions.Declared,
            RoleGrants = GeographyPermissions.RoleGrants,
            Errors = Contracts.GeographyErrors.All,
            Navigation = new("place-names", "区划地名", "行政区划、地名、界线界桩", "七、", "/geography", 120),
        });
        services.AddSingleton<IModuleInitializer, GeographyInitializer>();
        services.AddScoped<Platform.Tasks.IWorkItemSource, GeographyWorkItems>();
        // each part registers itself here, one line each
        services.AddPlaceNames();
        services.AddNameSigns();
        services.AddNaming();
        services.AddBoundaries();
        services.AddGeographyMap();
        return services;
    }

    public static void MapGeography(this IEndpointRouteBuilder app)
    {
        // each part maps itself here, one line each
        app.MapPlaceNames();
        app.MapNameSigns();
        app.MapNaming();
        app.MapBoundaries();
        app.MapGeographyMap();
    }
}
