using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Community.Pilots;

public enum PilotStatus
{
    /// <summary>建设中</summary>
    Building = 1,

    /// <summary>已验收</summary>
    Accepted = 2,
}

/// <summary>The limits of the pilots' and the assessment's texts, shared by the inputs, the mapping and the forms.</summary>
public static class PilotLimits
{
    public const int Theme = 100;
    public const int Measures = 2000;
    public const int Note = 1000;
    public const int IndicatorCode = 32;
    public const int IndicatorName = 50;
    public const int IndicatorGroup = 50;
    public const int Description = 500;
    public const int Assessors = 200;
    public const int Findings = 2000;
    public const int ScoreNote = 200;
    public const int Action = 500;
    public const int Responsible = 100;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int MaxIndicatorScore = 100;
}

/// <summary>
/// A village designated a 农村社区试点 by its county for a year: the theme and the measures, then the acceptance (验收) with its
/// date and note. Only 村委会 (not 居委会) are pilots, and a village is designated at most once a year. Scoped by the village's code.
/// </summary>
public sealed class CommunityPilot : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommitteeId { get; set; }

    /// <summary>The village's 12-digit code (the committee's).</summary>
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public required string Theme { get; set; }
    public string Measures { get; set; } = "";
    public PilotStatus Status { get; set; } = PilotStatus.Building;
    public DateOnly? AcceptedOn { get; set; }
    public string AcceptanceNote { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CommunityPilotConfiguration : IEntityTypeConfiguration<CommunityPilot>
{
    public void Configure(EntityTypeBuilder<CommunityPilot> b)
    {
        b.ToTable("com_pilot");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Theme).HasMaxLength(PilotLimits.Theme);
        b.Property(p => p.Measures).HasMaxLength(PilotLimits.Measures);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.AcceptanceNote).HasMaxLength(PilotLimits.Note);
        b.Property(p => p.Version).IsConcurrencyToken();
        // once per village and year, also under two officers designating at once
        b.HasIndex(p => new { p.DivisionCode, p.Year }).IsUnique();
        b.HasIndex(p => p.CommitteeId);
    }
}

/// <summary>
/// One indicator of the township service-capacity catalogue (city-wide configuration), in force from a date (to a date): its
/// code, name, group (一级指标) and maximum score, which is its weight in the total. An assessment copies what it scored, so a
/// later change of the catalogue leaves past assessments as they were.
/// </summary>
public sealed class CapacityIndicator : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Group { get; set; } = "";
    public int MaxScore { get; set; }
    public int SortOrder { get; set; }
    public string Description { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool InForceOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || ValidTo >= date);
}

internal sealed class CapacityIndicatorConfiguration : IEntityTypeConfiguration<CapacityIndicator>
{
    public void Configure(EntityTypeBuilder<CapacityIndicator> b)
    {
        b.ToTable("com_capacity_indicator");
        b.HasKey(i => i.Id);
        b.Property(i => i.Code).HasMaxLength(PilotLimits.IndicatorCode);
        b.Property(i => i.Name).HasMaxLength(PilotLimits.IndicatorName);
        b.Property(i => i.Group).HasMaxLength(PilotLimits.IndicatorGroup);
        b.Property(i => i.Description).HasMaxLength(PilotLimits.Description);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.Code, i.ValidFrom }).IsUnique();
    }
}

/// <summary>
/// A township's (乡镇、街道) yearly service-capacity assessment by its county: one score per indicator in force on the
/// assessment day, the total, the grade by the thresholds in force, the findings and the follow-up actions. One per township
/// and year. Scoped by the township's code, so the township sees its own result and another county nothing.
/// </summary>
public sealed class CapacityAssessment : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The township's 12-digit code.</summary>
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public DateOnly AssessedOn { get; set; }
    public string Assessors { get; set; } = "";
    public decimal Total { get; set; }
    public decimal MaxTotal { get; set; }

    /// <summary>The total on a 100-point scale, which the grade is read from.</summary>
    public decimal Score100 { get; set; }
    public CapacityGrade? Grade { get; set; }
    public string Findings { get; set; } = "";
    public List<CapacityScore> Scores { get; set; } = [];
    public List<CapacityFollowUp> FollowUps { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One indicator's score in an assessment, with the indicator as it was then.</summary>
public sealed class CapacityScore : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }

    /// <summary>The assessment's township (so that a score read alone is scoped like it).</summary>
    public required string DivisionCode { get; set; }
    public Guid IndicatorId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Group { get; set; } = "";
    public int MaxScore { get; set; }
    public int SortOrder { get; set; }
    public decimal Score { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A follow-up action (整改事项) of an assessment: what, who, by when, and when it was done.</summary>
public sealed class CapacityFollowUp : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Action { get; set; }
    public string Responsible { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string DoneNote { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CapacityAssessmentConfiguration : IEntityTypeConfiguration<CapacityAssessment>
{
    public void Configure(EntityTypeBuilder<CapacityAssessment> b)
    {
        b.ToTable("com_capacity_assessment");
        b.HasKey(a => a.Id);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Assessors).HasMaxLength(PilotLimits.Assessors);
        b.Property(a => a.Total).HasPrecision(7, 1);
        b.Property(a => a.MaxTotal).HasPrecision(7, 1);
        b.Property(a => a.Score100).HasPrecision(5, 1);
        b.Property(a => a.Grade).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Findings).HasMaxLength(PilotLimits.Findings);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.DivisionCode, a.Year }).IsUnique();
        b.HasIndex(a => a.Year);
        b.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.FollowUps).WithOne().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CapacityScoreConfiguration : IEntityTypeConfiguration<CapacityScore>
{
    public void Configure(EntityTypeBuilder<CapacityScore> b)
    {
        b.ToTable("com_capacity_score");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Code).HasMaxLength(PilotLimits.IndicatorCode);
        b.Property(s => s.Name).HasMaxLength(PilotLimits.IndicatorName);
        b.Property(s => s.Group).HasMaxLength(PilotLimits.IndicatorGroup);
        b.Property(s => s.Score).HasPrecision(5, 1);
        b.Property(s => s.Note).HasMaxLength(PilotLimits.ScoreNote);
        b.HasIndex(s => new { s.AssessmentId, s.Code }).IsUnique();
    }
}

internal sealed class CapacityFollowUpConfiguration : IEntityTypeConfiguration<CapacityFollowUp>
{
    public void Configure(EntityTypeBuilder<CapacityFollowUp> b)
    {
        b.ToTable("com_capacity_follow_up");
        b.HasKey(f => f.Id);
        b.Property(f => f.DivisionCode).HasMaxLength(12);
        b.Property(f => f.Action).HasMaxLength(PilotLimits.Action);
        b.Property(f => f.Responsible).HasMaxLength(PilotLimits.Responsible);
        b.Property(f => f.DoneNote).HasMaxLength(PilotLimits.Note);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => new { f.DoneOn, f.DueOn });
        b.HasIndex(f => f.AssessmentId);
    }
}
