using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Public.Pages;

/// <summary>The published lists (the publication log's current entries), anonymous.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class ListsModel(PublicCreditQuery query, BusinessClock clock) : PageModel
{
    public CreditList? List { get; private set; }
    public Paged<PublicListEntry> Result { get; private set; } = new([], 0, 1, 50);
    public DateOnly AsOf => clock.Today;

    public async Task OnGetAsync([FromQuery] string? list, [FromQuery] int page = 1)
    {
        // an unknown list name shows both lists rather than an error page: the filter is a select box
        List = list switch { "abnormal" => CreditList.Abnormal, "dishonest" => CreditList.Dishonest, _ => null };
        Result = await query.ListsAsync(List, PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
    }
}
