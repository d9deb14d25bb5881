using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>成立登记, 变更登记 or 注销登记.</summary>
public enum ApplicationKind
{
    Establish = 1,
    Change = 2,
    Deregister = 3,
}

/// <summary>Where an application stands; from <see cref="Accepted"/> on it mirrors its workflow case.</summary>
public enum ApplicationStatus
{
    /// <summary>已提交，待登记管理机关受理 (no workflow case yet: ADR 038).</summary>
    Submitted = 1,

    /// <summary>不予受理 (materials or competence; with written grounds).</summary>
    NotAccepted = 2,

    /// <summary>已受理，审查中.</summary>
    Accepted = 3,

    /// <summary>审查完毕，待决定.</summary>
    Reviewed = 4,

    /// <summary>准予登记.</summary>
    Approved = 5,

    /// <summary>不准予登记 (with written grounds).</summary>
    Refused = 6,
}

/// <summary>网上申请 (the citizen's or the organisation's own account) or 窗口录入 (an officer at the counter).</summary>
public enum ApplicationChannel
{
    Online = 1,
    Counter = 2,
}

/// <summary>
/// One registration application (ADR 038): the applicant's record from submission on. An establishment application has no
/// organisation until it is approved; a change or deregistration belongs to its organisation, whose accounts see it. The
/// fields hold the facts applied for — for a change the complete new facts, compared with the registry when approved.
/// Division-scoped by the (proposed) seat and organisation-scoped, like the profile; the citizen who applied reads his own
/// applications by <see cref="ApplicantUserId"/> past the scope filter.
/// </summary>
public sealed class RegistrationApplication : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>申请编号 from the kernel's case numbers.</summary>
    public required string Number { get; set; }

    public ApplicationKind Kind { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Submitted;
    public ApplicationChannel Channel { get; set; }

    /// <summary>The organisation (change, deregistration; an establishment once approved).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The (proposed) seat: the one scope filter applies to it.</summary>
    public required string DivisionCode { get; set; }

    public OrganizationKind OrganizationKind { get; set; }
    public RegistrationLevel Level { get; set; }

    /// <summary>活动地域 covers the whole city (a city-wide body registers with the city).</summary>
    public bool CityWide { get; set; }

    /// <summary>The registration authority's division: only its officers act (<see cref="RegistrationAuthority"/>).</summary>
    public required string AuthorityDivisionCode { get; set; }

    /// <summary>The account that submitted online (a citizen or the organisation's account); null at the counter.</summary>
    public Guid? ApplicantUserId { get; set; }

    /// <summary>发起人 / 拟任负责人 or the organisation's contact who applied.</summary>
    public required string ApplicantName { get; set; }

    public required string Name { get; set; }
    public required string LegalRepresentative { get; set; }
    public required string Address { get; set; }
    public string? SupervisingUnit { get; set; }
    public string Category { get; set; } = SocialOrganizationCategories.Other;
    public string Purpose { get; set; } = "";
    public string BusinessScope { get; set; } = "";
    public Platform.Money.Money RegisteredCapital { get; set; }
    public bool IsTradeAssociation { get; set; }

    /// <summary>注销原因 (deregistration) or the applicant's note.</summary>
    public string? Reason { get; set; }

    /// <summary>The materials submitted, by code (<see cref="RegistrationMaterials"/>), comma-separated.</summary>
    public string Materials { get; set; } = "";

    public DateOnly SubmittedOn { get; set; }
    public Guid? WorkflowCaseId { get; set; }
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>The statutory decision date (figure book, counted as the law counts: calendar or working days).</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The limit's basis as shown to the officer (“社会团体登记管理条例 第…条：60日”).</summary>
    public string? DueBasis { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>The written grounds of 不予受理, 准予 or 不准予.</summary>
    public string? Grounds { get; set; }

    /// <summary>The 登记证书 number issued on approving an establishment.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>The user name of the organisation account created on approval (its one-time password is never stored).</summary>
    public string? AccountUserName { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> MaterialCodes => Materials.Length == 0 ? [] : Materials.Split(',');
}

internal sealed class RegistrationApplicationConfiguration : IEntityTypeConfiguration<RegistrationApplication>
{
    public void Configure(EntityTypeBuilder<RegistrationApplication> b)
    {
        b.ToTable("socorg_application");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(40);
        b.Property(a => a.Kind).HasConversion<int>();
        b.Property(a => a.Status).HasConversion<int>();
        b.Property(a => a.Channel).HasConversion<int>();
        b.Property(a => a.OrganizationKind).HasConversion<int>();
        b.Property(a => a.Level).HasConversion<int>();
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.AuthorityDivisionCode).HasMaxLength(12);
        b.Property(a => a.ApplicantName).HasMaxLength(50);
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.LegalRepresentative).HasMaxLength(50);
        b.Property(a => a.Address).HasMaxLength(200);
        b.Property(a => a.SupervisingUnit).HasMaxLength(100);
        b.Property(a => a.Category).HasMaxLength(20);
        b.Property(a => a.Purpose).HasMaxLength(500);
        b.Property(a => a.BusinessScope).HasMaxLength(1000);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.Materials).HasMaxLength(500);
        b.Property(a => a.DueBasis).HasMaxLength(200);
        b.Property(a => a.Grounds).HasMaxLength(1000);
        b.Property(a => a.CertificateNumber).HasMaxLength(40);
        b.Property(a => a.AccountUserName).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.DivisionCode, a.Status });
        b.HasIndex(a => new { a.OrganizationId, a.Status });
        b.HasIndex(a => a.ApplicantUserId);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
