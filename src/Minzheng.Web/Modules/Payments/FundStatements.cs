using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Payments;

public sealed record FundRow(string CountyCode, string CountyName, string Program, string ProgramName, int Households, int People,
    Money Benefit, Money Arrears, Money PriceSubsidy, Money Offsets, Money Total, Money Paid, Money Returned, Money NotSentNoAccount, Money NotSentHeld, Money AveragePerPerson);

public sealed record FundStatement(DateOnly Month, IReadOnlyList<FundRow> Rows, FundRow Totals, int DraftPayrolls);

/// <summary>
/// 资金发放月报 (同源同表): computed from the payment lines of the month's approved payrolls (regular and
/// supplementary), by county and program. Households and people are those paid the month's benefit;
/// the average is that benefit per person.
/// </summary>
public sealed class FundStatements(AppDbContext db, DivisionDirectory divisions, EntitlementPrograms programs)
{
    public async Task<FundStatement> MonthAsync(DateOnly month, CancellationToken ct)
    {
        month = Entitlements.MonthOf(month);
        var groups = await (from l in db.Set<PayrollLine>().AsNoTracking()
                            join p in db.Set<Payroll>().AsNoTracking() on l.PayrollId equals p.Id
                            where p.Month == month && p.Status >= PayrollStatus.Approved
                            group l by new { p.DivisionCode, l.Program } into g
                            select new
                            {
                                g.Key.DivisionCode,
                                g.Key.Program,
                                Households = g.Sum(x => x.Purpose == LinePurpose.Benefit && !x.IsArrears ? 1 : 0),
                                People = g.Sum(x => x.Purpose == LinePurpose.Benefit && !x.IsArrears ? x.PersonCount : 0),
                                Benefit = g.Sum(x => x.Purpose == LinePurpose.Benefit && !x.IsArrears ? x.AmountFen : 0),
                                Arrears = g.Sum(x => (x.Purpose == LinePurpose.Benefit && x.IsArrears) || x.Purpose == LinePurpose.Adjustment || x.Purpose == LinePurpose.Retry ? x.AmountFen : 0),
                                Subsidy = g.Sum(x => x.Purpose == LinePurpose.PriceSubsidy ? x.AmountFen : 0),
                                Offsets = g.Sum(x => x.Purpose == LinePurpose.RecoveryOffset || x.Purpose == LinePurpose.RecoveryRefund ? x.AmountFen : 0),
                                Total = g.Sum(x => x.AmountFen),
                                Paid = g.Sum(x => x.Status == LineStatus.Paid ? x.AmountFen : 0),
                                // the classes of PaymentLabels.Outcome: a bank return, a missing account and a reviewer's hold are apart
                                Returned = g.Sum(x => x.Status == LineStatus.Failed || (x.Status == LineStatus.Requeued && x.FailureReason != null) ? x.AmountFen : 0),
                                NoAccount = g.Sum(x => x.Status == LineStatus.NoAccount || (x.Status == LineStatus.Requeued && x.FailureReason == null && x.HoldReason == null) ? x.AmountFen : 0),
                                Held = g.Sum(x => x.Status == LineStatus.Held || x.Status == LineStatus.Released || (x.Status == LineStatus.Requeued && x.FailureReason == null && x.HoldReason != null) ? x.AmountFen : 0),
                            }).ToListAsync(ct);
        var drafts = await db.Set<Payroll>().AsNoTracking().CountAsync(p => p.Month == month && p.Status < PayrollStatus.Approved, ct);
        var rows = groups.Select(g => new FundRow(g.DivisionCode, divisions.NameOf(g.DivisionCode), g.Program, programs.NameOf(g.Program), g.Households, g.People,
                new Money(g.Benefit), new Money(g.Arrears), new Money(g.Subsidy), new Money(g.Offsets), new Money(g.Total), new Money(g.Paid), new Money(g.Returned), new Money(g.NoAccount), new Money(g.Held), Average(g.Benefit, g.People)))
            .OrderBy(r => r.CountyCode).ThenBy(r => r.Program).ToList();
        var totals = new FundRow("", "合计", "", "", rows.Sum(r => r.Households), rows.Sum(r => r.People), Sum(rows, r => r.Benefit), Sum(rows, r => r.Arrears),
            Sum(rows, r => r.PriceSubsidy), Sum(rows, r => r.Offsets), Sum(rows, r => r.Total), Sum(rows, r => r.Paid), Sum(rows, r => r.Returned), Sum(rows, r => r.NotSentNoAccount), Sum(rows, r => r.NotSentHeld),
            Average(rows.Sum(r => r.Benefit.Fen), rows.Sum(r => r.People)));
        return new FundStatement(month, rows, totals, drafts);
    }

    /// <summary>The latest month with an approved payroll in scope (the statement people usually want), if any.</summary>
    public Task<DateOnly?> LatestMonthAsync(CancellationToken ct) =>
        db.Set<Payroll>().AsNoTracking().Where(p => p.Status >= PayrollStatus.Approved).MaxAsync(p => (DateOnly?)p.Month, ct);

    private static Money Sum(IEnumerable<FundRow> rows, Func<FundRow, Money> f) => new(rows.Sum(r => f(r).Fen));

    /// <summary>Per person, to the fen, halves away from zero.</summary>
    public static Money Average(long fen, int people) => people == 0 ? Money.Zero : new Money((long)Math.Round((decimal)fen / people, MidpointRounding.AwayFromZero));

    public async Task<byte[]> ExcelAsync(DateOnly month, CancellationToken ct)
    {
        var s = await MonthAsync(month, ct);
        var rows = s.Rows.Append(s.Totals).Select(r => new Dictionary<string, object?>
        {
            ["县（市、区）"] = r.CountyName,
            ["项目"] = r.ProgramName,
            ["户数"] = r.Households,
            ["人数"] = r.People,
            ["当月保障金（元）"] = r.Benefit.Yuan,
            ["补发、差额及重发（元）"] = r.Arrears.Yuan,
            ["价格临时补贴（元）"] = r.PriceSubsidy.Yuan,
            ["追缴抵扣（元）"] = r.Offsets.Yuan,
            ["应发合计（元）"] = r.Total.Yuan,
            ["已到账（元）"] = r.Paid.Yuan,
            [PaymentLabels.Returned + "（元）"] = r.Returned.Yuan,
            [PaymentLabels.NotSentNoAccount + "（元）"] = r.NotSentNoAccount.Yuan,
            [PaymentLabels.NotSentHeld + "（元）"] = r.NotSentHeld.Yuan,
            ["人均保障金（元）"] = r.AveragePerPerson.Yuan,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: $"{s.Month:yyyy年M月}资金发放", cancellationToken: ct);
        return stream.ToArray();
    }
}
