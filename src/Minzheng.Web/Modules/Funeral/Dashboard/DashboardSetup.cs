using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Funeral.Dashboard;

/// <summary>The funeral dashboard (issue 15 item 5.6): its query and the API under /dashboard.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddFuneralDashboard(this IServiceCollection services) => services.AddScoped<FuneralDashboard>();

    public static void MapFuneralDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (int? year, FuneralDashboard dashboard, CancellationToken ct) =>
        {
            var o = await dashboard.LoadAsync(year, ct);
            return TypedResults.Ok(new
            {
                o.Year,
                o.FacilitiesByKind,
                o.PlotsAvailable,
                o.PlotsSold,
                o.Deaths,
                o.Cremations,
                o.Rate,
                rates = o.RateRows.Select(r => new { county = r.Row.County, countyName = r.CountyName, r.Row.Month, r.Row.Deaths, r.Row.Cremations, r.Row.Rate }),
                o.WaiverFree,
                o.WaiverSettled,
                o.WaiverServices,
                o.AwardsApplied,
                o.AwardsApproved,
                o.AwardsAmount,
                o.GravesFound,
                o.GravesOrdered,
                o.GravesOverdue,
                o.GravesRectified,
            });
        }).RequireAuthorization(Permissions.Policy(FuneralPermissions.Read)).WithSummary("殡葬管理概况：火化率（按县、按月）、设施、墓穴、惠民殡葬、奖补、整治进度");
    }
}
