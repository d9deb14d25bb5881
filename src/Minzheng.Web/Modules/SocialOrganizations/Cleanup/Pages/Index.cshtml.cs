using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup.Pages;

/// <summary>僵尸型社会组织清理: the flagged organisations in scope with their reasons and the last step of their campaign.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(CleanupCampaigns campaigns, DivisionDirectory divisions) : PageModel
{
    public Paged<FlaggedOrganization> Flagged { get; private set; } = null!;

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync([FromQuery] int? page) =>
        Flagged = await campaigns.FlaggedAsync(PageRequest.From(page, 50), HttpContext.RequestAborted);
}
