using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Figures;

/// <summary>
/// A kind of effective-dated figure a module's rules read (an amount, a number, or one of a set of choices), optionally
/// by category. Modules declare their kinds; the values are rows of <see cref="Figure"/>.
/// </summary>
public sealed record FigureKind(string Module, string Code, string Name, string Unit,
    IReadOnlyList<(string Code, string Name)>? Categories = null, IReadOnlyList<(string Code, string Name)>? Choices = null)
{
    public bool IsAmount => Choices is null && Unit.StartsWith('元');
    public bool IsNumber => Choices is null && !IsAmount;
}

/// <summary>
/// One figure in force from a date (to a date) for the city or a county, with the document that set it. The county's row
/// wins over the city's. Demo rows are flagged and shown as 演示数据. (The kernel's home for what assistance and child
/// welfare still keep in their own tables; see ADR 010.)
/// </summary>
public sealed class Figure : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Module { get; set; }
    public required string Kind { get; set; }
    public required string DivisionCode { get; set; }
    public string Category { get; set; } = "";
    public Money.Money? Amount { get; set; }
    public int? Number { get; set; }
    public string? Choice { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class FigureConfiguration : IEntityTypeConfiguration<Figure>
{
    public void Configure(EntityTypeBuilder<Figure> b)
    {
        b.ToTable("platform_figure");
        b.HasKey(f => f.Id);
        b.Property(f => f.Module).HasMaxLength(32);
        b.Property(f => f.Kind).HasMaxLength(64);
        b.Property(f => f.DivisionCode).HasMaxLength(12);
        b.Property(f => f.Category).HasMaxLength(32);
        b.Property(f => f.Choice).HasMaxLength(32);
        b.Property(f => f.Document).HasMaxLength(200);
        b.Property(f => f.CreatedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.Module, f.Kind, f.DivisionCode, f.ValidFrom });
    }
}

/// <summary>A figure as a rule uses it, with its basis: "玉林市 护理补贴标准 80.00 元/人·月（文号，2020-01-01 起）".</summary>
public sealed record FigureValue(FigureKind Kind, Figure Row, string IssuerName)
{
    public Money.Money Amount => Row.Amount ?? throw new InvalidOperationException($"{Kind.Name} 没有金额");
    public int Number => Row.Number ?? throw new InvalidOperationException($"{Kind.Name} 没有数值");
    public bool Yes => Row.Choice == "yes";

    public string Basis =>
        $"{IssuerName}{Kind.Name}{(Row.Category.Length == 0 ? "" : "·" + (Kind.Categories?.FirstOrDefault(c => c.Code == Row.Category).Name ?? Row.Category))} {ValueText()}（{Row.Document}，{Row.ValidFrom:yyyy-MM-dd} 起{(Row.ValidTo is { } to ? $"至 {to:yyyy-MM-dd}" : "")}{(Row.IsDemo && !Row.Document.Contains("演示数据", StringComparison.Ordinal) ? "，演示数据" : "")}）";

    public string ValueText() =>
        Row.Amount is { } a ? $"{a} {Kind.Unit}"
        : Row.Number is { } n ? $"{n} {Kind.Unit}"
        : Kind.Choices?.FirstOrDefault(c => c.Code == Row.Choice).Name ?? Row.Choice ?? "";
}

/// <summary>Looks figures up (county first, then city; the latest in force on the date) and adds new ones without overlap.</summary>
public sealed class FigureBook(AppDbContext db, DivisionDirectory divisions)
{
    private List<Figure>? _rows;

    private List<Figure> Rows => _rows ??= db.Set<Figure>().AsNoTracking().ToList();

    public FigureValue? Find(FigureKind kind, string divisionCode, DateOnly date, string category = "")
    {
        var county = DivisionCodes.CountyPart(divisionCode).PadRight(DivisionCodes.Length, '0');
        var city = divisionCode[..4].PadRight(DivisionCodes.Length, '0');
        foreach (var issuer in new[] { county, city })
        {
            var hit = Rows.Where(r => r.Module == kind.Module && r.Kind == kind.Code && r.DivisionCode == issuer && r.Category == category
                && r.ValidFrom <= date && (r.ValidTo is null || r.ValidTo >= date)).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
            if (hit is not null) return new FigureValue(kind, hit, divisions.NameOf(issuer));
        }
        return null;
    }

    public FigureValue Require(FigureKind kind, string divisionCode, DateOnly date, string category = "") =>
        Find(kind, divisionCode, date, category)
        ?? throw new AppProblem(409, "standard_missing",
            $"{divisions.FullName(divisionCode)} {date:yyyy-MM-dd} 没有生效的“{kind.Name}{(category.Length > 0 ? "·" + (kind.Categories?.FirstOrDefault(c => c.Code == category).Name ?? category) : "")}”，请市、县民政部门先录入（含文号和执行日期）");

    public async Task<Figure> AddAsync(FigureKind kind, Figure row, CancellationToken ct = default)
    {
        row.Module = kind.Module;
        row.Kind = kind.Code;
        if (kind.Categories is { } cats ? cats.All(c => c.Code != row.Category) : row.Category.Length > 0) throw AppProblem.Field("category", "类别不适用于该标准");
        if (kind.Choices is { } choices ? choices.All(c => c.Code != row.Choice) : row.Choice is not null) throw AppProblem.Field("choice", "请选择一个选项");
        if (kind.IsAmount && row.Amount is not { Fen: >= 0 }) throw AppProblem.Field("amount", "请填写金额");
        if (kind.IsNumber && row.Number is not > 0) throw AppProblem.Field("number", "请填写数值");
        if (string.IsNullOrWhiteSpace(row.Document)) throw AppProblem.Field("document", "请填写文件名称和文号");
        if (row.ValidTo is { } to && to < row.ValidFrom) throw AppProblem.Field("validTo", "截止日期不能早于执行日期");
        var overlap = await db.Set<Figure>().AnyAsync(r => r.Module == row.Module && r.Kind == row.Kind && r.DivisionCode == row.DivisionCode && r.Category == row.Category
            && (r.ValidTo == null || r.ValidTo >= row.ValidFrom) && (row.ValidTo == null || r.ValidFrom <= row.ValidTo), ct);
        if (overlap) throw AppProblem.Conflict("standard_overlap", "与已有的同类标准执行期间重叠；请先为原标准设置截止日期");
        db.Add(row);
        await db.SaveChangesAsync(ct);
        _rows = null;
        return row;
    }
}
