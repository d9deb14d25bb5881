using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>One county's 福康工程 year: devices fitted, amounts approved and settled against its budget.</summary>
public sealed record FukangCountySummary(string CountyCode, string CountyName, int Year, int Assessed, int Approved, int Fitted, decimal ApprovedAmount, decimal SettledAmount,
    decimal Budget, decimal Remaining, bool HasBudget);

/// <summary>Counts and spending per county (the applications in the user's scope; each county's budget).</summary>
public sealed class FukangSummary(AppDbContext db, FukangCatalogue catalogue, DivisionDirectory divisions)
{
    public async Task<IReadOnlyList<FukangCountySummary>> ForYearAsync(int year, CancellationToken ct = default)
    {
        // a county's applications of a year are a few hundred: read and grouped here (a sum over the Money conversion does not translate)
        var rows = await db.Set<FukangApplication>().AsNoTracking().Where(a => a.CatalogueYear == year)
            .Select(a => new { a.CountyCode, a.Status, a.UnitPrice, a.SettledMonth }).ToListAsync(ct);
        var budgets = await catalogue.Budgets(year).ToListAsync(ct);
        var counties = rows.Select(r => r.CountyCode).Concat(budgets.Select(b => b.DivisionCode)).Distinct().Order(StringComparer.Ordinal).ToList();
        return counties.Select(c =>
        {
            var mine = rows.Where(r => r.CountyCode == c).ToList();
            var budget = budgets.FirstOrDefault(b => b.DivisionCode == c);
            var approved = new Money(mine.Where(r => FukangApplications.Committed.Contains(r.Status)).Sum(r => r.UnitPrice.Fen));
            var settled = new Money(mine.Where(r => r.SettledMonth is not null).Sum(r => r.UnitPrice.Fen));
            var amount = budget?.Amount ?? Money.Zero;
            return new FukangCountySummary(c, divisions.NameOf(c), year, mine.Count(r => r.Status != FukangStatus.Refused), mine.Count(r => FukangApplications.Committed.Contains(r.Status)),
                mine.Count(r => FukangApplications.Received.Contains(r.Status)), approved.Yuan, settled.Yuan, amount.Yuan, (amount - approved).Yuan, budget is not null);
        }).ToList();
    }
}
