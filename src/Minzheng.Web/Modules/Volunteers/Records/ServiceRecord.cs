using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Volunteers.Records;

/// <summary>服务类别 (全国志愿服务信息系统's common fields). Only <see cref="ElderlyCare"/> service deposits into the time bank.</summary>
public enum ServiceCategory
{
    /// <summary>助老 (养老服务): deposits into the 时间银行.</summary>
    ElderlyCare = 1,
    /// <summary>助残.</summary>
    Disability = 2,
    /// <summary>关爱儿童（留守、困境儿童）.</summary>
    Children = 3,
    /// <summary>社区服务.</summary>
    Community = 4,
    /// <summary>扶贫济困.</summary>
    PovertyRelief = 5,
    /// <summary>应急救援.</summary>
    Emergency = 6,
    /// <summary>文化教育.</summary>
    Education = 7,
    /// <summary>环境保护.</summary>
    Environment = 8,
    /// <summary>医疗卫生.</summary>
    Health = 9,
    Other = 99,
}

public enum ActivityStatus
{
    Draft = 1,
    /// <summary>招募中: published with the true information and risks (条例 第十二条).</summary>
    Recruiting = 2,
    /// <summary>招募结束, the activity may be under way.</summary>
    Closed = 3,
    Finished = 4,
    Cancelled = 5,
}

/// <summary>
/// 志愿服务活动: organised by one team (its organisation records the service and issues the proofs), with what recruitment
/// must disclose — the task, the risks, and the age and ability limits (条例 第十二、十五条).
/// </summary>
public sealed class VolunteerActivity : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid TeamId { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>The team's division (who oversees it).</summary>
    public required string DivisionCode { get; set; }

    public Guid? ProjectId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public ServiceCategory Category { get; set; }
    public string Place { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>风险提示 (条例 第十二条: true information and risks disclosed before sign-up).</summary>
    public string RiskDisclosure { get; set; } = "";
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public string AbilityRequirements { get; set; } = "";
    public int Capacity { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Draft;

    /// <summary>The random key of the activity's rotating check-in QR codes (HMAC; never shown, never leaves the server).</summary>
    public string CheckInSecret { get; set; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum ServiceRecordStatus
{
    /// <summary>已签到, not yet checked out.</summary>
    CheckedIn = 1,
    /// <summary>已签退 (or closed at the planned end), waiting for the organiser's verification.</summary>
    Submitted = 2,
    /// <summary>已核实: only these minutes count.</summary>
    Verified = 3,
    /// <summary>不予认定, with the reason.</summary>
    Rejected = 4,
}

/// <summary>How a check-in or check-out was taken.</summary>
public enum AttendanceSource
{
    /// <summary>The volunteer scanned the activity's rotating QR code on their phone.</summary>
    QrCode = 1,
    /// <summary>The organiser recorded it for the volunteer.</summary>
    Organizer = 2,
    /// <summary>A forgotten check-out closed at the activity's planned end, flagged for the verifier.</summary>
    AutoClosed = 3,
}

/// <summary>
/// 志愿服务记录: one volunteer's service at one activity. Time is the actual service time, excluding travel
/// (<see cref="TravelMinutes"/>); it counts only once the organiser verified it (<see cref="VerifiedMinutes"/>). Scoped to the
/// organising organisation: another organisation never sees it (谁组织谁记录).
/// </summary>
public sealed class ServiceRecord : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid TeamId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public ServiceCategory Category { get; set; }

    public DateTime? CheckInAt { get; set; }
    public AttendanceSource? CheckInSource { get; set; }
    public DateTime? CheckOutAt { get; set; }
    public AttendanceSource? CheckOutSource { get; set; }

    /// <summary>往返路途时间, excluded from the service time.</summary>
    public int TravelMinutes { get; set; }

    /// <summary>The time the attendance shows: check-out minus check-in minus travel, never below zero.</summary>
    public int ClaimedMinutes { get; set; }

    public ServiceRecordStatus Status { get; set; } = ServiceRecordStatus.CheckedIn;

    /// <summary>The minutes the organiser verified (≤ claimed unless corrected on the volunteer's request); 0 until verified.</summary>
    public int VerifiedMinutes { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public string? VerifyNote { get; set; }

    /// <summary>服务内容 as the proof states it.</summary>
    public string Content { get; set; } = "";

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The minutes the attendance shows (pure; the one place the travel exclusion is applied).</summary>
    public static int Claimed(DateTime checkIn, DateTime checkOut, int travelMinutes) =>
        Math.Max(0, (int)Math.Floor((checkOut - checkIn).TotalMinutes) - Math.Max(0, travelMinutes));
}

public sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<VolunteerActivity>, IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<VolunteerActivity> b)
    {
        b.ToTable("volunteer_activity");
        b.Property(a => a.Number).HasMaxLength(24);
        b.HasIndex(a => a.Number).IsUnique();
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.HasIndex(a => a.DivisionCode);
        b.HasIndex(a => new { a.OrganizationId, a.StartsAt });
        b.Property(a => a.Title).HasMaxLength(100);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Place).HasMaxLength(200);
        b.Property(a => a.RiskDisclosure).HasMaxLength(1000);
        b.Property(a => a.AbilityRequirements).HasMaxLength(500);
        b.Property(a => a.CheckInSecret).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<VolunteerTeam>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.ToTable("volunteer_service_record");
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.HasIndex(r => r.DivisionCode);
        b.HasIndex(r => new { r.ActivityId, r.VolunteerId }).IsUnique(); // one record per volunteer and activity
        b.HasIndex(r => new { r.VolunteerId, r.Status });
        b.HasIndex(r => new { r.OrganizationId, r.Status });
        b.Property(r => r.VerifiedBy).HasMaxLength(64);
        b.Property(r => r.VerifyNote).HasMaxLength(500);
        b.Property(r => r.Content).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<VolunteerActivity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(r => r.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
