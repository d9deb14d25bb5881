using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

/// <summary>An inspector of a registration authority (执法检查人员名录库) with the organisations to stay away from (回避).</summary>
public sealed class SpotCheckInspector : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registration authority's division (the inspector's pool).</summary>
    public required string DivisionCode { get; set; }

    public required string Name { get; set; }

    /// <summary>执法证号.</summary>
    public required string CertificateNumber { get; set; }

    public string Conflicts { get; set; } = "";
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<Guid> ConflictIds => [.. Conflicts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}

/// <summary>
/// One yearly draw (定期抽查) of one registration authority: the ratio, the seed, the population snapshot (JSON) and the picks
/// (JSON), so the draw can be replayed from what is stored (ADR 030). One per authority and year.
/// </summary>
public sealed class SpotCheckDraw : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public int Year { get; set; }

    /// <summary>The registration authority's division (scope: the county sees its draw, the city all).</summary>
    public required string DivisionCode { get; set; }

    public RegistrationLevel Level { get; set; }
    public decimal RatioPercent { get; set; }
    public int InspectorsPerOrganization { get; set; }
    public required string Seed { get; set; }
    public int Population { get; set; }
    public required string PopulationJson { get; set; }
    public required string PicksJson { get; set; }
    public DateOnly DrawnOn { get; set; }
    public required string DrawnBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum SpotCheckState
{
    /// <summary>抽中，待检查.</summary>
    Drawn = 1,

    /// <summary>检查完毕，无需整改.</summary>
    Inspected = 2,

    /// <summary>责令整改，期限内.</summary>
    Rectifying = 3,

    /// <summary>整改完成.</summary>
    Rectified = 4,
}

/// <summary>
/// One drawn organisation's check: the drawn inspectors, the findings, the rectification ordered with its deadline and its
/// completion, whether the unfinished rectification went to the credit ledger, and the publication. Division-scoped by the
/// organisation's seat and organisation-scoped (the organisation sees its own check and its findings).
/// </summary>
public sealed class SpotCheck : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DrawId { get; set; }
    public int Year { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string OrganizationName { get; set; }
    public required string DivisionCode { get; set; }
    public required string AuthorityDivisionCode { get; set; }
    public required string InspectorIds { get; set; }
    public required string InspectorNames { get; set; }
    public SpotCheckState State { get; set; } = SpotCheckState.Drawn;
    public DateOnly? InspectedOn { get; set; }
    public string? Findings { get; set; }
    public string? Requirement { get; set; }
    public DateOnly? RectifyDueOn { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? RectificationNote { get; set; }

    /// <summary>When the daily job recorded 整改未完成 in the credit ledger (once).</summary>
    public DateOnly? CreditRecordedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SpotCheckConfiguration :
    IEntityTypeConfiguration<SpotCheckInspector>, IEntityTypeConfiguration<SpotCheckDraw>, IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheckInspector> b)
    {
        b.ToTable("socorg_spot_check_inspector");
        b.HasKey(i => i.Id);
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.CertificateNumber).HasMaxLength(40);
        b.Property(i => i.Conflicts).HasMaxLength(4000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.ConflictIds);
        b.HasIndex(i => i.CertificateNumber).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SpotCheckDraw> b)
    {
        b.ToTable("socorg_spot_check_draw");
        b.HasKey(d => d.Id);
        b.Property(d => d.Number).HasMaxLength(40);
        b.HasIndex(d => d.Number).IsUnique();
        b.Property(d => d.DivisionCode).HasMaxLength(12);
        b.Property(d => d.Level).HasConversion<int>();
        b.Property(d => d.RatioPercent).HasPrecision(7, 3);
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
        b.HasIndex(d => new { d.DivisionCode, d.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SpotCheck> b)
    {
        b.ToTable("socorg_spot_check");
        b.HasKey(c => c.Id);
        b.Property(c => c.OrganizationName).HasMaxLength(200);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.AuthorityDivisionCode).HasMaxLength(12);
        b.Property(c => c.InspectorIds).HasMaxLength(2000);
        b.Property(c => c.InspectorNames).HasMaxLength(500);
        b.Property(c => c.State).HasConversion<int>();
        b.Property(c => c.Findings).HasMaxLength(2000);
        b.Property(c => c.Requirement).HasMaxLength(1000);
        b.Property(c => c.RectificationNote).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.DrawId, c.OrganizationId }).IsUnique();
        b.HasIndex(c => new { c.State, c.RectifyDueOn });
        b.HasOne<SpotCheckDraw>().WithMany().HasForeignKey(c => c.DrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
