using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>Where an annual report stands: drafted by the organisation, through the 业务主管单位's preliminary review, submitted, concluded.</summary>
public enum AnnualReportStatus
{
    Draft = 1,

    /// <summary>业务主管单位初审通过 (only kinds with a preliminary review).</summary>
    PreReviewed = 2,

    /// <summary>报登记管理机关.</summary>
    Submitted = 3,

    /// <summary>退回补正.</summary>
    Returned = 4,

    /// <summary>年检结论作出.</summary>
    Concluded = 5,
}

/// <summary>年检结论 (民政部令第27号): 合格 / 基本合格 / 不合格.</summary>
public enum InspectionConclusion
{
    Qualified = 1,
    BasicallyQualified = 2,
    Unqualified = 3,
}

/// <summary>
/// One organisation's annual work report (年度工作报告) for one year and its inspection conclusion: the facts other parts read
/// (evaluation eligibility, zombie detection, the public query, the dashboard). The reports part owns the forms, the review
/// and the daily overdue job and adds its own columns; the row is unique per organisation and year.
/// </summary>
public sealed class AnnualReport : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The year reported on (2020 for the report due by 31 May 2021).</summary>
    public int Year { get; set; }

    public AnnualReportStatus Status { get; set; } = AnnualReportStatus.Draft;
    public DateOnly? PreReviewedOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public InspectionConclusion? Conclusion { get; set; }
    public DateOnly? ConcludedOn { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("socorg_annual_report");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.Conclusion).HasConversion<int>();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.DivisionCode, r.Year, r.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
