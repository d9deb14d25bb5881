using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;

namespace Minzheng.Web.Modules.SocialOrganizations.Public.Pages;

/// <summary>One social organisation on the public query: registration facts, grade, published facts of every part, list entries.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class OrganizationModel(PublicCreditQuery query) : PageModel
{
    public PublicOrganizationDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string creditCode)
    {
        if (await query.DetailAsync(creditCode, HttpContext.RequestAborted) is not { } d) return NotFound();
        Detail = d;
        return Page();
    }
}
