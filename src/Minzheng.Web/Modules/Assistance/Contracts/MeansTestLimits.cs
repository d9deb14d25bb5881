namespace Minzheng.Web.Modules.Assistance.Contracts;

/// <summary>A figure in force with its basis (issuer, document, effective date), as another module reads it.</summary>
public sealed record LimitValue<T>(T Value, string Basis);

/// <summary>
/// The means-test figures of social assistance that other modules' checks need (data comparison): the dibao standard and
/// the property limits (社会救助暂行办法 第十条: set by the province or city), each null where none is in force.
/// </summary>
public sealed record MeansTestLimits(
    LimitValue<Platform.Money.Money>? RuralStandard,
    LimitValue<Platform.Money.Money>? UrbanStandard,
    LimitValue<int>? MaxVehicles,
    LimitValue<int>? MaxHouses,
    LimitValue<bool>? BusinessAllowed);

/// <summary>Published by the assistance module (which owns these standards and implements it), so no module reads its tables.</summary>
public interface IMeansTestLimits
{
    /// <summary>The figures in force for <paramref name="divisionCode"/> (a county, or below) on <paramref name="date"/>.</summary>
    MeansTestLimits For(string divisionCode, DateOnly date);
}
