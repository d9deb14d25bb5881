using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.DataComparison.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>One physically disabled person as the eligible list shows him or her: the groups, and the devices already received.</summary>
public sealed record FukangEligiblePerson(Guid PersonId, string Name, string IdNumberMasked, string DivisionCode, string DivisionName, int? DisabilityGrade,
    IReadOnlyList<string> Groups, string GroupNames, IReadOnlyList<FukangReceived> Received);

/// <summary>A device the person received (fitted) or has under way.</summary>
public sealed record FukangReceived(Guid ApplicationId, string Number, string DeviceName, FukangStatus Status, string StatusName, DateOnly? FittedOn);

/// <summary>
/// Finds who 福康工程 serves, from the shared facts only: the registry (physical disability with a certificate), the published
/// entitlements (a running dibao of the person's household or of the person, a running extreme-poverty support) and data
/// comparison's published poverty-registry answer; which groups count is the figure book's <see cref="FukangFigures.EligibleGroup"/>.
/// </summary>
public sealed class FukangEligibilityQuery(AppDbContext db, FigureBook figures, IPovertyRegistryListing poverty, DivisionDirectory divisions, BusinessClock clock)
{
    /// <summary>One person's facts, read in one statement with the entitlements and the poverty registry as subqueries.</summary>
    private sealed class Candidate
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Masked { get; init; }
        public string DivisionCode { get; init; } = "";
        public string County { get; init; } = "";
        public int? Grade { get; init; }
        public bool Alive { get; init; }
        public bool Physical { get; init; }
        public bool HasCertificate { get; init; }
        public bool Dibao { get; init; }
        public bool Extreme { get; init; }
        public bool Listed { get; init; }
    }

    /// <summary>The people (physically disabled with a certificate in scope, or the one person) with their facts, as a query.</summary>
    private async Task<IQueryable<Candidate>> CandidatesAsync(Guid? personId, string? search, CancellationToken ct)
    {
        var month = Entitlements.MonthOf(clock.Today);
        var running = db.Set<EntitlementPeriod>().Where(e => !e.OneOff && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month));
        var members = db.HouseholdMembers.Where(m => m.LeftOn == null);
        var listed = await poverty.ListedAsync(ct);
        var people = db.Persons.AsNoTracking();
        people = personId is { } id
            ? people.Where(p => p.Id == id)
            : people.Where(p => p.DisabilityCategory == DisabilityCategory.Physical && p.DisabilityCertificateMasked != null && p.LifeStatus == LifeStatus.Alive);
        if (!string.IsNullOrWhiteSpace(search)) people = people.Where(p => p.Name.Contains(search.Trim()));
        const string dibao = AssistancePrograms.Dibao, extreme = AssistancePrograms.ExtremePoverty;
        return people.Select(p => new Candidate
        {
            Id = p.Id,
            Name = p.Name,
            Masked = p.IdNumberMasked ?? p.PlatformNumber,
            DivisionCode = p.DivisionCode,
            County = p.DivisionCode.Substring(0, 6),
            Grade = p.DisabilityGrade,
            Alive = p.LifeStatus == LifeStatus.Alive,
            Physical = p.DisabilityCategory == DisabilityCategory.Physical,
            HasCertificate = p.DisabilityCertificateMasked != null,
            // the household's dibao (published per household) or the person's own
            Dibao = running.Any(e => e.Program == dibao && (e.BeneficiaryPersonId == p.Id
                || (e.BeneficiaryPersonId == null && (e.PayeePersonId == p.Id || members.Any(m => m.PersonId == p.Id && m.HouseholdId == e.HouseholdId))))),
            Extreme = running.Any(e => e.Program == extreme && (e.BeneficiaryPersonId == p.Id || (e.BeneficiaryPersonId == null && e.PayeePersonId == p.Id))),
            Listed = listed.Contains(p.Id),
        });
    }

    private FukangEligibility Assess(Candidate c, Dictionary<string, List<string>> groupsByCounty) =>
        FukangRules.Assess(new FukangFacts(c.Alive, c.Physical, c.HasCertificate, c.Dibao, c.Extreme, c.Listed), GroupsOf(c.County, groupsByCounty));

    /// <summary>The groups in force today in a county (the figure may differ between counties), read once per county.</summary>
    private List<string> GroupsOf(string county, Dictionary<string, List<string>> groupsByCounty)
    {
        if (!groupsByCounty.TryGetValue(county, out var groups)) groupsByCounty[county] = groups = FukangFigures.InForce(figures, county + "000000", clock.Today);
        return groups;
    }

    /// <summary>The eligibility of one person in scope (404 when not in scope), on today's facts and figures.</summary>
    public async Task<FukangEligibility> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var c = await (await CandidatesAsync(personId, null, ct)).FirstOrDefaultAsync(ct) ?? throw AppProblem.NotFound("人员");
        return Assess(c, []);
    }

    /// <summary>
    /// The eligible people in the user's scope, paged in the database, with what each already received: the groups in force
    /// per county (figures, read once per county present) become the statement's filter — the same rule as
    /// <see cref="FukangRules.Assess"/>, which then names each row's groups.
    /// </summary>
    public async Task<Paged<FukangEligiblePerson>> ListAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var candidates = await CandidatesAsync(null, search, ct);
        var groups = new Dictionary<string, List<string>>();
        foreach (var county in await candidates.Select(c => c.County).Distinct().ToListAsync(ct)) GroupsOf(county, groups);
        List<string> In(string group) => groups.Where(g => g.Value.Contains(group)).Select(g => g.Key).ToList();
        var (dibaoCounties, extremeCounties, povertyCounties) = (In(FukangFigures.GroupDibao), In(FukangFigures.GroupExtremePoverty), In(FukangFigures.GroupPovertyRegistry));
        var eligible = candidates.Where(c => (c.Dibao && dibaoCounties.Contains(c.County)) || (c.Extreme && extremeCounties.Contains(c.County))
            || (c.Listed && povertyCounties.Contains(c.County)));
        var total = await eligible.CountAsync(ct);
        var pageRows = await eligible.OrderBy(c => c.DivisionCode).ThenBy(c => c.Name).ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = pageRows.Select(c => c.Id).ToList();
        var received = (await db.Set<FukangApplication>().AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.Status != FukangStatus.Refused)
                .OrderByDescending(a => a.AssessedOn).Select(a => new { a.PersonId, a.Id, a.Number, a.DeviceName, a.Status, a.FittedOn }).ToListAsync(ct))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Select(a => new FukangReceived(a.Id, a.Number, a.DeviceName, a.Status, FukangProcess.StatusName(a.Status), a.FittedOn)).ToList());
        var items = pageRows.Select(c => (c, e: Assess(c, groups))).Select(x => new FukangEligiblePerson(x.c.Id, x.c.Name, x.c.Masked ?? "", x.c.DivisionCode,
            divisions.NameOf(x.c.DivisionCode), x.c.Grade, x.e.Groups, x.e.GroupNames, received.GetValueOrDefault(x.c.Id) ?? [])).ToList();
        return new Paged<FukangEligiblePerson>(items, total, page.Page, page.PageSize);
    }
}
