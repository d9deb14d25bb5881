namespace Minzheng.Web.Modules.DataComparison.Contracts;

/// <summary>An open 应退 finding (a benefit that should stop, not yet verified by the township), as other modules may see it.</summary>
/// <param name="SourceId">The running benefit's source (its case).</param>
/// <param name="EventDate">The event's date (death, detention…), where the rule has one.</param>
public sealed record OpenStopFinding(long Id, string RuleName, Guid PersonId, Guid? HouseholdId, string Program, Guid SourceId, string? SourceNumber, DateOnly? EventDate, DateTime FoundAt);

/// <summary>
/// Data comparison's published answer to "which running benefits have an open 应退 finding", for the payroll review (ADR 023):
/// payments must not pay such a benefit unseen, and may not read this module's tables.
/// </summary>
public interface IOpenStopFindings
{
    /// <summary>The open 应退 findings on <paramref name="program"/> in the county, within the user's scope.</summary>
    Task<IReadOnlyList<OpenStopFinding>> InCountyAsync(string countyCode, string program, CancellationToken ct = default);
}
