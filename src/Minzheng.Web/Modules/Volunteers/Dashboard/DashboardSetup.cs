using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Volunteers.Dashboard;

/// <summary>Issue 16 item 7 for volunteers: the dashboard's query and its JSON twin under /dashboard.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddVolunteerDashboard(this IServiceCollection services) => services.AddScoped<VolunteerDashboard>();

    public static void MapVolunteerDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (VolunteerDashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.LoadAsync(ct)))
            .RequireAuthorization(Permissions.Policy(VolunteerPermissions.Read))
            .WithSummary("志愿服务概况：按地区和月份的志愿者与核实时长、活跃组织、星级分布、待核实记录");
    }
}
