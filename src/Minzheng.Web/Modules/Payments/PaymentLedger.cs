using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;

namespace Minzheng.Web.Modules.Payments;

/// <summary>The module's published <see cref="IPaymentLedger"/> over payroll lines (the DbContext's division scope applies).</summary>
public sealed class PaymentLedger(AppDbContext db) : IPaymentLedger
{
    public async Task<IReadOnlyList<LedgerTotal>> TotalsAsync(IReadOnlyCollection<string> programs, DateOnly month, CancellationToken ct = default)
    {
        var rows = await db.Set<PayrollLine>().AsNoTracking()
            .Where(l => programs.Contains(l.Program) && l.ServiceMonth == month && l.Status != LineStatus.Requeued)
            .Join(db.Set<Payroll>().Where(p => p.Status >= PayrollStatus.Approved), l => l.PayrollId, p => p.Id, (l, p) => new { p.DivisionCode, l.Program, l.AmountFen, l.Status })
            .GroupBy(x => new { x.DivisionCode, x.Program })
            .Select(g => new { g.Key.DivisionCode, g.Key.Program, Approved = g.Sum(x => x.AmountFen), Paid = g.Sum(x => x.Status == LineStatus.Paid ? x.AmountFen : 0) })
            .ToListAsync(ct);
        return [.. rows.Select(r => new LedgerTotal(r.DivisionCode, r.Program, r.Approved, r.Paid))];
    }
}
