using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Community.Admission;

/// <summary>The three 准入 lists: what committees do by law, what they help the government with, and what may never be put on them.</summary>
public enum WorkItemList
{
    /// <summary>依法履职事项.</summary>
    Duty = 1,

    /// <summary>协助政府事项.</summary>
    Assist = 2,

    /// <summary>负面清单.</summary>
    Forbidden = 3,
}

public enum AdmissionRequestStatus
{
    Submitted = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>The limits of the 准入 and certificate texts, shared by entities, inputs and pages.</summary>
public static class AdmissionLimits
{
    public const int Title = 100;
    public const int Basis = 500;
    public const int Department = 100;
    public const int Text = 1000;
    public const int Keywords = 200;
    public const int Purpose = 200;
    public const int Content = 1000;

    /// <summary>A sanity bound on a task's funding, in yuan (ten million): far above any one task pushed to village desks.</summary>
    public const double MaxFunding = 10_000_000;
}

/// <summary>
/// One entry of a 准入 list (rules-2 §2.5): its title, legal basis and, for a task a department added, the approved request with
/// the department paying (村委会组织法 第三十七条). <see cref="ScopeCode"/> is the area it applies to (the city for the lists, the
/// county, township or village a request named). Not division-scoped: every committee reads the lists that apply to it.
/// <see cref="Keywords"/> (、-separated) let a request be matched against the 负面清单.
/// </summary>
public sealed class AdmissionItem : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public WorkItemList List { get; set; }
    public required string Title { get; set; }
    public required string LegalBasis { get; set; }
    public string Keywords { get; set; } = "";
    public required string ScopeCode { get; set; }
    public Guid? RequestId { get; set; }
    public string Department { get; set; } = "";
    public string FundingSource { get; set; } = "";
    public Platform.Money.Money FundingAmount { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? EndedOn { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A department's request to put a task on village desks (居委会组织法 第二十条: with the consent and arrangement of the district or
/// 街道; 准入 pattern: approved by the county or city). Scoped by the area it targets, so the county sees its requests and the city
/// all. Approval needs the funding named (村委会组织法 第三十七条); a task on the 负面清单 is refused with the basis.
/// </summary>
public sealed class AdmissionRequest : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public required string Department { get; set; }
    public required string Task { get; set; }
    public string Description { get; set; } = "";
    public required string LegalBasis { get; set; }
    public string FundingSource { get; set; } = "";
    public Platform.Money.Money FundingAmount { get; set; }

    /// <summary>The county, township or village the task is for (the villages under it).</summary>
    public required string DivisionCode { get; set; }
    public AdmissionRequestStatus Status { get; set; } = AdmissionRequestStatus.Submitted;
    public string Opinion { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    public DateOnly? DecidedOn { get; set; }
    public Guid? ItemId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A kind of certificate a committee may be asked for: allowed (with its legal basis) or not (民发〔2020〕20号 and what to do
/// instead), in force from a day (to a day). The catalogue decides, not the clerk at the desk.
/// </summary>
public sealed class CertificateType : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Allowed { get; set; }
    public required string LegalBasis { get; set; }

    /// <summary>For a forbidden type: how the department gets the fact instead (its own data check, another authority's document).</summary>
    public string Instead { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A certificate a committee issued: numbered, of a type allowed on the day, for a person and a purpose.</summary>
public sealed class CommitteeCertificate : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid CommitteeId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid TypeId { get; set; }
    public required string TypeCode { get; set; }
    public required string TypeName { get; set; }
    public required string LegalBasis { get; set; }
    public Guid? PersonId { get; set; }
    public required string PersonName { get; set; }
    public required string Purpose { get; set; }
    public required string Content { get; set; }
    public DateOnly IssuedOn { get; set; }
    public string IssuedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AdmissionItemConfiguration : IEntityTypeConfiguration<AdmissionItem>
{
    public void Configure(EntityTypeBuilder<AdmissionItem> b)
    {
        b.ToTable("com_admission_item");
        b.HasKey(i => i.Id);
        b.Property(i => i.List).HasConversion<string>().HasMaxLength(12);
        b.Property(i => i.Title).HasMaxLength(AdmissionLimits.Title);
        b.Property(i => i.LegalBasis).HasMaxLength(AdmissionLimits.Basis);
        b.Property(i => i.Keywords).HasMaxLength(AdmissionLimits.Keywords);
        b.Property(i => i.ScopeCode).HasMaxLength(12);
        b.Property(i => i.Department).HasMaxLength(AdmissionLimits.Department);
        b.Property(i => i.FundingSource).HasMaxLength(AdmissionLimits.Department);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.List, i.ScopeCode });
        b.HasIndex(i => i.RequestId);
    }
}

internal sealed class AdmissionRequestConfiguration : IEntityTypeConfiguration<AdmissionRequest>
{
    public void Configure(EntityTypeBuilder<AdmissionRequest> b)
    {
        b.ToTable("com_admission_request");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(30);
        b.Property(r => r.Department).HasMaxLength(AdmissionLimits.Department);
        b.Property(r => r.Task).HasMaxLength(AdmissionLimits.Title);
        b.Property(r => r.Description).HasMaxLength(AdmissionLimits.Text);
        b.Property(r => r.LegalBasis).HasMaxLength(AdmissionLimits.Basis);
        b.Property(r => r.FundingSource).HasMaxLength(AdmissionLimits.Department);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.Opinion).HasMaxLength(AdmissionLimits.Text);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => new { r.DivisionCode, r.Status });
    }
}

internal sealed class CertificateTypeConfiguration : IEntityTypeConfiguration<CertificateType>
{
    public void Configure(EntityTypeBuilder<CertificateType> b)
    {
        b.ToTable("com_certificate_type");
        b.HasKey(t => t.Id);
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(AdmissionLimits.Title);
        b.Property(t => t.LegalBasis).HasMaxLength(AdmissionLimits.Basis);
        b.Property(t => t.Instead).HasMaxLength(AdmissionLimits.Basis);
        b.Property(t => t.Document).HasMaxLength(200);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.Code).IsUnique();
    }
}

internal sealed class CommitteeCertificateConfiguration : IEntityTypeConfiguration<CommitteeCertificate>
{
    public void Configure(EntityTypeBuilder<CommitteeCertificate> b)
    {
        b.ToTable("com_certificate");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(30);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.TypeCode).HasMaxLength(40);
        b.Property(c => c.TypeName).HasMaxLength(AdmissionLimits.Title);
        b.Property(c => c.LegalBasis).HasMaxLength(AdmissionLimits.Basis);
        b.Property(c => c.PersonName).HasMaxLength(50);
        b.Property(c => c.Purpose).HasMaxLength(AdmissionLimits.Purpose);
        b.Property(c => c.Content).HasMaxLength(AdmissionLimits.Content);
        b.Property(c => c.IssuedBy).HasMaxLength(100);
        b.HasOne<Committee>().WithMany().HasForeignKey(c => c.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CertificateType>().WithMany().HasForeignKey(c => c.TypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.DivisionCode, c.IssuedOn });
        b.HasIndex(c => new { c.CommitteeId, c.TypeCode });
    }
}
