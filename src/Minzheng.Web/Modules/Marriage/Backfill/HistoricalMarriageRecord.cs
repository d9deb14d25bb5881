using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Backfill;

public enum HistoricalRecordStatus
{
    /// <summary>Entered (or imported) by one clerk, waiting for the check by another.</summary>
    Entered = 1,

    /// <summary>Checked by a second clerk: only these count as done.</summary>
    Checked = 2,
}

/// <summary>
/// One party of an archive record, as the paper shows it. The ID number is optional (MZ/T 113-2018): an 18-digit number that
/// passes its check character, a 15-digit pre-1999 number, or none — then an anomaly code says why; never an invented number.
/// A number is stored encrypted with its keyed hash (of the 18-digit form, so a 15-digit number finds the registry person it
/// became) and masked like the registry's. The birth date may be partial (year, or year and month).
/// </summary>
public sealed class HistoricalParty
{
    public string Name { get; set; } = "";
    public Sex Sex { get; set; }
    public byte[]? IdNumberCipher { get; set; }
    public byte[]? IdNumberHash { get; set; }
    public string? IdNumberMasked { get; set; }

    /// <summary>15 or 18 (the form the archive shows), null when there is none.</summary>
    public int? IdNumberLength { get; set; }

    /// <summary>A code of <see cref="BackfillCodes.Anomalies"/>, or null.</summary>
    public string? AnomalyCode { get; set; }
    public int? BirthYear { get; set; }
    public int? BirthMonth { get; set; }
    public int? BirthDay { get; set; }

    /// <summary>The birth date written in the archive contradicts the one in its ID number (both kept as found; the quality report shows it).</summary>
    public bool BirthConflictsNumber { get; set; }

    /// <summary>GB/T 3304 code.</summary>
    public string? Ethnicity { get; set; }

    /// <summary>GB/T 2659 alpha-3 code.</summary>
    public string? Nationality { get; set; }

    /// <summary>GB/T 6565 major group.</summary>
    public string? Occupation { get; set; }

    /// <summary>GB/T 2261.2 code of the status before this registration.</summary>
    public string? MaritalBefore { get; set; }

    /// <summary>The live registry person with the same ID hash: a suggestion until the checker confirms it. Never written to.</summary>
    public Guid? PersonId { get; set; }
    public bool PersonConfirmed { get; set; }

    public string BirthText => BirthYear is not { } y ? "" : BirthMonth is not { } m ? $"{y}年" : BirthDay is not { } d ? $"{y}年{m}月" : $"{y}年{m}月{d}日";
}

/// <summary>
/// An archived marriage registration of 1950–2001 entered from the paper archive (MZ/T 113-2018): archive number, date, the
/// registry (an office on the platform, or the name of one that no longer exists), the type and both parties. Entered by one
/// clerk and checked by another; scoped by the registry's county, so another county's officer gets 404.
/// </summary>
public sealed class HistoricalMarriageRecord : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ArchiveNumber { get; set; }
    public DateOnly RegisteredOn { get; set; }

    /// <summary>The registry office on the platform, when the archive's registry is one.</summary>
    public Guid? OfficeId { get; set; }

    /// <summary>The registry as the archive names it (the office's name when <see cref="OfficeId"/> is set).</summary>
    public required string RegistryName { get; set; }

    /// <summary>The registry's county: the scope.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>A code of <see cref="BackfillCodes.RecordTypes"/>.</summary>
    public required string Type { get; set; }
    public HistoricalParty PartyA { get; set; } = new();
    public HistoricalParty PartyB { get; set; } = new();
    public string? Note { get; set; }
    public HistoricalRecordStatus Status { get; set; } = HistoricalRecordStatus.Entered;

    /// <summary>The import batch the record came from, if imported.</summary>
    public Guid? ImportBatchId { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
    public string? CheckedBy { get; set; }
    public DateTime? CheckedAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class HistoricalMarriageRecordConfiguration : IEntityTypeConfiguration<HistoricalMarriageRecord>
{
    public void Configure(EntityTypeBuilder<HistoricalMarriageRecord> b)
    {
        b.ToTable("marriage_historical_record");
        b.HasKey(r => r.Id);
        b.Property(r => r.ArchiveNumber).HasMaxLength(40);
        b.Property(r => r.RegistryName).HasMaxLength(100);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Type).HasMaxLength(20);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.EnteredBy).HasMaxLength(100);
        b.Property(r => r.CheckedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<MarriageOffice>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(r => r.PartyA, Party);
        b.OwnsOne(r => r.PartyB, Party);
        b.HasIndex(r => new { r.DivisionCode, r.ArchiveNumber });
        b.HasIndex(r => new { r.DivisionCode, r.Status });
    }

    private static void Party<T>(OwnedNavigationBuilder<T, HistoricalParty> p) where T : class
    {
        p.Property(x => x.Name).HasMaxLength(50);
        p.Property(x => x.IdNumberMasked).HasMaxLength(20);
        p.Property(x => x.AnomalyCode).HasMaxLength(20);
        p.Property(x => x.Ethnicity).HasMaxLength(2);
        p.Property(x => x.Nationality).HasMaxLength(3);
        p.Property(x => x.Occupation).HasMaxLength(2);
        p.Property(x => x.MaritalBefore).HasMaxLength(2);
        p.HasIndex(x => x.IdNumberHash);
    }
}
