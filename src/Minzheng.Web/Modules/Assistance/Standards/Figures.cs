using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>Loads the figures a pure rule needs from the effective-dated configuration, each with its basis.</summary>
public sealed class Figures(FigureBook book)
{
    public DibaoFigures Dibao(string divisionCode, Area area, DateOnly date)
    {
        var standard = book.Require(StandardKinds.DibaoMonthly, divisionCode, area, date);
        var addOns = StandardKinds.AddOnCategories
            .Select(c => book.Find(StandardKinds.DibaoAddOn, divisionCode, area, date, c.Code) is { } v
                ? new AddOnFigure(c.Code, c.Name, v.Row.Amount, v.Row.Percent, v.Basis)
                : null)
            .OfType<AddOnFigure>().ToList();
        return new DibaoFigures(
            new Figure<Money>(standard.Amount, standard.Basis),
            addOns,
            Number(book.Require(StandardKinds.ElderlyAge, divisionCode, Area.All, date)),
            Number(book.Require(StandardKinds.MinorAge, divisionCode, Area.All, date)),
            book.Find(StandardKinds.SinglePersonFloor, divisionCode, Area.All, date) is { } floor ? new Figure<decimal>(floor.Row.Percent!.Value, floor.Basis) : null,
            Rounding(divisionCode, date),
            book.Find(StandardKinds.DepositMultiple, divisionCode, Area.All, date) is { } dm ? new Figure<decimal>(dm.Factor, dm.Basis) : null,
            book.Find(StandardKinds.MaxVehicles, divisionCode, Area.All, date) is { } mv ? Number(mv) : null,
            book.Find(StandardKinds.MaxHouses, divisionCode, Area.All, date) is { } mh ? Number(mh) : null,
            book.Find(StandardKinds.BusinessAllowed, divisionCode, Area.All, date) is { } ba ? new Figure<bool>(ba.Row.Choice == "yes", ba.Basis) : null,
            book.Require(StandardKinds.MarginalMultiple, divisionCode, Area.All, date) is var mm ? new Figure<decimal>(mm.Factor, mm.Basis) : null!);
    }

    public ExtremePovertyFigures ExtremePoverty(string divisionCode, Area area, DateOnly date)
    {
        var standard = book.Require(StandardKinds.DibaoMonthly, divisionCode, area, date);
        var basic = book.Require(StandardKinds.EpBasic, divisionCode, area, date);
        var care = new Dictionary<SelfCareLevel, Figure<Money>>();
        foreach (var level in Enum.GetValues<SelfCareLevel>())
        {
            if (book.Find(StandardKinds.EpCare, divisionCode, area, date, ExtremePovertyRules.CareTierCode(level)) is { } c) care[level] = new Figure<Money>(c.Amount, c.Basis);
        }
        return new ExtremePovertyFigures(
            new Figure<Money>(standard.Amount, standard.Basis),
            basic.Row.Amount is { } a ? new Figure<Money>(a, basic.Basis) : null,
            basic.Row.Factor is { } m ? new Figure<decimal>(m, basic.Basis) : null,
            care,
            Rounding(divisionCode, date));
    }

    public string ExtremePovertyRuleVersion(string divisionCode, DateOnly date) =>
        book.Require(StandardKinds.EpRuleVersion, divisionCode, Area.All, date).Row.Choice!;

    public TemporaryFigures Temporary(string divisionCode, Area area, DateOnly date, TemporaryType type)
    {
        var standard = book.Require(StandardKinds.DibaoMonthly, divisionCode, area, date);
        var multiple = book.Require(type == TemporaryType.Urgent ? StandardKinds.TempUrgentMultiple : StandardKinds.TempExpenseMultiple, divisionCode, Area.All, date);
        var cap = book.Find(StandardKinds.TempCap, divisionCode, Area.All, date);
        var limit = book.Require(StandardKinds.TempTownshipLimit, divisionCode, Area.All, date);
        return new TemporaryFigures(new Figure<Money>(standard.Amount, standard.Basis), new Figure<decimal>(multiple.Factor, multiple.Basis),
            cap is null ? null : new Figure<Money>(cap.Amount, cap.Basis), new Figure<Money>(limit.Amount, limit.Basis), Rounding(divisionCode, date));
    }

    public int Number(FigureKind kind, string divisionCode, DateOnly date) => book.Require(kind, divisionCode, Area.All, date).Number;

    public bool ApprovalDelegated(string divisionCode, DateOnly date) =>
        book.Find(StandardKinds.ApprovalDelegated, divisionCode, Area.All, date)?.Row.Choice == "yes";

    private Figure<RoundingRule> Rounding(string divisionCode, DateOnly date)
    {
        var r = book.Require(StandardKinds.RoundingRule, divisionCode, Area.All, date);
        return new Figure<RoundingRule>(Enum.Parse<RoundingRule>(r.Row.Choice!), r.Basis);
    }

    private static Figure<int> Number(FigureValue v) => new(v.Number, v.Basis);
}
