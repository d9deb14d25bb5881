using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

/// <summary>
/// The elderly-care dashboard (issue 13 item 10: the page /elderly and <c>GET /api/v1/elderly/dashboard</c>), the module's
/// panels on the person and organisation pages, and its items on 工作台. It reads the other parts' records and adds none.
/// </summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<ElderlyDashboards>();
        services.AddScoped<IWorkItemSource, ElderlyWorkItems>();
        services.AddScoped<IPersonPanel, ElderlyPersonPanel>();
        services.AddScoped<IOrganizationPanel, ElderlyOrganizationPanel>();
        // county civil affairs, who file and check homes, set how early their deadlines reach 工作台
        services.AddSingleton(new FigureSection(DashboardFigures.Module, "养老服务工作台提醒", HomesPermissions.Manage, [(DashboardFigures.Module, "养老服务工作台")], DashboardFigures.All));
        services.AddSingleton<IModuleInitializer, DashboardInitializer>();
        return services;
    }

    public static void MapDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (int? year, int? month, ElderlyDashboards dashboards, CancellationToken ct) => TypedResults.Ok(await dashboards.LoadAsync(year, month, ct)))
            .RequireAuthorization(Permissions.Policy(ElderlyCarePermissions.Read))
            .WithSummary("养老服务统计：每千名老年人床位数、护理型床位占比、入住率、星级和类别、逾期备案和检查、补贴和居家养老支出对预算、检查完成和整改超期、能力等级和再评估、高龄津贴；year 与 month（省略 month 为全年，都省略为本月）；市、县用户另有分县（乡镇）对比");
    }
}
