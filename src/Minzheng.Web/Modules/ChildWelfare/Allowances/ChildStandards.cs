using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>The child-welfare figure kinds: values are rows of the kernel figure book under <see cref="Module"/>.</summary>
public static class ChildStandardKinds
{
    public const string Module = "child-welfare";

    public static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    public static readonly IReadOnlyList<(string Code, string Name)> AllowanceCategories =
    [
        ("orphan-institution", "孤儿·机构集中养育"), ("orphan-dispersed", "孤儿·散居"),
        ("unsupported-institution", "事实无人抚养儿童·机构集中养育"), ("unsupported-dispersed", "事实无人抚养儿童·散居"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> RiskLevels = [("high", "高风险"), ("medium", "中风险"), ("low", "低风险")];

    public static readonly FigureKind Allowance = new(Module, "allowance", "基本生活费标准", "元/人·月", AllowanceCategories);
    public static readonly FigureKind AdultAge = new(Module, "adult-age", "保障截止年龄", "周岁");
    public static readonly FigureKind ThroughBirthdayMonth = new(Module, "through-birthday-month", "年满截止年龄当月仍发放", "", Choices: YesNo);
    public static readonly FigureKind EducationContinuation = new(Module, "education-continuation", "全日制在校就读的延续发放", "", Choices: YesNo);
    public static readonly FigureKind EducationAgeLimit = new(Module, "education-age-limit", "在校就读延续发放截止年龄", "周岁");
    public static readonly FigureKind MinimumMonths = new(Module, "minimum-months", "失联、服刑等情形最短期限", "个月");
    public static readonly FigureKind Extensions = new(Module, "extensions", "纳入被撤销监护资格、被遣送出境情形", "", Choices: YesNo);
    public static readonly FigureKind EndNoticeDays = new(Module, "end-notice-days", "到龄停发提前提醒天数", "天");
    public static readonly FigureKind LeftBehindAge = new(Module, "left-behind-age", "留守儿童年龄上限", "周岁");
    public static readonly FigureKind VisitIntervalDays = new(Module, "visit-interval-days", "走访周期", "天", RiskLevels);

    /// <summary>"concurrent": the orphan/unsupported allowance and the household's dibao may run for the same months; "exclusive": not.</summary>
    public static readonly FigureKind DoubleBenefit = new(Module, "double-benefit", "与低保同时享受", "", Choices: [("concurrent", "可同时享受（低保计算时不计入该补贴）"), ("exclusive", "不得同时享受（须先将儿童从低保中核减）")]);

    public static readonly IReadOnlyList<FigureKind> All =
        [Allowance, AdultAge, ThroughBirthdayMonth, EducationContinuation, EducationAgeLimit, MinimumMonths, Extensions, EndNoticeDays, LeftBehindAge, VisitIntervalDays, DoubleBenefit, Protection.ProtectionFaces.MatchThreshold];

    public static FigureKind? Find(string code) => All.FirstOrDefault(k => k.Code == code);

    /// <summary>The child-welfare part of the kernel figure book, edited with <see cref="ChildPermissions.Standards"/>.</summary>
    public static readonly FigureSection Section = new(Module, "儿童福利标准", ChildPermissions.Standards, [(Module, "儿童福利")], All);

    public static string AllowanceCategory(ChildAllowanceKind kind, CarePlacement placement) =>
        (kind == ChildAllowanceKind.Orphan ? "orphan-" : "unsupported-") + (placement == CarePlacement.Institution ? "institution" : "dispersed");
}

/// <summary>The child-welfare figures in force for a division and date, read from the kernel figure book (the county's row first, else the city's).</summary>
public sealed class ChildStandards(FigureBook book)
{
    public FigureValue? Find(FigureKind kind, string divisionCode, DateOnly date, string category = "") => book.Find(kind, divisionCode, date, category);

    public FigureValue Require(FigureKind kind, string divisionCode, DateOnly date, string category = "") => book.Require(kind, divisionCode, date, category);

    public ChildRuleFigures RuleFigures(string divisionCode, DateOnly date) => new(
        Require(ChildStandardKinds.AdultAge, divisionCode, date).Number,
        Require(ChildStandardKinds.MinimumMonths, divisionCode, date).Number,
        Require(ChildStandardKinds.Extensions, divisionCode, date).Yes,
        Require(ChildStandardKinds.LeftBehindAge, divisionCode, date).Number);
}
