using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>A figure as a rule uses it: its value and where it comes from (document, period, issuer).</summary>
public sealed record StandardValue(StandardKind Kind, AssistanceStandard Row, string IssuerName)
{
    public Money Amount => Row.Amount ?? throw new InvalidOperationException($"{Kind.Name} 没有金额");
    public decimal Factor => Row.Factor ?? throw new InvalidOperationException($"{Kind.Name} 没有倍数");
    public int Number => Row.Number ?? throw new InvalidOperationException($"{Kind.Name} 没有数值");

    /// <summary>"玉林市 城乡低保标准 660.00 元/人·月（玉民发〔2020〕1号，2020-01-01 起）"</summary>
    public string Basis =>
        $"{IssuerName}{Kind.Name}{Category()} {ValueText()}（{Row.Document}，{Row.ValidFrom:yyyy-MM-dd} 起{(Row.ValidTo is { } to ? $"至 {to:yyyy-MM-dd}" : "")}{(Row.IsDemo && !Row.Document.Contains("演示数据", StringComparison.Ordinal) ? "，演示数据" : "")}）";

    private string Category() => Row.Category.Length == 0 ? "" : "·" + (Kind.Categories?.FirstOrDefault(c => c.Code == Row.Category).Name ?? Row.Category);

    public string ValueText() =>
        Row.Amount is { } a ? $"{a} {Kind.Unit.Split(' ')[0]}"
        : Row.Factor is { } f ? $"{f:0.####} 倍"
        : Row.Percent is { } p ? $"{p:0.###}%"
        : Row.Number is { } n ? $"{n} {Kind.Unit}"
        : Kind.Choices?.FirstOrDefault(c => c.Code == Row.Choice).Name ?? Row.Choice ?? "";
}

/// <summary>
/// Looks up the figure in force for a division, area and date: a county's own figure first, else the
/// city's; an area-specific figure first, else one for both areas. Loaded once per request (a small table).
/// </summary>
public sealed class StandardsBook(AppDbContext db, DivisionDirectory divisions)
{
    private List<AssistanceStandard>? _rows;

    private List<AssistanceStandard> Rows => _rows ??= db.Set<AssistanceStandard>().AsNoTracking().ToList();

    public void Invalidate() => _rows = null;

    public StandardValue? Find(StandardKind kind, string divisionCode, Area area, DateOnly date, string category = "")
    {
        var county = DivisionCodes.CountyPart(divisionCode).PadRight(DivisionCodes.Length, '0');
        var city = divisionCode[..4].PadRight(DivisionCodes.Length, '0');
        foreach (var issuer in new[] { county, city })
        {
            var candidates = Rows.Where(r => r.Program == kind.Program && r.Kind == kind.Code && r.DivisionCode == issuer && r.Category == category
                && r.ValidFrom <= date && (r.ValidTo is null || r.ValidTo >= date)).ToList();
            var hit = candidates.Where(r => r.Area == area).OrderByDescending(r => r.ValidFrom).FirstOrDefault()
                ?? candidates.Where(r => r.Area == Area.All).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
            if (hit is not null) return new StandardValue(kind, hit, divisions.NameOf(issuer));
        }
        return null;
    }

    public StandardValue Require(StandardKind kind, string divisionCode, Area area, DateOnly date, string category = "") =>
        Find(kind, divisionCode, area, date, category)
        ?? throw new AppProblem(409, "standard_missing",
            $"{divisions.FullName(divisionCode)} {date:yyyy-MM-dd} 没有生效的“{kind.Name}{(category.Length > 0 ? "·" + category : "")}”{(area == Area.All ? "" : area == Area.Urban ? "（城市）" : "（农村）")}，请市、县民政部门先在“救助标准”中录入（含文号和执行日期）");
}
