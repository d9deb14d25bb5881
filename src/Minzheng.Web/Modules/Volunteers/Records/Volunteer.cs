using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Volunteers.Records;

public enum VolunteerStatus
{
    Active = 1,
    /// <summary>暂停: by the volunteer or the organisation; history kept, no new sign-ups.</summary>
    Suspended = 2,
    /// <summary>注销: the volunteer left the register; records and certificates stay (民政部令第67号: records are kept).</summary>
    Withdrawn = 3,
}

/// <summary>志愿服务条例 第七条: a volunteer registers directly, or through a volunteer organisation.</summary>
public enum VolunteerRegistrationChannel
{
    /// <summary>本人: self-service on the phone page with a citizen account verified against the registry.</summary>
    Self = 1,
    /// <summary>组织代为注册: the organisation checked the ID number and name against the registry.</summary>
    Organization = 2,
}

/// <summary>
/// 注册志愿者: a natural person (志愿服务条例 第六条) of the shared registry, real-name, with their consent recorded. The division
/// is the person's at registration (the township and county see their volunteers); the organisations the volunteer serves
/// with see the volunteer through the memberships, and no one else does (条例 第二十条: no disclosure without consent).
/// <see cref="VerifiedMinutes"/> and <see cref="StarLevel"/> are derived from verified service records only and recomputed
/// whenever a record's verified time changes (<see cref="VolunteerHours"/>).
/// </summary>
public sealed class Volunteer : IVersioned, IDivisionScoped, IStamped, IMembershipScoped<VolunteerMembership>
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }

    /// <summary>志愿者编号 (证书上载明): "ZY" + year + sequence, from the kernel's case numbers.</summary>
    public required string Number { get; set; }

    public required string DivisionCode { get; set; }
    public VolunteerRegistrationChannel Channel { get; set; }
    public Guid? RegisteredByOrganizationId { get; set; }
    public DateOnly RegisteredOn { get; set; }

    /// <summary>When the volunteer agreed that their data is recorded and shared with the organisations they serve with, and the consent text's version.</summary>
    public DateTime ConsentedAt { get; set; }
    public required string ConsentVersion { get; set; }

    /// <summary>Whether the volunteer agreed that their name and star level may be shown publicly (表彰、光荣榜); no by default.</summary>
    public bool PublishConsent { get; set; }

    /// <summary>技能特长, "、"-separated.</summary>
    public string Skills { get; set; } = "";

    /// <summary>服务时间意向 (e.g. 周末、工作日晚上).</summary>
    public string Availability { get; set; } = "";

    public VolunteerStatus Status { get; set; } = VolunteerStatus.Active;

    /// <summary>
    /// 监护人同意 of a volunteer registered under 18 (条例 第十五条: tasks suited to the minor's age, with the guardian's
    /// consent): the guardian's name and relationship, the date the consent was given and who recorded it. Null for adults.
    /// </summary>
    public string? GuardianName { get; set; }
    public string? GuardianRelationship { get; set; }
    public DateOnly? GuardianConsentOn { get; set; }
    public string? GuardianConsentRecordedBy { get; set; }

    /// <summary>累计核实服务时长 in minutes: the sum of verified service records, never claimed time.</summary>
    public int VerifiedMinutes { get; set; }

    /// <summary>星级 0–5 from <see cref="VerifiedMinutes"/> against the star figures in force.</summary>
    public int StarLevel { get; set; }

    public List<VolunteerMembership> Memberships { get; set; } = [];
    ICollection<VolunteerMembership> IMembershipScoped<VolunteerMembership>.Memberships => Memberships;

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public decimal VerifiedHours => Math.Round(VerifiedMinutes / 60m, 2);
}

/// <summary>What kind of body runs a volunteer team (条例 第八条 and 民政部令第67号 第五条: 村(居)委会 and public-service bodies record too).</summary>
public enum VolunteerTeamKind
{
    SocialOrganization = 1,
    ResidentsCommittee = 2,
    SocialWorkStation = 3,
    PublicInstitution = 4,
    Other = 9,
}

/// <summary>
/// 志愿服务组织: a kernel organisation registered on the platform as a volunteer organisation; its staff are organisation
/// accounts bound to the organisation. Only the organising body records service and issues proofs (谁组织谁记录，谁记录谁证明).
/// </summary>
public sealed class VolunteerTeam : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }

    /// <summary>The organisation's division (the township that oversees it).</summary>
    public required string DivisionCode { get; set; }

    public required string Name { get; set; }
    public VolunteerTeamKind Kind { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public DateOnly RegisteredOn { get; set; }
    public bool Active { get; set; } = true;

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A volunteer serving with a team: what makes the volunteer's data visible to that organisation, and only while it exists.</summary>
public sealed class VolunteerMembership : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public Guid TeamId { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>The team's division.</summary>
    public required string DivisionCode { get; set; }

    public DateOnly JoinedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>, IEntityTypeConfiguration<VolunteerTeam>, IEntityTypeConfiguration<VolunteerMembership>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.ToTable("volunteer_profile");
        b.Property(v => v.Number).HasMaxLength(20);
        b.HasIndex(v => v.Number).IsUnique();
        b.HasIndex(v => v.PersonId).IsUnique(); // one registration per person
        b.Property(v => v.DivisionCode).HasMaxLength(12);
        b.HasIndex(v => v.DivisionCode);
        b.Property(v => v.ConsentVersion).HasMaxLength(40);
        b.Property(v => v.Skills).HasMaxLength(200);
        b.Property(v => v.Availability).HasMaxLength(200);
        b.Property(v => v.GuardianName).HasMaxLength(50);
        b.Property(v => v.GuardianRelationship).HasMaxLength(20);
        b.Property(v => v.GuardianConsentRecordedBy).HasMaxLength(64);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.Ignore(v => v.VerifiedHours);
        b.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(v => v.RegisteredByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Memberships).WithOne(m => m.Volunteer).HasForeignKey(m => m.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<VolunteerTeam> b)
    {
        b.ToTable("volunteer_team");
        b.Property(t => t.DivisionCode).HasMaxLength(12);
        b.HasIndex(t => t.DivisionCode);
        b.HasIndex(t => t.OrganizationId).IsUnique();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.ContactName).HasMaxLength(50);
        b.Property(t => t.ContactPhone).HasMaxLength(30);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<VolunteerMembership> b)
    {
        b.ToTable("volunteer_membership");
        b.Property(m => m.DivisionCode).HasMaxLength(12);
        b.HasIndex(m => new { m.VolunteerId, m.TeamId }).IsUnique();
        b.HasIndex(m => m.OrganizationId);
        b.HasIndex(m => m.DivisionCode);
        b.HasOne<VolunteerTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
