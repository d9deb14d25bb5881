using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Publicity.Pages;

/// <summary>
/// /community/publicity: the committees in scope (a township's villages, a county's townships) with what each has overdue under
/// 第三十条's calendar, the last posting and the late postings of the year; the counts on top, by county for the county and city.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndexModel(PublicityRecords records, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    [FromQuery] public string? DivisionCode { get; set; }
    [FromQuery] public bool Overdue { get; set; }
    public PublicitySummary Summary { get; private set; } = null!;
    public Paged<CommitteePublicity> Rows { get; private set; } = new([], 0, 1, 50);
    public DivisionFilter Filter => DivisionFilter.For(divisions, user, DivisionCode);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        var under = string.IsNullOrWhiteSpace(DivisionCode) ? null : DivisionCode;
        Summary = await records.SummaryAsync(under, ct);
        Rows = (await records.StatusesAsync(under, Overdue, ct)).ToPaged(PageRequest.From(page, 50, 50));
    }
}
