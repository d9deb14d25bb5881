using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>
/// /community/capacity: the year's assessments per county (assessed, average, grades, open and overdue follow-ups) and the
/// list of assessments by county, year and grade with totals and grades; links to the assessment form and the catalogue.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class CapacityModel(CapacityAssessments assessments, PilotQueries queries, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? County { get; set; }
    [FromQuery] public string? Grade { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public int ShownYear => Year is >= PilotLimits.FirstYear and <= PilotLimits.LastYear ? Year.Value : clock.Today.Year;
    public CapacitySummary? Summary { get; private set; }
    public Paged<CapacityListRow> Rows { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<Division> Counties { get; private set; } = [];
    public bool CanOversee => user.HasPermission(CommunityPermissions.Oversee);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counties = [.. divisions.InScope(user.Scope, DivisionLevel.County)];
        Summary = await queries.CapacityAsync(ShownYear, ct);
        var grade = Enum.TryParse<CapacityGrade>(Grade, out var g) && Enum.IsDefined(g) ? g : (CapacityGrade?)null;
        Rows = await assessments.ListAsync(new CapacityFilter(Counties.Any(c => c.Code == County) ? County : null, ShownYear, grade), PageRequest.From(PageNumber, 20), ct);
    }
}
