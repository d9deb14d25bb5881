using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;

namespace Minzheng.Web.Modules.Assistance.Public;

/// <summary>The public notice of a village or community, open to anyone during the notice period; works on a phone.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class NoticeModel(PublicNotice notice, Platform.Divisions.DivisionDirectory divisions) : PageModel
{
    public string VillageName { get; private set; } = "";

    /// <summary>The village whose notice this is (its township issues it: the print footer).</summary>
    public string VillageCode { get; private set; } = "";
    public string VillageFullName { get; private set; } = "";
    public List<PublicNotice.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string villageCode)
    {
        if (await notice.ForVillageAsync(villageCode, HttpContext.RequestAborted) is not { } r) return NotFound();
        VillageName = r.Village.Name;
        VillageCode = r.Village.Code;
        VillageFullName = divisions.FullName(r.Village.Code);
        Entries = r.Entries;
        return Page();
    }
}
