using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.SocialWork;

public enum StationStatus
{
    /// <summary>筹建中.</summary>
    Preparing = 1,
    /// <summary>运营中: counts towards coverage.</summary>
    Operating = 2,
    /// <summary>暂停运营.</summary>
    Suspended = 3,
    /// <summary>已撤销.</summary>
    Closed = 4,
}

/// <summary>
/// A 乡镇（街道）社会工作服务站: one per township, itself a kernel organisation, often run under contract by a social-work agency
/// (the operator). Division-scoped by its township; organisation-scoped by the body that runs it day to day (the operator where
/// there is one, else the station's own organisation), so that body's account sees the station and records its services.
/// </summary>
public sealed class SocialWorkStation : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>The township (乡镇、街道) the station serves: one station per township.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>The station as a kernel organisation.</summary>
    public Guid StationOrganizationId { get; set; }

    /// <summary>The social-work agency running the station under contract (政府购买服务), if any.</summary>
    public Guid? OperatorOrganizationId { get; set; }

    /// <summary>Who runs the station day to day: the operator, else the station itself (see <see cref="Runner"/>).</summary>
    public Guid? OrganizationId { get; set; }
    public string Address { get; set; } = "";
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ContractFrom { get; set; }
    public DateOnly? ContractTo { get; set; }

    /// <summary>Yearly funding of the contract (运营经费).</summary>
    public Platform.Money.Money? Funding { get; set; }
    public StationStatus Status { get; set; } = StationStatus.Operating;
    public string Note { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static Guid Runner(Guid stationOrganization, Guid? operatorOrganization) => operatorOrganization ?? stationOrganization;
}

public enum StaffPost
{
    /// <summary>站长.</summary>
    Head = 1,
    /// <summary>社工.</summary>
    SocialWorker = 2,
    /// <summary>助理.</summary>
    Assistant = 3,
}

/// <summary>社会工作者职业资格: the levels of the national exam (rules-2.md §6.5), in ascending order.</summary>
public enum QualificationLevel
{
    None = 0,
    /// <summary>助理社会工作师.</summary>
    Assistant = 1,
    /// <summary>社会工作师.</summary>
    Intermediate = 2,
    /// <summary>高级社会工作师 (exam and then 评审).</summary>
    Senior = 3,
}

/// <summary>
/// A social worker of a station: a registry person with a post, the certificate on record and the qualification derived from it
/// and from the exam record (<see cref="ExamRules"/>). Scoped like the station.
/// </summary>
public sealed class SocialWorker : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid StationId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? OrganizationId { get; set; }
    public StaffPost Post { get; set; }

    /// <summary>The level of the certificate held (证书), as recorded with its number.</summary>
    public QualificationLevel CertificateLevel { get; set; }
    public string CertificateNumber { get; set; } = "";

    /// <summary>The higher of the certificate and the exam record: recomputed whenever either changes.</summary>
    public QualificationLevel Qualification { get; set; }

    /// <summary>The year 实务（高级） was last passed: valid for 评审 for <see cref="ExamRules.SeniorValidYears"/> years.</summary>
    public int? SeniorPassYear { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum ExamSubject
{
    /// <summary>社会工作综合能力（初级）.</summary>
    AssistantComprehensive = 11,
    /// <summary>社会工作实务（初级）.</summary>
    AssistantPractice = 12,
    /// <summary>社会工作综合能力（中级）.</summary>
    IntermediateComprehensive = 21,
    /// <summary>社会工作实务（中级）.</summary>
    IntermediatePractice = 22,
    /// <summary>社会工作法规与政策（中级）.</summary>
    IntermediateRegulations = 23,
    /// <summary>社会工作实务（高级）.</summary>
    SeniorPractice = 31,
}

/// <summary>One exam subject sat in one year, with its score out of 100 (one row per worker, year and subject).</summary>
public sealed class SocialWorkExamAttempt : IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkerId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? OrganizationId { get; set; }
    public int Year { get; set; }
    public ExamSubject Subject { get; set; }
    public decimal Score { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum ServiceKind
{
    /// <summary>个案.</summary>
    Case = 1,
    /// <summary>小组.</summary>
    Group = 2,
    /// <summary>社区活动.</summary>
    Community = 3,
}

/// <summary>
/// A service a station delivered: an individual case (个案: the beneficiary where known, needs, plan, sessions, closing), a group
/// (小组: sessions and participants) or a community activity (社区活动: participants). Counted per station and month by its start.
/// </summary>
public sealed class SocialWorkService : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? OrganizationId { get; set; }
    public ServiceKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly StartedOn { get; set; }
    public Guid? BeneficiaryPersonId { get; set; }
    public string Needs { get; set; } = "";
    public string Plan { get; set; } = "";
    public int Sessions { get; set; }
    public int Participants { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string ClosingNote { get; set; } = "";
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The lines of work a station refers people to or receives them from (linked by person, never by the other module's tables).</summary>
public enum ReferralLine
{
    Dibao = 1,
    ExtremePoverty = 2,
    TemporaryAssistance = 3,
    ChildWelfare = 4,
    ElderlyCare = 5,
}

public enum ReferralDirection
{
    /// <summary>The station refers a person to a line of work (转出).</summary>
    FromStation = 1,
    /// <summary>A line of work refers a person to the station (转入).</summary>
    ToStation = 2,
}

public enum ReferralStatus
{
    Sent = 1,
    Received = 2,
    Handled = 3,
    Closed = 4,
}

/// <summary>
/// A referral (转介) between a station and 低保/特困/临时救助, child welfare or elderly care: the person, the direction, the
/// reason and its status. Scoped by the station's township (the township's clerks are the receiving line there) and by the
/// station's running organisation.
/// </summary>
public sealed class SocialWorkReferral : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public ReferralDirection Direction { get; set; }
    public ReferralLine Line { get; set; }
    public required string Reason { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;
    public DateOnly SentOn { get; set; }
    public required string SentBy { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public string? ReceivedBy { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledBy { get; set; }
    public string HandlingNote { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SocialWorkStationConfiguration : IEntityTypeConfiguration<SocialWorkStation>
{
    public void Configure(EntityTypeBuilder<SocialWorkStation> b)
    {
        b.ToTable("socialwork_station");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Address).HasMaxLength(200);
        b.Property(s => s.Note).HasMaxLength(500);
        b.HasIndex(s => s.DivisionCode).IsUnique();
        b.HasIndex(s => s.OrganizationId);
    }
}

internal sealed class SocialWorkerConfiguration : IEntityTypeConfiguration<SocialWorker>
{
    public void Configure(EntityTypeBuilder<SocialWorker> b)
    {
        b.ToTable("socialwork_worker");
        b.HasKey(w => w.Id);
        b.Property(w => w.DivisionCode).HasMaxLength(12);
        b.Property(w => w.CertificateNumber).HasMaxLength(50);
        b.HasIndex(w => new { w.StationId, w.PersonId }).IsUnique();
        b.HasIndex(w => w.DivisionCode);
    }
}

internal sealed class SocialWorkExamAttemptConfiguration : IEntityTypeConfiguration<SocialWorkExamAttempt>
{
    public void Configure(EntityTypeBuilder<SocialWorkExamAttempt> b)
    {
        b.ToTable("socialwork_exam_attempt");
        b.HasKey(a => a.Id);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Score).HasPrecision(5, 1);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.WorkerId, a.Year, a.Subject }).IsUnique();
    }
}

internal sealed class SocialWorkServiceConfiguration : IEntityTypeConfiguration<SocialWorkService>
{
    public void Configure(EntityTypeBuilder<SocialWorkService> b)
    {
        b.ToTable("socialwork_service");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Needs).HasMaxLength(1000);
        b.Property(s => s.Plan).HasMaxLength(1000);
        b.Property(s => s.ClosingNote).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.StationId, s.StartedOn });
        b.HasIndex(s => new { s.DivisionCode, s.StartedOn });
    }
}

internal sealed class SocialWorkReferralConfiguration : IEntityTypeConfiguration<SocialWorkReferral>
{
    public void Configure(EntityTypeBuilder<SocialWorkReferral> b)
    {
        b.ToTable("socialwork_referral");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.SentBy).HasMaxLength(100);
        b.Property(r => r.ReceivedBy).HasMaxLength(100);
        b.Property(r => r.HandledBy).HasMaxLength(100);
        b.Property(r => r.HandlingNote).HasMaxLength(500);
        b.HasIndex(r => new { r.DivisionCode, r.Status });
        b.HasIndex(r => r.PersonId);
    }
}
