using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit.Pages;

/// <summary>The officers' current lists in scope (derived from the events), with export, and the objections waiting.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + CreditPermissions.Read)]
public sealed class IndexModel(CreditOffice office, BusinessClock clock) : PageModel
{
    public const int PageSize = 50;

    public CreditList? List { get; private set; }
    public List<CreditListRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<(CreditObjection Objection, string Name)> Objections { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync([FromQuery] string? list, [FromQuery] int page = 1)
    {
        List = list switch { "abnormal" => CreditList.Abnormal, "dishonest" => CreditList.Dishonest, _ => null };
        var all = await office.CurrentListsAsync(List, HttpContext.RequestAborted);
        Total = all.Count;
        PageNumber = Math.Clamp(page, 1, PageCount);
        Rows = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        Objections = [.. (await office.ObjectionsAsync(CreditObjectionStatus.Pending, PageRequest.From(1, 100), HttpContext.RequestAborted)).Items];
    }
}
