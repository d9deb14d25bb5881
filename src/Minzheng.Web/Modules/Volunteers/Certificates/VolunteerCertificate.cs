using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Volunteers.Certificates;

public enum CertificateStatus
{
    /// <summary>申请: the volunteer asked for a proof on the phone, the organisation has not looked at it yet.</summary>
    Requested = 1,
    /// <summary>受理: the organisation took the request and is checking the records.</summary>
    Accepted = 2,
    /// <summary>开具: issued, numbered, verifiable by its QR token.</summary>
    Issued = 3,
    /// <summary>不予出具, with the reason (e.g. no verified service in the period).</summary>
    Declined = 4,
    /// <summary>作废 by the issuer with the reason (a correction lowered the hours): the verification page says 已作废.</summary>
    Revoked = 5,
}

/// <summary>One line of a proof: a verified service record as it stood when the proof was issued.</summary>
public sealed record CertificateLine(string ActivityNumber, string Title, DateOnly Date, string Content, int Minutes);

/// <summary>
/// 志愿服务记录证明 (民政部令第67号 第十八条, rules-2 §6.6): issued free of charge by the organisation that organised and recorded
/// the service (谁组织谁记录，谁记录谁证明), covering only its own verified records of one volunteer, optionally for a period.
/// The content is frozen when issued (the lines and total), so a later correction does not silently change a paper already
/// handed out: the issuer revokes it and issues a new one. Scoped to the issuing organisation and its division.
/// </summary>
public sealed class VolunteerCertificate : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; set; }
    public Guid TeamId { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>The issuing team's division (who oversees the organisation).</summary>
    public required string DivisionCode { get; set; }

    public CertificateStatus Status { get; set; }

    /// <summary>The period asked for (both optional: without them every verified record of the organisation).</summary>
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }

    /// <summary>用途 as the volunteer stated it (升学、评优…), optional.</summary>
    public string Purpose { get; set; } = "";

    public string? RequestedBy { get; set; }
    public DateTime? RequestedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTime? AcceptedAt { get; set; }

    /// <summary>证明编号 "ZM" + county + year + 5 digits, set when issued.</summary>
    public string? Number { get; set; }

    /// <summary>The QR token (24 random bytes, base64url), set when issued; a bearer secret for the masked view only.</summary>
    public string? Token { get; set; }

    public DateOnly? IssuedOn { get; set; }
    public string? IssuedBy { get; set; }
    public DateTime? IssuedAt { get; set; }

    /// <summary>出具单位 as printed (the team's name when issued).</summary>
    public string IssuerName { get; set; } = "";

    /// <summary>负责人.</summary>
    public string Head { get; set; } = "";

    /// <summary>经办人.</summary>
    public string Handler { get; set; } = "";

    /// <summary>联系方式.</summary>
    public string Contact { get; set; } = "";

    /// <summary>The verified minutes the lines add up to.</summary>
    public int TotalMinutes { get; set; }

    /// <summary>The lines as issued (JSON of <see cref="CertificateLine"/>).</summary>
    public string LinesJson { get; set; } = "[]";

    /// <summary>The reason of a refusal or a revocation.</summary>
    public string? Reason { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public decimal TotalHours => Math.Round(TotalMinutes / 60m, 2);
}

public sealed class VolunteerCertificateConfiguration : IEntityTypeConfiguration<VolunteerCertificate>
{
    public void Configure(EntityTypeBuilder<VolunteerCertificate> b)
    {
        b.ToTable("volunteer_certificate");
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.HasIndex(c => c.DivisionCode);
        b.HasIndex(c => new { c.OrganizationId, c.Status });
        b.HasIndex(c => c.VolunteerId);
        b.Property(c => c.Number).HasMaxLength(24);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Token).HasMaxLength(64);
        b.HasIndex(c => c.Token).IsUnique();
        b.Property(c => c.Purpose).HasMaxLength(100);
        b.Property(c => c.RequestedBy).HasMaxLength(64);
        b.Property(c => c.AcceptedBy).HasMaxLength(64);
        b.Property(c => c.IssuedBy).HasMaxLength(64);
        b.Property(c => c.ClosedBy).HasMaxLength(64);
        b.Property(c => c.IssuerName).HasMaxLength(100);
        b.Property(c => c.Head).HasMaxLength(50);
        b.Property(c => c.Handler).HasMaxLength(50);
        b.Property(c => c.Contact).HasMaxLength(50);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.TotalHours);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VolunteerTeam>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
