using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>婚姻登记 (/marriage): counts per office and month, the latest registrations and the links to the counter's pages.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class IndexModel(MarriageQueries queries, BusinessClock clock) : PageModel
{
    public List<MarriageQueries.MonthCount> Months { get; private set; } = [];
    public Paged<RegistrationRow> Latest { get; private set; } = new([], 0, 1, 20);
    public string? Query { get; private set; }

    public async Task OnGetAsync(string? q, [FromQuery] int page = 1)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Months = await queries.MonthlyAsync(clock, HttpContext.RequestAborted);
        Latest = await queries.ListAsync(Query, PageRequest.From(page, 20), HttpContext.RequestAborted);
    }
}
