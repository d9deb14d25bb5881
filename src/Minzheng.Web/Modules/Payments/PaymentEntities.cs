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

    /// <summary>The payee has no bank account on file: not sent, re-queued once one is entered.</summary>
    NoAccount = 6,

    /// <summary>Held by the payroll's reviewer (a flagged risk, ADR 023): never in a bank file; stays here until released.</summary>
    Held = 7,

    /// <summary>A held line released by the county: the next payroll (or a supplementary batch) carries it as a retry.</summary>
    Released = 8,
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

    /// <summary>
    /// The entitlement period a benefit line (and its retries) was paid from: its explanation is the line's, stored once in
    /// the period instead of copied onto every month's line (ADR 076). Null for the lines payroll explains itself.
    /// </summary>
    public Guid? EntitlementPeriodId { get; set; }

    /// <summary>The explanation payroll wrote itself (adjustment, offset, refund, price subsidy; lines paid before ADR 076), or null: see <see cref="EntitlementPeriodId"/>.</summary>
    public string? Explanation { get; set; }

    /// <summary>
    /// What makes a line of its purpose unique for its source and month (one index guarantees every kind, ADR 076): 0 for the
    /// benefit and the price subsidy (once per month), the paying payroll's month (yyyyMM) for an adjustment, the line retried
    /// for a retry, and a random number for offsets and refunds, whose guarantee is their own index (one per recovery and payroll).
    /// </summary>
    public long Occurrence { get; set; }
    public string? BankName { get; set; }
    public byte[]? BankAccountCipher { get; set; }
    public string? BankAccountMasked { get; set; }
    public LineStatus Status { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>Why the reviewer held the line (ADR 023); kept after release so a reset knows what the line was.</summary>
    public string? HoldReason { get; set; }

    /// <summary>The payment reference written to the bank file (业务编号): source number, service month and purpose, fixed at the first export.</summary>
    public string? BankReference { get; set; }
    public long? RetryOfLineId { get; set; }
    public Guid? RecoveryId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Where a recovery comes from: what decides whether payroll may cancel it.</summary>
public enum RecoveryOrigin
{
    /// <summary>A month paid more than its entitlement (payroll reconciliation): cancelled when the month is no longer overpaid.</summary>
    Overpayment = 0,

    /// <summary>A debt a benefit module established from its own facts (a home closed within the claw-back years, ADR 034): never cancelled by payroll.</summary>
    Claim = 1,
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

    /// <summary>Found by payroll reconciliation (an overpaid month) or claimed by a benefit module through <see cref="Contracts.IRecoveryClaims"/>.</summary>
    public RecoveryOrigin Origin { get; set; } = RecoveryOrigin.Overpayment;
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
public sealed class PriceIndex : IVersioned
{
    public DateOnly Month { get; set; }
    public decimal CpiYoY { get; set; }
    public decimal FoodYoY { get; set; }
    public required string Source { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }

    /// <summary>A correction names the version it read: two officers correcting the same month cannot overwrite each other unseen.</summary>
    public int Version { get; set; }
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
public sealed class BankTemplate : IVersioned
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

    /// <summary>Optional row before the column headers, cells separated by "|": text and the placeholders of <see cref="BankFiles.Placeholders"/> ({count}, {total}…).</summary>
    public string? HeaderRow { get; set; }

    /// <summary>Optional row after the payments (汇总行), written like <see cref="HeaderRow"/>.</summary>
    public string? TrailerRow { get; set; }

    /// <summary>A change names the version it read: a layout edited by two people at once is not overwritten unseen.</summary>
    public int Version { get; set; }
}

public enum ReviewFlagKind
{
    /// <summary>An open 应退 data-comparison finding on the payee or the case.</summary>
    OpenFinding = 1,

    /// <summary>The payee or a household member died, and the entitlement in force was decided before the death.</summary>
    DeathAfterDecision = 2,

    /// <summary>Paid to the same account whose last payment the bank returned for a permanent reason (frozen, closed).</summary>
    PermanentFailure = 3,

    /// <summary>A household paid this month that last month's payroll did not pay.</summary>
    NewHousehold = 4,

    /// <summary>A household last month's payroll paid that this one does not (the line is last month's).</summary>
    RemovedHousehold = 5,

    /// <summary>The month's benefit differs from last month's.</summary>
    ChangedAmount = 6,

    /// <summary>A line held on an earlier payroll and released: carried here as a retry.</summary>
    ReleasedHold = 7,
}

public enum ReviewDecisionKind
{
    /// <summary>核实无误，照常发放.</summary>
    Confirm = 1,

    /// <summary>暂缓发放: the line (and the household's other lines of the payroll) stays out of the bank file.</summary>
    Hold = 2,
}

/// <summary>The reviewer's decision on one flagged line of a payroll: who, when, why (also in the audit log).</summary>
public sealed class PayrollReviewDecision : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PayrollId { get; set; }

    /// <summary>The flagged line: of this payroll, or for a removed household last month's line.</summary>
    public long LineId { get; set; }

    public ReviewFlagKind Kind { get; set; }
    public ReviewDecisionKind Decision { get; set; }
    public required string Reason { get; set; }
    public required string DivisionCode { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
}

/// <summary>
/// How a bank failure reason is classed (data, not code): a reason containing <see cref="Keyword"/> is permanent (the account
/// cannot receive: frozen, closed, wrong name) or temporary (the bank's system, a limit). Retrying a permanent failure to the
/// same account is flagged at review (ADR 023).
/// </summary>
public sealed class BankFailureReason
{
    public required string Keyword { get; set; }
    public bool Permanent { get; set; }
    public required string Note { get; set; }
}
