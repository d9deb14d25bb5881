using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.AgeAllowance;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Modules.ElderlyCare.StarRating;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

/// <summary>
/// Elderly care on the one-person view (一人一档): the elder's stays in homes (the current one first), ability assessments (the
/// latest level and when the next is due), home-care orders with the services recorded this month, and 高龄津贴 — each part only
/// when the user may read that line of business (the person page shows every module's panel to whoever may read the person).
/// </summary>
public sealed class ElderlyPersonPanel(AppDbContext db, ICurrentUser user, BusinessClock clock) : IPersonPanel
{
    public sealed record Stay(Guid HomeId, string Home, DateOnly AdmittedOn, DateOnly? DischargedOn, string? ExtremePovertyCase, bool Current);

    public sealed record Item(Guid Id, string Number, DateOnly AssessedOn, int Total, int Level, string LevelName, string ScaleVersion, DateOnly NextDueOn);

    public sealed record CareOrder(string Number, string ProviderName, string Services, int MonthlyHours, DateOnly FromDate, DateOnly? ToDate, bool Active, int VisitsThisMonth, int MinutesThisMonth);

    /// <summary>高龄津贴 as payments see it: running this month (its amount since a month), ended (last month paid), or nothing.</summary>
    public sealed record Allowance(string Number, decimal MonthlyAmount, DateOnly FromMonth, DateOnly? ToMonth, bool Running);

    public sealed record Model(DateOnly Today, bool CanHomes, List<Stay> Stays, List<Item> Assessments, bool CanHomeCare, List<CareOrder> Orders, bool CanAllowance, Allowance? AgeAllowance)
    {
        public Item? Latest => Assessments.FirstOrDefault();
        public Stay? CurrentStay => Stays.FirstOrDefault(s => s.Current);
        public bool Empty => Stays.Count == 0 && Assessments.Count == 0 && Orders.Count == 0 && AgeAllowance is null;
    }

    public string ModuleKey => "elderly-care";
    public string Title => "养老服务（入住机构、能力评估、居家服务、高龄津贴）";
    public int Order => 60;
    public string PartialView => "/Modules/ElderlyCare/Homes/Pages/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var today = clock.Today;
        var month = Entitlements.MonthOf(today);
        var canHomes = user.HasPermission(HomesPermissions.Read);
        var canHomeCare = user.HasPermission(HomeCarePermissions.Read);
        var canAllowance = user.HasPermission(AgeAllowancePermissions.Read);
        List<Stay> stays = [];
        List<Item> assessments = [];
        if (canHomes)
        {
            var rows = await db.Set<Resident>().AsNoTracking().Where(r => r.PersonId == personId)
                .Join(db.Set<ElderlyHome>(), r => r.HomeId, h => h.Id, (r, h) => new { r, h.OrganizationId })
                .Join(db.Organizations, x => x.OrganizationId, o => (Guid?)o.Id, (x, o) => new { x.r.HomeId, o.Name, x.r.AdmittedOn, x.r.DischargedOn, x.r.ExtremePovertyCase })
                .OrderByDescending(s => s.AdmittedOn).ToListAsync(ct);
            stays = [.. rows.Select(s => new Stay(s.HomeId, s.Name, s.AdmittedOn, s.DischargedOn, s.ExtremePovertyCase, s.AdmittedOn <= today && (s.DischargedOn is null || s.DischargedOn > today)))];
            var list = await db.Set<AbilityAssessment>().AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).Take(10)
                .Select(a => new { a.Id, a.Number, a.AssessedOn, a.Total, a.Level, a.ScaleVersion, a.NextDueOn }).ToListAsync(ct);
            assessments = [.. list.Select(a => new Item(a.Id, a.Number, a.AssessedOn, a.Total, a.Level, Assessment.Rules.AbilityRules.LevelName(a.Level), a.ScaleVersion, a.NextDueOn))];
        }
        List<CareOrder> orders = [];
        if (canHomeCare)
        {
            var next = month.AddMonths(1);
            var rows = await db.Set<HomeCareOrder>().AsNoTracking().Where(o => o.PersonId == personId).OrderByDescending(o => o.FromDate).Take(10)
                .Select(o => new
                {
                    o.Number,
                    o.ContractId,
                    o.Services,
                    o.MonthlyHours,
                    o.FromDate,
                    o.ToDate,
                    o.Status,
                    Visits = db.Set<HomeCareVisit>().Count(v => v.OrderId == o.Id && v.ServiceDate >= month && v.ServiceDate < next),
                    Minutes = db.Set<HomeCareVisit>().Where(v => v.OrderId == o.Id && v.ServiceDate >= month && v.ServiceDate < next).Sum(v => (int?)v.Minutes) ?? 0,
                }).ToListAsync(ct);
            var contractIds = rows.Select(r => r.ContractId).Distinct().ToList();
            // the provider's name is on the contract; a township orders under its county's contract, which its own scope does not show
            var providers = await db.Set<HomeCareContract>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(c => contractIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.ProviderName, ct);
            orders = [.. rows.Select(r => new CareOrder(r.Number, providers.GetValueOrDefault(r.ContractId, ""), string.Join("、", r.Services.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(HomeCareFigures.ServiceName)),
                r.MonthlyHours, r.FromDate, r.ToDate, r.Status == HomeCareOrderStatus.Active, r.Visits, r.Minutes))];
        }
        Allowance? allowance = null;
        if (canAllowance)
        {
            var period = await db.Set<EntitlementPeriod>().AsNoTracking()
                .Where(e => e.Program == AgeAllowanceGrants.Program && (e.BeneficiaryPersonId == personId || (e.BeneficiaryPersonId == null && e.PayeePersonId == personId)) && e.FromMonth <= month)
                .OrderByDescending(e => e.FromMonth).ThenByDescending(e => e.PublishedAt)
                .Select(e => new { e.SourceNumber, e.MonthlyAmount, e.FromMonth, e.ToMonth }).FirstOrDefaultAsync(ct);
            if (period is not null)
            {
                allowance = new Allowance(period.SourceNumber, period.MonthlyAmount.Yuan, period.FromMonth, period.ToMonth, period.ToMonth is null || period.ToMonth >= month);
            }
        }
        return new Model(today, canHomes, stays, assessments, canHomeCare, orders, canAllowance, allowance);
    }
}

/// <summary>
/// Elderly care on the one-organisation view, for a care home (beds, residents, filing and check, star level, subsidies,
/// inspections) and for a home-care provider (its purchase contracts and their budget consumption, orders, services this
/// month) — each part only when the user may read it; null when the organisation is neither.
/// </summary>
public sealed class ElderlyOrganizationPanel(AppDbContext db, CareHomes homes, HomeCareContracts contracts, ICurrentUser user, BusinessClock clock) : IOrganizationPanel
{
    public sealed record Rating(int Level, string LevelName, DateOnly RatedOn, DateOnly? ValidUntil);

    public sealed record SubsidySummary(int Applications, int Waiting, int Approved, decimal ApprovedAmount);

    public sealed record InspectionSummary(int Count, DateOnly? LastInspectedOn, string? LastConclusion, int OpenRectifications, int OverdueRectifications);

    public sealed record Provider(List<ContractRow> Contracts, int ActiveOrders, int VisitsThisMonth, int MinutesThisMonth);

    public sealed record Model(HomeRow? Home, Rating? Star, SubsidySummary? Subsidies, InspectionSummary? Inspections, Provider? Provider);

    public string ModuleKey => "elderly-care";
    public string Title => "养老服务（养老机构、居家养老服务）";
    public int Order => 30;
    public string PartialView => "/Modules/ElderlyCare/Homes/Pages/_OrganizationPanel.cshtml";

    public async Task<object?> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        var today = clock.Today;
        HomeRow? row = null;
        Rating? star = null;
        SubsidySummary? subsidies = null;
        InspectionSummary? inspections = null;
        if (user.HasPermission(HomesPermissions.Read)
            && await db.Set<ElderlyHome>().AsNoTracking().FirstOrDefaultAsync(h => h.OrganizationId == organizationId, ct) is { } home)
        {
            row = await homes.RowAsync(home, ct);
            star = await db.Set<StarRatingRecord>().AsNoTracking().Where(r => r.OrganizationId == organizationId && r.Level != null && r.RatedOn != null)
                .OrderByDescending(r => r.RatedOn).ThenByDescending(r => r.CreatedAt)
                .Select(r => new Rating(r.Level!.Value, "", r.RatedOn!.Value, r.ValidUntil)).FirstOrDefaultAsync(ct);
            if (star is not null) star = star with { LevelName = star.Level > 0 && star.ValidUntil >= today ? StarRules.LevelName(star.Level) : "未达星级或已过有效期" };
            var applications = await db.Set<HomeSubsidyApplication>().AsNoTracking().Where(a => a.HomeId == home.Id).Select(a => new { a.Status, a.Amount }).ToListAsync(ct);
            subsidies = new SubsidySummary(applications.Count, applications.Count(a => a.Status is HomeSubsidyStatus.Submitted or HomeSubsidyStatus.Reviewed),
                applications.Count(a => a.Status == HomeSubsidyStatus.Approved), applications.Where(a => a.Status == HomeSubsidyStatus.Approved).Sum(a => a.Amount.Yuan));
            var checks = await db.Set<Inspection>().AsNoTracking().Where(i => i.OrganizationId == organizationId)
                .Select(i => new
                {
                    i.InspectedOn,
                    i.Conclusion,
                    Open = i.Rectifications.Count(r => r.CompletedOn == null),
                    Overdue = i.Rectifications.Count(r => r.CompletedOn == null && r.DueOn < today),
                }).ToListAsync(ct);
            var last = checks.Where(c => c.InspectedOn is not null).OrderByDescending(c => c.InspectedOn).FirstOrDefault();
            inspections = new InspectionSummary(checks.Count, last?.InspectedOn, last?.Conclusion switch { InspectionConclusion.Passed => "未发现问题", InspectionConclusion.Rectify => "责令整改", _ => null },
                checks.Sum(c => c.Open), checks.Sum(c => c.Overdue));
        }
        Provider? provider = null;
        if (user.HasPermission(HomeCarePermissions.Read))
        {
            var mine = await db.Set<HomeCareContract>().AsNoTracking().Where(c => c.OrganizationId == organizationId).OrderByDescending(c => c.Year).Take(5).Select(c => c.Id).ToListAsync(ct);
            if (mine.Count > 0)
            {
                var rows = new List<ContractRow>();
                foreach (var id in mine) rows.Add(await contracts.RowAsync(id, ct));
                var month = Entitlements.MonthOf(today);
                var next = month.AddMonths(1);
                var orders = await db.Set<HomeCareOrder>().CountAsync(o => o.OrganizationId == organizationId && o.Status == HomeCareOrderStatus.Active, ct);
                var visits = await db.Set<HomeCareVisit>().Where(v => v.OrganizationId == organizationId && v.ServiceDate >= month && v.ServiceDate < next)
                    .GroupBy(v => 1).Select(g => new { N = g.Count(), Minutes = g.Sum(v => v.Minutes) }).FirstOrDefaultAsync(ct);
                provider = new Provider(rows, orders, visits?.N ?? 0, visits?.Minutes ?? 0);
            }
        }
        return row is null && provider is null ? null : new Model(row, star, subsidies, inspections, provider);
    }
}
