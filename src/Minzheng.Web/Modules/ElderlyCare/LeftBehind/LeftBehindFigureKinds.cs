using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>
/// The figure-book kinds of 农村留守老年人关爱 (rules-2 §1.9): the working definition (minimum age, months every child is away,
/// whether living with the spouse only counts) and the visit interval per risk level. The national definition and the visit
/// frequencies are UNCONFIRMED (local), so every row ships only as a demo row.
/// </summary>
public static class LeftBehindFigureKinds
{
    public const string Module = "elderly-leftbehind";
    private static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    /// <summary>Risk levels as figure categories (the interval differs per level).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Risks = [("low", "低风险"), ("medium", "中风险"), ("high", "高风险")];

    public static readonly FigureKind MinAge = new(Module, "min-age", "留守老年人认定：年龄（周岁及以上）", "岁");
    public static readonly FigureKind MinMonthsAway = new(Module, "min-months-away", "留守老年人认定：子女均外出（个月及以上）", "个月");
    public static readonly FigureKind SpouseOnly = new(Module, "spouse-only", "留守老年人认定：仅与配偶共同居住的视为留守", "", Choices: YesNo);
    public static readonly FigureKind VisitEveryDays = new(Module, "visit-every-days", "留守老年人定期巡访间隔", "天", Categories: Risks);

    public static readonly IReadOnlyList<FigureKind> All = [MinAge, MinMonthsAway, SpouseOnly, VisitEveryDays];

    public static string RiskCode(LeftBehindRisk risk) => risk switch { LeftBehindRisk.High => "high", LeftBehindRisk.Medium => "medium", _ => "low" };

    /// <summary>The figures in force for <paramref name="divisionCode"/> on <paramref name="on"/> (409 standard_missing naming the first one absent).</summary>
    public static (LeftBehindFigures Figures, IReadOnlyList<FigureValue> Used) Load(FigureBook book, string divisionCode, DateOnly on)
    {
        var age = book.Require(MinAge, divisionCode, on);
        var months = book.Require(MinMonthsAway, divisionCode, on);
        var spouse = book.Require(SpouseOnly, divisionCode, on);
        var low = book.Require(VisitEveryDays, divisionCode, on, "low");
        var medium = book.Require(VisitEveryDays, divisionCode, on, "medium");
        var high = book.Require(VisitEveryDays, divisionCode, on, "high");
        return (new LeftBehindFigures(age.Number, months.Number, low.Number, medium.Number, high.Number, spouse.Yes), [age, months, spouse, low, medium, high]);
    }
}
