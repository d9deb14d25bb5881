using Minzheng.Web.Platform.Entitlements;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies;

/// <summary>民办养老机构补贴 (issue 13 item 3): the use cases, the process, the two paying programs and the API under <c>/api/v1/elderly</c>.</summary>
public static class SubsidiesSetup
{
    public static IServiceCollection AddSubsidies(this IServiceCollection services)
    {
        services.AddScoped<HomeSubsidies>();
        services.AddScoped<HomeSubsidyClawbacks>();
        services.AddSingleton(HomeSubsidyProcess.Model);
        services.AddSingleton(new EntitlementProgram(HomeSubsidies.Program, "民办养老机构运营补贴"));
        services.AddSingleton(new EntitlementProgram(HomeSubsidies.ConstructionProgram, "民办养老机构建设补贴"));
        services.AddSingleton<Platform.Data.IModuleInitializer, SubsidiesInitializer>();
        return services;
    }

    public static void MapSubsidies(this RouteGroupBuilder api) => api.MapHomeSubsidies();
}
