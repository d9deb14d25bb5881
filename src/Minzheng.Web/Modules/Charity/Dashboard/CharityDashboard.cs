using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Modules.Charity.Trusts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Dashboard;

public sealed record MonthFunds(int Month, decimal Raised, decimal Spent);

public sealed record CharityOverview(int Year, DateOnly AsOf, int Charities, int Plans, decimal Raised, decimal Spent,
    IReadOnlyList<(string CountyName, int Charities)> ByCounty, IReadOnlyList<MonthFunds> ByMonth,
    IReadOnlyList<YearlyDto> ShortFalls, IReadOnlyList<PlanDto> OverdueDisclosures, IReadOnlyList<TrustDto> LateTrusts);

/// <summary>
/// 慈善 (/charity): the charities active in the account's scope (those with a filed plan or yearly figures) by county, the funds
/// raised and spent by month of the year, and the alerts — bodies short of the 189号 ratios, overdue disclosures, late trust filings.
/// </summary>
public sealed class CharityDashboard(ReadOnlyDb read, CharityFunds funds, DivisionDirectory divisions, BusinessClock clock)
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    public async Task<CharityOverview> LoadAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var planOrgs = await _db.Set<FundraisingPlan>().AsNoTracking().Select(p => new { p.OrganizationId, p.DivisionCode }).ToListAsync(ct);
        var reportOrgs = await _db.Set<CharityYearlyReport>().AsNoTracking().Select(r => new { r.OrganizationId, r.DivisionCode }).ToListAsync(ct);
        var orgs = planOrgs.Concat(reportOrgs).DistinctBy(o => o.OrganizationId).ToList();
        var byCounty = orgs.GroupBy(o => DivisionCodes.CountyPart(o.DivisionCode)).OrderBy(g => g.Key)
            .Select(g => (divisions.NameOf(g.Key.PadRight(DivisionCodes.Length, '0')), g.Count())).ToList();
        // a year's entries of the scope: a few thousand rows at most, summed here so Money stays exact on both providers
        var gifts = await _db.Set<CharityDonation>().AsNoTracking().Where(d => d.ReceivedOn >= from && d.ReceivedOn <= to).Select(d => new { d.ReceivedOn, d.Amount }).ToListAsync(ct);
        var spent = await _db.Set<CharitySpending>().AsNoTracking().Where(s => s.SpentOn >= from && s.SpentOn <= to).Select(s => new { s.SpentOn, s.Amount }).ToListAsync(ct);
        var byMonth = Enumerable.Range(1, 12).Select(m => new MonthFunds(m,
            gifts.Where(g => g.ReceivedOn.Month == m).Sum(g => g.Amount.Fen) / 100m, spent.Where(s => s.SpentOn.Month == m).Sum(s => s.Amount.Fen) / 100m)).ToList();
        var shortRows = await _db.Set<CharityYearlyReport>().AsNoTracking().Where(r => r.Verdict == RatioVerdict.ShortFall).OrderByDescending(r => r.Year).Take(50).ToListAsync(ct);
        var ids = shortRows.Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var names = await _db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var late = await _db.Set<CharityTrust>().AsNoTracking().Where(t => t.FiledOn > t.FilingDueOn).OrderByDescending(t => t.FiledOn).Take(50).ToListAsync(ct);
        return new CharityOverview(year, clock.Today, orgs.Count, planOrgs.Count, byMonth.Sum(m => m.Raised), byMonth.Sum(m => m.Spent), byCounty, byMonth,
            [.. shortRows.Select(r => YearlyReports.Dto(r, names.GetValueOrDefault(r.OrganizationId!.Value, "")))], await funds.OverdueAsync(ct), [.. late.Select(CharityTrusts.Dto)]);
    }
}
