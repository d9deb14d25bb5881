using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating.Pages;

/// <summary>The public list of rated homes in validity, with the date it is true as of (anchors §1); JSON at /api/v1/elderly/public/star-ratings.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class PublicModel(StarRatings ratings, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    public Paged<StarRatings.PublicRating> Result { get; private set; } = new([], 0, 1, 50);
    public DateOnly AsOf => clock.Today;

    public async Task OnGetAsync([FromQuery] int page = 1) =>
        Result = await ratings.PublicAsync(PageRequest.From(page, 50, 50), divisions, HttpContext.RequestAborted);
}
