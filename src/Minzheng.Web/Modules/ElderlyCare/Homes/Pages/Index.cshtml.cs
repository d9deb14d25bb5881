using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ElderlyCare.Dashboard;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>
/// 养老服务 (/elderly): the module's dashboard (issue 13 item 10) for a chosen year or month, in sections, each tile linking to
/// the list it counts; the home list moved to /elderly/homes (the old /elderly?overdue= links are sent there).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + ElderlyCarePermissions.Read)]
public sealed class IndexModel(ElderlyDashboards dashboards, LeftBehind.LeftBehindQueries leftBehind, ICurrentUser user, BusinessClock clock) : PageModel
{
    /// <summary>留守老人巡访 for the period, for those who may read the register.</summary>
    public LeftBehind.LeftBehindStats? LeftBehind { get; private set; }

    public ElderlyDashboard Dashboard { get; private set; } = null!;
    public int Year { get; private set; }
    public int? Month { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? overdue, [FromQuery] string? year, [FromQuery] string? month)
    {
        if (overdue is not null) return Redirect("/elderly/homes?overdue=" + Uri.EscapeDataString(overdue));
        var ct = HttpContext.RequestAborted;
        var errors = new ValidationErrors();
        int? y = null, m = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var yy)) y = yy;
            else errors.Add("year", "统计年度应为四位数字年份");
        }
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mm)) m = mm;
            else errors.Add("month", "月份应为 1 至 12");
        }
        // a year alone is that whole year; an empty month with the year kept is the same
        if (y is null && m is not null) y = Today.Year;
        try
        {
            errors.ThrowIfAny();
            Dashboard = await dashboards.LoadAsync(y, m, ct);
        }
        catch (AppProblem problem) when (problem.Status == StatusCodes.Status400BadRequest)
        {
            // the period is shown wrong beside its field and the current month instead, rather than an empty page
            ModelState.AddProblem(problem, "");
            Dashboard = await dashboards.LoadAsync(null, null, ct);
        }
        if (user.HasPermission(ElderlyCare.LeftBehind.LeftBehindPermissions.Read)) LeftBehind = await leftBehind.StatsAsync(Dashboard.From, Dashboard.To, ct);
        var period = Dashboard.From;
        Year = period.Year;
        Month = Dashboard.Period.Length > 4 ? period.Month : null;
        return Page();
    }
}
