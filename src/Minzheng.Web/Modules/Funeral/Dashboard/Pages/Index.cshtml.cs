using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Dashboard.Pages;

/// <summary>殡葬管理 (/funeral): the cremation rate per county and month with the facility, plot, 惠民殡葬, award and rectification figures.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + FuneralPermissions.Read)]
public sealed class IndexModel(FuneralDashboard dashboard, BusinessClock clock) : PageModel
{
    public FuneralOverview Overview { get; private set; } = null!;

    public int DefaultYear => clock.Today.Year;

    public async Task OnGetAsync([FromQuery] int? year)
    {
        // a year outside the list falls back to this year rather than an error page
        var y = year is { } v && v >= DefaultYear - 10 && v <= DefaultYear ? v : DefaultYear;
        Overview = await dashboard.LoadAsync(y, HttpContext.RequestAborted);
    }
}
