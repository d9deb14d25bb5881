using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Rescue.Stays.Pages;

/// <summary>The named data-quality checks of the stays (anchors §6.3).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class QualityModel(StayQueries queries) : PageModel
{
    [FromQuery] public int? Days { get; set; }
    public StayQuality Report { get; private set; } = new([], [], [], 90);

    public async Task OnGetAsync() => Report = await queries.QualityAsync(Days is < 1 or > 3650 ? null : Days, HttpContext.RequestAborted);
}
