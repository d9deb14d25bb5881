using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies.Pages;

/// <summary>The subsidy queue: the county's (its homes' applications, filtered by state, kind, home or number), a home's own through its organisation scope.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class IndexModel(HomeSubsidies subsidies, ICurrentUser user) : PageModel
{
    public Paged<SubsidyRow> Rows { get; private set; } = null!;
    public HomeSubsidyStatus? Status { get; private set; }
    public HomeSubsidyKind? Kind { get; private set; }
    public string? Search { get; private set; }
    public bool CanApply => user.HasPermission(HomesPermissions.SubsidyApply);

    public async Task OnGetAsync([FromQuery] string? status, [FromQuery] string? kind, [FromQuery] string? q, [FromQuery] int? page)
    {
        // a tampered filter is ignored rather than answered with an error page: the list shows everything then
        Status = Enum.TryParse<HomeSubsidyStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        Kind = Enum.TryParse<HomeSubsidyKind>(kind, true, out var k) && Enum.IsDefined(k) ? k : null;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(50, q.Trim().Length)];
        Rows = await subsidies.ListAsync(Status, Kind, Search, PageRequest.From(page, 50), HttpContext.RequestAborted);
    }
}
