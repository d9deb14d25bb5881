using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>Where an objection (异议) stands.</summary>
public enum CreditObjectionStatus
{
    /// <summary>提出，待登记管理机关核实.</summary>
    Pending = 1,

    /// <summary>异议成立: the event is struck out by a <see cref="CreditEventKind.Corrected"/> event.</summary>
    Upheld = 2,

    /// <summary>异议不成立: the event stands; the written reason is given.</summary>
    Rejected = 3,
}

/// <summary>
/// An organisation's objection to one of its credit events (60号令: the organisation applies, the registration authority
/// verifies and corrects errors). Filed by the organisation's own account; decided by the registration authority. An upheld
/// objection never edits the event: it records a correction event that strikes it (<see cref="CorrectionEventId"/>).
/// </summary>
public sealed class CreditObjection : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The event objected to.</summary>
    public Guid EventId { get; set; }

    public required string Reason { get; set; }
    public string Evidence { get; set; } = "";
    public DateOnly FiledOn { get; set; }
    public required string FiledBy { get; set; }

    /// <summary>The day the authority should decide by (the local time limit in the figure book; null where none is set).</summary>
    public DateOnly? DueOn { get; set; }

    public CreditObjectionStatus Status { get; set; } = CreditObjectionStatus.Pending;
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>The written reason of the decision (required when rejected).</summary>
    public string? DecisionReason { get; set; }

    public Guid? CorrectionEventId { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>What a publication announces: an organisation entered or left one of the two lists.</summary>
public enum CreditPublicationAction
{
    /// <summary>列入活动异常名录.</summary>
    EnterAbnormal = 1,

    /// <summary>移出活动异常名录.</summary>
    LeaveAbnormal = 2,

    /// <summary>列入严重违法失信名单.</summary>
    EnterDishonest = 3,

    /// <summary>移出严重违法失信名单.</summary>
    LeaveDishonest = 4,
}

/// <summary>
/// One announcement of the publication log (公告): a change of an organisation's list status with its date and grounds, as
/// the daily job found it. The public lists and the organisation's own page read it. Written once per change; never edited.
/// </summary>
public sealed class CreditPublication : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The day the change took effect (the entry's date, or the first day the organisation was off the list).</summary>
    public DateOnly EffectiveOn { get; set; }

    public CreditPublicationAction Action { get; set; }

    /// <summary>The grounds in Chinese (for an entry the grounds listed on; for a removal the grounds it was listed on).</summary>
    public required string Grounds { get; set; }

    /// <summary>The registration authority that publishes it (its division).</summary>
    public required string AuthorityDivisionCode { get; set; }

    public DateOnly PublishedOn { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class CreditObjectionConfiguration : IEntityTypeConfiguration<CreditObjection>
{
    public void Configure(EntityTypeBuilder<CreditObjection> b)
    {
        b.ToTable("socorg_credit_objection");
        b.HasKey(o => o.Id);
        b.Property(o => o.DivisionCode).HasMaxLength(12);
        b.Property(o => o.Reason).HasMaxLength(1000);
        b.Property(o => o.Evidence).HasMaxLength(2000);
        b.Property(o => o.FiledBy).HasMaxLength(100);
        b.Property(o => o.DecidedBy).HasMaxLength(100);
        b.Property(o => o.DecisionReason).HasMaxLength(1000);
        b.Property(o => o.Status).HasConversion<int>();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.OrganizationId, o.EventId });
        b.HasIndex(o => new { o.DivisionCode, o.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CreditEventRecord>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditPublicationConfiguration : IEntityTypeConfiguration<CreditPublication>
{
    public void Configure(EntityTypeBuilder<CreditPublication> b)
    {
        b.ToTable("socorg_credit_publication");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.AuthorityDivisionCode).HasMaxLength(12);
        b.Property(p => p.Grounds).HasMaxLength(1000);
        b.Property(p => p.Action).HasConversion<int>();
        b.HasIndex(p => new { p.OrganizationId, p.EffectiveOn });
        b.HasIndex(p => new { p.EffectiveOn, p.Action });
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
