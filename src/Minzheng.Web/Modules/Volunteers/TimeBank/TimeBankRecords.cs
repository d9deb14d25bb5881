using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

public enum TimeAccountKind
{
    /// <summary>个人账户: one per registry person, opened on first use.</summary>
    Person = 1,
    /// <summary>团体账户: one per volunteer team; may only donate to the pool.</summary>
    Group = 2,
    /// <summary>The city's own accounts (<see cref="TimeSystemAccount"/>).</summary>
    System = 3,
}

/// <summary>The city's system accounts. Only <see cref="Issuance"/> may stand below zero: it is the other side of every deposit.</summary>
public enum TimeSystemAccount
{
    /// <summary>发行: debited by every deposit from verified service (its balance is minus the time issued and not reversed).</summary>
    Issuance = 1,
    /// <summary>捐赠池: donations and the part of a deposit above the personal cap; the city grants from it.</summary>
    Pool = 2,
    /// <summary>过期: credited by expiry (only where an expiry period is set in the figures).</summary>
    Expired = 3,
}

/// <summary>
/// 时间银行账户. Whole minutes. The balance is only ever changed together with the entries of a transaction (the ledger); it
/// never falls below zero (a conditional decrement, and a CHECK constraint behind it) except for the issuance account.
/// Scoped by the person's (team's) division; the city's accounts by the city.
/// </summary>
public sealed class TimeAccount : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public TimeAccountKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? TeamId { get; set; }
    public TimeSystemAccount? SystemRole { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public int Balance { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum TimeTxnKind
{
    Deposit = 1,
    Withdraw = 2,
    TransferFamily = 3,
    Donate = 4,
    Grant = 5,
    Expire = 6,
    Reversal = 7,
}

/// <summary>
/// A ledger transaction: append-only, never updated or deleted (a mistake is undone by a <see cref="TimeTxnKind.Reversal"/>).
/// Its entries sum to zero. Not scoped itself: it is read through an account read in scope.
/// </summary>
public sealed class TimeTxn
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public TimeTxnKind Kind { get; set; }
    public DateTime At { get; set; }

    /// <summary>The service record a deposit (or its correction) comes from.</summary>
    public Guid? ServiceRecordId { get; set; }

    /// <summary>The transaction a reversal undoes (at most one reversal each).</summary>
    public Guid? ReversesTxnId { get; set; }

    /// <summary>For a withdrawal: the service received, its date and who provided it; for a reversal or grant: the reason.</summary>
    public string Description { get; set; } = "";
    public DateOnly? ServedOn { get; set; }
    public string Provider { get; set; } = "";

    /// <summary>The division of the service point (township) that booked it (通存通兑: may differ from the account's).</summary>
    public string BookedAtDivision { get; set; } = "";
    public required string CreatedBy { get; set; }
    public List<TimeEntry> Entries { get; set; } = [];
}

/// <summary>One leg of a transaction on one account: signed minutes and the account's balance right after it.</summary>
public sealed class TimeEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TxnId { get; set; }
    public Guid AccountId { get; set; }
    public int Minutes { get; set; }
    public int BalanceAfter { get; set; }
}

public enum RelativeRelation
{
    Spouse = 1,
    Parent = 2,
    Child = 3,
    Grandparent = 4,
}

/// <summary>
/// 登记的近亲属 of an account: transfers go only to these. Checked against the registry's household membership where both
/// are current members of one household; otherwise the proof (e.g. 户口簿、结婚证、出生医学证明) is recorded.
/// </summary>
public sealed class TimeRelative : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Guid RelativePersonId { get; set; }
    public RelativeRelation Relation { get; set; }

    /// <summary>The owner's division (the relative is seen through the owner).</summary>
    public required string DivisionCode { get; set; }
    public bool HouseholdChecked { get; set; }
    public string Proof { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class TimeBankConfiguration : IEntityTypeConfiguration<TimeAccount>, IEntityTypeConfiguration<TimeTxn>, IEntityTypeConfiguration<TimeEntry>, IEntityTypeConfiguration<TimeRelative>
{
    public void Configure(EntityTypeBuilder<TimeAccount> b)
    {
        // the floor, behind the conditional decrement: only the issuance account (system role 1) stands below zero
        b.ToTable("volunteer_timebank_account", t => t.HasCheckConstraint("ck_volunteer_timebank_account_balance", "balance >= 0 OR system_role = 1"));
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.HasIndex(a => a.DivisionCode);
        b.Property(a => a.Name).HasMaxLength(100);
        b.HasIndex(a => a.PersonId).IsUnique();
        b.HasIndex(a => a.TeamId).IsUnique();
        b.HasIndex(a => a.SystemRole).IsUnique();
        b.Property(a => a.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<TimeTxn> b)
    {
        b.ToTable("volunteer_timebank_txn");
        b.HasIndex(t => t.At);
        b.HasIndex(t => t.ServiceRecordId);
        b.HasIndex(t => t.ReversesTxnId).IsUnique(); // a transaction is reversed at most once
        b.Property(t => t.Description).HasMaxLength(500);
        b.Property(t => t.Provider).HasMaxLength(100);
        b.Property(t => t.BookedAtDivision).HasMaxLength(12);
        b.Property(t => t.CreatedBy).HasMaxLength(64);
        b.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TxnId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TimeEntry> b)
    {
        b.ToTable("volunteer_timebank_entry");
        b.HasIndex(e => new { e.AccountId, e.TxnId });
        b.HasOne<TimeAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TimeRelative> b)
    {
        b.ToTable("volunteer_timebank_relative");
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.HasIndex(r => r.DivisionCode);
        b.HasIndex(r => new { r.AccountId, r.RelativePersonId }).IsUnique();
        b.Property(r => r.Proof).HasMaxLength(500);
        b.HasOne<TimeAccount>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
