using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>
/// The inspection conclusions on the public credit query (issue 14 item 2 "results published"): year, conclusion, its date and
/// any sanction — the facts an authority publishes, never the report's figures or anyone's personal data.
/// </summary>
public sealed class ReportPublicFacts(AppDbContext db) : IPublicFactSource
{
    public int Order => 20;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PublicFact>>> LoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var ids = organizationIds.Select(id => (Guid?)id).ToList();
        // the query is anonymous and conclusions are public by law (年检结论公告): read past the scope filter, published rows only
        var rows = await db.Set<AnnualReport>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => ids.Contains(r.OrganizationId) && r.Status == AnnualReportStatus.Concluded && r.Conclusion != null)
            .OrderByDescending(r => r.Year)
            .Select(r => new { r.OrganizationId, r.Year, r.Conclusion, r.ConcludedOn, r.Sanctions })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OrganizationId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<PublicFact>)[.. g.Select(r =>
            new PublicFact("年检结论", $"{r.Year}年度", ReportLabels.Name(r.Conclusion!.Value)
                + (string.IsNullOrEmpty(r.Sanctions) ? "" : $"（{ReportSanctions.Names(r.Sanctions)}）"), r.ConcludedOn))]);
    }
}
