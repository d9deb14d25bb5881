using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>The external datasets the rules read (数据比对的外部数据).</summary>
public enum DatasetKind
{
    Deaths = 1,
    DisabilityCertificates = 2,
    Vehicles = 3,
    RealEstate = 4,
    Businesses = 5,
    PublicPayroll = 6,
    Pensions = 7,
    Detention = 8,
    PovertyRegistry = 9,
}

public enum DatasetStatus
{
    /// <summary>The latest of its kind for its division: the rules read it.</summary>
    Current = 1,

    /// <summary>A later version of the same kind and division was imported.</summary>
    Superseded = 2,
}

/// <summary>
/// One imported file of another department's data: its source, the date the data is as of, and its version (per kind and
/// division). Rows are kept as records; identifiers only as the registry's keyed hash and a masked copy.
/// </summary>
public sealed class ComparisonDataset : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DatasetKind Kind { get; set; }

    /// <summary>Who supplied it: “容县公安局”, “玉林市残联”.</summary>
    public required string Source { get; set; }

    public DateOnly AsOf { get; set; }
    public int Version { get; set; }
    public DatasetStatus Status { get; set; } = DatasetStatus.Current;

    /// <summary>The county (or city) the data covers: the importing officer's division.</summary>
    public required string DivisionCode { get; set; }

    public int RowCount { get; set; }
    public Guid? ImportBatchId { get; set; }
    public required string FileName { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>
/// One row of a dataset, in the columns every kind shares (what each means depends on the kind, see <see cref="DatasetKinds"/>).
/// Matched to the registry at each run by the keyed hash of the ID number, never stored in clear.
/// </summary>
public sealed class ComparisonRecord
{
    public long Id { get; set; }
    public Guid DatasetId { get; set; }
    public int Line { get; set; }
    public required byte[] IdNumberHash { get; set; }
    public required string IdNumberMasked { get; set; }
    public required string Name { get; set; }

    /// <summary>Death, registration, detention start, pension start…</summary>
    public DateOnly? EventDate { get; set; }

    /// <summary>Certificate valid until, detention end, business deregistered…</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Vehicle type, disability category, business type, pension kind, detention kind…</summary>
    public string? Category { get; set; }

    /// <summary>Certificate, vehicle, business or poverty status as the source writes it.</summary>
    public string? Status { get; set; }

    /// <summary>Disability grade.</summary>
    public int? Grade { get; set; }

    /// <summary>Monthly pension or salary, yearly income per head (fen).</summary>
    public long? AmountFen { get; set; }

    /// <summary>Plate number, property certificate, credit code, employer, certificate number…</summary>
    public string? Reference { get; set; }
}

/// <summary>A county's choice for one rule (no row: the rule runs, with its defaults).</summary>
public sealed class ComparisonRuleSetting : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string CountyCode { get; set; }
    public required string RuleCode { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>The rule's parameter where it has one (the vehicle types exempt from the vehicle rule, comma-separated).</summary>
    public string? Parameter { get; set; }

    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum RunStatus
{
    Running = 1,
    Finished = 2,
    Failed = 3,
}

/// <summary>One run of the rules over a division (a county or the city), with what each rule found.</summary>
public sealed class ComparisonRun : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DivisionCode { get; set; }
    public RunStatus Status { get; set; } = RunStatus.Running;
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int NewFindings { get; set; }

    /// <summary>Per county and rule: new findings, or why the rule did not run (switched off, dataset or figure missing), as JSON.</summary>
    public string ReportJson { get; set; } = "[]";

    public string? Message { get; set; }
}

public enum FindingDirection
{
    /// <summary>应退: a benefit that should stop.</summary>
    Stop = 1,

    /// <summary>应补/应保: a benefit that should be granted.</summary>
    Add = 2,
}

public enum FindingStatus
{
    Open = 1,
    Confirmed = 2,
    Dismissed = 3,
}

public enum FindingAction
{
    Suspend = 1,
    Terminate = 2,
    Recover = 3,
    StartApplication = 4,

    /// <summary>
    /// 登记死亡: a death verified against the police or health records is recorded in the registry (the one death use case), and
    /// every module acts on it — a household's dibao is recalculated for the members left, not ended (ADR 022).
    /// </summary>
    RecordDeath = 5,
}

/// <summary>
/// What a rule found for one person: sent to the township of the person's hukou (the finding's division is the person's
/// village), verified there and closed as confirmed (with the action taken) or dismissed (with the reason).
/// </summary>
public sealed class ComparisonFinding : IDivisionScoped, IVersioned
{
    public long Id { get; set; }
    public required string RuleCode { get; set; }
    public FindingDirection Direction { get; set; }
    public Guid PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public required string DivisionCode { get; set; }
    public required string CountyCode { get; set; }

    /// <summary>The benefit concerned: the running one (应退) or the one to apply for (应补).</summary>
    public required string Program { get; set; }

    /// <summary>The running benefit's source (its case); <see cref="Guid.Empty"/> for 应补.</summary>
    public Guid SourceId { get; set; }

    public string? SourceNumber { get; set; }

    /// <summary>The dataset whose record raised it; <see cref="Guid.Empty"/> for rules over the registry alone.</summary>
    public Guid DatasetId { get; set; }

    public long? RecordId { get; set; }

    /// <summary>The event's date (death, detention, certificate expiry…), the basis of a recovery.</summary>
    public DateOnly? EventDate { get; set; }

    public Guid RunId { get; set; }
    public DateTime FoundAt { get; set; }
    public FindingStatus Status { get; set; } = FindingStatus.Open;
    public FindingAction? Action { get; set; }
    public string? Note { get; set; }

    /// <summary>What the action did (from the benefit's module), for the record.</summary>
    public string? Effect { get; set; }

    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class ComparisonDatasetConfiguration : IEntityTypeConfiguration<ComparisonDataset>
{
    public void Configure(EntityTypeBuilder<ComparisonDataset> b)
    {
        b.ToTable("comparison_dataset");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Source).HasMaxLength(100);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ImportedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.Kind, x.DivisionCode, x.Version }).IsUnique();
    }
}

internal sealed class ComparisonRecordConfiguration : IEntityTypeConfiguration<ComparisonRecord>
{
    public void Configure(EntityTypeBuilder<ComparisonRecord> b)
    {
        b.ToTable("comparison_record");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.IdNumberMasked).HasMaxLength(24);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Category).HasMaxLength(40);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.HasIndex(x => new { x.DatasetId, x.IdNumberHash });
        b.HasIndex(x => new { x.DatasetId, x.Line });
    }
}

internal sealed class ComparisonRuleSettingConfiguration : IEntityTypeConfiguration<ComparisonRuleSetting>
{
    public void Configure(EntityTypeBuilder<ComparisonRuleSetting> b)
    {
        b.ToTable("comparison_rule_setting");
        b.HasKey(x => x.Id);
        b.Property(x => x.CountyCode).HasMaxLength(12);
        b.Property(x => x.RuleCode).HasMaxLength(40);
        b.Property(x => x.Parameter).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CountyCode, x.RuleCode }).IsUnique();
    }
}

internal sealed class ComparisonRunConfiguration : IEntityTypeConfiguration<ComparisonRun>
{
    public void Configure(EntityTypeBuilder<ComparisonRun> b)
    {
        b.ToTable("comparison_run");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.StartedBy).HasMaxLength(100);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasIndex(x => new { x.DivisionCode, x.StartedAt });
    }
}

internal sealed class ComparisonFindingConfiguration : IEntityTypeConfiguration<ComparisonFinding>
{
    public void Configure(EntityTypeBuilder<ComparisonFinding> b)
    {
        b.ToTable("comparison_finding");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.RuleCode).HasMaxLength(40);
        b.Property(x => x.Direction).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Action).HasConversion<int>();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CountyCode).HasMaxLength(12);
        b.Property(x => x.Program).HasMaxLength(32);
        b.Property(x => x.SourceNumber).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Effect).HasMaxLength(500);
        b.Property(x => x.ResolvedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        // A rerun adds nothing twice: one finding per rule, person, benefit and dataset (a new dataset version may raise it again).
        b.HasIndex(x => new { x.RuleCode, x.PersonId, x.SourceId, x.DatasetId }).IsUnique();
        b.HasIndex(x => new { x.DivisionCode, x.Status });
        b.HasIndex(x => new { x.CountyCode, x.RuleCode, x.Status });
        b.HasIndex(x => x.PersonId);
    }
}
