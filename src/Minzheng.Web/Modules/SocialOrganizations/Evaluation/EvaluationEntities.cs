using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// One second-level indicator of a versioned 1,000-point indicator set (评估指标) for one kind of organisation, under one of the
/// four first-level sections (基础条件, 内部治理, 工作绩效, 社会评价). A new version is new rows: an evaluation keeps the version it
/// was applied under, so changing the set never re-scores old evaluations. Reference data, not division-scoped.
/// </summary>
public sealed class EvaluationIndicator
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int SetVersion { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>The set's name, e.g. “2026版（演示数据）”.</summary>
    public required string SetName { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>basic / governance / performance / social (<see cref="EvaluationSections"/>).</summary>
    public required string Section { get; set; }

    /// <summary>Stable within the set, e.g. “2.4”.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public int MaxPoints { get; set; }
    public int Order { get; set; }
}

/// <summary>The four first-level sections of every indicator set.</summary>
public static class EvaluationSections
{
    public static readonly IReadOnlyList<(string Code, string Name)> All = [("basic", "基础条件"), ("governance", "内部治理"), ("performance", "工作绩效"), ("social", "社会评价")];

    public static string Name(string code) => All.FirstOrDefault(s => s.Code == code).Name ?? code;
}

/// <summary>An evaluation expert (评估专家) of a registration authority, with the organisations the expert must stay away from (回避).</summary>
public sealed class EvaluationExpert : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registration authority that keeps the expert (scope: a county officer sees the county's experts).</summary>
    public required string DivisionCode { get; set; }

    public required string Name { get; set; }

    /// <summary>专业领域 / 工作单位.</summary>
    public required string Field { get; set; }

    /// <summary>Organisations with a declared conflict of interest (comma-separated ids).</summary>
    public string Conflicts { get; set; } = "";

    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<Guid> ConflictIds => [.. Conflicts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}

/// <summary>
/// One evaluation of one organisation (社会组织评估): applied online by the organisation or at the counter, run on the workflow
/// kernel (<see cref="EvaluationProcess"/>); <see cref="State"/> mirrors the case's state for lists. Division-scoped by the seat
/// and organisation-scoped, so the organisation's own accounts see their evaluations only.
/// </summary>
public sealed class OrganizationEvaluation : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string OrganizationName { get; set; }
    public required string DivisionCode { get; set; }
    public required string AuthorityDivisionCode { get; set; }
    public OrganizationKind Kind { get; set; }
    public RegistrationLevel Level { get; set; }
    public Guid CaseId { get; set; }
    public required string State { get; set; }
    public DateOnly AppliedOn { get; set; }
    public required string AppliedBy { get; set; }

    /// <summary>The indicator set the evaluation is scored on (fixed at application).</summary>
    public int IndicatorVersion { get; set; }

    /// <summary>The experts' mean, one decimal (<see cref="EvaluationRules.Mean"/>), set when scoring is finished.</summary>
    public decimal? Score { get; set; }

    public int? Grade { get; set; }
    public DateOnly? ScoredOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? PublicityUntil { get; set; }
    public DateOnly? GradedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One scorer's points on one indicator: the organisation's self-assessment (ExpertId null) or an expert's sheet.</summary>
public sealed class EvaluationScore : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EvaluationId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>Null for the self-assessment.</summary>
    public Guid? ExpertId { get; set; }

    public required string ScorerName { get; set; }
    public required string IndicatorCode { get; set; }
    public decimal Points { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class EvaluationConfiguration :
    IEntityTypeConfiguration<EvaluationIndicator>, IEntityTypeConfiguration<EvaluationExpert>, IEntityTypeConfiguration<OrganizationEvaluation>, IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationIndicator> b)
    {
        b.ToTable("socorg_evaluation_indicator");
        b.HasKey(i => i.Id);
        b.Property(i => i.SetName).HasMaxLength(100);
        b.Property(i => i.Kind).HasConversion<int>();
        b.Property(i => i.Section).HasMaxLength(20);
        b.Property(i => i.Code).HasMaxLength(10);
        b.Property(i => i.Name).HasMaxLength(100);
        b.HasIndex(i => new { i.SetVersion, i.Kind, i.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<EvaluationExpert> b)
    {
        b.ToTable("socorg_evaluation_expert");
        b.HasKey(e => e.Id);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Field).HasMaxLength(100);
        b.Property(e => e.Conflicts).HasMaxLength(4000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.ConflictIds);
        b.HasIndex(e => e.DivisionCode);
    }

    public void Configure(EntityTypeBuilder<OrganizationEvaluation> b)
    {
        b.ToTable("socorg_evaluation");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.HasIndex(e => e.Number).IsUnique();
        b.Property(e => e.OrganizationName).HasMaxLength(200);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.AuthorityDivisionCode).HasMaxLength(12);
        b.Property(e => e.Kind).HasConversion<int>();
        b.Property(e => e.Level).HasConversion<int>();
        b.Property(e => e.State).HasMaxLength(40);
        b.Property(e => e.AppliedBy).HasMaxLength(100);
        b.Property(e => e.Score).HasPrecision(6, 1);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.OrganizationId, e.AppliedOn });
        b.HasIndex(e => new { e.DivisionCode, e.State });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EvaluationScore> b)
    {
        b.ToTable("socorg_evaluation_score");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.ScorerName).HasMaxLength(50);
        b.Property(s => s.IndicatorCode).HasMaxLength(10);
        b.Property(s => s.Points).HasPrecision(6, 1);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.EvaluationId, s.ExpertId, s.IndicatorCode });
        b.HasOne<OrganizationEvaluation>().WithMany().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
