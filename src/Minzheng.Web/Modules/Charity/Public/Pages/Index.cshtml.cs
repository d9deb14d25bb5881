using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Charity.Public.Pages;

/// <summary>慈善信息公开 (/public/charity): anonymous, phone-friendly; a bad query is shown beside the box.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class IndexModel(PublicCharity charity) : PageModel
{
    public string? Q { get; private set; }
    public PublicCharityView? View { get; private set; }

    public string ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : "";

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery] int page = 1)
    {
        Q = q;
        try
        {
            View = await charity.LoadAsync(q, PageRequest.From(page, 20, 20), HttpContext.RequestAborted);
        }
        catch (AppProblem problem) when (problem.Status == 400)
        {
            ModelState.AddProblem(problem, "");
            View = await charity.LoadAsync(null, PageRequest.From(1, 20, 20), HttpContext.RequestAborted);
        }
    }
}
