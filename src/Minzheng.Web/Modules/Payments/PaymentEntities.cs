using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Payments;

public enum PayrollKind
{
    Regular = 1,

    /// <summary>补发批次: re-pays failed lines before the next regular month.</summary>
    Supplementary = 2,
}

public enum PayrollStatus
{
    Generating = 1,
    Generated = 2,
    Reviewed = 3,
    Approved = 4,
    Exported = 5,
    Reconciled = 6,
}

public enum LinePurpose
{
    /// <summary>The month's benefit (regular, or arrears for a month confirmed late).</summary>
    Benefit = 1,
    PriceSubsidy = 2,

    /// <summary>A later difference in favour of the payee (entitlement raised after the month was paid).</summary>
    Adjustment = 3,

    /// <summary>A negative line offsetting an open recovery against this payment.</summary>
    RecoveryOffset = 4,

    /// <summary>A new attempt for a line the bank returned as failed (or that had no account).</summary>
    Retry = 5,

    /// <summary>Pays back what was already recovered (offsets, repayments) of a recovery found unfounded (a death reversed).</summary>
    RecoveryRefund = 6,
}

public enum LineStatus
{
    Pending = 1,
    Exported = 2,
    Paid = 3,
    Failed = 4,

    /// <summary>Failed (or held) and re-queued: a retry line carries it now.</summary>
    Requeued = 5,

    /// <summary>The payee has no bank account on file: held, re-queued once one is entered.</summary>
    NoAccount = 6,
}

/// <summary>A county's payroll of one program for one month (or a supplementary batch).</summary>
public sealed class Payroll : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The county (12-digit code of the county): the payroll is the county's.</summary>
    public required string DivisionCode { get; set; }
    public required string Program { get; set; }
    public DateOnly Month { get; set; }
    public PayrollKind Kind { get; set; }
    public PayrollStatus Status { get; set; }
    public required string GeneratedBy { get; set; }
    public DateTime? GeneratedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public DateTime? ExportedAt { get; set; }

    /// <summary>The bank file is not kept (it holds account numbers in clear): it is rebuilt from the lines on request, and its hash recorded here.</summary>
    public Guid? ExportTemplateId { get; set; }
    public string? ExportSha256 { get; set; }
    public int ExportedLines { get; set; }
    public DateTime? ReconciledAt { get; set; }
    public int LineCount { get; set; }

    /// <summary>Payments are summed in SQL (payroll totals, statements): amounts are plain fen columns here.</summary>
    public long TotalFen { get; set; }

    public Money Total => new(TotalFen);
    public string? Message { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One payment: to whom, for which program and month, why (the entitlement's explanation), to which account, and what became of it.</summary>
public sealed class PayrollLine : IDivisionScoped
{
    public long Id { get; set; }
    public Guid PayrollId { get; set; }
    public required string Program { get; set; }
    public Guid SourceId { get; set; }
    public required string SourceNumber { get; set; }

    /// <summary>The person paid, or null for an organisation payee (<see cref="PayeeOrganizationId"/>).</summary>
    public Guid? PayeePersonId { get; set; }
    public Guid? PayeeOrganizationId { get; set; }
    public Guid? HouseholdId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly ServiceMonth { get; set; }
    public LinePurpose Purpose { get; set; }
    public bool IsArrears { get; set; }
    public long AmountFen { get; set; }

    public Money Amount => new(AmountFen);
    public int PersonCount { get; set; }
    public required string Explanation { get; set; }
    public string? BankName { get; set; }
    public byte[]? BankAccountCipher { get; set; }
    public string? BankAccountMasked { get; set; }
    public LineStatus Status { get; set; }
    public string? FailureReason { get; set; }
    public string? BankReference { get; set; }
    public long? RetryOfLineId { get; set; }
    public Guid? RecoveryId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum RecoveryStatus
{
    Open = 1,
    Settled = 2,
    WrittenOff = 3,

    /// <summary>The month is no longer overpaid (a death recorded in error was reversed): nothing is owed; what was recovered is paid back.</summary>
    Cancelled = 4,
}

/// <summary>追缴: an amount paid that was not due (a payment after the payee's death, a reduced entitlement), tracked to settlement.</summary>
public sealed class Recovery : IDivisionScoped, IStamped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Program { get; set; }
    public Guid SourceId { get; set; }
    public required string SourceNumber { get; set; }
    public Guid? PayeePersonId { get; set; }
    public Guid? PayeeOrganizationId { get; set; }
    public Guid? HouseholdId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly ServiceMonth { get; set; }
    public long AmountFen { get; set; }
    public long RecoveredFen { get; set; }
    public RecoveryStatus Status { get; set; }
    public required string Reason { get; set; }
    public DateOnly? SettledOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Money Amount => new(AmountFen);
    public Money Recovered => new(RecoveredFen);
    public Money Remaining => new(AmountFen - RecoveredFen);
}

/// <summary>A repayment received outside payroll (cash, transfer), against a recovery.</summary>
public sealed class RecoverySettlement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecoveryId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public long AmountFen { get; set; }
    public required string Note { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>Monthly price indices for the price-linked subsidy (year-on-year rise, in percent).</summary>
public sealed class PriceIndex
{
    public DateOnly Month { get; set; }
    public decimal CpiYoY { get; set; }
    public decimal FoodYoY { get; set; }
    public required string Source { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
}

/// <summary>
/// 价格临时补贴 (社会救助和保障标准与物价上涨挂钩联动机制): triggered for a month when the previous month's CPI
/// (or food price) rise reaches the threshold; pays a per-person amount to the listed programs' beneficiaries.
/// </summary>
public sealed class PriceSubsidyRule : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public decimal CpiThreshold { get; set; }
    public decimal? FoodThreshold { get; set; }

    /// <summary>Comma-separated program codes, e.g. "dibao,extreme-poverty".</summary>
    public required string Programs { get; set; }
    public PriceSubsidyFormula Formula { get; set; }

    /// <summary>Fixed: the amount per person. CPI-linked: the base (usually the monthly standard) multiplied by the CPI rise.</summary>
    public Money Amount { get; set; }
    public RoundingRule Rounding { get; set; } = RoundingRule.Fen;
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum PriceSubsidyFormula
{
    /// <summary>每人每月固定金额.</summary>
    Fixed = 1,

    /// <summary>每人 = 基数 × CPI 同比涨幅 (rounded to the fen).</summary>
    CpiLinked = 2,
}

/// <summary>A paying bank's file layout: columns, format and encoding.</summary>
public sealed class BankTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>JSON: [{ "header": "账号", "field": "account" }, …]; fields: reference, account, name, amount, idNumber, bank, division, program, month, note.</summary>
    public required string Columns { get; set; }
    public required string Format { get; set; }
    public required string Encoding { get; set; }

    /// <summary>The bank's return file: the column holding our reference, the result column and its success values, the reason column.</summary>
    public required string ReturnReferenceHeader { get; set; }
    public required string ReturnResultHeader { get; set; }
    public required string ReturnSuccessValues { get; set; }
    public required string ReturnReasonHeader { get; set; }
    public bool IsDefault { get; set; }
}
