using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork: the dashboard — stations and coverage by county, the plan's target, staff by qualification, services by month, referrals.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class IndexModel(SocialWorkDashboard dashboard, BusinessClock clock, ICurrentUser user) : PageModel
{
    public SocialWorkDashboard.Figures Data { get; private set; } = null!;
    public int Year { get; private set; }
    public bool CanWrite => user.HasPermission(SocialWorkPermissions.Write);
    public IReadOnlyList<BarChart.Item> CoverageChart => [.. Data.Coverage.Select(c => new BarChart.Item(c.DivisionName, c.Covered, $"/socialwork/stations?county={c.DivisionCode}"))];
    public IReadOnlyList<BarChart.Item> StaffChart => [.. Data.StaffByLevel.Select(s => new BarChart.Item(ExamRules.Name(s.Level), s.Count))];
    public IReadOnlyList<BarChart.Item> ServicesChart => [.. Data.ServicesByMonth.Select(m => new BarChart.Item(m.Month, m.Cases + m.Groups + m.Activities))];
    public IReadOnlyList<BarChart.Item> ReferralChart => [.. Data.ReferralsByStatus.Select(r => new BarChart.Item(Referrals.StatusName(r.Status), r.Count, $"/socialwork/referrals?status={Referrals.StatusCode(r.Status)}"))];

    public async Task OnGetAsync([FromQuery] int? year)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.Today.Year;
        Data = await dashboard.ReadAsync(Year, HttpContext.RequestAborted);
    }
}
