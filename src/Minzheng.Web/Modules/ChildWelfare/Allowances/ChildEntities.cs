using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

public enum ChildAllowanceKind
{
    /// <summary>孤儿基本生活费.</summary>
    Orphan = 1,

    /// <summary>事实无人抚养儿童基本生活补贴.</summary>
    Unsupported = 2,
}

public enum ChildCaseStatus
{
    /// <summary>Applied, waiting for the township's review.</summary>
    Applied = 1,

    /// <summary>Reviewed by the township, waiting for the county's confirmation.</summary>
    TownshipReviewed = 2,
    Confirmed = 3,
    Refused = 4,
    Ended = 5,
}

/// <summary>集中养育 (in an institution) or 散居 (kinship care, foster family).</summary>
public enum CarePlacement
{
    Institution = 1,
    Kinship = 2,
    Foster = 3,
}

public enum ChildEndReason
{
    Age = 1,
    Adoption = 2,
    Death = 3,
    ParentSituationEnded = 4,
    Other = 5,
}

/// <summary>
/// An orphan's or a de-facto unsupported child's allowance: identification with each parent's situation and its
/// evidence, township review, county confirmation, care arrangement and guardian, the allowance by standard
/// (published to payments), and its end (by age, adoption, death, a parent's situation ending).
/// </summary>
public sealed class ChildAllowanceCase : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public ChildAllowanceKind Kind { get; set; }
    public ChildCaseStatus Status { get; set; } = ChildCaseStatus.Applied;

    public Guid ChildPersonId { get; set; }
    public Guid? HouseholdId { get; set; }

    /// <summary>The child's village (or community): the case is scoped there.</summary>
    public required string DivisionCode { get; set; }

    public ParentSituation FatherSituation { get; set; }
    public DateOnly? FatherSince { get; set; }
    public int? FatherTermMonths { get; set; }
    public string? FatherEvidence { get; set; }
    public ParentSituation MotherSituation { get; set; }
    public DateOnly? MotherSince { get; set; }
    public int? MotherTermMonths { get; set; }
    public string? MotherEvidence { get; set; }

    public CarePlacement Placement { get; set; }
    public string? InstitutionName { get; set; }
    public required string GuardianName { get; set; }
    public required string GuardianRelation { get; set; }
    public Guid? GuardianPersonId { get; set; }
    public bool InFullTimeEducation { get; set; }

    public DateOnly AppliedOn { get; set; }
    public required string AppliedBy { get; set; }
    public string? RefusalReason { get; set; }

    /// <summary>The rule's findings at the last decision (JSON array of strings).</summary>
    public string? Findings { get; set; }

    public Money MonthlyAmount { get; set; }

    /// <summary>The amount's explanation lines (JSON of AmountLine), as published to payments.</summary>
    public string? Explanation { get; set; }
    public DateOnly? FromMonth { get; set; }

    /// <summary>The last month due by age (the allowance ends by itself after it).</summary>
    public DateOnly? LastMonthByAge { get; set; }
    public DateOnly? EndedMonth { get; set; }
    public ChildEndReason? EndReason { get; set; }
    public string? EndNote { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public ParentFacts Father => new(FatherSituation, FatherSince, FatherTermMonths, FatherEvidence);
    public ParentFacts Mother => new(MotherSituation, MotherSince, MotherTermMonths, MotherEvidence);
}

internal sealed class ChildAllowanceCaseConfiguration : IEntityTypeConfiguration<ChildAllowanceCase>
{
    public void Configure(EntityTypeBuilder<ChildAllowanceCase> b)
    {
        b.ToTable("child_allowance_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(40);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Kind).HasConversion<int>();
        b.Property(c => c.Status).HasConversion<int>();
        b.Property(c => c.Placement).HasConversion<int>();
        b.Property(c => c.FatherSituation).HasConversion<int>();
        b.Property(c => c.MotherSituation).HasConversion<int>();
        b.Property(c => c.EndReason).HasConversion<int?>();
        b.Property(c => c.FatherEvidence).HasMaxLength(500);
        b.Property(c => c.MotherEvidence).HasMaxLength(500);
        b.Property(c => c.InstitutionName).HasMaxLength(100);
        b.Property(c => c.GuardianName).HasMaxLength(50);
        b.Property(c => c.GuardianRelation).HasMaxLength(20);
        b.Property(c => c.AppliedBy).HasMaxLength(100);
        b.Property(c => c.RefusalReason).HasMaxLength(500);
        b.Property(c => c.EndNote).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.DivisionCode, c.Status });
        b.HasIndex(c => c.ChildPersonId);
        // one open or running allowance per child and kind (the database refuses a second)
        b.HasIndex(c => new { c.ChildPersonId, c.Kind }, "ux_child_allowance_open").IsUnique().HasFilter("status IN (1, 2, 3)");
    }
}
