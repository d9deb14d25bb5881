using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Search.Pages;

/// <summary>/public/rescue/notices: the anonymous list of 寻亲公告 (phone-friendly), newest first.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class PublicModel(PublicNotices notices) : PageModel
{
    public Paged<PublicNotice> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync([FromQuery] int page = 1) => Result = await notices.ListAsync(PageRequest.From(page, 20, 20), HttpContext.RequestAborted);
}
