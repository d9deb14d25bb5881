using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports.Pages;

/// <summary>
/// /social-organizations/reports: for an organisation's own account its years (due dates, where each report stands); for the
/// officers the list of one year — submitted vs due, overdue, concluded — with filters and the xlsx export.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + ReportsPermissions.Read)]
public sealed class IndexModel(AnnualReports reports, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed record OwnYear(int Year, ReportDue Due, AnnualReport? Report);

    public static readonly IReadOnlyList<(string Code, string Name)> Statuses =
        [("all", "全部"), ("due", "应报未报"), ("overdue", "逾期未报"), ("submitted", "已报送待审查"), ("filed", "已报送（含已结论）"), ("concluded", "已作出结论"), ("exempt", "免于报送")];

    public int Year { get; private set; }
    public string Status { get; private set; } = "all";
    public DateOnly Today => clock.Today;

    /// <summary>The organisation's own account: its organisation and years; null for officers.</summary>
    public SocialOrganization? Own { get; private set; }

    public List<OwnYear> OwnYears { get; } = [];
    public bool OrganizationAccount => user.OrganizationId is not null;
    public Paged<ReportListRow> Rows { get; private set; } = new([], 0, 1, 50);
    public int Due { get; private set; }
    public int Filed { get; private set; }
    public int Overdue { get; private set; }
    public int Concluded { get; private set; }

    public string DivisionName(string code) => divisions.NameOf(code);

    public async Task OnGetAsync([FromQuery] int? year, [FromQuery] string? status, [FromQuery] int? page)
    {
        var ct = HttpContext.RequestAborted;
        Year = year is { } y && y >= 1990 && y < Today.Year ? y : Today.Year - 1;
        if (user.OrganizationId is { } orgId)
        {
            var profile = await db.Set<SocialOrganizationProfile>().FirstOrDefaultAsync(p => p.OrganizationId == orgId, ct);
            var org = await db.Set<Platform.Registry.Organizations.Organization>().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (profile is null || org is null) return;
            Own = new(org, profile);
            var rows = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.OrganizationId == orgId).ToListAsync(ct);
            foreach (var yr in AnnualReports.YearsOf(org.RegisteredOn, Today))
                OwnYears.Add(new(yr, reports.Due(profile, org.RegisteredOn, yr), rows.FirstOrDefault(r => r.Year == yr)));
            return;
        }
        Status = Statuses.Any(s => s.Code == status) ? status! : "all";
        var all = await reports.ListAsync(Year, ct);
        Due = all.Count(r => !r.Due.Exempt);
        Filed = all.Count(r => r.SubmittedOn is not null);
        Overdue = all.Count(r => r.Overdue);
        Concluded = all.Count(r => r.Conclusion is not null);
        Rows = AnnualReports.Filter(all, Status).ToList().ToPaged(PageRequest.From(page, 50, 50));
    }
}
