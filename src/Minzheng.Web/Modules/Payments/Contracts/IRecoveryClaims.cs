using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Payments.Contracts;

/// <summary>
/// A debt that a benefit module establishes from its own facts, not from a change of what was due: a care home that closes within
/// the claw-back years owes back the construction subsidy it was paid (ADR 034). Exactly one payee, a person or an organisation;
/// <paramref name="ServiceMonth"/> is the month the money was paid for; <paramref name="Reason"/> says why it is owed (shown on
/// /payments/recoveries and wherever the recovery is listed).
/// </summary>
public sealed record RecoveryClaim(string Program, Guid SourceId, string SourceNumber, Guid? PayeePersonId, Guid? PayeeOrganizationId, Guid? HouseholdId,
    string DivisionCode, DateOnly ServiceMonth, Money Amount, string Reason);

/// <summary>A claimed recovery as the claiming module shows it: amount, what was recovered (offsets, repayments), status in Chinese.</summary>
public sealed record ClaimedRecovery(Guid Id, DateOnly ServiceMonth, Money Amount, Money Recovered, Money Remaining, bool Open, string StatusName, string Reason, DateOnly? SettledOn, DateTime CreatedAt);

/// <summary>
/// Published by the payments module (which implements it) so that a benefit module can open a recovery without writing payments'
/// tables: the recovery is the payments module's own, settled, offset and written off exactly like an overpayment found by payroll.
/// </summary>
public interface IRecoveryClaims
{
    /// <summary>
    /// Opens the recovery, tracked in the caller's transaction (the decision and its debt commit together, or neither). One per
    /// program, source and month: a second claim answers 409 <c>recovery_exists</c>.
    /// </summary>
    Task<Guid> ClaimAsync(RecoveryClaim claim, CancellationToken ct = default);

    /// <summary>The recoveries of a source (claimed or found by payroll), oldest first, within the user's scope.</summary>
    Task<IReadOnlyList<ClaimedRecovery>> OfSourceAsync(string program, Guid sourceId, CancellationToken ct = default);
}
