using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.DataComparison.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>Implements <see cref="IPovertyRegistryListing"/>: a join of the given people's ID hashes with the current poverty-registry records.</summary>
public sealed class PovertyRegistryListingQuery(AppDbContext db) : IPovertyRegistryListing
{
    private const int Chunk = 500;

    public async Task<IReadOnlySet<Guid>> ListedAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var listed = new HashSet<Guid>();
        if (personIds.Count == 0) return listed;
        // a county's (or the city's) dataset lies above a township clerk's scope: the caller's people are in scope already
        var datasets = await db.Set<ComparisonDataset>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(d => d.Kind == DatasetKind.PovertyRegistry && d.Status == DatasetStatus.Current)
            .Select(d => new { d.Id, d.DivisionCode }).ToListAsync(ct);
        if (datasets.Count == 0) return listed;
        var datasetIds = datasets.Select(d => d.Id).ToList();
        var prefixes = datasets.ToDictionary(d => d.Id, d => DivisionCodes.ScopePrefix(d.DivisionCode));
        foreach (var chunk in personIds.Distinct().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var hits = await (from p in db.Persons.AsNoTracking()
                              where ids.Contains(p.Id) && p.IdNumberHash != null
                              join r in db.Set<ComparisonRecord>().AsNoTracking() on p.IdNumberHash equals r.IdNumberHash
                              where datasetIds.Contains(r.DatasetId)
                              select new { p.Id, p.DivisionCode, r.DatasetId }).ToListAsync(ct);
            foreach (var h in hits.Where(h => h.DivisionCode.StartsWith(prefixes[h.DatasetId], StringComparison.Ordinal))) listed.Add(h.Id);
        }
        return listed;
    }
}
