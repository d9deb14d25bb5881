using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Audit;

/// <summary>
/// One recorded write or security event. Written in the same transaction as the change it records;
/// sealed shortly after into a hash chain (<see cref="ChainIndex"/>, <see cref="PreviousHash"/>,
/// <see cref="Hash"/> = SM3 over the previous hash and the entry) by <see cref="AuditSealer"/>.
/// The application never updates or deletes an entry once written (AppDbContext refuses it).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string UserName { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>insert / update / delete for data; sign_in, sign_in_failed, sign_out, reveal, export… for events.</summary>
    public required string Action { get; set; }

    /// <summary>The table (for data) or the subject kind (for events).</summary>
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>The division the record belongs to, where it has one (for filtering).</summary>
    public string? DivisionCode { get; set; }

    /// <summary>JSON: { field: [old, new] } for data, free detail for events; sensitive values masked.</summary>
    public string? Changes { get; set; }

    public long? ChainIndex { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entry");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserName).HasMaxLength(100);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(100);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.ChainIndex).IsUnique();
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.UserName);
    }
}
