using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Charity.Ratios;

/// <summary>
/// A charity's reported figures for one year (年度工作报告的财务部分) and the verdict of <see cref="CharityRatios"/> on them, kept
/// with the table row it was judged by (so a later change of the figures does not silently rewrite an old verdict).
/// </summary>
public sealed class CharityYearlyReport : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public CharityBody Body { get; set; }
    public bool PublicFundraising { get; set; }
    public bool LessThanOneYear { get; set; }
    public bool UseThreeYearAverage { get; set; }

    public Money Income { get; set; }
    public Money CharitableSpending { get; set; }
    public Money ManagementCost { get; set; }
    public Money TotalSpending { get; set; }
    public Money PreviousYearEndNetAssets { get; set; }
    public Money PreviousYearIncome { get; set; }

    /// <summary>The table row (tier) and the verdict; null verdict when the table was not configured for the tier.</summary>
    public required string Tier { get; set; }
    public RatioVerdict? Verdict { get; set; }
    public decimal? SpendingPercent { get; set; }
    public decimal? ManagementPercent { get; set; }

    /// <summary>The shortfalls, one per line ("code|text"), or why there is no verdict.</summary>
    public string Findings { get; set; } = "";
    public string? Explanation { get; set; }
    public required string RecordedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CharityYearlyReportConfiguration : IEntityTypeConfiguration<CharityYearlyReport>
{
    public void Configure(EntityTypeBuilder<CharityYearlyReport> b)
    {
        b.ToTable("charity_yearly_report");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Body).HasConversion<int>();
        b.Property(r => r.Tier).HasMaxLength(40);
        b.Property(r => r.Verdict).HasConversion<int?>();
        b.Property(r => r.SpendingPercent).HasPrecision(9, 2);
        b.Property(r => r.ManagementPercent).HasPrecision(9, 2);
        b.Property(r => r.Findings).HasMaxLength(2000);
        b.Property(r => r.Explanation).HasMaxLength(1000);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.DivisionCode, r.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
