using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Registry;

public sealed record HouseholdFilter
{
    public string? Number { get; init; }
    public string? HeadName { get; init; }
    public string? DivisionCode { get; init; }
}

/// <summary>Read side of the registry: one person with their household, one household with its members, household lists.</summary>
public sealed class RegistryQueries(AppDbContext db, DivisionDirectory divisions, BusinessClock clock)
{
    public async Task<PersonDto> PersonAsync(Guid id, CancellationToken ct = default)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("人员");
        var membership = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.PersonId == id && m.LeftOn == null)
            .Select(m => new MembershipDto(m.HouseholdId, m.Household!.Number, m.Relation, m.JoinedOn, m.LeftOn, m.LeftReason))
            .FirstOrDefaultAsync(ct);
        return PersonDto.From(person, divisions, clock.Today, membership);
    }

    public Task<List<MembershipDto>> MembershipHistoryAsync(Guid personId, CancellationToken ct = default) =>
        db.HouseholdMembers.AsNoTracking()
            .Where(m => m.PersonId == personId)
            .OrderByDescending(m => m.JoinedOn)
            .Select(m => new MembershipDto(m.HouseholdId, m.Household!.Number, m.Relation, m.JoinedOn, m.LeftOn, m.LeftReason))
            .ToListAsync(ct);

    public async Task<HouseholdDto> HouseholdAsync(Guid id, CancellationToken ct = default)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw AppProblem.NotFound("家庭");
        // Members are read through the household (in scope), so a member whose hukou lies elsewhere still shows.
        var members = await db.HouseholdMembers.AsNoTracking()
            .IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(m => m.HouseholdId == id)
            .OrderBy(m => m.LeftOn != null).ThenBy(m => m.Relation).ThenBy(m => m.JoinedOn)
            .Select(m => new HouseholdMemberDto(m.PersonId, m.Person!.Name, m.Person.IdNumberMasked ?? m.Person.PlatformNumber ?? "", m.Person.Sex,
                m.Person.BirthDate, m.Relation, m.JoinedOn, m.LeftOn, m.LeftReason, m.Person.LifeStatus))
            .ToListAsync(ct);
        var current = members.Where(m => m.LeftOn is null).ToList();
        return new HouseholdDto(h.Id, h.Number, h.DivisionCode, divisions.FullName(h.DivisionCode), h.Address, h.HeadPersonId,
            current.FirstOrDefault(m => m.PersonId == h.HeadPersonId)?.Name, current.Count, current,
            members.Where(m => m.LeftOn is not null).ToList(), h.Version);
    }

    public IQueryable<Household> HouseholdQuery(HouseholdFilter f)
    {
        var q = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Number)) q = q.Where(h => h.Number.StartsWith(f.Number.Trim()));
        if (!string.IsNullOrWhiteSpace(f.HeadName)) q = q.Where(h => h.HeadPerson!.Name.StartsWith(f.HeadName.Trim()));
        if (DivisionCodes.IsWellFormed(f.DivisionCode))
        {
            var sub = DivisionScope.Of(f.DivisionCode!);
            q = q.Where(h => string.Compare(h.DivisionCode, sub.Low) >= 0 && string.Compare(h.DivisionCode, sub.High) <= 0);
        }
        return q;
    }

    public IQueryable<HouseholdListItem> HouseholdRows(IQueryable<Household> q) =>
        q.OrderBy(h => h.Number).Select(h => new HouseholdListItem(h.Id, h.Number, h.DivisionCode, "", h.HeadPerson!.Name, h.Address,
            h.Members.Count(m => m.LeftOn == null)));

    public async Task<Paged<HouseholdListItem>> HouseholdsAsync(HouseholdFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = HouseholdQuery(f);
        var total = await q.CountAsync(ct);
        var items = await HouseholdRows(q).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<HouseholdListItem>(items.Select(i => i with { DivisionName = divisions.FullName(i.DivisionCode) }).ToList(), total, page.Page, page.PageSize);
    }
}
