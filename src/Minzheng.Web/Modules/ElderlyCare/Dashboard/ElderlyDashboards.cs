using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.AgeAllowance;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Modules.ElderlyCare.StarRating;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

public sealed record CountItem(string Code, string Name, int Count);

/// <summary>Capacity as of the period's date: homes open, beds, residents, registered people of the elderly age and the ratios.</summary>
public sealed record CapacityFigures(int Homes, int Beds, int NursingBeds, int Residents, int? Elders, decimal? BedsPerThousand, decimal NursingRatio, decimal Occupancy);

/// <summary>Subsidies of private homes: published to payments in the period (one-off entitlements), on approved payrolls and paid, and applications waiting.</summary>
public sealed record SubsidyFigures(int Count, decimal Operating, decimal Construction, decimal Total, decimal OnPayrolls, decimal Paid, int Waiting);

/// <summary>One purchase contract's budget consumption up to the period's date.</summary>
public sealed record ContractConsumption(Guid Id, string Number, string ProviderName, string DivisionName, decimal Budget, decimal Settled, decimal SettledInPeriod, decimal Percent, decimal AlertPercent, bool Alert);

/// <summary>Home care bought: the year's budgets against what has been settled (to the period's date and within the period) and paid.</summary>
public sealed record HomeCareSpending(decimal Budget, decimal Settled, decimal SettledInPeriod, decimal Percent, decimal OnPayrolls, decimal Paid, int Alerts, IReadOnlyList<ContractConsumption> Contracts);

public sealed record InspectionFigures(int Planned, int Done, int Published, decimal DonePercent, int RectificationsOverdue);

public sealed record AssessmentFigures(int Assessed, IReadOnlyList<CountItem> ByLevel, int ReassessmentsDue);

/// <summary>高龄津贴 due for <see cref="Month"/> (published entitlements) and what payrolls hold of it.</summary>
public sealed record AllowanceFigures(DateOnly Month, int Recipients, decimal Amount, decimal OnPayrolls, decimal Paid);

/// <summary>One area below the user's division (a county for the city, a township for a county).</summary>
public sealed record AreaFigures(string Code, string Name, int Homes, int Beds, int NursingBeds, int Residents, int? Elders, decimal? BedsPerThousand, decimal NursingRatio,
    decimal Occupancy, int FilingOverdue, int CheckOverdue, int InspectionsPlanned, int InspectionsDone, int RectificationsOverdue, decimal Subsidies, int AllowanceRecipients, decimal AllowanceAmount);

/// <summary>
/// The elderly-care dashboard (issue 13 item 10) as the page and <c>GET /api/v1/elderly/dashboard</c> show it. Every figure is
/// computed from the business records within the user's scope (AppDbContext's division and organisation filters).
/// </summary>
public sealed record ElderlyDashboard(
    string Period,
    string PeriodLabel,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    string ScopeName,
    int? ElderAge,
    string? ElderAgeBasis,
    CapacityFigures Capacity,
    IReadOnlyList<CountItem> HomesByKind,
    IReadOnlyList<CountItem> HomesByStar,
    int FilingOverdue,
    int CheckOverdue,
    SubsidyFigures Subsidies,
    HomeCareSpending HomeCare,
    InspectionFigures Inspections,
    AssessmentFigures Assessments,
    AllowanceFigures Allowance,
    string? AreaLevel,
    IReadOnlyList<AreaFigures> Areas);

/// <summary>
/// Computes the dashboard set-based: one grouped query per kind of record, grouped in the database by the area code prefix
/// (the significant digits of the level below the user's division), rolled up here from those few groups. No per-home loop.
/// </summary>
public sealed class ElderlyDashboards(ReadOnlyDb read, AppDbContext primary, ICurrentUser user, BusinessClock clock, FigureBook figures, DivisionDirectory divisions, IPaymentLedger ledger, HomeCareContracts contracts)
{
    private static readonly string[] SubsidyPrograms = [HomeSubsidies.Program, HomeSubsidies.ConstructionProgram];

    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    public async Task<ElderlyDashboard> LoadAsync(int? year, int? month, CancellationToken ct = default)
    {
        var period = DashboardRules.Period(year, month, clock.Today);
        var asOf = period.AsOf;
        var from = period.From;
        var division = user.DivisionCode;
        var level = division is null ? DivisionLevel.City : DivisionCodes.LevelOf(division);
        // the areas compared: one level below the user's division, a township user's own township at most
        var areaLevel = level < DivisionLevel.Town ? level + 1 : level;
        var prefix = DivisionCodes.PrefixLength(areaLevel);

        // homes open on the date, by area and kind, with what was overdue on that date
        var homes = await _db.Set<ElderlyHome>().AsNoTracking()
            .Where(h => h.OpenedOn <= asOf && (h.ClosedOn == null || h.ClosedOn > asOf))
            .GroupBy(h => new { Area = h.DivisionCode.Substring(0, prefix), h.Kind })
            .Select(g => new
            {
                g.Key.Area,
                g.Key.Kind,
                Homes = g.Count(),
                Beds = g.Sum(h => h.Beds),
                Nursing = g.Sum(h => h.NursingBeds),
                FilingOverdue = g.Count(h => (h.FiledOn == null || h.FiledOn > asOf) && h.FilingDueOn < asOf),
                CheckOverdue = g.Count(h => (h.CheckedOn == null || h.CheckedOn > asOf) && h.CheckDueOn < asOf),
            }).ToListAsync(ct);

        var residents = await _db.Set<Resident>().AsNoTracking()
            .Where(r => r.AdmittedOn <= asOf && (r.DischargedOn == null || r.DischargedOn > asOf))
            .GroupBy(r => r.DivisionCode.Substring(0, prefix)).Select(g => new { Area = g.Key, N = g.Count() }).ToListAsync(ct);

        // people of the elderly age from the registry's birth dates; the age is the module's figure (老年人权益保障法 第二条).
        // An organisation's account sees no registry person: it gets no population figures rather than a ratio over nobody.
        var ageFigure = division is null ? null : figures.Find(HomeCareFigures.ElderFrom, division, asOf);
        Dictionary<string, int>? elders = null;
        if (ageFigure?.Row.Number is { } age && user.OrganizationId is null)
        {
            var born = DashboardRules.BornOnOrBefore(asOf, age);
            elders = await _db.Persons.AsNoTracking()
                .Where(p => p.BirthDate <= born && (p.LifeStatus == LifeStatus.Alive || (p.LifeStatus == LifeStatus.Deceased && p.DeathDate > asOf)))
                .GroupBy(p => p.DivisionCode.Substring(0, prefix)).Select(g => new { Area = g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Area, g => g.N, ct);
        }

        // each home's rating in force on the date (its latest one), by level; only organisations that are homes open on the
        // date (ElderlyHomeKinds: a home is an organisation with a profile row), so that the levels add up with the homes
        var open = _db.Set<ElderlyHome>().Where(h => h.OpenedOn <= asOf && (h.ClosedOn == null || h.ClosedOn > asOf));
        var stars = await _db.Set<StarRatingRecord>().AsNoTracking()
            .Where(r => r.Level != null && r.RatedOn <= asOf && r.ValidUntil >= asOf && open.Any(h => h.OrganizationId == r.OrganizationId)
                && !_db.Set<StarRatingRecord>().Any(b => b.OrganizationId == r.OrganizationId && b.Level != null && b.RatedOn <= asOf
                    && (b.RatedOn > r.RatedOn || (b.RatedOn == r.RatedOn && b.CreatedAt > r.CreatedAt))))
            .GroupBy(r => r.Level).Select(g => new { Level = g.Key!.Value, N = g.Count() }).ToListAsync(ct);

        // subsidies: what was published to payments for the period's months (one-offs, so their month is the period's)
        var subsidies = await _db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => SubsidyPrograms.Contains(e.Program) && e.FromMonth >= from && e.FromMonth <= asOf)
            .GroupBy(e => new { Area = e.DivisionCode.Substring(0, prefix), e.Program, e.MonthlyAmount })
            .Select(g => new { g.Key.Area, g.Key.Program, g.Key.MonthlyAmount, N = g.Count() }).ToListAsync(ct);
        var waiting = await _db.Set<HomeSubsidyApplication>().CountAsync(a => a.Status == HomeSubsidyStatus.Submitted || a.Status == HomeSubsidyStatus.Reviewed, ct);

        // 高龄津贴 due in the month: the running entitlements (at most one per grant a month), grouped by their few amounts
        var allowanceMonth = period.Month1;
        var allowance = await _db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.Program == AgeAllowanceGrants.Program && e.FromMonth <= allowanceMonth && (e.ToMonth == null || e.ToMonth >= allowanceMonth))
            .GroupBy(e => new { Area = e.DivisionCode.Substring(0, prefix), e.MonthlyAmount })
            .Select(g => new { g.Key.Area, g.Key.MonthlyAmount, N = g.Count() }).ToListAsync(ct);

        // inspections drawn in the period and what was done of them. The draws' ids are read past the division filter, in a
        // query of their own (a filter ignored in a join is ignored for the whole query): a township sees the inspections of
        // its homes, but the draw is the county's record, and only which draws fall in the period is taken from it.
        var draws = await _db.Set<InspectionDrawRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(d => d.DrawnOn >= from && d.DrawnOn <= asOf).Select(d => d.Id).ToListAsync(ct);
        var inspections = await _db.Set<Inspection>().AsNoTracking()
            .Where(i => draws.Contains(i.DrawId))
            .GroupBy(i => i.DivisionCode.Substring(0, prefix))
            .Select(g => new
            {
                Area = g.Key,
                Planned = g.Count(),
                Done = g.Count(i => i.InspectedOn != null && i.InspectedOn <= asOf),
                Published = g.Count(i => i.PublishedOn != null && i.PublishedOn <= asOf),
            }).ToListAsync(ct);
        var rectifications = await _db.Set<Rectification>().AsNoTracking()
            .Where(r => (r.CompletedOn == null || r.CompletedOn > asOf) && r.DueOn < asOf)
            .GroupBy(r => r.DivisionCode.Substring(0, prefix)).Select(g => new { Area = g.Key, N = g.Count() }).ToListAsync(ct);

        var assessments = await LatestAssessments(_db, asOf)
            .GroupBy(a => a.Level).Select(g => new { Level = g.Key, N = g.Count(), Due = g.Count(a => a.NextDueOn <= asOf) }).ToListAsync(ct);

        var homeCare = await HomeCareAsync(period, ct);

        // what payrolls hold of the period's months (approved, and paid by the bank): the payments module's published ledger
        string[] programs = [.. SubsidyPrograms, HomeCareSettlements.Program, AgeAllowanceGrants.Program];
        var ledgerTotals = new List<LedgerTotal>();
        foreach (var m in period.Months) ledgerTotals.AddRange(await ledger.TotalsAsync(programs, m, ct));
        var allowanceLedger = await ledger.TotalsAsync([AgeAllowanceGrants.Program], allowanceMonth, ct);
        decimal Approved(IEnumerable<LedgerTotal> rows, params string[] p) => rows.Where(t => p.Contains(t.Program)).Sum(t => t.ApprovedFen) / 100m;
        decimal Paid(IEnumerable<LedgerTotal> rows, params string[] p) => rows.Where(t => p.Contains(t.Program)).Sum(t => t.PaidFen) / 100m;

        // the areas: every area code that has anything, named from the division directory
        var codes = homes.Select(h => h.Area).Concat(residents.Select(r => r.Area)).Concat(elders?.Keys ?? Enumerable.Empty<string>()).Concat(subsidies.Select(s => s.Area))
            .Concat(allowance.Select(a => a.Area)).Concat(inspections.Select(i => i.Area)).Concat(rectifications.Select(r => r.Area))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var areas = codes.Select(code =>
        {
            var h = homes.Where(x => x.Area == code).ToList();
            var beds = h.Sum(x => x.Beds);
            var nursing = h.Sum(x => x.Nursing);
            var present = residents.Where(x => x.Area == code).Sum(x => x.N);
            int? old = elders is null ? null : elders.GetValueOrDefault(code);
            var full = code.PadRight(DivisionCodes.Length, '0');
            return new AreaFigures(full, divisions.NameOf(full), h.Sum(x => x.Homes), beds, nursing, present, old, old is { } o ? DashboardRules.BedsPerThousand(beds, o) : null,
                DashboardRules.Percent(nursing, beds), DashboardRules.Percent(present, beds), h.Sum(x => x.FilingOverdue), h.Sum(x => x.CheckOverdue),
                inspections.Where(x => x.Area == code).Sum(x => x.Planned), inspections.Where(x => x.Area == code).Sum(x => x.Done),
                rectifications.Where(x => x.Area == code).Sum(x => x.N), subsidies.Where(x => x.Area == code).Sum(x => x.MonthlyAmount.Fen * x.N) / 100m,
                allowance.Where(x => x.Area == code).Sum(x => x.N), allowance.Where(x => x.Area == code).Sum(x => x.MonthlyAmount.Fen * x.N) / 100m);
        }).ToList();

        var totalBeds = areas.Sum(a => a.Beds);
        var totalNursing = areas.Sum(a => a.NursingBeds);
        var totalResidents = areas.Sum(a => a.Residents);
        int? totalElders = elders is null ? null : elders.Values.Sum();
        var capacity = new CapacityFigures(areas.Sum(a => a.Homes), totalBeds, totalNursing, totalResidents, totalElders,
            totalElders is { } te ? DashboardRules.BedsPerThousand(totalBeds, te) : null, DashboardRules.Percent(totalNursing, totalBeds), DashboardRules.Percent(totalResidents, totalBeds));

        var homeCount = capacity.Homes;
        var rated = stars.Where(s => s.Level > 0).Sum(s => s.N);
        List<CountItem> byStar = [.. Enumerable.Range(1, 5).Reverse().Select(l => new CountItem(l.ToString(System.Globalization.CultureInfo.InvariantCulture), StarRules.LevelName(l), stars.Where(s => s.Level == l).Sum(s => s.N))),
            new CountItem("0", "未评定或已过有效期", Math.Max(0, homeCount - rated))];
        List<CountItem> byKind = [.. ElderlyHomeKinds.All.Select(k => new CountItem(k, ElderlyHomeKinds.Label(k), homes.Where(h => h.Kind == k).Sum(h => h.Homes)))];

        var operating = subsidies.Where(s => s.Program == HomeSubsidies.Program).Sum(s => s.MonthlyAmount.Fen * s.N) / 100m;
        var construction = subsidies.Where(s => s.Program == HomeSubsidies.ConstructionProgram).Sum(s => s.MonthlyAmount.Fen * s.N) / 100m;
        var subsidyFigures = new SubsidyFigures(subsidies.Sum(s => s.N), operating, construction, operating + construction,
            Approved(ledgerTotals, SubsidyPrograms), Paid(ledgerTotals, SubsidyPrograms), waiting);
        homeCare = homeCare with { OnPayrolls = Approved(ledgerTotals, HomeCareSettlements.Program), Paid = Paid(ledgerTotals, HomeCareSettlements.Program) };

        var planned = inspections.Sum(i => i.Planned);
        var done = inspections.Sum(i => i.Done);
        var inspectionFigures = new InspectionFigures(planned, done, inspections.Sum(i => i.Published), DashboardRules.Percent(done, planned), rectifications.Sum(r => r.N));
        var assessmentFigures = new AssessmentFigures(assessments.Sum(a => a.N),
            [.. Enumerable.Range(0, 5).Select(l => new CountItem(l.ToString(System.Globalization.CultureInfo.InvariantCulture), Assessment.Rules.AbilityRules.LevelName(l), assessments.Where(a => a.Level == l).Sum(a => a.N)))],
            assessments.Sum(a => a.Due));
        var allowanceFigures = new AllowanceFigures(allowanceMonth, allowance.Sum(a => a.N), allowance.Sum(a => a.MonthlyAmount.Fen * a.N) / 100m,
            Approved(allowanceLedger, AgeAllowanceGrants.Program), Paid(allowanceLedger, AgeAllowanceGrants.Program));

        var scopeName = user.OrganizationId is not null ? "本机构" : division is null ? "全市" : divisions.FullName(division);
        var showAreas = areaLevel != level;
        return new ElderlyDashboard(period.Key, period.Label, period.From, period.To, asOf, scopeName, ageFigure?.Row.Number, ageFigure?.Basis, capacity, byKind, byStar,
            areas.Sum(a => a.FilingOverdue), areas.Sum(a => a.CheckOverdue), subsidyFigures, homeCare, inspectionFigures, assessmentFigures, allowanceFigures,
            showAreas ? DivisionCodes.LevelName(areaLevel) : null, showAreas ? areas : []);
    }

    /// <summary>
    /// Each person's latest assessment on <paramref name="asOf"/> (a later one replaces it), leaving out people known to have died
    /// by then. The death is read through the user's own scope (ignoring a filter inside this query would drop the assessments'
    /// filter too): a home's account, which sees no registry person, keeps its dead residents' assessments until discharged.
    /// This one reads the primary: the work items list the reassessments due, and one just recorded leaves the list at once.
    /// </summary>
    public IQueryable<AbilityAssessment> LatestAssessments(DateOnly asOf) => LatestAssessments(primary, asOf);

    private static IQueryable<AbilityAssessment> LatestAssessments(AppDbContext context, DateOnly asOf) =>
        context.Set<AbilityAssessment>().AsNoTracking()
            .Where(a => a.AssessedOn <= asOf
                && !context.Set<AbilityAssessment>().Any(b => b.PersonId == a.PersonId && b.AssessedOn <= asOf && (b.AssessedOn > a.AssessedOn || (b.AssessedOn == a.AssessedOn && b.CreatedAt > a.CreatedAt)))
                && !context.Persons.Any(p => p.Id == a.PersonId && p.LifeStatus == LifeStatus.Deceased && p.DeathDate <= asOf));

    /// <summary>The purchase contracts of the period's year, each with what has been settled under it up to the period's date.</summary>
    private async Task<HomeCareSpending> HomeCareAsync(DashboardPeriod period, CancellationToken ct)
    {
        var list = await _db.Set<HomeCareContract>().AsNoTracking().Where(c => c.Year == period.Year).OrderBy(c => c.Number).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var lastMonth = period.Month1;
        // at most one settlement per contract and month: a year's are a dozen rows per contract
        var settled = await _db.Set<HomeCareSettlement>().AsNoTracking().Where(s => ids.Contains(s.ContractId) && s.Month <= lastMonth)
            .Select(s => new { s.ContractId, s.Month, s.Amount }).ToListAsync(ct);
        var rows = list.Select(c =>
        {
            var mine = settled.Where(s => s.ContractId == c.Id).ToList();
            var total = new Money(mine.Sum(s => s.Amount.Fen));
            var inPeriod = new Money(mine.Where(s => s.Month >= period.From).Sum(s => s.Amount.Fen));
            var alertLine = contracts.AlertPercent(c);
            var (percent, alert) = HomeCare.Rules.HomeCareRules.Consumption(c.Budget, total, alertLine);
            return new ContractConsumption(c.Id, c.Number, c.ProviderName, divisions.NameOf(c.DivisionCode), c.Budget.Yuan, total.Yuan, inPeriod.Yuan, percent, alertLine, alert);
        }).ToList();
        var budget = rows.Sum(r => r.Budget);
        var spent = rows.Sum(r => r.Settled);
        return new HomeCareSpending(budget, spent, rows.Sum(r => r.SettledInPeriod), budget <= 0 ? 0m : Math.Round(spent * 100m / budget, 1, MidpointRounding.AwayFromZero), 0m, 0m,
            rows.Count(r => r.Alert), rows);
    }
}
