using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Divorce.Pages;

/// <summary>协议离婚 (/marriage/divorces): the applications in the clerk's county with each one's dates and where it stands today.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class DivorcesModel(DivorceApplications applications, BusinessClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<DivorceRow> Rows { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync() => Rows = await applications.ListAsync(null, PageRequest.From(PageNumber, 30), HttpContext.RequestAborted);
}
