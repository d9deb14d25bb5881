using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>The figure book looked up with an assistance case's urban/rural <see cref="Area"/> (same values as <see cref="FigureArea"/>).</summary>
public static class AssistanceFigureLookup
{
    public static FigureArea ToFigureArea(this Area area) => (FigureArea)(int)area;

    public static FigureValue? Find(this FigureBook book, FigureKind kind, string divisionCode, Area area, DateOnly date, string category = "") =>
        book.Find(kind, divisionCode, date, category, area.ToFigureArea());

    public static FigureValue Require(this FigureBook book, FigureKind kind, string divisionCode, Area area, DateOnly date, string category = "") =>
        book.Require(kind, divisionCode, date, category, area.ToFigureArea());
}
