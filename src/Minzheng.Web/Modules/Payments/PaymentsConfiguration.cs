using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Modules.Payments;

internal sealed class PayrollConfiguration : IEntityTypeConfiguration<Payroll>
{
    public void Configure(EntityTypeBuilder<Payroll> b)
    {
        b.ToTable("payments_payroll");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Program).HasMaxLength(32);
        b.Property(p => p.Kind).HasConversion<int>();
        b.Property(p => p.Status).HasConversion<int>();
        b.Property(p => p.GeneratedBy).HasMaxLength(100);
        b.Property(p => p.ReviewedBy).HasMaxLength(100);
        b.Property(p => p.ApprovedBy).HasMaxLength(100);
        b.Property(p => p.Message).HasMaxLength(1000);
        b.Property(p => p.ExportSha256).HasMaxLength(64);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Total);
        // one regular payroll per county, program and month
        b.HasIndex(p => new { p.DivisionCode, p.Program, p.Month }).IsUnique().HasFilter("kind = 1").HasDatabaseName("ux_payments_payroll_regular");
    }
}

internal sealed class PayrollLineConfiguration : IEntityTypeConfiguration<PayrollLine>
{
    /// <summary>
    /// Lines not (yet) paid that the next payroll retries: failed, without an account, released from a hold. Written as literals,
    /// the same text in the partial index and in the statements, so that SQLite as well as PostgreSQL answers them from the index.
    /// </summary>
    internal static readonly string Unsent = $"status IN ({(int)LineStatus.Failed}, {(int)LineStatus.NoAccount}, {(int)LineStatus.Released})";

    public void Configure(EntityTypeBuilder<PayrollLine> b)
    {
        b.ToTable("payments_line");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedOnAdd();
        b.Property(l => l.Program).HasMaxLength(32);
        b.Property(l => l.SourceNumber).HasMaxLength(40);
        b.Property(l => l.DivisionCode).HasMaxLength(12);
        b.Property(l => l.Purpose).HasConversion<int>();
        b.Property(l => l.Status).HasConversion<int>();
        b.Property(l => l.BankName).HasMaxLength(100);
        b.Property(l => l.BankAccountMasked).HasMaxLength(40);
        b.Property(l => l.FailureReason).HasMaxLength(200);
        b.Property(l => l.BankReference).HasMaxLength(64);
        b.Property(l => l.HoldReason).HasMaxLength(500);
        b.Ignore(l => l.Amount);
        // Indexes are what a million-line payroll pays for (ADR 076): one unique index guarantees every line kind once and
        // answers every lookup by source; the others are a payroll's own lines, a household's statement, and small partial ones.
        b.HasIndex(l => new { l.SourceId, l.ServiceMonth, l.Program, l.Purpose, l.Occurrence }, "ux_payments_line_once").IsUnique();
        b.HasIndex(l => new { l.PayrollId, l.Status }, "ix_payments_line_payroll");
        b.HasIndex(l => l.HouseholdId, "ix_payments_line_household");
        b.HasIndex(l => new { l.Program, l.DivisionCode }, "ix_payments_line_unsent").HasFilter(Unsent);
        b.HasIndex(l => l.PayeeOrganizationId, "ix_payments_line_organization").HasFilter("payee_organization_id IS NOT NULL");
        // An offset is once per recovery, payroll and month offset against; a retry once per line retried (and found by it when
        // marking re-queued). The service month is in both because PostgreSQL's partitions (ADR 076) can only guarantee a unique
        // index that holds their key: for a retry it changes nothing (it has its line's month); two offsets of one recovery in one
        // payroll against different months are kept apart by the recovery's version, saved with the offset.
        b.HasIndex(l => new { l.RecoveryId, l.PayrollId, l.ServiceMonth }, "ux_payments_line_offset").IsUnique().HasFilter("purpose = 4");
        b.HasIndex(l => new { l.RetryOfLineId, l.ServiceMonth }, "ux_payments_line_retry").IsUnique().HasFilter("retry_of_line_id IS NOT NULL");
    }
}

internal sealed class RecoveryConfiguration : IEntityTypeConfiguration<Recovery>
{
    public void Configure(EntityTypeBuilder<Recovery> b)
    {
        b.ToTable("payments_recovery");
        b.HasKey(r => r.Id);
        b.Property(r => r.Program).HasMaxLength(32);
        b.Property(r => r.SourceNumber).HasMaxLength(40);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.Origin).HasConversion<int>();
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Remaining);
        b.Ignore(r => r.Amount);
        b.Ignore(r => r.Recovered);
        b.HasIndex(r => new { r.Program, r.SourceId, r.ServiceMonth }).IsUnique();
        b.HasIndex(r => new { r.HouseholdId, r.Status });
    }
}

internal sealed class RecoverySettlementConfiguration : IEntityTypeConfiguration<RecoverySettlement>
{
    public void Configure(EntityTypeBuilder<RecoverySettlement> b)
    {
        b.ToTable("payments_recovery_settlement");
        b.HasKey(s => s.Id);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => s.RecoveryId);
    }
}

internal sealed class PriceIndexConfiguration : IEntityTypeConfiguration<PriceIndex>
{
    public void Configure(EntityTypeBuilder<PriceIndex> b)
    {
        b.ToTable("payments_price_index");
        b.HasKey(p => p.Month);
        b.Property(p => p.CpiYoY).HasPrecision(6, 2);
        b.Property(p => p.FoodYoY).HasPrecision(6, 2);
        b.Property(p => p.Source).HasMaxLength(200);
        b.Property(p => p.EnteredBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class PriceSubsidyRuleConfiguration : IEntityTypeConfiguration<PriceSubsidyRule>
{
    public void Configure(EntityTypeBuilder<PriceSubsidyRule> b)
    {
        b.ToTable("payments_price_subsidy_rule");
        b.HasKey(r => r.Id);
        b.Property(r => r.CpiThreshold).HasPrecision(6, 2);
        b.Property(r => r.FoodThreshold).HasPrecision(6, 2);
        b.Property(r => r.Programs).HasMaxLength(200);
        b.Property(r => r.Document).HasMaxLength(200);
        b.Property(r => r.Formula).HasConversion<int>();
        b.Property(r => r.Rounding).HasConversion<int>();
    }
}

internal sealed class BankTemplateConfiguration : IEntityTypeConfiguration<BankTemplate>
{
    public void Configure(EntityTypeBuilder<BankTemplate> b)
    {
        b.ToTable("payments_bank_template");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Format).HasMaxLength(8);
        b.Property(t => t.Encoding).HasMaxLength(16);
        b.Property(t => t.ReturnReferenceHeader).HasMaxLength(50);
        b.Property(t => t.ReturnResultHeader).HasMaxLength(50);
        b.Property(t => t.ReturnSuccessValues).HasMaxLength(100);
        b.Property(t => t.ReturnReasonHeader).HasMaxLength(50);
        b.Property(t => t.HeaderRow).HasMaxLength(500);
        b.Property(t => t.TrailerRow).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class PayrollReviewDecisionConfiguration : IEntityTypeConfiguration<PayrollReviewDecision>
{
    public void Configure(EntityTypeBuilder<PayrollReviewDecision> b)
    {
        b.ToTable("payments_review_decision");
        b.HasKey(d => d.Id);
        b.Property(d => d.Kind).HasConversion<int>();
        b.Property(d => d.Decision).HasConversion<int>();
        b.Property(d => d.Reason).HasMaxLength(500);
        b.Property(d => d.DivisionCode).HasMaxLength(12);
        b.Property(d => d.DecidedBy).HasMaxLength(100);
        // one decision per flag; a changed mind replaces it (the audit log keeps both)
        b.HasIndex(d => new { d.PayrollId, d.LineId, d.Kind }).IsUnique();
    }
}

internal sealed class BankFailureReasonConfiguration : IEntityTypeConfiguration<BankFailureReason>
{
    public void Configure(EntityTypeBuilder<BankFailureReason> b)
    {
        b.ToTable("payments_failure_reason");
        b.HasKey(r => r.Keyword);
        b.Property(r => r.Keyword).HasMaxLength(50);
        b.Property(r => r.Note).HasMaxLength(200);
    }
}
