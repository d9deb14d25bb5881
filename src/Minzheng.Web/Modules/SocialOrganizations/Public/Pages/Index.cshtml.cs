using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.Public.Pages;

/// <summary>The anonymous search of the public credit query (phone-friendly); a bad query is shown beside the box.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class IndexModel(PublicCreditQuery query) : PageModel
{
    public string? Q { get; private set; }
    public Paged<PublicOrganizationSummary>? Result { get; private set; }

    public string ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : "";

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery] int page = 1)
    {
        Q = q;
        if (q is null) return;
        try
        {
            Result = await query.SearchAsync(q, PageRequest.From(page, 20, 20), HttpContext.RequestAborted);
        }
        catch (AppProblem problem) when (problem.Status == 400)
        {
            // the search box is the form: the problem is shown beside it, the page itself is fine
            ModelState.AddProblem(problem, "");
        }
    }
}
