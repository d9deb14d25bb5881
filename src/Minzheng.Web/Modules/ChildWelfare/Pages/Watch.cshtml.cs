using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.ChildRead)]
public sealed class WatchModel(ChildQueries queries, ChildWatch watch, ICurrentUser user, BusinessClock clock) : PageModel
{
    public List<WatchRow> Rows { get; private set; } = [];
    public List<WatchAlert> Alerts { get; private set; } = [];
    public bool AlertsOnly { get; private set; }
    public DateOnly Today => clock.Today;
    public bool CanApply => user.HasPermission(Permissions.ChildApply);

    public async Task OnGetAsync(bool alerts = false)
    {
        AlertsOnly = alerts;
        Rows = await queries.WatchAsync(alerts, HttpContext.RequestAborted);
        Alerts = await watch.AlertsAsync(HttpContext.RequestAborted);
    }
}
