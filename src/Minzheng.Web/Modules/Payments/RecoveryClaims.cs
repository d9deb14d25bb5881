using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Payments;

/// <summary>
/// The payments side of <see cref="IRecoveryClaims"/>: a claimed debt becomes an ordinary <see cref="Recovery"/> (settled by
/// repayment, offset against later payments to a household, written off by an approver), marked <see cref="RecoveryOrigin.Claim"/>
/// so that payroll reconciliation, which cancels recoveries of months no longer overpaid, leaves it alone (ADR 034).
/// </summary>
public sealed class RecoveryClaims(AppDbContext db, AuditLog audit) : IRecoveryClaims
{
    public async Task<Guid> ClaimAsync(RecoveryClaim claim, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if ((claim.PayeePersonId is null) == (claim.PayeeOrganizationId is null)) throw new InvalidOperationException("追缴须有且只有一个对象：人员或组织");
        if (claim.Amount.Fen <= 0) throw new InvalidOperationException("追缴金额须大于 0");
        var month = new DateOnly(claim.ServiceMonth.Year, claim.ServiceMonth.Month, 1);
        // the unique index would refuse it at save; answered here as a conflict the user can read
        if (await db.Set<Recovery>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(r => r.Program == claim.Program && r.SourceId == claim.SourceId && r.ServiceMonth == month, ct))
        {
            throw AppProblem.Conflict("recovery_exists", $"{claim.SourceNumber} 在 {month:yyyy年M月} 已有追缴记录");
        }
        var reason = claim.Reason.Trim();
        var recovery = new Recovery
        {
            Program = claim.Program,
            SourceId = claim.SourceId,
            SourceNumber = claim.SourceNumber,
            PayeePersonId = claim.PayeePersonId,
            PayeeOrganizationId = claim.PayeeOrganizationId,
            HouseholdId = claim.HouseholdId,
            DivisionCode = claim.DivisionCode,
            ServiceMonth = month,
            AmountFen = claim.Amount.Fen,
            Status = RecoveryStatus.Open,
            Origin = RecoveryOrigin.Claim,
            Reason = reason[..Math.Min(500, reason.Length)],
        };
        db.Set<Recovery>().Add(recovery);
        audit.Add("claim-recovery", "payments_recovery", recovery.Id.ToString(), new { claim.Program, claim.SourceNumber, month, amount = claim.Amount.ToString() }, claim.DivisionCode);
        return recovery.Id;
    }

    public async Task<IReadOnlyList<ClaimedRecovery>> OfSourceAsync(string program, Guid sourceId, CancellationToken ct = default)
    {
        var rows = await db.Set<Recovery>().AsNoTracking().Where(r => r.Program == program && r.SourceId == sourceId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return rows.Select(r => new ClaimedRecovery(r.Id, r.ServiceMonth, r.Amount, r.Recovered, r.Remaining, r.Status == RecoveryStatus.Open, PaymentLabels.Of(r.Status), r.Reason, r.SettledOn, r.CreatedAt)).ToList();
    }
}
