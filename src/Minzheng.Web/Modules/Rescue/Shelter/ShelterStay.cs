using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>Who referred the victim to the shelter (a fixed list: the ones 反家庭暴力法 第十三条–第十五条 name, and the victim herself).</summary>
public enum ShelterReferralSource
{
    /// <summary>公安机关.</summary>
    Police = 1,
    /// <summary>妇联.</summary>
    WomenFederation = 2,
    /// <summary>村（居）委会.</summary>
    Committee = 3,
    /// <summary>本人求助.</summary>
    SelfReferred = 4,
    /// <summary>医疗机构.</summary>
    Medical = 5,
    /// <summary>其他.</summary>
    Other = 6,
}

/// <summary>The risk the shelter assessed at admission (the safety plan and escorts follow from it).</summary>
public enum ShelterRisk
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public enum ShelterStatus
{
    /// <summary>庇护中.</summary>
    InShelter = 1,
    /// <summary>已离开.</summary>
    Left = 2,
}

/// <summary>What the shelter gave the victim during the stay, each with its day.</summary>
public enum ShelterServiceKind
{
    /// <summary>心理疏导.</summary>
    Counselling = 1,
    /// <summary>医疗救治、伤情鉴定陪同.</summary>
    Medical = 2,
    /// <summary>法律援助（申请人身安全保护令、离婚诉讼等）.</summary>
    LegalAid = 3,
    /// <summary>食宿.</summary>
    Accommodation = 4,
    /// <summary>陪同报警、取证.</summary>
    PoliceEscort = 5,
    /// <summary>其他.</summary>
    Other = 6,
}

/// <summary>
/// 家暴受害人临时庇护 (反家庭暴力法 第十八条: 县级以上民政部门可以单独或者依托救助管理机构设立临时庇护场所): one adult victim's
/// stay in the shelter of a rescue station, with the referral, the risk, the safety plan, the services, the children who came
/// along (each in a child-protection case) and the exit. RESTRICTED: only holders of <see cref="ShelterPermissions.Shelter"/> see it
/// (everyone else gets 404), it has no person panel, and the abuser's details never leave the stay. Scoped by the station's county.
/// </summary>
public sealed class ShelterStay : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>庇护编号 from the kernel's case numbers.</summary>
    public required string Number { get; set; }

    public Guid StationId { get; set; }

    /// <summary>The shelter's name as printed (the station's, or the 反家庭暴力庇护救助中心 it runs).</summary>
    public required string ShelterName { get; set; }

    /// <summary>The station's county.</summary>
    public required string DivisionCode { get; set; }

    public Guid PersonId { get; set; }
    public ShelterStatus Status { get; set; } = ShelterStatus.InShelter;
    public DateOnly AdmittedOn { get; set; }

    public ShelterReferralSource ReferralSource { get; set; }

    /// <summary>The referral's details: the police station and its 告诫书 or 出警 number, the women's federation officer, ….</summary>
    public string ReferralNote { get; set; } = "";

    public ShelterRisk Risk { get; set; }

    /// <summary>The situation at admission as the victim told it (injuries, history, what she needs).</summary>
    public string Situation { get; set; } = "";

    /// <summary>The abuser as the victim named them: shown on the stay only, never in lists, exports, panels or the audit.</summary>
    public string AbuserName { get; set; } = "";
    public string AbuserRelation { get; set; } = "";
    public string AbuserNote { get; set; } = "";

    /// <summary>Safety plan: which contacts are withheld from the abuser (the shelter's address, the victim's new phone, the children's school…).</summary>
    public string ContactsWithheld { get; set; } = "";

    /// <summary>Safety plan: escort arrangements (to court, hospital, the children's school).</summary>
    public string Escort { get; set; } = "";

    /// <summary>人身安全保护令 (反家庭暴力法 第二十三条) applied for, and at which court.</summary>
    public bool ProtectionOrderApplied { get; set; }
    public string? ProtectionOrderCourt { get; set; }

    /// <summary>The limit in force on the admission day (figure <see cref="ShelterFigures.LimitDays"/>; null when the city has set none), kept with the stay.</summary>
    public int? LimitDays { get; set; }

    /// <summary>Days added by recorded, approved extensions.</summary>
    public int ExtendedDays { get; set; }

    /// <summary>The last day of the stay: admission + limit + extensions (null without a limit). A stay still open after it is overdue.</summary>
    public DateOnly? DueOn { get; set; }

    public DateOnly? LeftOn { get; set; }
    public string? ExitDestination { get; set; }
    public string? ExitReason { get; set; }

    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One service given during a shelter stay.</summary>
public sealed class ShelterService : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }
    public required string DivisionCode { get; set; }
    public ShelterServiceKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string Note { get; set; } = "";
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A child who came into the shelter with the victim, and the child-protection case it is in (ChildWelfare, through its contract).</summary>
public sealed class ShelterChild : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid PersonId { get; set; }
    public Guid ProtectionCaseId { get; set; }
    public required string ProtectionCaseNumber { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An extension past the limit: days, the reason and who at the county approved it.</summary>
public sealed class ShelterExtension : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }
    public required string DivisionCode { get; set; }
    public int Days { get; set; }
    public required string Reason { get; set; }
    public required string ApprovedBy { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ShelterStayConfiguration : IEntityTypeConfiguration<ShelterStay>
{
    public void Configure(EntityTypeBuilder<ShelterStay> b)
    {
        b.ToTable("rescue_shelter_stay");
        b.HasKey(s => s.Id);
        b.Property(s => s.Number).HasMaxLength(30);
        b.Property(s => s.ShelterName).HasMaxLength(100);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.ReferralNote).HasMaxLength(500);
        b.Property(s => s.Situation).HasMaxLength(2000);
        b.Property(s => s.AbuserName).HasMaxLength(50);
        b.Property(s => s.AbuserRelation).HasMaxLength(20);
        b.Property(s => s.AbuserNote).HasMaxLength(500);
        b.Property(s => s.ContactsWithheld).HasMaxLength(500);
        b.Property(s => s.Escort).HasMaxLength(500);
        b.Property(s => s.ProtectionOrderCourt).HasMaxLength(100);
        b.Property(s => s.ExitDestination).HasMaxLength(200);
        b.Property(s => s.ExitReason).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<RescueStation>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.Number).IsUnique();
        b.HasIndex(s => s.PersonId);
        b.HasIndex(s => new { s.DivisionCode, s.Status, s.DueOn });
    }
}

internal sealed class ShelterServiceConfiguration : IEntityTypeConfiguration<ShelterService>
{
    public void Configure(EntityTypeBuilder<ShelterService> b)
    {
        b.ToTable("rescue_shelter_service");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<ShelterStay>().WithMany().HasForeignKey(s => s.StayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShelterChildConfiguration : IEntityTypeConfiguration<ShelterChild>
{
    public void Configure(EntityTypeBuilder<ShelterChild> b)
    {
        b.ToTable("rescue_shelter_child");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.ProtectionCaseNumber).HasMaxLength(40);
        b.HasOne<ShelterStay>().WithMany().HasForeignKey(s => s.StayId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.StayId, s.PersonId }).IsUnique();
    }
}

internal sealed class ShelterExtensionConfiguration : IEntityTypeConfiguration<ShelterExtension>
{
    public void Configure(EntityTypeBuilder<ShelterExtension> b)
    {
        b.ToTable("rescue_shelter_extension");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.Property(s => s.ApprovedBy).HasMaxLength(100);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<ShelterStay>().WithMany().HasForeignKey(s => s.StayId).OnDelete(DeleteBehavior.Cascade);
    }
}
