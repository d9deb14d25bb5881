namespace Minzheng.Web.Modules.Payments.Contracts;

/// <summary>What the payment ledger holds for a county, program and month: on approved payrolls, and paid (the bank confirmed).</summary>
public sealed record LedgerTotal(string CountyCode, string Program, long ApprovedFen, long PaidFen);

/// <summary>
/// The payment ledger's answer to "how much of what is due was paid", for the benefit modules' dashboards. Published by the
/// payments module (which implements it), so that no module reads its tables.
/// </summary>
public interface IPaymentLedger
{
    /// <summary>Lines whose service month is <paramref name="month"/>, of approved (or later) payrolls, within the user's scope.</summary>
    Task<IReadOnlyList<LedgerTotal>> TotalsAsync(IReadOnlyCollection<string> programs, DateOnly month, CancellationToken ct = default);
}
