using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class WatchModel(ChildQueries queries, ChildWatch watch, ICurrentUser user, BusinessClock clock) : PageModel
{
    public Paged<WatchRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<WatchRow> Rows => Result.Items;
    public List<WatchAlert> Alerts { get; private set; } = [];
    public bool AlertsOnly { get; private set; }
    public DateOnly Today => clock.Today;
    public bool CanApply => user.HasPermission(ChildPermissions.Apply);

    public async Task OnGetAsync(bool alerts = false, [FromQuery] int? page = null)
    {
        AlertsOnly = alerts;
        Result = await queries.WatchAsync(alerts, PageRequest.From(page, 50), HttpContext.RequestAborted);
        Alerts = await watch.AlertsAsync(HttpContext.RequestAborted);
    }
}
