using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;

namespace Minzheng.Web.Modules.Rescue.Search.Pages;

/// <summary>/public/rescue/notices/{id}: one 寻亲公告 (anonymous); 404 once the person is identified or has left.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class PublicNoticeModel(PublicNotices notices) : PageModel
{
    public PublicNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await notices.FindAsync(id, HttpContext.RequestAborted) is not { } n) return NotFound();
        Notice = n;
        return Page();
    }
}
