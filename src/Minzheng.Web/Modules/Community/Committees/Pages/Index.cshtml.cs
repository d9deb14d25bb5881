using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Committees.Pages;

/// <summary>
/// /community/committees: the committees in scope by township, kind and name — members, women members, representatives, the term
/// and the number of composition warnings — the same query as GET /api/v1/community/committees.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndexModel(CommitteeRegistry committees, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    [FromQuery] public string? DivisionCode { get; set; }
    [FromQuery] public CommitteeKind? Kind { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<CommitteeRow> Rows { get; private set; } = new([], 0, 1, 50);
    public DivisionFilter Filter => DivisionFilter.For(divisions, user, DivisionCode);

    public async Task OnGetAsync()
    {
        // an unknown kind in the query (?kind=9) lists every kind rather than none; a page past int range would overflow the skip
        var kind = Kind is { } k && Enum.IsDefined(k) ? k : (CommitteeKind?)null;
        Rows = await committees.ListAsync(new CommitteeFilter(DivisionCode, kind, Q), PageRequest.From(Math.Clamp(PageNumber ?? 1, 1, 100_000), 50, 50), HttpContext.RequestAborted);
    }
}
