using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Dashboard.Pages;

/// <summary>慈善 (/charity): charities by county, funds raised and spent by month, and the alert lists.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + CharityPermissions.Read)]
public sealed class IndexModel(CharityDashboard dashboard, BusinessClock clock) : PageModel
{
    public CharityOverview Overview { get; private set; } = null!;

    public int DefaultYear => clock.Today.Year;

    public async Task OnGetAsync([FromQuery] int? year)
    {
        // a year outside the list falls back to this year rather than an error page
        var y = year is { } v && v >= DefaultYear - 10 && v <= DefaultYear ? v : DefaultYear;
        Overview = await dashboard.LoadAsync(y, HttpContext.RequestAborted);
    }
}
