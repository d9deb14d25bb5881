using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections.Pages;

/// <summary>一公开: the published results of the care-home inspections, for anyone, without signing in; JSON at /api/v1/elderly/public/inspections.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class PublicModel(InspectionService inspections) : PageModel
{
    public Paged<InspectionService.PublicEntry> Result { get; private set; } = new([], 0, 1, 20);
    public string? Query { get; private set; }

    public async Task OnGetAsync(string? q, [FromQuery] int page = 1)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Result = await inspections.PublishedAsync(Query, PageRequest.From(page, 20, 20), HttpContext.RequestAborted);
    }
}
