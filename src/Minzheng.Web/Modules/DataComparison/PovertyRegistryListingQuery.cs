using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.DataComparison.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>Implements <see cref="IPovertyRegistryListing"/>: the people whose ID hash is in a current poverty-registry dataset of their division.</summary>
public sealed class PovertyRegistryListingQuery(AppDbContext db) : IPovertyRegistryListing
{
    public async Task<IQueryable<Guid>> ListedAsync(CancellationToken ct = default)
    {
        // a county's (or the city's) dataset lies above a township clerk's scope: the people are filtered by the caller's scope
        var datasets = await db.Set<ComparisonDataset>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(d => d.Kind == DatasetKind.PovertyRegistry && d.Status == DatasetStatus.Current)
            .Select(d => new { d.Id, d.DivisionCode }).ToListAsync(ct);
        // one current dataset per county or the city at most: one subquery each, people of the dataset's own division only
        IQueryable<Guid>? listed = null;
        foreach (var d in datasets)
        {
            var id = d.Id;
            var prefix = DivisionCodes.ScopePrefix(d.DivisionCode);
            var these = db.Persons.Where(p => p.IdNumberHash != null && p.DivisionCode.StartsWith(prefix)
                && db.Set<ComparisonRecord>().Any(r => r.DatasetId == id && r.IdNumberHash == p.IdNumberHash)).Select(p => p.Id);
            listed = listed is null ? these : listed.Union(these);
        }
        return listed ?? db.Persons.Where(p => false).Select(p => p.Id);
    }
}
