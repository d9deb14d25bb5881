using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>A kind of child-welfare figure; the values live in child_standard (effective-dated, per city or county).</summary>
public sealed record ChildStandardKind(string Code, string Name, string Unit, IReadOnlyList<(string Code, string Name)>? Categories = null, IReadOnlyList<(string Code, string Name)>? Choices = null);

public static class ChildStandardKinds
{
    public static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    public static readonly IReadOnlyList<(string Code, string Name)> AllowanceCategories =
    [
        ("orphan-institution", "孤儿·机构集中养育"), ("orphan-dispersed", "孤儿·散居"),
        ("unsupported-institution", "事实无人抚养儿童·机构集中养育"), ("unsupported-dispersed", "事实无人抚养儿童·散居"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> RiskLevels = [("high", "高风险"), ("medium", "中风险"), ("low", "低风险")];

    public static readonly ChildStandardKind Allowance = new("allowance", "基本生活费标准", "元/人·月", AllowanceCategories);
    public static readonly ChildStandardKind AdultAge = new("adult-age", "保障截止年龄", "周岁");
    public static readonly ChildStandardKind ThroughBirthdayMonth = new("through-birthday-month", "年满截止年龄当月仍发放", "", Choices: YesNo);
    public static readonly ChildStandardKind EducationContinuation = new("education-continuation", "全日制在校就读的延续发放", "", Choices: YesNo);
    public static readonly ChildStandardKind EducationAgeLimit = new("education-age-limit", "在校就读延续发放截止年龄", "周岁");
    public static readonly ChildStandardKind MinimumMonths = new("minimum-months", "失联、服刑等情形最短期限", "个月");
    public static readonly ChildStandardKind Extensions = new("extensions", "纳入被撤销监护资格、被遣送出境情形", "", Choices: YesNo);
    public static readonly ChildStandardKind EndNoticeDays = new("end-notice-days", "到龄停发提前提醒天数", "天");
    public static readonly ChildStandardKind LeftBehindAge = new("left-behind-age", "留守儿童年龄上限", "周岁");
    public static readonly ChildStandardKind VisitIntervalDays = new("visit-interval-days", "走访周期", "天", RiskLevels);

    /// <summary>"concurrent": the orphan/unsupported allowance and the household's dibao may run for the same months; "exclusive": not.</summary>
    public static readonly ChildStandardKind DoubleBenefit = new("double-benefit", "与低保同时享受", "", Choices: [("concurrent", "可同时享受（低保计算时不计入该补贴）"), ("exclusive", "不得同时享受（须先将儿童从低保中核减）")]);

    public static readonly IReadOnlyList<ChildStandardKind> All =
        [Allowance, AdultAge, ThroughBirthdayMonth, EducationContinuation, EducationAgeLimit, MinimumMonths, Extensions, EndNoticeDays, LeftBehindAge, VisitIntervalDays, DoubleBenefit];

    public static ChildStandardKind? Find(string code) => All.FirstOrDefault(k => k.Code == code);

    public static string AllowanceCategory(ChildAllowanceKind kind, CarePlacement placement) =>
        (kind == ChildAllowanceKind.Orphan ? "orphan-" : "unsupported-") + (placement == CarePlacement.Institution ? "institution" : "dispersed");
}

/// <summary>A figure with where it comes from.</summary>
public sealed record ChildFigure(ChildStandardKind Kind, ChildStandard Row, string IssuerName)
{
    public Money Amount => Row.Amount ?? throw new InvalidOperationException($"{Kind.Name} 没有金额");
    public int Number => Row.Number ?? throw new InvalidOperationException($"{Kind.Name} 没有数值");
    public bool Yes => Row.Choice == "yes";

    public string Basis =>
        $"{IssuerName}{Kind.Name}{(Row.Category.Length == 0 ? "" : "·" + (Kind.Categories?.FirstOrDefault(c => c.Code == Row.Category).Name ?? Row.Category))} {ValueText()}（{Row.Document}，{Row.ValidFrom:yyyy-MM-dd} 起{(Row.ValidTo is { } to ? $"至 {to:yyyy-MM-dd}" : "")}{(Row.IsDemo ? "，演示数据" : "")}）";

    public string ValueText() =>
        Row.Amount is { } a ? $"{a} {Kind.Unit}"
        : Row.Number is { } n ? $"{n} {Kind.Unit}"
        : Kind.Choices?.FirstOrDefault(c => c.Code == Row.Choice).Name ?? Row.Choice ?? "";
}

/// <summary>The figure in force for a division and date: the county's own row first, else the city's (a small table, read once per scope).</summary>
public sealed class ChildStandards(AppDbContext db, DivisionDirectory divisions)
{
    private List<ChildStandard>? _rows;

    private List<ChildStandard> Rows => _rows ??= db.Set<ChildStandard>().AsNoTracking().ToList();

    public ChildFigure? Find(ChildStandardKind kind, string divisionCode, DateOnly date, string category = "")
    {
        var county = DivisionCodes.CountyPart(divisionCode).PadRight(DivisionCodes.Length, '0');
        var city = divisionCode[..4].PadRight(DivisionCodes.Length, '0');
        foreach (var issuer in new[] { county, city })
        {
            var hit = Rows.Where(r => r.Kind == kind.Code && r.DivisionCode == issuer && r.Category == category && r.ValidFrom <= date && (r.ValidTo is null || r.ValidTo >= date))
                .OrderByDescending(r => r.ValidFrom).FirstOrDefault();
            if (hit is not null) return new ChildFigure(kind, hit, divisions.NameOf(issuer));
        }
        return null;
    }

    public ChildFigure Require(ChildStandardKind kind, string divisionCode, DateOnly date, string category = "") =>
        Find(kind, divisionCode, date, category)
        ?? throw new AppProblem(409, "standard_missing",
            $"{divisions.FullName(divisionCode)} {date:yyyy-MM-dd} 没有生效的“{kind.Name}{(category.Length > 0 ? "·" + (kind.Categories?.FirstOrDefault(c => c.Code == category).Name ?? category) : "")}”，请市、县民政部门先在“儿童福利标准”中录入（含文号和执行日期）");

    public ChildRuleFigures RuleFigures(string divisionCode, DateOnly date) => new(
        Require(ChildStandardKinds.AdultAge, divisionCode, date).Number,
        Require(ChildStandardKinds.MinimumMonths, divisionCode, date).Number,
        Require(ChildStandardKinds.Extensions, divisionCode, date).Yes,
        Require(ChildStandardKinds.LeftBehindAge, divisionCode, date).Number);

    public async Task<ChildStandard> AddAsync(ChildStandard row, CancellationToken ct = default)
    {
        var kind = ChildStandardKinds.Find(row.Kind) ?? throw AppProblem.Field("kind", "未知的标准种类");
        if (kind.Categories is { } cats ? cats.All(c => c.Code != row.Category) : row.Category.Length > 0) throw AppProblem.Field("category", "类别不适用于该标准");
        if (kind.Choices is { } choices ? choices.All(c => c.Code != row.Choice) : row.Choice is not null) throw AppProblem.Field("choice", "请选择一个选项");
        if (kind.Choices is null && kind.Unit.StartsWith('元') && row.Amount is not { Fen: > 0 }) throw AppProblem.Field("amount", "请填写金额");
        if (kind.Choices is null && !kind.Unit.StartsWith('元') && row.Number is not > 0) throw AppProblem.Field("number", "请填写数值");
        if (string.IsNullOrWhiteSpace(row.Document)) throw AppProblem.Field("document", "请填写文件名称和文号");
        if (row.ValidTo is { } to && to < row.ValidFrom) throw AppProblem.Field("validTo", "截止日期不能早于执行日期");
        var overlap = await db.Set<ChildStandard>().AnyAsync(r => r.Kind == row.Kind && r.DivisionCode == row.DivisionCode && r.Category == row.Category
            && (r.ValidTo == null || r.ValidTo >= row.ValidFrom) && (row.ValidTo == null || r.ValidFrom <= row.ValidTo), ct);
        if (overlap) throw AppProblem.Conflict("standard_overlap", "与已有的同类标准执行期间重叠；请先为原标准设置截止日期");
        db.Add(row);
        await db.SaveChangesAsync(ct);
        _rows = null;
        return row;
    }
}
