using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>/geography/boundaries: the lines visible to the user (either side in the subtree, ADR 064), by level.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(BoundaryRegistry registry) : PageModel
{
    [FromQuery] public BoundaryLevel? Level { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<BoundaryLineView> Rows { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync() => Rows = await registry.ListAsync(Level is { } l && Enum.IsDefined(l) ? l : null, PageRequest.From(PageNumber, 50, 50), HttpContext.RequestAborted);
}
