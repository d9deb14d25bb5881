using Minzheng.Web.Modules.Rescue.Patrols;
using Minzheng.Web.Modules.Rescue.Search;
using Minzheng.Web.Modules.Rescue.Shelter;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Rescue;

/// <summary>
/// 流浪乞讨人员救助管理 (chapter 六(二) of the plan): intake at the station, services, the stay limit, family search, return
/// home, long-stay placement, street patrols and the summer and winter campaigns. Each part registers itself here from its own folder.
/// </summary>
public static class RescueModule
{
    public static IServiceCollection AddRescue(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("rescue", typeof(RescueModule), "rescue_")
        {
            Permissions = RescuePermissions.Declared,
            RoleGrants = RescuePermissions.RoleGrants,
            Errors = Contracts.RescueErrors.All,
            Navigation = new("rescue", "流浪乞讨救助", "救助管理、寻亲、返乡", "（二）提升流浪乞讨", "/rescue", 90),
        });
        services.AddSingleton(new FigureSection(RescueFigures.Module, "流浪乞讨救助", RescuePermissions.FiguresWrite,
            [(RescueFigures.Module, "流浪乞讨救助")], RescueFigures.All));
        services.AddSingleton<IModuleInitializer, RescueInitializer>();
        // each part registers itself here, one line each
        services.AddRescueSearch();
        services.AddRescuePatrols();
        services.AddStays();
        services.AddShelter();
        return services;
    }

    public static void MapRescue(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rescue").WithTags("Rescue");
        // each part maps itself here, one line each
        api.MapRescueSearch();
        api.MapRescuePatrols();
        app.MapPublicNotices();
        api.MapStays();
        api.MapShelter();
    }
}
