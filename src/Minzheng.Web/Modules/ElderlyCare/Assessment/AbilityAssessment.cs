using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ElderlyCare.Assessment;

/// <summary>评估原因 (rules-2 §1.11).</summary>
public enum AssessmentReason
{
    /// <summary>首次评估.</summary>
    First = 1,

    /// <summary>常规评估 (the reassessment interval is a figure).</summary>
    Regular = 2,

    /// <summary>即时评估: the condition changed.</summary>
    Immediate = 3,

    /// <summary>复评: the result is disputed.</summary>
    Review = 4,

    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>
/// One ability assessment of a registry person: the item answers as given, the scoring table's version, and the totals and level
/// the server computed with that table (never the client's). Kept as made: a later table (or the MZ/T 039-2013 table of older
/// assessments) never rewrites it. Division-scoped by the person's division; organisation-scoped by the home that assessed.
/// </summary>
public sealed class AbilityAssessment : IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid PersonId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The home whose resident was assessed (its accounts see the assessment), or null for an assessment at home.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary><see cref="Rules.AbilityRules.Version"/> or <see cref="Rules.AbilityRules.LegacyVersion"/>.</summary>
    public required string ScaleVersion { get; set; }

    /// <summary>The item answers, JSON {"B1.1": 4, …}.</summary>
    public required string Answers { get; set; }

    public bool DementiaDiagnosis { get; set; }
    public int RiskEvents30Days { get; set; }
    public int Total { get; set; }
    public int SelfCare { get; set; }
    public int Motor { get; set; }
    public int Mental { get; set; }
    public int Perception { get; set; }
    public int BaseLevel { get; set; }
    public int Level { get; set; }

    /// <summary>The explanation lines, JSON array.</summary>
    public required string Reasons { get; set; }

    public AssessmentReason Reason { get; set; }
    public required string Assessor1 { get; set; }
    public required string Assessor2 { get; set; }
    public DateOnly AssessedOn { get; set; }

    /// <summary>再评估到期日: the assessment date plus the reassessment interval figure.</summary>
    public DateOnly NextDueOn { get; set; }

    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AbilityAssessmentConfiguration : IEntityTypeConfiguration<AbilityAssessment>
{
    public void Configure(EntityTypeBuilder<AbilityAssessment> b)
    {
        b.ToTable("elderly_assessment");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(40);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.ScaleVersion).HasMaxLength(40);
        b.Property(a => a.Answers).HasMaxLength(1000);
        b.Property(a => a.Reasons).HasMaxLength(2000);
        b.Property(a => a.Reason).HasConversion<int>();
        b.Property(a => a.Assessor1).HasMaxLength(50);
        b.Property(a => a.Assessor2).HasMaxLength(50);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.PersonId, a.AssessedOn });
        b.HasIndex(a => new { a.DivisionCode, a.NextDueOn });
        b.HasIndex(a => a.OrganizationId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
