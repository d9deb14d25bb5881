using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Figures;

/// <summary>Where a figure applies: urban, rural, or both (a figure for both yields to an area-specific one).</summary>
public enum FigureArea
{
    All = 0,
    Urban = 1,
    Rural = 2,
}

public enum FigureValueType
{
    /// <summary>An amount in yuan (per person per month unless the kind says otherwise).</summary>
    Amount,

    /// <summary>A factor, e.g. 1.5 × the dibao standard.</summary>
    Multiple,

    /// <summary>A percentage, e.g. 60 % of the standard.</summary>
    Percent,

    /// <summary>An amount or a percentage of another standard (分类施保).</summary>
    AmountOrPercent,

    /// <summary>An amount or a multiple of another standard (特困基本生活标准).</summary>
    AmountOrMultiple,

    /// <summary>A whole number: months, days, years of age, a count.</summary>
    Number,

    /// <summary>One of a fixed set of options.</summary>
    Choice,
}

/// <summary>
/// A kind of effective-dated figure a module's rules read, optionally by category and by area. <see cref="Module"/> is the
/// module or the program the kind belongs to (e.g. one of assistance's three programs). Without an explicit
/// <paramref name="Type"/> a kind with choices is a choice, a unit in 元 an amount, anything else a number.
/// </summary>
public sealed record FigureKind(string Module, string Code, string Name, string Unit,
    IReadOnlyList<(string Code, string Name)>? Categories = null, IReadOnlyList<(string Code, string Name)>? Choices = null,
    FigureValueType? Type = null, bool ByArea = false)
{
    public FigureValueType ValueType => Type ?? (Choices is not null ? FigureValueType.Choice : Unit.StartsWith('元') ? FigureValueType.Amount : FigureValueType.Number);

    public string Key => Module + "/" + Code;

    public string CategoryName(string category) => category.Length == 0 ? "" : Categories?.FirstOrDefault(c => c.Code == category).Name ?? category;
}

/// <summary>
/// A module's part of the figure book, declared by the module itself: the names of its programs (the values of
/// <see cref="Figure.Module"/>), its kinds, and the permission that edits them. The kernel names no module.
/// </summary>
public sealed record FigureSection(string Code, string Name, string EditPermission, IReadOnlyList<(string Code, string Name)> Programs, IReadOnlyList<FigureKind> Kinds);

/// <summary>Every declared figure kind, from the sections the modules register.</summary>
public sealed class FigureCatalog(IEnumerable<FigureSection> sections)
{
    public IReadOnlyList<FigureSection> Sections { get; } = sections.ToList();

    public FigureKind? Find(string? module, string? code) =>
        Sections.SelectMany(s => s.Kinds).FirstOrDefault(k => k.Module == module && k.Code == code);

    public FigureSection? Section(string? code) => Sections.FirstOrDefault(s => s.Code == code);

    public FigureSection? SectionOf(string module) => Sections.FirstOrDefault(s => s.Programs.Any(p => p.Code == module));

    public string ProgramName(string module) => Sections.SelectMany(s => s.Programs).FirstOrDefault(p => p.Code == module).Name ?? module;
}

/// <summary>
/// One figure in force from a date (to a date) for the city or a county, with the document that set it: the one home of
/// every effective-dated standard, multiple, period and choice the modules' rules read (ADR 013). The county's row wins
/// over the city's, an area-specific row over one for both areas. Demo rows are flagged and shown as 演示数据.
/// </summary>
public sealed class Figure : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The module or program the kind belongs to (<see cref="FigureKind.Module"/>).</summary>
    public required string Module { get; set; }
    public required string Kind { get; set; }

    /// <summary>The city (4509…) or a county (6 significant digits): the county's figure wins.</summary>
    public required string DivisionCode { get; set; }
    public FigureArea Area { get; set; }
    public string Category { get; set; } = "";
    public Money.Money? Amount { get; set; }

    /// <summary>A multiple (e.g. 1.5 × the dibao standard).</summary>
    public decimal? Factor { get; set; }
    public decimal? Percent { get; set; }
    public int? Number { get; set; }
    public string? Choice { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Document { get; set; }
    public string? Note { get; set; }
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
        b.Property(f => f.Area).HasConversion<int>();
        b.Property(f => f.Category).HasMaxLength(32);
        b.Property(f => f.Factor).HasPrecision(9, 4);
        b.Property(f => f.Percent).HasPrecision(7, 3);
        b.Property(f => f.Choice).HasMaxLength(32);
        b.Property(f => f.Document).HasMaxLength(200);
        b.Property(f => f.Note).HasMaxLength(500);
        b.Property(f => f.CreatedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.Module, f.Kind, f.DivisionCode, f.ValidFrom });
    }
}

/// <summary>A figure as a rule uses it, with its basis: "玉林市 护理补贴标准 80.00 元/人·月（文号，2020-01-01 起）".</summary>
public sealed record FigureValue(FigureKind Kind, Figure Row, string IssuerName)
{
    public Money.Money Amount => Row.Amount ?? throw new InvalidOperationException($"{Kind.Name} 没有金额");
    public decimal Factor => Row.Factor ?? throw new InvalidOperationException($"{Kind.Name} 没有倍数");
    public int Number => Row.Number ?? throw new InvalidOperationException($"{Kind.Name} 没有数值");
    public bool Yes => Row.Choice == "yes";

    public string Basis =>
        $"{IssuerName}{Kind.Name}{(Row.Category.Length == 0 ? "" : "·" + Kind.CategoryName(Row.Category))} {ValueText()}（{Row.Document}，{Row.ValidFrom:yyyy-MM-dd} 起{(Row.ValidTo is { } to ? $"至 {to:yyyy-MM-dd}" : "")}{(Row.IsDemo && !Row.Document.Contains("演示数据", StringComparison.Ordinal) ? "，演示数据" : "")}）";

    public string ValueText() => Text(Kind, Row);

    /// <summary>"660.00 元/人·月", "1.5 倍", "60%", "12 个月", or the choice's name.</summary>
    public static string Text(FigureKind? kind, Figure row) =>
        row.Amount is { } a ? $"{a} {kind?.Unit.Split(' ')[0]}".TrimEnd()
        : row.Factor is { } f ? $"{f:0.####} 倍"
        : row.Percent is { } p ? $"{p:0.###}%"
        : row.Number is { } n ? $"{n} {kind?.Unit}".TrimEnd()
        : kind?.Choices?.FirstOrDefault(c => c.Code == row.Choice).Name ?? row.Choice ?? "";
}
