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
    private sealed record Candidate(Guid Id, string Name, string? Masked, string DivisionCode, int? Grade, bool Alive, bool Physical, bool HasCertificate, bool Dibao, bool Extreme);

    /// <summary>The candidates (physically disabled people in scope, or the one person), with the entitlement facts read in the same query.</summary>
    private async Task<List<Candidate>> CandidatesAsync(Guid? personId, string? search, CancellationToken ct)
    {
        var month = Entitlements.MonthOf(clock.Today);
        var running = db.Set<EntitlementPeriod>().Where(e => !e.OneOff && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month));
        var members = db.HouseholdMembers.Where(m => m.LeftOn == null);
        var people = db.Persons.AsNoTracking();
        people = personId is { } id
            ? people.Where(p => p.Id == id)
            : people.Where(p => p.DisabilityCategory == DisabilityCategory.Physical && p.DisabilityCertificateMasked != null && p.LifeStatus == LifeStatus.Alive);
        if (!string.IsNullOrWhiteSpace(search)) people = people.Where(p => p.Name.Contains(search.Trim()));
        const string dibao = AssistancePrograms.Dibao, extreme = AssistancePrograms.ExtremePoverty;
        return await people.OrderBy(p => p.DivisionCode).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Candidate(p.Id, p.Name, p.IdNumberMasked ?? p.PlatformNumber, p.DivisionCode, p.DisabilityGrade, p.LifeStatus == LifeStatus.Alive,
                p.DisabilityCategory == DisabilityCategory.Physical, p.DisabilityCertificateMasked != null,
                // the household's dibao (published per household) or the person's own
                running.Any(e => e.Program == dibao && (e.BeneficiaryPersonId == p.Id
                    || (e.BeneficiaryPersonId == null && (e.PayeePersonId == p.Id || members.Any(m => m.PersonId == p.Id && m.HouseholdId == e.HouseholdId))))),
                running.Any(e => e.Program == extreme && (e.BeneficiaryPersonId == p.Id || (e.BeneficiaryPersonId == null && e.PayeePersonId == p.Id)))))
            .ToListAsync(ct);
    }

    private FukangEligibility Assess(Candidate c, bool listed, Dictionary<string, List<string>> groupsByCounty)
    {
        var county = DivisionCodes.CountyPart(c.DivisionCode);
        if (!groupsByCounty.TryGetValue(county, out var groups)) groupsByCounty[county] = groups = FukangFigures.InForce(figures, c.DivisionCode, clock.Today);
        return FukangRules.Assess(new FukangFacts(c.Alive, c.Physical, c.HasCertificate, c.Dibao, c.Extreme, listed), groups);
    }

    /// <summary>The eligibility of one person in scope (404 when not in scope), on today's facts and figures.</summary>
    public async Task<FukangEligibility> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var c = (await CandidatesAsync(personId, null, ct)).FirstOrDefault() ?? throw AppProblem.NotFound("人员");
        var listed = await poverty.ListedAsync([personId], ct);
        return Assess(c, listed.Contains(personId), []);
    }

    /// <summary>
    /// The eligible people in the user's scope, paged, with what each already received. The candidates are the physically
    /// disabled people with a certificate in scope (a township has some hundreds), filtered in memory after the poverty
    /// registry's answer, which lives in another module and cannot join this query.
    /// </summary>
    public async Task<Paged<FukangEligiblePerson>> ListAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var candidates = await CandidatesAsync(null, search, ct);
        var listed = await poverty.ListedAsync(candidates.Select(c => c.Id).ToList(), ct);
        var groups = new Dictionary<string, List<string>>();
        var eligible = candidates.Select(c => (c, e: Assess(c, listed.Contains(c.Id), groups))).Where(x => x.e.Eligible).ToList();
        var pageRows = eligible.Skip(page.Skip).Take(page.PageSize).ToList();
        var ids = pageRows.Select(x => x.c.Id).ToList();
        var received = (await db.Set<FukangApplication>().AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.Status != FukangStatus.Refused)
                .OrderByDescending(a => a.AssessedOn).Select(a => new { a.PersonId, a.Id, a.Number, a.DeviceName, a.Status, a.FittedOn }).ToListAsync(ct))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Select(a => new FukangReceived(a.Id, a.Number, a.DeviceName, a.Status, FukangProcess.StatusName(a.Status), a.FittedOn)).ToList());
        var items = pageRows.Select(x => new FukangEligiblePerson(x.c.Id, x.c.Name, x.c.Masked ?? "", x.c.DivisionCode, divisions.NameOf(x.c.DivisionCode), x.c.Grade,
            x.e.Groups, x.e.GroupNames, received.GetValueOrDefault(x.c.Id) ?? [])).ToList();
        return new Paged<FukangEligiblePerson>(items, eligible.Count, page.Page, page.PageSize);
    }
}
