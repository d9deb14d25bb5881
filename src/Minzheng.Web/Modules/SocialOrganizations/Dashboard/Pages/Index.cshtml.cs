using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.Dashboard.Pages;

/// <summary>社会组织 (/social-organizations): the module's dashboard (issue 14 item 11) for one report year, each figure linking to its list.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(SocialOrganizationDashboard dashboard, ICurrentUser user) : PageModel
{
    public SocialOrganizationOverview Overview { get; private set; } = null!;

    public int DefaultYear => dashboard.DefaultYear;

    public bool CanImport => user.HasPermission(SocialOrganizationPermissions.Import);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? year)
    {
        // an organisation's own account works on its own page (its applications, reports, credit), not on the authority's figures
        if (user.OrganizationId is not null) return Redirect("/social-organizations/mine");
        var ct = HttpContext.RequestAborted;
        int? y = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(year))
            {
                y = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) ? yy : throw AppProblem.Field("year", "报告年度应为四位数字年份");
            }
            Overview = await dashboard.LoadAsync(y, ct);
        }
        catch (AppProblem problem) when (problem.Status == StatusCodes.Status400BadRequest)
        {
            // the wrong year is shown beside its field and the default season instead, rather than an empty page
            ModelState.AddProblem(problem, "");
            Overview = await dashboard.LoadAsync(null, ct);
        }
        return Page();
    }

    /// <summary>The season's cumulative submissions as an SVG polyline (x: days since 1 January of the following year; y: count).</summary>
    public (string Points, int Width, int Height, double DueY, IReadOnlyList<(double X, string Label)> Ticks) SeasonLine()
    {
        var s = Overview.Reports;
        const int w = 600, h = 160;
        var start = new DateOnly(s.Year + 1, 1, 1);
        var end = (s.LatestDeadline ?? new DateOnly(s.Year + 1, 5, 31)).AddDays(31);
        if (s.Days.Count > 0 && s.Days[^1].Date > end) end = s.Days[^1].Date;
        if (s.Days.Count > 0 && s.Days[0].Date < start) start = s.Days[0].Date;
        var span = Math.Max(1, end.DayNumber - start.DayNumber);
        var max = Math.Max(1, Math.Max(s.Due, s.Submitted));
        double X(DateOnly d) => Math.Round(w * (d.DayNumber - start.DayNumber) / (double)span, 1);
        double Y(int n) => Math.Round(h - h * n / (double)max, 1);
        var points = new List<string> { $"0,{h}" };
        var previous = 0;
        foreach (var d in s.Days)
        {
            points.Add(FormattableString.Invariant($"{X(d.Date)},{Y(previous)}"));
            points.Add(FormattableString.Invariant($"{X(d.Date)},{Y(d.Cumulative)}"));
            previous = d.Cumulative;
        }
        points.Add(FormattableString.Invariant($"{w},{Y(previous)}"));
        var ticks = new List<(double, string)>();
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= end; m = m.AddMonths(1))
        {
            if (m >= start) ticks.Add((X(m), $"{m.Month}月"));
        }
        return (string.Join(' ', points), w, h, Y(s.Due), ticks);
    }
}
