namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>
/// Where the ability-level criterion reads an elder's current level (GB/T 42195-2022, 0–4). The assessment part of elderly
/// care implements it once its assessments exist; until one is registered the criterion is left out (it matches nobody)
/// and the order form says so.
/// </summary>
public interface IAbilityLevelSource
{
    /// <summary>The level of the latest valid assessment on <paramref name="on"/>, or null when the elder has none.</summary>
    Task<int?> LevelOfAsync(Guid personId, DateOnly on, CancellationToken ct);
}
