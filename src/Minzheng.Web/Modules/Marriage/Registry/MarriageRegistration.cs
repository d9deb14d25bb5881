using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Registry;

public enum RegistrationKind
{
    /// <summary>结婚登记.</summary>
    Marriage = 1,
    /// <summary>离婚登记 (by agreement, at the registry).</summary>
    Divorce = 2,
}

public enum RegistrationStatus
{
    /// <summary>In force: a marriage not dissolved, or a divorce registered.</summary>
    InForce = 1,
    /// <summary>A marriage ended by a divorce registered or a court judgment filed (see the divorce's own registration).</summary>
    Dissolved = 2,
    /// <summary>A marriage revoked by the registry (coercion, 婚姻登记条例 第九条, to 2020-12-31) or annulled by a court.</summary>
    Revoked = 3,
    /// <summary>A marriage ended by a spouse's death.</summary>
    EndedByDeath = 4,
}

/// <summary>
/// A marriage or divorce registered (登记字号 numbered per office and year). The parties are registry persons, so ages and the
/// current marital status come from the registry, never from a form. Scoped by the registering office's county. The marital
/// status change is written through the kernel's <see cref="MaritalStatuses"/> in the same transaction.
/// </summary>
public sealed class MarriageRegistration : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>登记字号: J{office}-{year}-{6 digits} for a marriage, L… for a divorce.</summary>
    public required string Number { get; set; }

    public RegistrationKind Kind { get; set; }
    public RegistrationStatus Status { get; set; } = RegistrationStatus.InForce;
    public Guid OfficeId { get; set; }

    /// <summary>The office's county: decides who sees the registration.</summary>
    public required string DivisionCode { get; set; }

    public DateOnly RegisteredOn { get; set; }
    public Guid MalePersonId { get; set; }
    public Guid FemalePersonId { get; set; }

    /// <summary>For a divorce: the marriage it dissolves (null when the marriage was registered elsewhere or before the platform).</summary>
    public Guid? MarriageId { get; set; }

    /// <summary>The source the registration came from (the divorce application, the appointment), for its page.</summary>
    public Guid? SourceId { get; set; }

    /// <summary>When and why a marriage stopped being in force (the divorce's number, the revocation decision, the death).</summary>
    public DateOnly? EndedOn { get; set; }
    public string? EndedBy { get; set; }

    public required string RegisteredBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class MarriageRegistrationConfiguration : IEntityTypeConfiguration<MarriageRegistration>
{
    public void Configure(EntityTypeBuilder<MarriageRegistration> b)
    {
        b.ToTable("marriage_registration");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(30);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.EndedBy).HasMaxLength(200);
        b.Property(r => r.RegisteredBy).HasMaxLength(100);
        b.HasOne<MarriageOffice>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.MalePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.FemalePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => r.MalePersonId);
        b.HasIndex(r => r.FemalePersonId);
        b.HasIndex(r => new { r.DivisionCode, r.RegisteredOn });
    }
}
