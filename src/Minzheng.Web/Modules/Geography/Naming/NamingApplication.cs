using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Geography.Naming;

/// <summary>命名 (a new feature) or 更名 (an existing place name, kept as the former name when the new one is published).</summary>
public enum NamingKind
{
    Naming = 1,
    Renaming = 2,
}

/// <summary>
/// A naming or renaming application (地名管理条例 2022 第十一条): the plan and reasons, the feature's facts, the proposed name
/// and the art. 9 check result stored at submission (and again at each resubmission), then the expert opinion, the public
/// consultation with its period, the approval (authority and document number, art. 12), the filing and the announcement
/// with their 15-day deadlines (art. 13, 14; none before 2022-05-01), and the standard name published.
/// </summary>
public sealed class NamingApplication : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public NamingKind Kind { get; set; }

    /// <summary>For a renaming, the name renamed; after publication, the standard name created or updated.</summary>
    public Guid? PlaceNameId { get; set; }

    public string FormerName { get; set; } = "";
    public required string ProposedName { get; set; }
    public PlaceNameCategory Category { get; set; }
    public required string DivisionCode { get; set; }
    public string Location { get; set; } = "";
    public string Size { get; set; } = "";
    public string Nature { get; set; } = "";
    public string Plan { get; set; } = "";
    public string Reasons { get; set; } = "";
    public string Applicant { get; set; } = "";

    public string Pinyin { get; set; } = "";

    /// <summary>The art. 9 conflicts found at the last submission, one per line: kind|name|scope.</summary>
    public string CheckConflicts { get; set; } = "";

    /// <summary>The art. 9 questions for the reviewer, one per line.</summary>
    public string CheckWarnings { get; set; } = "";

    public DateTime CheckedAt { get; set; }
    public string State { get; set; } = NamingProcess.Submitted;
    public string ExpertOpinion { get; set; } = "";
    public DateOnly? ConsultationFrom { get; set; }
    public DateOnly? ConsultationUntil { get; set; }
    public string ConsultationSummary { get; set; } = "";
    public string ApprovingAuthority { get; set; } = "";
    public string ApprovalDocument { get; set; } = "";
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? FilingDue { get; set; }
    public DateOnly? FiledOn { get; set; }
    public string FiledWith { get; set; } = "";
    public DateOnly? AnnouncementDue { get; set; }
    public DateOnly? AnnouncedOn { get; set; }
    public string ReturnReason { get; set; } = "";
    public Guid? WorkflowCaseId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool HasBindingConflict => CheckConflicts.Length > 0;
}

internal sealed class NamingApplicationConfiguration : IEntityTypeConfiguration<NamingApplication>
{
    public void Configure(EntityTypeBuilder<NamingApplication> b)
    {
        b.ToTable("geo_naming_application");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(30);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.FormerName).HasMaxLength(PlaceNameLimits.Name);
        b.Property(a => a.ProposedName).HasMaxLength(PlaceNameLimits.Name);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Location).HasMaxLength(500);
        b.Property(a => a.Size).HasMaxLength(200);
        b.Property(a => a.Nature).HasMaxLength(200);
        b.Property(a => a.Plan).HasMaxLength(2000);
        b.Property(a => a.Reasons).HasMaxLength(2000);
        b.Property(a => a.Applicant).HasMaxLength(100);
        b.Property(a => a.Pinyin).HasMaxLength(200);
        b.Property(a => a.CheckConflicts).HasMaxLength(4000);
        b.Property(a => a.CheckWarnings).HasMaxLength(4000);
        b.Property(a => a.State).HasMaxLength(24);
        b.Property(a => a.ExpertOpinion).HasMaxLength(2000);
        b.Property(a => a.ConsultationSummary).HasMaxLength(2000);
        b.Property(a => a.ApprovingAuthority).HasMaxLength(100);
        b.Property(a => a.ApprovalDocument).HasMaxLength(100);
        b.Property(a => a.FiledWith).HasMaxLength(100);
        b.Property(a => a.ReturnReason).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.HasBindingConflict);
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.DivisionCode, a.State });
        b.HasIndex(a => new { a.State, a.FilingDue });
        b.HasIndex(a => new { a.State, a.AnnouncementDue });
    }
}

/// <summary>
/// The naming process on the workflow kernel: submitted → (expert review) consultation → (consultation closed, not before its
/// end) approval → approved → filed / announced (either order) → done; the reviewer may send an application back for a new
/// name at submission or approval, and a resubmission runs the art. 9 check again. Publication happens on the announcement.
/// </summary>
public static class NamingProcess
{
    public const string Code = "geo-naming";
    public const string SubjectType = "geo-naming-application";

    public const string Submitted = "submitted";
    public const string Consultation = "consultation";
    public const string Approval = "approval";
    public const string Approved = "approved";
    public const string Filed = "filed";
    public const string Announced = "announced";
    public const string Done = "done";
    public const string Returned = "returned";

    public const string Review = "review";
    public const string CloseConsultation = "close-consultation";
    public const string Approve = "approve";
    public const string File = "file";
    public const string Announce = "announce";
    public const string SendBack = "send-back";
    public const string Resubmit = "resubmit";

    public static readonly IReadOnlyList<string> Actions = [Review, CloseConsultation, Approve, File, Announce, SendBack, Resubmit];

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "地名命名、更名申请",
        InitialState: Submitted,
        States:
        [
            new(Submitted, "已申请，待专家论证"),
            new(Consultation, "征求社会公众意见"),
            new(Approval, "待批准"),
            new(Approved, "已批准，待备案和公告"),
            new(Filed, "已备案，待公告"),
            new(Announced, "已公告（标准地名已发布），待备案"),
            new(Done, "已备案、公告", Terminal: true),
            new(Returned, "退回，待提出新名称"),
        ],
        Transitions:
        [
            new(Submitted, Review, "专家论证，开始征求意见", Consultation, GeographyPermissions.Manage, RequiresOpinion: true),
            new(Submitted, SendBack, "退回重新拟名", Returned, GeographyPermissions.Manage, RequiresOpinion: true),
            new(Consultation, CloseConsultation, "征求意见结束", Approval, GeographyPermissions.Manage),
            new(Approval, Approve, "批准", Approved, GeographyPermissions.Manage),
            new(Approval, SendBack, "退回重新拟名", Returned, GeographyPermissions.Manage, RequiresOpinion: true),
            new(Returned, Resubmit, "提出新名称，重新申请", Submitted, GeographyPermissions.Manage),
            new(Approved, File, "备案", Filed, GeographyPermissions.Manage),
            new(Approved, Announce, "公告，发布标准地名", Announced, GeographyPermissions.Manage),
            new(Filed, Announce, "公告，发布标准地名", Done, GeographyPermissions.Manage),
            new(Announced, File, "备案", Done, GeographyPermissions.Manage),
        ]);

    public static string StateName(string state) => Model.States.FirstOrDefault(s => s.Code == state)?.Name ?? state;
}

/// <summary>The figures of naming: the filing and announcement periods (art. 13, 14, from 2022-05-01) and the consultation period.</summary>
public static class NamingFigures
{
    public const string Module = "geography";

    public static readonly FigureKind FilingDays = new(Module, "filing-days", "地名批准后备案期限", "日");
    public static readonly FigureKind AnnouncementDays = new(Module, "announcement-days", "地名批准后公告期限", "日");
    public static readonly FigureKind ConsultationDays = new(Module, "consultation-days", "地名命名、更名征求社会公众意见期限", "日");

    public static readonly IReadOnlyList<FigureKind> All = [FilingDays, AnnouncementDays, ConsultationDays];
}

/// <summary>
/// The filing and announcement deadline rule: the period in force on the approval day counted in calendar days from it
/// (approved on 5 May with 15 days → due 20 May, overdue from 21 May). No period in force — an approval before 2022-05-01,
/// under the 1986 条例 — means no deadline, and the page says so.
/// </summary>
public static class NamingDeadlines
{
    public const string NoDeadline = "批准日在《地名管理条例》（2022）施行（2022年5月1日）前：1986年《地名管理条例》未规定备案、公告期限";

    public static DateOnly? Due(DateOnly approvedOn, int? daysInForce) => daysInForce is { } d ? approvedOn.AddDays(d) : null;

    public static bool IsOverdue(DateOnly? due, DateOnly? doneOn, DateOnly today) => due is { } d && doneOn is null && today > d;
}
