using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Registry;

public sealed record MemberInput(Guid PersonId, Relation Relation);

public sealed record HouseholdInput
{
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(200)] public string? Address { get; init; }
    public Guid? HeadPersonId { get; init; }
    [NoNullItems] public List<MemberInput> Members { get; init; } = [];
    public int? Version { get; init; }
}

public sealed record AddMemberInput
{
    public Guid PersonId { get; init; }
    public Relation Relation { get; init; }
    public DateOnly? JoinedOn { get; init; }

    /// <summary>Move the person out of their current household on the same date (迁移), instead of refusing.</summary>
    public bool MoveFromCurrentHousehold { get; init; }
}

public sealed record RemoveMemberInput
{
    public DateOnly? LeftOn { get; init; }
    [Text(200)] public string? Reason { get; init; }
}

/// <summary>
/// Household use cases: create, edit, members joining and leaving with history. A person is a current
/// member of at most one household; the database's filtered unique index backs this rule.
/// </summary>
public sealed class HouseholdRegistration(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, CaseNumbers numbers)
{
    public async Task<Household> CreateAsync(HouseholdInput input, CancellationToken ct = default)
    {
        input = Checked(input);
        var errors = new ValidationErrors();
        var division = divisions.Find(input.DivisionCode);
        if (division is null || division.Level != DivisionLevel.Village) errors.Add("divisionCode", "请选择家庭所在村（社区）");
        else if (!db.CurrentUser.Scope.Contains(division.Code)) errors.Add("divisionCode", "该村（社区）不在您的管辖范围内");
        if (input.HeadPersonId is null) errors.Add("headPersonId", "请选择户主");
        var memberIds = input.Members.Select(m => m.PersonId).Append(input.HeadPersonId ?? Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (memberIds.Count != memberIds.Distinct().Count()) errors.Add("members", "同一人不能重复加入");
        if (input.Members.Any(m => m.Relation == Relation.Head && m.PersonId != input.HeadPersonId)) errors.Add("members", "一户只能有一位户主");
        errors.ThrowIfAny();

        var people = await db.Persons.Where(p => memberIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        foreach (var missing in memberIds.Except(people.Select(p => p.Id))) errors.Add("members", $"人员 {missing} 不存在或不在您的管辖范围内");
        errors.ThrowIfAny();
        await RefuseCurrentMembershipsAsync(memberIds, people.ToDictionary(p => p.Id, p => p.Name), ct);

        var household = new Household
        {
            Number = await NextNumberAsync(division!.Code, ct),
            DivisionCode = division.Code,
            Address = input.Address?.Trim() ?? "",
            HeadPersonId = input.HeadPersonId,
        };
        db.Households.Add(household);
        var today = clock.Today;
        db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = input.HeadPersonId!.Value, Relation = Relation.Head, JoinedOn = today });
        foreach (var m in input.Members.Where(m => m.PersonId != input.HeadPersonId))
        {
            db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = m.PersonId, Relation = m.Relation, JoinedOn = today });
        }
        await SaveAsync(ct);
        return household;
    }

    public async Task<Household> UpdateAsync(Guid id, HouseholdInput input, CancellationToken ct = default)
    {
        input = Checked(input);
        var household = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(household, version);
        household.Address = input.Address?.Trim() ?? household.Address;
        if (input.HeadPersonId is { } newHead && newHead != household.HeadPersonId)
        {
            var member = household.CurrentMembers.FirstOrDefault(m => m.PersonId == newHead)
                ?? throw AppProblem.Field("headPersonId", "新户主须是本户现有成员");
            foreach (var old in household.CurrentMembers.Where(m => m.Relation == Relation.Head)) old.Relation = Relation.Other;
            member.Relation = Relation.Head;
            household.HeadPersonId = newHead;
        }
        foreach (var m in input.Members)
        {
            var current = household.CurrentMembers.FirstOrDefault(x => x.PersonId == m.PersonId);
            if (current is not null && current.Relation != Relation.Head && m.Relation != Relation.Head) current.Relation = m.Relation;
        }
        await SaveAsync(ct);
        return household;
    }

    /// <summary>The declared limits (ADR 024); <c>"members": null</c> reads as no further members, <c>[null]</c> is a field error.</summary>
    private static HouseholdInput Checked(HouseholdInput input)
    {
        InputRules.ThrowIfInvalid(input);
        return input.Members is null ? input with { Members = [] } : input;
    }

    public async Task<HouseholdMember> AddMemberAsync(Guid householdId, AddMemberInput input, CancellationToken ct = default)
    {
        var household = await LoadAsync(householdId, ct);
        var person = await db.Persons.Where(p => p.Id == input.PersonId).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
            ?? throw AppProblem.NotFound("人员");
        if (input.Relation == Relation.Head) throw AppProblem.Field("relation", "更换户主请在家庭信息中修改户主");
        var date = input.JoinedOn ?? clock.Today;
        var current = await db.HouseholdMembers.IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Include(m => m.Household)
            .FirstOrDefaultAsync(m => m.PersonId == person.Id && m.LeftOn == null, ct);
        if (current is not null)
        {
            if (current.HouseholdId == household.Id) throw AppProblem.Conflict("already_member", $"{person.Name} 已是本户成员");
            if (!input.MoveFromCurrentHousehold)
            {
                throw AppProblem.Conflict("person_in_other_household", $"{person.Name} 目前是户 {current.Household!.Number} 的成员；如需迁入请选择“从原户迁出”");
            }
            if (!db.CurrentUser.Scope.Contains(current.Household!.DivisionCode)) throw AppProblem.Forbidden($"{person.Name} 的原户不在您的管辖范围内，须由原户所在地办理迁出");
            if (current.Household.HeadPersonId == person.Id) throw AppProblem.Conflict("head_cannot_leave", $"{person.Name} 是原户户主，须先在原户更换户主");
            current.LeftOn = date;
            current.LeftReason = $"迁入户 {household.Number}";
        }
        var member = new HouseholdMember { HouseholdId = household.Id, PersonId = person.Id, Relation = input.Relation, JoinedOn = date };
        db.HouseholdMembers.Add(member);
        household.UpdatedAt = clock.UtcNow; // a membership change is a change of the household: its version moves on
        db.Entry(household).State = EntityState.Modified;
        await SaveAsync(ct);
        return member;
    }

    public async Task RemoveMemberAsync(Guid householdId, Guid personId, RemoveMemberInput input, CancellationToken ct = default)
    {
        var household = await LoadAsync(householdId, ct);
        var member = household.CurrentMembers.FirstOrDefault(m => m.PersonId == personId) ?? throw AppProblem.NotFound("本户成员");
        if (member.Relation == Relation.Head) throw AppProblem.Conflict("head_cannot_leave", "户主不能直接迁出，请先更换户主");
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写减员原因（如死亡、迁出、分户）");
        var date = input.LeftOn ?? clock.Today;
        if (date < member.JoinedOn) throw AppProblem.Field("leftOn", "减员日期不能早于入户日期");
        member.LeftOn = date;
        member.LeftReason = input.Reason.Trim();
        db.Entry(household).State = EntityState.Modified;
        await SaveAsync(ct);
    }

    public async Task<Household> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw AppProblem.NotFound("家庭");

    private async Task RefuseCurrentMembershipsAsync(IReadOnlyCollection<Guid> personIds, Dictionary<Guid, string> names, CancellationToken ct)
    {
        var taken = await db.HouseholdMembers.IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(m => personIds.Contains(m.PersonId) && m.LeftOn == null)
            .Select(m => new { m.PersonId, m.Household!.Number })
            .ToListAsync(ct);
        if (taken.Count > 0)
        {
            throw AppProblem.Conflict("person_in_other_household",
                string.Join("；", taken.Select(t => $"{names.GetValueOrDefault(t.PersonId)} 目前是户 {t.Number} 的成员")) + "。一人同时只能属于一户，请先办理迁出。");
        }
    }

    /// <summary>户编号: division code + 4-digit sequence within the division.</summary>
    public static NumberSeries NumberSeries(string divisionCode) => new(divisionCode, null, 4);

    public Task<string> NextNumberAsync(string divisionCode, CancellationToken ct) => numbers.NextAsync(NumberSeries(divisionCode), IssuedNumbers, ct);

    /// <summary>Reserves <paramref name="count"/> consecutive household numbers (imports); returns the first sequence value.</summary>
    public Task<long> ReserveNumbersAsync(string divisionCode, int count, CancellationToken ct) => numbers.ReserveAsync(NumberSeries(divisionCode), count, IssuedNumbers, ct);

    private IQueryable<string?> IssuedNumbers => db.Households.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(h => (string?)h.Number);

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            throw AppProblem.Conflict("person_in_other_household", "有成员已被同时登记到另一户，请刷新后重试");
        }
    }
}
