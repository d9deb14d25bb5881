using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>志愿服务项目: an organisation's project (a period, a category, a description) that groups its activities.</summary>
public sealed class VolunteerProject : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeamId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Title { get; set; }
    public ServiceCategory Category { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string Description { get; set; } = "";

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum SignupStatus
{
    /// <summary>已报名, waiting for the organiser's selection.</summary>
    Applied = 1,
    /// <summary>已录用: may check in.</summary>
    Selected = 2,
    /// <summary>未录用, with the reason.</summary>
    Declined = 3,
    /// <summary>本人取消.</summary>
    Cancelled = 4,
}

/// <summary>
/// 报名: a volunteer's sign-up to an activity, after seeing its task and risks (条例 第十二条). Scoped like the activity to the
/// organising organisation; the volunteer writes it from their phone past that scope (see <see cref="SignUps"/>).
/// </summary>
public sealed class VolunteerSignup : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public SignupStatus Status { get; set; } = SignupStatus.Applied;

    /// <summary>When the volunteer confirmed they read the risks disclosed.</summary>
    public DateTime RisksAcknowledgedAt { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum CorrectionStatus
{
    Requested = 1,
    Accepted = 2,
    Refused = 3,
}

/// <summary>
/// 更正申请: the volunteer asks the organiser to correct the time of a verified or rejected record of theirs. Accepting sets the
/// record's verified minutes through <see cref="VolunteerHours"/> so totals, stars and the time bank follow.
/// </summary>
public sealed class ServiceCorrection : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecordId { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public int RequestedMinutes { get; set; }

    /// <summary>The record's verified minutes when the correction was asked for.</summary>
    public int PreviousMinutes { get; set; }
    public required string Reason { get; set; }
    public CorrectionStatus Status { get; set; } = CorrectionStatus.Requested;
    public string? Answer { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ActivityRecordsConfiguration : IEntityTypeConfiguration<VolunteerProject>, IEntityTypeConfiguration<VolunteerSignup>, IEntityTypeConfiguration<ServiceCorrection>
{
    public void Configure(EntityTypeBuilder<VolunteerProject> b)
    {
        b.ToTable("volunteer_project");
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.HasIndex(p => p.DivisionCode);
        b.HasIndex(p => p.OrganizationId);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<VolunteerTeam>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<VolunteerSignup> b)
    {
        b.ToTable("volunteer_signup");
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.HasIndex(s => s.DivisionCode);
        b.HasIndex(s => new { s.ActivityId, s.VolunteerId }).IsUnique(); // one sign-up per volunteer and activity
        b.HasIndex(s => s.VolunteerId);
        b.Property(s => s.DecisionNote).HasMaxLength(500);
        b.Property(s => s.DecidedBy).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<VolunteerActivity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ServiceCorrection> b)
    {
        b.ToTable("volunteer_correction");
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.HasIndex(c => c.DivisionCode);
        b.HasIndex(c => new { c.OrganizationId, c.Status });
        b.HasIndex(c => c.RecordId);
        b.HasIndex(c => c.VolunteerId);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.Property(c => c.Answer).HasMaxLength(500);
        b.Property(c => c.DecidedBy).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<ServiceRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
