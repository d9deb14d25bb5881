using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>Publishes the dibao standard and the property limits to other modules (data comparison) through the kernel contract.</summary>
public sealed class MeansTestLimitsProvider(FigureBook book) : IMeansTestLimits
{
    public MeansTestLimits For(string divisionCode, DateOnly date)
    {
        LimitValue<Platform.Money.Money>? Standard(Area area) =>
            book.Find(StandardKinds.DibaoMonthly, divisionCode, area, date) is { Row.Amount: { } a } v ? new(a, v.Basis) : null;
        LimitValue<int>? Number(FigureKind kind) =>
            book.Find(kind, divisionCode, Area.All, date) is { Row.Number: { } n } v ? new(n, v.Basis) : null;
        return new MeansTestLimits(
            Standard(Area.Rural),
            Standard(Area.Urban),
            Number(StandardKinds.MaxVehicles),
            Number(StandardKinds.MaxHouses),
            book.Find(StandardKinds.BusinessAllowed, divisionCode, Area.All, date) is { Row.Choice: { } c } b ? new(c == "yes", b.Basis) : null);
    }
}
