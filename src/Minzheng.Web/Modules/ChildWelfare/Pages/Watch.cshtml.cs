using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class WatchModel(ChildQueries queries, ChildWatch watch, ICurrentUser user, BusinessClock clock) : PageModel
{
    public List<WatchRow> Rows { get; private set; } = [];
    public List<WatchAlert> Alerts { get; private set; } = [];
    public bool AlertsOnly { get; private set; }
    public DateOnly Today => clock.Today;
    public bool CanApply => user.HasPermission(ChildPermissions.Apply);

    public async Task OnGetAsync(bool alerts = false)
    {
        AlertsOnly = alerts;
        Rows = await queries.WatchAsync(alerts, HttpContext.RequestAborted);
        Alerts = await watch.AlertsAsync(HttpContext.RequestAborted);
    }
}
