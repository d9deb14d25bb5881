using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Tasks;

/// <summary>
/// What people did about one work item (ADR 026): assigned it to a colleague, escalated it to the parent division. It holds the
/// item's <see cref="Stamp"/> as it was then: once the item moves on (a new step, a new status) the marks no longer apply and the
/// next action starts afresh. Division-scoped by the item's division (AppDbContext), versioned (a stale write is 409), audited
/// like every change.
/// </summary>
public sealed class WorkItemMark : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string DivisionCode { get; set; }
    public required string Stamp { get; set; }

    public Guid? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    public string? AssignedByName { get; set; }
    public DateTime? AssignedAt { get; set; }

    /// <summary>The division whose users the item was escalated to (the parent of the escalating user's division).</summary>
    public string? EscalatedToDivision { get; set; }
    public string? EscalatedByName { get; set; }
    public DateTime? EscalatedAt { get; set; }

    /// <summary>The last assigner's or escalator's note (why, what is needed).</summary>
    public string? Note { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One user's 知悉 of one item: hidden from that user's list while the item keeps <see cref="Stamp"/>; an overdue item only for
/// the day it was acknowledged (<see cref="On"/>), so overdue work cannot be put out of sight for good (ADR 026).
/// </summary>
public sealed class WorkItemAcknowledgement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public Guid UserId { get; set; }
    public required string Stamp { get; set; }
    public DateOnly On { get; set; }
    public DateTime At { get; set; }
}

internal sealed class WorkItemMarkConfiguration : IEntityTypeConfiguration<WorkItemMark>
{
    public void Configure(EntityTypeBuilder<WorkItemMark> b)
    {
        b.ToTable("platform_work_item");
        b.HasKey(m => m.Id);
        b.Property(m => m.Key).HasMaxLength(100);
        b.Property(m => m.DivisionCode).HasMaxLength(12);
        b.Property(m => m.Stamp).HasMaxLength(100);
        b.Property(m => m.AssigneeName).HasMaxLength(100);
        b.Property(m => m.AssignedByName).HasMaxLength(100);
        b.Property(m => m.EscalatedToDivision).HasMaxLength(12);
        b.Property(m => m.EscalatedByName).HasMaxLength(100);
        b.Property(m => m.Note).HasMaxLength(500);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.Key).IsUnique();
        b.HasIndex(m => m.AssigneeId);
        b.HasIndex(m => m.EscalatedToDivision);
    }
}

internal sealed class WorkItemAcknowledgementConfiguration : IEntityTypeConfiguration<WorkItemAcknowledgement>
{
    public void Configure(EntityTypeBuilder<WorkItemAcknowledgement> b)
    {
        b.ToTable("platform_work_item_ack");
        b.HasKey(a => a.Id);
        b.Property(a => a.Key).HasMaxLength(100);
        b.Property(a => a.Stamp).HasMaxLength(100);
        b.HasIndex(a => new { a.UserId, a.Key }).IsUnique();
    }
}
