using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
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

    // ——— the form (the reports part): basic facts ———

    /// <summary>会员数 (社会团体; the others may leave it empty).</summary>
    public int? Members { get; set; }

    /// <summary>理事会（会员大会）召开次数.</summary>
    public int? CouncilMeetings { get; set; }

    /// <summary>The organisation confirms its registered address is still where it can be reached (住所核实).</summary>
    public bool AddressConfirmed { get; set; }

    // activities
    public string MainActivities { get; set; } = "";
    public int? EventsHeld { get; set; }
    public string Services { get; set; } = "";

    // finances (fen): income by source, expenditure, net assets at year end (may be negative); foundations also the two ratios' parts
    public Money? IncomeDonations { get; set; }
    public Money? IncomeGovernment { get; set; }
    public Money? IncomeServices { get; set; }
    public Money? IncomeDues { get; set; }
    public Money? IncomeOther { get; set; }
    public Money? Expenditure { get; set; }
    public Money? NetAssets { get; set; }

    /// <summary>公益事业支出 (基金会管理条例 art. 29).</summary>
    public Money? PublicWelfareSpending { get; set; }

    /// <summary>工作人员工资福利和行政办公支出 (管理费用).</summary>
    public Money? ManagementCosts { get; set; }

    /// <summary>党组织建设 as reported; copied onto the profile on submission.</summary>
    public PartyOrganizationStatus PartyOrganization { get; set; }

    // staff
    public int? FullTimeStaff { get; set; }
    public int? PartTimeStaff { get; set; }
    public int? SocialWorkers { get; set; }

    /// <summary>
    /// 业务主管单位初审 as the organisation attaches it (the unit is not a platform user, ADR 039): passed or returned, on
    /// <see cref="PreReviewedOn"/>, with the unit's opinion. The registration authority checks it when reviewing.
    /// </summary>
    public bool? PreReviewPassed { get; set; }

    public string? PreReviewOpinion { get; set; }

    /// <summary>The last return for correction (退回补正) and why.</summary>
    public DateOnly? ReturnedOn { get; set; }

    public string? ReturnReason { get; set; }

    /// <summary>Why the conclusion is 基本合格 or 不合格 (required then).</summary>
    public string? ConclusionReasons { get; set; }

    /// <summary>The sanctions decided with the conclusion, as codes joined by commas (<see cref="ReportSanctions"/>).</summary>
    public string Sanctions { get; set; } = "";

    /// <summary>处罚决定书 number where sanctions were decided.</summary>
    public string? SanctionDocument { get; set; }

    public string? ConcludedBy { get; set; }

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
        b.Property(r => r.PartyOrganization).HasConversion<int>();
        b.Property(r => r.MainActivities).HasMaxLength(2000);
        b.Property(r => r.Services).HasMaxLength(2000);
        b.Property(r => r.PreReviewOpinion).HasMaxLength(1000);
        b.Property(r => r.ReturnReason).HasMaxLength(1000);
        b.Property(r => r.ConclusionReasons).HasMaxLength(1000);
        b.Property(r => r.Sanctions).HasMaxLength(200);
        b.Property(r => r.SanctionDocument).HasMaxLength(100);
        b.Property(r => r.ConcludedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.DivisionCode, r.Year, r.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
