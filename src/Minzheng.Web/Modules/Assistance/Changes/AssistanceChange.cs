using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.AssistancePermissions;

namespace Minzheng.Web.Modules.Assistance.Changes;

public enum ChangeKind
{
    /// <summary>调整保障金额: a new monthly amount (with its explanation) from a month on.</summary>
    Adjust = 1,

    /// <summary>终止保障: nothing due after the month before <see cref="AssistanceChange.EffectiveFrom"/>.</summary>
    Terminate = 2,
}

public enum ChangeStatus
{
    Proposed = 1,
    Approved = 2,
    Rejected = 3,

    /// <summary>The fact it rested on went away (a death recorded in error and reversed).</summary>
    Withdrawn = 4,
}

/// <summary>
/// A proposed change to a running dibao case — a recalculated amount after a member's death, or a termination a township clerk
/// asked for on a data-comparison finding — that the one who may decide it in the case's process (the township approver)
/// approves or rejects on the workflow kernel (ADR 022). Nothing is paid differently until it is approved: then the amount, its
/// explanation and the payee take effect from <see cref="EffectiveFrom"/> (which may lie in the past: the next payroll recovers
/// what was paid since) and the notice is issued.
/// </summary>
public sealed class AssistanceChange : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string CaseNumber { get; set; }
    public required string DivisionCode { get; set; }
    public Guid WorkflowCaseId { get; set; }
    public ChangeKind Kind { get; set; }
    public ChangeStatus Status { get; set; } = ChangeStatus.Proposed;

    /// <summary>Why, in words: the member who died and from when, or the finding's verified facts.</summary>
    public required string Reason { get; set; }

    /// <summary>What the proposal rests on when it comes from outside the case (a finding, a death record), for the record.</summary>
    public string? Authority { get; set; }

    /// <summary>The first month the change applies to (the month after the death; the month after the last month due).</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The new monthly amount (adjust) and its explanation lines (JSON), frozen when proposed.</summary>
    public Money Amount { get; set; }
    public string? Explanation { get; set; }
    public int? MemberCount { get; set; }

    /// <summary>The member no longer counted (a death), and the member paid from now on where the one paid so far died.</summary>
    public Guid? RemovedPersonId { get; set; }
    public Guid? NewPayeePersonId { get; set; }
    public string? NewPayeeName { get; set; }

    public required string ProposedBy { get; set; }
    public DateOnly ProposedOn { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Opinion { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// 变更核定 as data for the workflow kernel: proposed by whoever found the change (a death, a finding), decided by the township
/// approver — the permission that decides 终止保障 and 复核调整 in the dibao process (社会救助暂行办法 第十三条: 县级民政部门
/// 根据家庭成员、收入变化情况决定增发、减发或者停发; 57号 lets the county delegate it to the township).
/// </summary>
public static class ChangeProcess
{
    public const string Code = "assistance-change";
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "低保变更核定",
        InitialState: Proposed,
        States:
        [
            new(Proposed, "待审批", DeadlineWorkingDays: 10), // UNCONFIRMED local practice; the review's decision limit
            new(Approved, "已同意", Terminal: true),
            new(Rejected, "未同意", Terminal: true),
            new(Withdrawn, "已撤回", Terminal: true),
        ],
        Transitions:
        [
            new(Proposed, "approve", "同意变更", Approved, Approve),
            new(Proposed, "reject", "不同意，退回重新核定", Rejected, Approve, RequiresOpinion: true),
            new(Proposed, "withdraw", "撤回", Withdrawn, Approve, RequiresOpinion: true),
        ]);
}

internal sealed class AssistanceChangeConfiguration : IEntityTypeConfiguration<AssistanceChange>
{
    public void Configure(EntityTypeBuilder<AssistanceChange> b)
    {
        b.ToTable("assistance_change");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Authority).HasMaxLength(500);
        b.Property(x => x.NewPayeeName).HasMaxLength(50);
        b.Property(x => x.ProposedBy).HasMaxLength(100);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.Opinion).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CaseId, x.Status });
        b.HasIndex(x => new { x.DivisionCode, x.Status });
    }
}
