using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>随机抽查事项清单: one matter that may be inspected at random, only with a legal basis (国发〔2019〕5号).</summary>
public sealed class InspectionMatter : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The county or city that lists the matter.</summary>
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }

    /// <summary>The legal basis (law, article): a matter without one may not be on the list.</summary>
    public required string Basis { get; set; }

    /// <summary>现场检查 or 书面检查.</summary>
    public required string Method { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>检查对象名录库: a kernel organisation (a care home) put on the county's list of objects that can be drawn.</summary>
public sealed class InspectionTarget : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The organisation's division when listed (scope of the list entry).</summary>
    public required string DivisionCode { get; set; }
    public bool Active { get; set; } = true;
    public required string AddedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>执法检查人员名录库: an inspector with the 执法证号 and field, the account they sign in with, and the homes they must stay away from.</summary>
public sealed class Inspector : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public required string CertificateNumber { get; set; }

    /// <summary>专业领域: 养老服务, 消防, 食品安全, 建筑 …</summary>
    public required string Field { get; set; }

    /// <summary>The platform account of the inspector, when they record inspections themselves.</summary>
    public string? UserName { get; set; }

    /// <summary>回避: organisation ids the inspector must not inspect (former employer, relatives …), comma separated.</summary>
    public string Conflicts { get; set; } = "";
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<Guid> ConflictIds => [.. Conflicts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}

/// <summary>One draw, with everything needed to replay it: the seed, the ratio, and the population as it stood (JSON).</summary>
public sealed class InspectionDrawRecord : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public required string DivisionCode { get; set; }
    public Guid MatterId { get; set; }
    public required string MatterName { get; set; }
    public decimal RatioPercent { get; set; }
    public int InspectorsPerHome { get; set; }
    public required string Seed { get; set; }

    /// <summary>The <see cref="DrawInput"/>'s homes and inspectors (ids, names, conflicts) as JSON.</summary>
    public required string Population { get; set; }

    /// <summary>The picks as JSON (home id and inspector ids in draw order).</summary>
    public required string Picks { get; set; }
    public DateOnly DrawnOn { get; set; }
    public required string DrawnBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum InspectionState
{
    /// <summary>抽中, not yet inspected.</summary>
    Drawn = 1,

    /// <summary>检查完毕, result not yet public.</summary>
    Inspected = 2,

    /// <summary>结果已公开.</summary>
    Published = 3,
}

public enum InspectionConclusion
{
    /// <summary>未发现问题.</summary>
    Passed = 1,

    /// <summary>发现问题，责令整改.</summary>
    Rectify = 2,
}

/// <summary>One drawn home's inspection: the checklist results, findings, rectifications and the public result.</summary>
public sealed class Inspection : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid DrawId { get; set; }
    public Guid MatterId { get; set; }
    public required string MatterName { get; set; }
    public Guid OrganizationId { get; set; }
    public required string HomeName { get; set; }

    /// <summary>The home's division: who may see and record the inspection.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>The drawn inspectors: ids (comma separated) and names as drawn.</summary>
    public required string InspectorIds { get; set; }
    public required string InspectorNames { get; set; }
    public InspectionState State { get; set; } = InspectionState.Drawn;
    public DateOnly? InspectedOn { get; set; }

    /// <summary>Checklist answers as JSON: <c>{"G4.1":"pass","R1":"fail",…}</c>.</summary>
    public string? Results { get; set; }
    public string? Findings { get; set; }
    public InspectionConclusion? Conclusion { get; set; }
    public string? RecordedBy { get; set; }

    /// <summary>The last day to publish the result (configured working days after the inspection).</summary>
    public DateOnly? PublishDueOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Rectification> Rectifications { get; set; } = [];
}

/// <summary>责令整改: one problem, what to do, by when (working days on the kernel calendar), and when it was done.</summary>
public sealed class Rectification : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InspectionId { get; set; }
    public required string DivisionCode { get; set; }
    public required string ItemCode { get; set; }
    public required string Requirement { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletionNote { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class InspectionConfiguration :
    IEntityTypeConfiguration<InspectionMatter>, IEntityTypeConfiguration<InspectionTarget>, IEntityTypeConfiguration<Inspector>,
    IEntityTypeConfiguration<InspectionDrawRecord>, IEntityTypeConfiguration<Inspection>, IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<InspectionMatter> b)
    {
        b.ToTable("elderly_inspection_matter");
        b.Property(m => m.DivisionCode).HasMaxLength(12);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Basis).HasMaxLength(500);
        b.Property(m => m.Method).HasMaxLength(20);
        b.Property(m => m.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<InspectionTarget> b)
    {
        b.ToTable("elderly_inspection_target");
        b.Property(t => t.DivisionCode).HasMaxLength(12);
        b.Property(t => t.AddedBy).HasMaxLength(100);
        b.HasIndex(t => t.OrganizationId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Inspector> b)
    {
        b.ToTable("elderly_inspector");
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.CertificateNumber).HasMaxLength(40);
        b.Property(i => i.Field).HasMaxLength(50);
        b.Property(i => i.UserName).HasMaxLength(100);
        b.Property(i => i.Conflicts).HasMaxLength(4000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.CertificateNumber).IsUnique();
        b.Ignore(i => i.ConflictIds);
    }

    public void Configure(EntityTypeBuilder<InspectionDrawRecord> b)
    {
        b.ToTable("elderly_inspection_draw");
        b.Property(d => d.Number).HasMaxLength(40);
        b.HasIndex(d => d.Number).IsUnique();
        b.Property(d => d.DivisionCode).HasMaxLength(12);
        b.Property(d => d.MatterName).HasMaxLength(200);
        b.Property(d => d.RatioPercent).HasPrecision(7, 3);
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("elderly_inspection");
        b.Property(i => i.Number).HasMaxLength(40);
        b.HasIndex(i => i.Number).IsUnique();
        b.Property(i => i.MatterName).HasMaxLength(200);
        b.Property(i => i.HomeName).HasMaxLength(200);
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.InspectorIds).HasMaxLength(2000);
        b.Property(i => i.InspectorNames).HasMaxLength(500);
        b.Property(i => i.State).HasConversion<int>();
        b.Property(i => i.Conclusion).HasConversion<int?>();
        b.Property(i => i.Results).HasMaxLength(8000);
        b.Property(i => i.Findings).HasMaxLength(2000);
        b.Property(i => i.RecordedBy).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.DivisionCode, i.State });
        b.HasIndex(i => i.DrawId);
        b.HasMany(i => i.Rectifications).WithOne().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("elderly_inspection_rectification");
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.ItemCode).HasMaxLength(20);
        b.Property(r => r.Requirement).HasMaxLength(500);
        b.Property(r => r.CompletionNote).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CompletedOn, r.DueOn });
    }
}
