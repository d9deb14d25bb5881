using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.DataComparison.Contracts;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>Implements <see cref="IOpenStopFindings"/> over the findings table (through the scope filter, like every read).</summary>
public sealed class OpenStopFindingsQuery(AppDbContext db) : IOpenStopFindings
{
    public async Task<IReadOnlyList<OpenStopFinding>> InCountyAsync(string countyCode, string program, CancellationToken ct = default)
    {
        var rows = await db.Set<ComparisonFinding>().AsNoTracking()
            .Where(f => f.CountyCode == countyCode && f.Program == program && f.Direction == FindingDirection.Stop && f.Status == FindingStatus.Open)
            .OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.RuleCode, f.PersonId, f.HouseholdId, f.Program, f.SourceId, f.SourceNumber, f.EventDate, f.FoundAt })
            .ToListAsync(ct);
        return rows.Select(f => new OpenStopFinding(f.Id, ComparisonRules.NameOf(f.RuleCode), f.PersonId, f.HouseholdId, f.Program, f.SourceId, f.SourceNumber, f.EventDate, f.FoundAt)).ToList();
    }
}
