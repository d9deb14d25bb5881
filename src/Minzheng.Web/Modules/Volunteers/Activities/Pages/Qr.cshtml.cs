using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.Volunteers.Activities.Pages;

/// <summary>
/// The organiser's screen at the activity: the rotating check-in code, refreshed by wwwroot/js/volunteers-qr.js from the
/// Code handler (no inline script under the content-security policy).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Manage)]
public sealed class QrModel(ActivityPlans plans, Attendance attendance) : PageModel
{
    public VolunteerActivity Activity { get; private set; } = null!;
    public string Svg { get; private set; } = "";
    public int Seconds { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Activity = await plans.OwnAsync(id, HttpContext.RequestAborted);
        (Svg, Seconds) = await CodeAsync(id);
    }

    /// <summary>The current code alone, as SVG, for the refreshing script.</summary>
    public async Task<IActionResult> OnGetCodeAsync(Guid id)
    {
        var (svg, _) = await CodeAsync(id);
        Response.Headers.CacheControl = "no-store";
        return Content(svg, "image/svg+xml");
    }

    private async Task<(string Svg, int Seconds)> CodeAsync(Guid id)
    {
        var (token, seconds) = await attendance.CurrentTokenAsync(id, HttpContext.RequestAborted);
        var url = $"{Request.Scheme}://{Request.Host}{ActivitiesSetup.ScanUrl(token)}";
        return (QrCodes.Svg(url, 8), seconds);
    }
}
