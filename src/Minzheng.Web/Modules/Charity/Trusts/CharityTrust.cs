using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Charity.Trusts;

public enum TrusteeKind
{
    /// <summary>慈善组织.</summary>
    Charity = 1,

    /// <summary>信托公司.</summary>
    TrustCompany = 2,
}

/// <summary>
/// 慈善信托备案 (慈善法 2016 第四十五条): the trustee — a charity or a trust company — files the written trust document with the
/// 民政 of its county within seven days of it; the record keeps whether the filing was in time (days from the figure book).
/// </summary>
public sealed class CharityTrust : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public required string Purpose { get; set; }
    public TrusteeKind TrusteeKind { get; set; }
    public required string TrusteeName { get; set; }
    public required string Settlor { get; set; }
    public Money Property { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public DateOnly FiledOn { get; set; }

    /// <summary>The last day for filing under the figure in force on the establishment date.</summary>
    public DateOnly FilingDueOn { get; set; }
    public required string RecordedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CharityTrustConfiguration : IEntityTypeConfiguration<CharityTrust>
{
    public void Configure(EntityTypeBuilder<CharityTrust> b)
    {
        b.ToTable("charity_trust");
        b.HasKey(t => t.Id);
        b.Property(t => t.Number).HasMaxLength(30);
        b.Property(t => t.DivisionCode).HasMaxLength(12);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Purpose).HasMaxLength(1000);
        b.Property(t => t.TrusteeKind).HasConversion<int>();
        b.Property(t => t.TrusteeName).HasMaxLength(100);
        b.Property(t => t.Settlor).HasMaxLength(200);
        b.Property(t => t.RecordedBy).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.Number).IsUnique();
        b.HasIndex(t => new { t.DivisionCode, t.FiledOn });
    }
}
