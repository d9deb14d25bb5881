namespace Minzheng.Web.Modules.DataComparison.Contracts;

/// <summary>
/// Data comparison's published answer to "which of these registry people appear in the current poverty-registry dataset
/// (扶贫（防返贫监测）人员数据) of their county or city", matched by the registry's keyed hash of the ID number. Other modules
/// (福康工程) may not read the datasets' tables.
/// </summary>
public interface IPovertyRegistryListing
{
    /// <summary>
    /// The registry people (in the caller's scope) listed in a current poverty-registry dataset covering their division, as a
    /// query the caller composes into its own statement (a subquery: the list is never read into memory).
    /// </summary>
    Task<IQueryable<Guid>> ListedAsync(CancellationToken ct = default);
}
