using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>
/// /community/pilots: the coverage of each county (pilot villages / 村委会 up to the year) against the plan target, as a table
/// and a bar chart, and the list of pilots filtered by county, year and status; each county links to its villages and the
/// designate form.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndexModel(PilotQueries queries, CommunityPilots pilots, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? County { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public int ThisYear => clock.Today.Year;
    public int ShownYear => Year is >= PilotLimits.FirstYear and <= PilotLimits.LastYear ? Year.Value : ThisYear;
    public CoverageReport Coverage { get; private set; } = new(0, [], new("", "", 0, 0, 0, null, null, null, null, null));
    public Paged<PilotDto> Rows { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<Division> Counties { get; private set; } = [];
    public bool CanOversee => user.HasPermission(CommunityPermissions.Oversee);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counties = [.. divisions.InScope(user.Scope, DivisionLevel.County)];
        Coverage = await queries.CoverageAsync(ShownYear, ct);
        var county = Counties.Any(c => c.Code == County) ? County : null;
        Rows = await pilots.ListAsync(new PilotFilter(county, Year, Enum.TryParse<PilotStatus>(Status, out var s) && Enum.IsDefined(s) ? s : null),
            PageRequest.From(PageNumber, 20), ct);
    }

    public IReadOnlyList<BarChart.Item> Chart()
    {
        var items = new List<BarChart.Item>();
        if (Coverage.Total.Target is { } t) items.Add(new BarChart.Item($"计划目标（{t:0.#}%）", (long)Math.Round(t)));
        items.AddRange(Coverage.Counties.Select(c => new BarChart.Item($"{c.Name}（{PilotCoverage.Text(c.Percent)}）", (long)Math.Round(c.Percent ?? 0),
            $"/community/pilots/county/{c.DivisionCode}?year={ShownYear}")));
        return items;
    }
}
