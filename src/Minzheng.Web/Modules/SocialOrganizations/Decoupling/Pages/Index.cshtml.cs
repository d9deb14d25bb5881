using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Decoupling.Pages;

/// <summary>行业协会商会脱钩: progress per county (chart) and every association's five separations.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(TradeAssociationDecoupling decoupling) : PageModel
{
    public IReadOnlyList<CountyProgress> Progress { get; private set; } = [];
    public Paged<DecouplingDto> Associations { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] int? page)
    {
        var ct = HttpContext.RequestAborted;
        Progress = await decoupling.ProgressAsync(ct);
        Associations = await decoupling.ListAsync(PageRequest.From(page, 50), ct);
    }
}
