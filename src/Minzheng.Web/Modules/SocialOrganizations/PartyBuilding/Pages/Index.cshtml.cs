using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.PartyBuilding.Pages;

/// <summary>社会组织党建: coverage by kind and county (charts) and each organisation's party organisation.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(PartyBuildingRecords party) : PageModel
{
    public CoverageDto Coverage { get; private set; } = null!;
    public Paged<PartyDto> Organizations { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] int? page)
    {
        var ct = HttpContext.RequestAborted;
        Coverage = await party.CoverageAsync(ct);
        Organizations = await party.ListAsync(null, PageRequest.From(page, 50), ct);
    }
}
