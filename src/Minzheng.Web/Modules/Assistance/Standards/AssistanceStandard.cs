using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>
/// One effective-dated figure: a kind (see <see cref="StandardKinds"/>), where it applies (the city or a
/// county; urban, rural or both; a category where the kind has them), its value, the period it is in force
/// and the document (文号) that set it. Demo figures carry <see cref="IsDemo"/> and show a 演示数据 badge.
/// </summary>
public sealed class AssistanceStandard : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Program { get; set; }
    public required string Kind { get; set; }

    /// <summary>The city (4509…) or a county (6 significant digits): the county's figure wins.</summary>
    public required string DivisionCode { get; set; }
    public Area Area { get; set; }
    public string Category { get; set; } = "";

    public Money? Amount { get; set; }
    public decimal? Factor { get; set; }
    public decimal? Percent { get; set; }
    public int? Number { get; set; }
    public string? Choice { get; set; }

    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public string? Note { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AssistanceStandardConfiguration : IEntityTypeConfiguration<AssistanceStandard>
{
    public void Configure(EntityTypeBuilder<AssistanceStandard> b)
    {
        b.ToTable("assistance_standard");
        b.HasKey(s => s.Id);
        b.Property(s => s.Program).HasMaxLength(32);
        b.Property(s => s.Kind).HasMaxLength(64);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Area).HasConversion<int>();
        b.Property(s => s.Category).HasMaxLength(32);
        b.Property(s => s.Factor).HasPrecision(9, 4);
        b.Property(s => s.Percent).HasPrecision(7, 3);
        b.Property(s => s.Choice).HasMaxLength(32);
        b.Property(s => s.Document).HasMaxLength(200);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.CreatedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.Program, s.Kind, s.DivisionCode, s.ValidFrom });
    }
}
