using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.ElderlyCare.Homes.HomesPermissions;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies;

public enum HomeSubsidyKind
{
    /// <summary>建设补贴: per new bed, once.</summary>
    Construction = 1,

    /// <summary>运营补贴: per occupied bed and month, raised by ability level.</summary>
    Operating = 2,
}

public enum HomeSubsidyStatus
{
    Submitted = 1,
    Reviewed = 2,
    Approved = 3,
    Refused = 4,
    ClawedBack = 5,
}

/// <summary>
/// A private home's application for a subsidy: the home applies (its own account), the county reviews the amount against the
/// home's beds, residents and assessments, and approves; the approved amount is published to payments as a one-off entitlement
/// paid to the home's account with its explanation. A construction subsidy is clawed back when the home closes early.
/// </summary>
public sealed class HomeSubsidyApplication : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid HomeId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public HomeSubsidyKind Kind { get; set; }

    /// <summary>The subsidised month (first day) of an operating subsidy.</summary>
    public DateOnly? Month { get; set; }

    /// <summary>New beds of a construction subsidy.</summary>
    public int? NewBeds { get; set; }

    public HomeSubsidyStatus Status { get; set; } = HomeSubsidyStatus.Submitted;
    public DateOnly AppliedOn { get; set; }
    public required string AppliedBy { get; set; }

    /// <summary>The amount as the county's review computed it (recomputed at approval), and its explanation (AmountLine JSON) and reasons.</summary>
    public Platform.Money.Money Amount { get; set; }
    public string Explanation { get; set; } = "[]";
    public string Reasons { get; set; } = "[]";

    public DateOnly? ApprovedOn { get; set; }

    /// <summary>The payroll month the approved amount is due in.</summary>
    public DateOnly? PaidMonth { get; set; }

    public Platform.Money.Money? ClawbackAmount { get; set; }
    public string? ClawbackBasis { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class HomeSubsidyApplicationConfiguration : IEntityTypeConfiguration<HomeSubsidyApplication>
{
    public void Configure(EntityTypeBuilder<HomeSubsidyApplication> b)
    {
        b.ToTable("elderly_subsidy");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(40);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Kind).HasConversion<int>();
        b.Property(a => a.Status).HasConversion<int>();
        b.Property(a => a.AppliedBy).HasMaxLength(100);
        b.Property(a => a.Explanation).HasMaxLength(20000);
        b.Property(a => a.Reasons).HasMaxLength(4000);
        b.Property(a => a.ClawbackBasis).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.HomeId, a.Kind, a.Month });
        b.HasIndex(a => new { a.DivisionCode, a.Status });
        b.HasOne<ElderlyHome>().WithMany().HasForeignKey(a => a.HomeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// 民办养老机构补贴 as data for the workflow kernel: 县级审核 (against beds, residents and assessments) → 县级审批 (published to
/// payments); 追回 of a construction subsidy when the home closes early. Step limits are local practice (UNCONFIRMED). The case
/// starts at the county's first action: the home's own account, scoped to its organisation, cannot own a division-scoped case.
/// </summary>
public static class HomeSubsidyProcess
{
    public const string Code = "elderly-home-subsidy";
    public const string SubjectType = "elderly-home-subsidy";

    public const string Submitted = "submitted";
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";
    public const string Refused = "refused";
    public const string ClawedBack = "clawed_back";

    public const string Review = "review";
    public const string Approve = "approve";
    public const string Refuse = "refuse";
    public const string Clawback = "clawback";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "民办养老机构补贴审核审批",
        InitialState: Submitted,
        States:
        [
            new(Submitted, "待县级审核", DeadlineWorkingDays: 15), // local practice, UNCONFIRMED
            new(Reviewed, "待县级审批", DeadlineWorkingDays: 10),  // local practice, UNCONFIRMED
            new(Approved, "已批准（列入发放）"),
            new(Refused, "不予批准", Terminal: true),
            new(ClawedBack, "已追回", Terminal: true),
        ],
        Transitions:
        [
            new(Submitted, Review, "县级审核", Reviewed, SubsidyApprove),
            new(Submitted, Refuse, "县级审核不同意", Refused, SubsidyApprove, RequiresOpinion: true),
            new(Reviewed, Approve, "县级审批", Approved, SubsidyApprove),
            new(Reviewed, Refuse, "县级审批不同意", Refused, SubsidyApprove, RequiresOpinion: true),
            new(Approved, Clawback, "提前关闭，追回建设补贴", ClawedBack, SubsidyApprove, RequiresOpinion: true),
        ]);

    public static HomeSubsidyStatus StatusOf(string state) => state switch
    {
        Submitted => HomeSubsidyStatus.Submitted,
        Reviewed => HomeSubsidyStatus.Reviewed,
        Approved => HomeSubsidyStatus.Approved,
        Refused => HomeSubsidyStatus.Refused,
        ClawedBack => HomeSubsidyStatus.ClawedBack,
        _ => throw new InvalidOperationException($"养老机构补贴流程没有状态 {state}"),
    };
}
