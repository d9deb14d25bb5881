namespace Minzheng.Web.Modules.DataComparison.Contracts;

/// <summary>
/// Data comparison's published answer to "which of these registry people appear in the current poverty-registry dataset
/// (扶贫（防返贫监测）人员数据) of their county or city", matched by the registry's keyed hash of the ID number. Other modules
/// (福康工程) may not read the datasets' tables.
/// </summary>
public interface IPovertyRegistryListing
{
    /// <summary>The subset of <paramref name="personIds"/> listed in a current poverty-registry dataset covering the person's division.</summary>
    Task<IReadOnlySet<Guid>> ListedAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default);
}
