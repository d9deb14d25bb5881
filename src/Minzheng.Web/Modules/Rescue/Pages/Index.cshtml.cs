using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Pages;

/// <summary>The module's index: beds in use per station by sex, stays past the limit, admissions and exits per county and month.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class IndexModel(StayQueries queries, BusinessClock clock) : PageModel
{
    public StayDashboard Dashboard { get; private set; } = new([], [], [], 0);
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync() => Dashboard = await queries.DashboardAsync(HttpContext.RequestAborted);
}
