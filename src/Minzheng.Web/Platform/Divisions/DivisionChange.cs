using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>The kinds of change 行政区划管理条例 (国务院令第704号) approves; each is a mapping of codes applied on one date.</summary>
public enum DivisionChangeKind
{
    /// <summary>更名: the code stays, the name changes.</summary>
    Rename,

    /// <summary>变更代码: the division gets a new code (and may be renamed); its subtree is re-coded with it.</summary>
    Recode,

    /// <summary>撤县设区: a county becomes a district (new name ending in 区, usually a new code).</summary>
    CountyToDistrict,

    /// <summary>撤镇设街道: a town becomes a street office (name ending in 街道, usually a new code).</summary>
    TownToStreet,

    /// <summary>合并: several divisions of one level under one parent become one (an existing one or a new one).</summary>
    Merge,

    /// <summary>析置/拆分: some of a division's children leave it for another division (an existing one or a new one).</summary>
    Split,
}

public enum DivisionChangeStatus
{
    /// <summary>Registered, takes effect on its date (the daily job applies it then).</summary>
    Pending,
    Applied,
}

/// <summary>
/// An approved change of the division tree (ADR 065). Registered with its approval document; applied on its effective date
/// in one transaction by <see cref="DivisionChanges"/>, which records the complete code mapping it used and moves every
/// division-scoped record accordingly.
/// </summary>
public sealed class DivisionChange : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DivisionChangeKind Kind { get; set; }
    public DivisionChangeStatus Status { get; set; }
    public DateOnly EffectiveOn { get; set; }

    /// <summary>The approval: e.g. 桂政函〔2020〕12号.</summary>
    public required string DocumentNumber { get; set; }

    /// <summary>The approving authority (国务院, 自治区人民政府 …).</summary>
    public required string ApprovedBy { get; set; }

    public string? Reason { get; set; }

    /// <summary>What the change says, as registered (from, to, new name); the full mapping is computed when applied.</summary>
    public List<DivisionChangeItem> Items { get; set; } = [];

    public DateTime? AppliedAt { get; set; }

    /// <summary>How many records moved, per table, written when applied ("registry_person: 12; …").</summary>
    public string? MovedSummary { get; set; }

    /// <summary>Why the daily job could not apply a pending change on its date (it stays pending, nothing applied).</summary>
    public string? Problem { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One line of a change: <see cref="FromCode"/> becomes (or goes to) <see cref="ToCode"/>, named <see cref="ToName"/> where new.</summary>
public sealed class DivisionChangeItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ChangeId { get; set; }
    public required string FromCode { get; set; }
    public string? ToCode { get; set; }
    public string? ToName { get; set; }
}

/// <summary>One code of the mapping an applied change used (the division itself and every division below it that moved).</summary>
public sealed class DivisionChangeMapping
{
    public long Id { get; set; }
    public Guid ChangeId { get; set; }
    public required string FromCode { get; set; }
    public required string ToCode { get; set; }

    /// <summary>The division lives on under the new code (re-coded, moved to another parent); false for a merged-away one.</summary>
    public bool KeepsIdentity { get; set; }
}

/// <summary>
/// A division's earlier name, parent or level while its code stayed the same (a rename keeps the code), valid until
/// <see cref="ValidTo"/> (exclusive). Re-coded and merged divisions keep their own row in <c>division</c> instead, retired.
/// </summary>
public sealed class DivisionVersion
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }
    public DivisionLevel Level { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public Guid ChangeId { get; set; }
}

/// <summary>
/// A record a change moved: which table, which row, from which code to which, and on which date. Lets a report for a date
/// before the change count the record under the division it lay in then (<see cref="DivisionHistory"/>).
/// </summary>
public sealed class DivisionMove
{
    public long Id { get; set; }
    public Guid ChangeId { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public required string TableName { get; set; }
    public required string EntityKey { get; set; }
    public required string FromCode { get; set; }
    public required string ToCode { get; set; }
}

internal sealed class DivisionChangeConfiguration :
    IEntityTypeConfiguration<DivisionChange>, IEntityTypeConfiguration<DivisionChangeItem>, IEntityTypeConfiguration<DivisionChangeMapping>,
    IEntityTypeConfiguration<DivisionVersion>, IEntityTypeConfiguration<DivisionMove>
{
    public void Configure(EntityTypeBuilder<DivisionChange> b)
    {
        b.ToTable("division_change");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.DocumentNumber).HasMaxLength(100);
        b.Property(c => c.ApprovedBy).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.MovedSummary).HasMaxLength(4000);
        b.Property(c => c.Problem).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.ChangeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.Status, c.EffectiveOn });
    }

    public void Configure(EntityTypeBuilder<DivisionChangeItem> b)
    {
        b.ToTable("division_change_item");
        b.Property(i => i.FromCode).HasMaxLength(12);
        b.Property(i => i.ToCode).HasMaxLength(12);
        b.Property(i => i.ToName).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<DivisionChangeMapping> b)
    {
        b.ToTable("division_change_mapping");
        b.Property(m => m.FromCode).HasMaxLength(12);
        b.Property(m => m.ToCode).HasMaxLength(12);
        b.HasIndex(m => new { m.ChangeId, m.FromCode }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DivisionVersion> b)
    {
        b.ToTable("division_version");
        b.Property(v => v.Code).HasMaxLength(12);
        b.Property(v => v.Name).HasMaxLength(100);
        b.Property(v => v.ParentCode).HasMaxLength(12);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(v => v.Code);
    }

    public void Configure(EntityTypeBuilder<DivisionMove> b)
    {
        b.ToTable("division_move");
        b.Property(m => m.TableName).HasMaxLength(63);
        b.Property(m => m.EntityKey).HasMaxLength(64);
        b.Property(m => m.FromCode).HasMaxLength(12);
        b.Property(m => m.ToCode).HasMaxLength(12);
        b.HasIndex(m => new { m.TableName, m.EntityKey, m.EffectiveOn });
    }
}
