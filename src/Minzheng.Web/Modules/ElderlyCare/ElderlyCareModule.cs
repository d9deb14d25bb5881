using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare;

/// <summary>
/// 养老服务 (chapter 二 of the plan): care homes filed, assessed, subsidised, inspected and rated; home care bought and
/// verified; left-behind elders visited. Each part registers itself here; the parts live in their own folders.
/// </summary>
public static class ElderlyCareModule
{
    public static IServiceCollection AddElderlyCare(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("elderly-care", typeof(ElderlyCareModule), "elderly_")
        {
            Permissions = ElderlyCarePermissions.Declared,
            RoleGrants = ElderlyCarePermissions.RoleGrants,
            Errors = Contracts.ElderlyCareErrors.All,
            Navigation = new("elderly-care", "养老服务", "养老机构、居家养老、能力评估、星级评定、双随机检查", "二、", "/elderly", 30),
        });
        services.AddHomes();
        StarRating.StarRatingSetup.AddStarRating(services);
        Inspections.InspectionsSetup.AddInspections(services);
        services.AddHomeCare();
        AgeAllowance.AgeAllowanceSetup.AddAgeAllowance(services);
        LeftBehind.LeftBehindSetup.AddLeftBehind(services);
        Dashboard.DashboardSetup.AddDashboard(services);
        Subsidies.SubsidiesSetup.AddSubsidies(services);
        return services;
    }

    public static void MapElderlyCare(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/elderly").WithTags("ElderlyCare");
        api.MapHomes();
        StarRating.StarRatingSetup.MapStarRating(api);
        Inspections.InspectionsSetup.MapInspections(api);
        api.MapHomeCare();
        AgeAllowance.AgeAllowanceSetup.MapAgeAllowance(api);
        LeftBehind.LeftBehindSetup.MapLeftBehind(api);
        Dashboard.DashboardSetup.MapDashboard(api);
        Subsidies.SubsidiesSetup.MapSubsidies(api);
    }
}
