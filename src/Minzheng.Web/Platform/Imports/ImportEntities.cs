using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Imports;

public enum ImportStatus
{
    Uploaded = 1,
    Validating = 2,
    Validated = 3,
    Committing = 4,
    Committed = 5,
    Failed = 6,
    Cancelled = 7,
}

/// <summary>
/// One uploaded file on its way into the registry: column mapping, validation with every bad row
/// recorded, then an explicit commit (all rows, or only the good ones). Nothing is written before.
/// </summary>
public sealed class ImportBatch : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Uploaded;

    /// <summary>The header row of the file, as found.</summary>
    public string HeadersJson { get; set; } = "[]";

    /// <summary>Target field → source column header.</summary>
    public string MappingJson { get; set; } = "{}";

    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int ErrorRows { get; set; }
    public int CommittedPeople { get; set; }
    public int CommittedHouseholds { get; set; }

    /// <summary>Rows written by the commit (for every kind).</summary>
    public int CommittedRows { get; set; }

    /// <summary>What the kind needs besides the file (a dataset's source and date, …), as JSON.</summary>
    public string ParametersJson { get; set; } = "{}";
    /// <summary>
    /// Errors beyond the ones stored in full (<see cref="ImportErrors.MaxStored"/>), counted per kind: a JSON list of
    /// <see cref="ImportErrorCount"/>; empty for a batch whose every error is stored.
    /// </summary>
    public string ErrorOverflowJson { get; set; } = "[]";

    public bool OnlyValidRows { get; set; }
    public string? Message { get; set; }

    /// <summary>The importing user's division: the batch is visible within that scope only.</summary>
    public required string DivisionCode { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? FinishedAt { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int ValidRows => TotalRows - ErrorRows;
}

public sealed class ImportRowError
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public int Line { get; set; }
    public string Column { get; set; } = "";
    public string? Value { get; set; }
    public required string Message { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("import_batch");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ValidRows);
        b.HasIndex(x => new { x.DivisionCode, x.CreatedAt });
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> b)
    {
        b.ToTable("import_row_error");
        b.HasKey(x => x.Id);
        b.Property(x => x.Column).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(200);
        b.Property(x => x.Message).HasMaxLength(500);
        b.HasIndex(x => new { x.BatchId, x.Line });
    }
}
