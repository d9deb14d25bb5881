using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>/geography/boundaries/{id}: one line, its sides, agreement, markers with their condition and its inspections.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class LineModel(BoundaryRegistry registry) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public BoundaryLineView? Line { get; private set; }

    public async Task OnGetAsync() => Line = registry.View(await registry.LoadAsync(Id, HttpContext.RequestAborted), true);
}
