using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>The annual reports panel of the one-organisation view: each year's report, where it stands and its conclusion.</summary>
public sealed class ReportsOrganizationPanel(AppDbContext db) : IOrganizationPanel
{
    public sealed record Item(Guid OrganizationId, int Year, string Status, DateOnly? SubmittedOn, string? Conclusion, DateOnly? ConcludedOn, string Sanctions);

    public string ModuleKey => "social-organizations";
    public string Title => "年度工作报告和年检";
    public int Order => 60;
    public string PartialView => "/Modules/SocialOrganizations/Reports/Pages/_OrganizationPanel.cshtml";

    public async Task<object?> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        // only social organisations have reports; another kind of organisation shows no panel
        if (!await db.Set<SocialOrganizationProfile>().AnyAsync(p => p.OrganizationId == organizationId, ct)) return null;
        var rows = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.Year).Take(10).ToListAsync(ct);
        return rows.Select(r => new Item(organizationId, r.Year, ReportLabels.Name(r.Status), r.SubmittedOn,
            r.Conclusion is { } c ? ReportLabels.Name(c) : null, r.ConcludedOn, ReportSanctions.Names(r.Sanctions))).ToList();
    }
}
