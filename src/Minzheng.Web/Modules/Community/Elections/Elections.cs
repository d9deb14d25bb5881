using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Community.Elections;

public sealed record ElectionInput
{
    public Guid? CommitteeId { get; init; }
    [Within(2000, 2100)] public int? Year { get; init; }
    [Within(1, 1)] public int? SeatsDirector { get; init; }
    [Within(0, 4)] public int? SeatsDeputy { get; init; }
    [Within(0, 8)] public int? SeatsMember { get; init; }
    public DateOnly? VoteDate { get; init; }
}

public sealed record ElectionStepInput
{
    public int? Version { get; init; }
    [Text(1000)] public string? Opinion { get; init; }
    public DateOnly? VoteDate { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public DateOnly? AdditionalVoteDate { get; init; }
    public DateOnly? HandedOverOn { get; init; }
    [Text(1000)] public string? Note { get; init; }
}

public sealed record CommitteeSeatInput
{
    public Guid? PersonId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
    [Text(50)] public string? Name { get; init; }
    [Text(20)] public string? Role { get; init; }
    [Text(50)] public string? ChosenBy { get; init; }
    public DateOnly? ChosenOn { get; init; }
}

public sealed record VoterInput
{
    [Text(18)] public string? IdNumber { get; init; }
    public Guid? PersonId { get; init; }
    public VoterBasis? Basis { get; init; }
    [Text(50)] public string? Group { get; init; }
}

public sealed record VoterRemoveInput
{
    [Text(200)] public string? Reason { get; init; }
}

public sealed record ObjectionInput
{
    public DateOnly? FiledOn { get; init; }
    [Text(50)] public string? FiledBy { get; init; }
    public ObjectionKind? Kind { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
    [Text(50)] public string? PersonName { get; init; }
    [Text(500)] public string? Reason { get; init; }
}

public sealed record ObjectionDecisionInput
{
    public int? Version { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public bool? Upheld { get; init; }
    [Text(500)] public string? Decision { get; init; }
    public VoterBasis? Basis { get; init; }
}

public sealed record CandidateInput
{
    public Guid? PersonId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
    public CommitteePost? Post { get; init; }
    public DateOnly? NominatedOn { get; init; }
    [Within(0, 100000)] public int? Nominators { get; init; }
}

public sealed record VettingCheckInput
{
    [Text(50)] public string? Department { get; init; }
    public VettingVerdict? Result { get; init; }
    [Text(40)] public string? CategoryCode { get; init; }
    [Text(1000)] public string? Evidence { get; init; }
    public DateOnly? CheckedOn { get; init; }
}

public sealed record VettingOverrideInput
{
    public int? Version { get; init; }
    [Text(500)] public string? Reason { get; init; }
}

public sealed record BallotVoteInput(Guid? CandidateId, [property: Within(0, 100000)] int? Votes);

public sealed record BallotBoxInput
{
    public int? Version { get; init; }
    [Text(50)] public string? Name { get; init; }
    [Within(0, 100000)] public int? BallotsIssued { get; init; }
    [Within(0, 100000)] public int? BallotsCast { get; init; }
    [Within(0, 100000)] public int? InvalidBallots { get; init; }
    public IReadOnlyList<BallotVoteInput>? Votes { get; init; }
}

public sealed record TallyInput
{
    [Within(0, 1000000)] public int? RegisteredVoters { get; init; }
    [Within(0, 1000000)] public int? BallotsCast { get; init; }
    [Within(0, 100)] public int? Seats { get; init; }
    [Text(12)] public string? Round { get; init; }
    public IReadOnlyList<TallyCandidateInput>? Candidates { get; init; }
}

public sealed record TallyCandidateInput([property: Text(50)] string? Name, [property: Within(0, 1000000)] int? Votes);

public sealed record ElectionFilter(string? DivisionCode, string? State, int? Year, string? Q);

public sealed record ElectionRow(Guid Id, string Number, string Name, string DivisionCode, string TownshipName, int Year, string State, string StateName, DateOnly? VoteDate,
    DateOnly? HandoverDue, bool HandoverOverdue);

public sealed record SeatMemberView(Guid Id, string Name, string Role, string ChosenBy, DateOnly ChosenOn, DateOnly? LeftOn, string LeftReason);

public sealed record ObjectionView(Guid Id, DateOnly FiledOn, string FiledBy, ObjectionKind Kind, string KindName, string PersonName, string Reason, DateOnly DecisionDue,
    DateOnly? DecidedOn, bool? Upheld, string Decision, bool Late, int Version);

public sealed record CheckView(string Department, VettingVerdict Result, string ResultName, string CategoryCode, string CategoryText, string Evidence, DateOnly CheckedOn, string CheckedBy);

public sealed record CandidateView(Guid Id, Guid? PersonId, string Name, string SexName, CommitteePost Post, string PostName, DateOnly NominatedOn, int Nominators,
    VettingVerdict Verdict, string VerdictName, string VerdictNote, string OverrideReason, IReadOnlyList<CheckView> Checks, IReadOnlyList<string> MissingDepartments,
    bool Official, bool Elected, int? ElectedRound, int Version);

public sealed record BoxView(Guid Id, int Round, string Name, int BallotsIssued, int BallotsCast, int InvalidBallots, IReadOnlyDictionary<Guid, int> Votes, string EnteredBy, int Version);

public sealed record PostTally(CommitteePost Post, string PostName, int Seats, IReadOnlyList<TallyCandidate> Candidates, TallyResult Result);

public sealed record RoundTally(int Round, int RegisteredVoters, int BallotsCast, int InvalidBallots, IReadOnlyList<PostTally> Posts)
{
    public bool Valid => Posts.Count > 0 && Posts.All(p => p.Result.Valid);
    public int SeatsLeft => Posts.Sum(p => p.Result.SeatsLeft);
}

public sealed record ElectionDto(Guid Id, string Number, string Name, Guid CommitteeId, string CommitteeName, CommitteeKind CommitteeKind, string DivisionCode, string DivisionName,
    int Year, int SeatsDirector, int SeatsDeputy, int SeatsMember, DateOnly? VoteDate, DateOnly? LatestRollPublication, DateOnly? RollPublishedOn, DateOnly? ObjectionDeadline,
    DateOnly? LatestCandidatesPublication, DateOnly? CandidatesPublishedOn, DateOnly? AdditionalVoteDate, DateOnly? ElectedOn, DateOnly? HandoverDue, DateOnly? HandedOverOn,
    bool HandoverOverdue, string HandoverNote, DateOnly? ArchivedOn, string State, string StateName, IReadOnlyList<SeatMemberView> ElectionCommittee, int Voters,
    IReadOnlyList<ObjectionView> Objections, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<BoxView> Boxes, IReadOnlyList<RoundTally> Tallies,
    IReadOnlyList<string> Warnings, IReadOnlyList<string> Actions, int Version, Guid? WorkflowCaseId);

public sealed record VoterView(Guid Id, string Name, string Group, VoterBasis Basis, string BasisName, DateOnly AddedOn, DateOnly? RemovedOn, string RemovedReason);

public sealed record ProgressRow(string DivisionCode, string Name, int Committees, IReadOnlyDictionary<string, int> ByState, int NotStarted, int HandoverOverdue);

/// <summary>
/// The elections' use cases (issue 18 item 2). Each step goes through the workflow engine with the election's version (stale →
/// 409) and checks its rule in the effect; the roll is generated from the registry, frozen at publication and changed after
/// that only by an upheld objection; a nominated member of the election committee leaves it; the vetting verdict is the
/// worst of the departments' checks; the count is <see cref="ElectionTally"/> per post over the ballot boxes of the round; the
/// hand-over installs the elected as the committee's members for the term in force.
/// </summary>
public sealed class Elections(AppDbContext db, CommitteeRegistry committees, ICurrentUser user, DivisionDirectory divisions, WorkflowEngine workflow, FigureBook figures, CaseNumbers numbers,
    IdentifierProtector protector, BusinessClock clock, AuditLog audit)
{
    public static readonly CommitteePost[] Posts = [CommitteePost.Director, CommitteePost.DeputyDirector, CommitteePost.Member];

    public IQueryable<Election> Query(ElectionFilter f)
    {
        var q = db.Set<Election>().AsNoTracking().Within(f.DivisionCode);
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            if (ElectionProcess.Model.States.All(s => s.Code != f.State)) throw AppProblem.Field("state", "没有这个选举环节");
            q = q.Where(e => e.State == f.State);
        }
        if (f.Year is { } year) q = q.Where(e => e.Year == year);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(e => e.Name.Contains(f.Q.Trim()) || e.Number.Contains(f.Q.Trim()));
        return q.OrderBy(e => e.DivisionCode).ThenByDescending(e => e.Year);
    }

    public async Task<Paged<ElectionRow>> ListAsync(ElectionFilter f, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        return (await Query(f).ToPagedAsync(page, ct)).Select(e => new ElectionRow(e.Id, e.Number, e.Name, e.DivisionCode, divisions.NameOf(e.DivisionCode[..9] + "000"), e.Year,
            e.State, ElectionProcess.StateName(e.State), e.VoteDate, e.HandoverDue, IsHandoverOverdue(e, today)));
    }

    public static bool IsHandoverOverdue(Election e, DateOnly today) => e.HandoverDue is { } due && e.HandedOverOn is null && today > due;

    /// <summary>Every committee's election of the year by step, per county (or per township under a county): the dashboard's progress.</summary>
    public async Task<IReadOnlyList<ProgressRow>> ProgressAsync(int year, string? under, CancellationToken ct = default)
    {
        var today = clock.Today;
        var committees = await db.Set<Committee>().AsNoTracking().Where(c => c.ClosedOn == null).Select(c => c.DivisionCode).ToListAsync(ct);
        var elections = await db.Set<Election>().AsNoTracking().Where(e => e.Year == year).Select(e => new { e.DivisionCode, e.State, e.HandoverDue, e.HandedOverOn }).ToListAsync(ct);
        // below a county: its townships; otherwise (city or nothing): the counties
        var byTownship = under is { Length: 12 } u && DivisionCodes.LevelOf(u) is DivisionLevel.County or DivisionLevel.Town;
        var prefix = byTownship ? DivisionCodes.ScopePrefix(under!) : "";
        string Key(string code) => byTownship ? code[..9] + "000" : code[..6] + "000000";
        var rows = committees.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).GroupBy(Key).OrderBy(g => g.Key).Select(g =>
        {
            var mine = elections.Where(e => Key(e.DivisionCode) == g.Key).ToList();
            var byState = ElectionProcess.Steps.ToDictionary(s => s, s => mine.Count(e => e.State == s));
            return new ProgressRow(g.Key, divisions.NameOf(g.Key), g.Count(), byState, g.Count() - mine.Count,
                mine.Count(e => e.HandoverDue is { } d && e.HandedOverOn is null && today > d));
        }).ToList();
        return rows;
    }

    public async Task<Election> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<Election>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw AppProblem.NotFound("换届选举");

    public async Task<Election> CreateAsync(ElectionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        Committee? c = null;
        if (input.CommitteeId is not { } cid || (c = await db.Set<Committee>().FirstOrDefaultAsync(x => x.Id == cid && x.ClosedOn == null, ct)) is null)
            errors.Add("committeeId", "请选择村（居）民委员会");
        if (input.Year is not { } year) errors.Add("year", "请填写换届年度");
        var director = input.SeatsDirector ?? 1;
        var deputy = input.SeatsDeputy ?? 0;
        var member = input.SeatsMember ?? 0;
        if (c is not null)
        {
            var limits = committees.Limits(c, clock.Today);
            var total = director + deputy + member;
            if (limits.MinMembers is { } min && total < min) errors.Add("seatsMember", $"职数合计 {total} 人，少于 {min} 人");
            if (limits.MaxMembers is { } max && total > max) errors.Add("seatsMember", $"职数合计 {total} 人，多于 {max} 人");
        }
        if (input.VoteDate is { } vote && vote < clock.Today) errors.Add("voteDate", "选举日不能早于今天");
        errors.ThrowIfAny();
        if (await db.Set<Election>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(e => e.CommitteeId == c!.Id && e.Year == input.Year, ct))
            throw AppProblem.Conflict("com_election_exists", $"{c!.Name} {input.Year}年换届选举已在办理");
        var e = new Election
        {
            Number = await numbers.NextAsync(new NumberSeries("HJ" + c!.DivisionCode[..9], input.Year!.Value, 3),
                db.Set<Election>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            CommitteeId = c.Id,
            DivisionCode = c.DivisionCode,
            Name = $"{c.Name}{input.Year}年换届选举",
            Year = input.Year.Value,
            SeatsDirector = director,
            SeatsDeputy = deputy,
            SeatsMember = member,
            VoteDate = input.VoteDate,
        };
        db.Add(e);
        var wc = await workflow.StartAsync(ElectionProcess.Code, ElectionProcess.SubjectType, e.Id, $"{e.Name} {e.Number}", e.DivisionCode, null, ct);
        e.WorkflowCaseId = wc.Id;
        audit.Add("election-create", "com_election", e.Id.ToString(), new { e.Number, e.Name, e.Year, e.SeatsDirector, e.SeatsDeputy, e.SeatsMember, e.VoteDate }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return e;
    }

    // ---- the election committee (第十二条) ----

    public async Task AddCommitteeMemberAsync(Guid id, CommitteeSeatInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var e = await LoadAsync(id, ct);
        RequireState(e, "推选选举委员会成员", ElectionProcess.Preparing, ElectionProcess.Registration);
        var errors = new ValidationErrors();
        var person = await OptionalPersonAsync(input.PersonId, input.IdNumber, errors, ct);
        var name = person?.Name ?? input.Name?.Trim();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("name", "请填写姓名或身份证号");
        if (input.ChosenOn is not { } on) errors.Add("chosenOn", "请填写推选日期");
        else if (on > clock.Today) errors.Add("chosenOn", "推选日期不能晚于今天");
        errors.ThrowIfAny();
        var seat = new ElectionCommitteeMember
        {
            ElectionId = e.Id,
            DivisionCode = e.DivisionCode,
            PersonId = person?.Id,
            Name = name!,
            Role = string.IsNullOrWhiteSpace(input.Role) ? "委员" : input.Role.Trim(),
            ChosenBy = string.IsNullOrWhiteSpace(input.ChosenBy) ? "村民代表会议" : input.ChosenBy.Trim(),
            ChosenOn = input.ChosenOn!.Value,
        };
        db.Add(seat);
        audit.Add("election-committee-add", "com_election", e.Id.ToString(), new { seat.Name, seat.Role, seat.ChosenBy, seat.ChosenOn }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
    }

    // ---- the roll (第十三条、第十四条) ----

    /// <summary>Puts every living person of the village of voting age on the vote day on the roll (户籍在本村); returns added and skipped.</summary>
    public async Task<(int Added, int Elsewhere)> GenerateRollAsync(Guid id, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        RequireRollOpen(e);
        var on = e.VoteDate ?? clock.Today;
        var age = figures.Find(ElectionFigures.VoterAge, e.DivisionCode, on)?.Row.Number ?? throw AppProblem.Conflict("com_figure_missing", "没有生效的选民年龄，请在参数中录入");
        var bornBy = on.AddYears(-age);
        var people = await db.Persons.AsNoTracking()
            .Where(p => p.DivisionCode == e.DivisionCode && p.LifeStatus == LifeStatus.Alive && p.BirthDate <= bornBy)
            .Where(p => !db.Set<Voter>().Any(v => v.ElectionId == e.Id && v.PersonId == p.Id))
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        // only one place (第十三条): a person on another village's roll of the same round is left to an objection
        var elsewhere = (await db.Set<Voter>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(v => v.Year == e.Year && v.ElectionId != e.Id && v.RemovedOn == null && ids.Contains(v.PersonId)).Select(v => v.PersonId).ToListAsync(ct)).ToHashSet();
        var today = clock.Today;
        var added = 0;
        foreach (var p in people.Where(p => !elsewhere.Contains(p.Id)))
        {
            db.Add(new Voter { ElectionId = e.Id, DivisionCode = e.DivisionCode, PersonId = p.Id, Name = p.Name, Basis = VoterBasis.Resident, Year = e.Year, AddedOn = today });
            added++;
        }
        audit.Add("election-roll-generate", "com_election", e.Id.ToString(), new { added, elsewhere = elsewhere.Count, bornBy }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return (added, elsewhere.Count);
    }

    public async Task<Voter> AddVoterAsync(Guid id, VoterInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var e = await LoadAsync(id, ct);
        RequireRollOpen(e);
        return await AddVoterCoreAsync(e, input.PersonId, input.IdNumber, input.Basis, input.Group, null, ct);
    }

    private async Task<Voter> AddVoterCoreAsync(Election e, Guid? personId, string? idNumber, VoterBasis? basis, string? group, Guid? objectionId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (basis is not { } b || !Enum.IsDefined(b)) errors.Add("basis", "请选择登记依据（第十三条）");
        var person = await PersonAsync(personId, idNumber, "idNumber", errors, ct);
        errors.ThrowIfAny();
        if (person!.LifeStatus != LifeStatus.Alive) throw AppProblem.Field("idNumber", $"{person.Name} 已登记死亡或失踪");
        var on = e.VoteDate ?? clock.Today;
        if (figures.Find(ElectionFigures.VoterAge, e.DivisionCode, on)?.Row.Number is { } age && person.AgeOn(on) < age)
            throw AppProblem.Field("idNumber", $"{person.Name} 到选举日未满{age}周岁");
        if (basis == VoterBasis.Resident && person.DivisionCode != e.DivisionCode)
            throw AppProblem.Field("basis", $"{person.Name} 的户籍不在本村（居），请选择“户籍不在本村、居住一年以上”并经村民会议或村民代表会议同意");
        var mine = await db.Set<Voter>().FirstOrDefaultAsync(v => v.ElectionId == e.Id && v.PersonId == person.Id, ct);
        if (mine is { RemovedOn: null }) throw AppProblem.Field("idNumber", $"{person.Name} 已在本选民名单上");
        var other = await db.Set<Voter>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(v => v.PersonId == person.Id && v.Year == e.Year && v.ElectionId != e.Id && v.RemovedOn == null)
            .Select(v => v.DivisionCode).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw AppProblem.Conflict("com_voter_elsewhere", $"{person.Name} 已在{divisions.FullName(other)}登记为本届选民，只能在一处登记（《村民委员会组织法》第十三条）；须先在该处除名");
        var today = clock.Today;
        Voter v;
        if (mine is not null)
        {
            v = mine;
            v.RemovedOn = null;
            v.RemovedReason = "";
            v.Basis = basis!.Value;
            v.ObjectionId = objectionId;
        }
        else
        {
            v = new Voter { ElectionId = e.Id, DivisionCode = e.DivisionCode, PersonId = person.Id, Name = person.Name, Basis = basis!.Value, Group = group?.Trim() ?? "", Year = e.Year, AddedOn = today, ObjectionId = objectionId };
            db.Add(v);
        }
        audit.Add("election-voter-add", "com_election", e.Id.ToString(), new { v.Name, v.Basis, objectionId }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return v;
    }

    public async Task RemoveVoterAsync(Guid voterId, VoterRemoveInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var v = await db.Set<Voter>().FirstOrDefaultAsync(x => x.Id == voterId, ct) ?? throw AppProblem.NotFound("选民");
        var e = await LoadAsync(v.ElectionId, ct);
        RequireRollOpen(e);
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写除名原因");
        if (v.RemovedOn is not null) return;
        v.RemovedOn = clock.Today;
        v.RemovedReason = input.Reason.Trim();
        audit.Add("election-voter-remove", "com_election", e.Id.ToString(), new { v.Name, v.RemovedReason }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Paged<VoterView>> VotersAsync(Guid id, string? q, PageRequest page, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        var query = db.Set<Voter>().AsNoTracking().Where(v => v.ElectionId == e.Id);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(v => v.Name.Contains(q.Trim()) || v.Group.Contains(q.Trim()));
        return (await query.OrderBy(v => v.RemovedOn != null).ThenBy(v => v.Group).ThenBy(v => v.Name).ThenBy(v => v.Id).ToPagedAsync(page, ct))
            .Select(v => new VoterView(v.Id, v.Name, v.Group, v.Basis, BasisName(v.Basis), v.AddedOn, v.RemovedOn, v.RemovedReason));
    }

    public async Task<RollObjection> FileObjectionAsync(Guid id, ObjectionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var e = await LoadAsync(id, ct);
        if (e.RollPublishedOn is not { } published || e.State != ElectionProcess.RollPublished)
            throw AppProblem.Conflict("com_objection_late", "选民名单尚未公布或已过异议阶段，不能提出异议");
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择异议类别（漏登、错登）");
        if (string.IsNullOrWhiteSpace(input.FiledBy)) errors.Add("filedBy", "请填写异议人");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写异议理由");
        var filed = input.FiledOn ?? clock.Today;
        if (filed > clock.Today) errors.Add("filedOn", "提出日期不能晚于今天");
        Person? person = null;
        if (!string.IsNullOrWhiteSpace(input.IdNumber)) person = await PersonAsync(null, input.IdNumber, "idNumber", errors, ct);
        else if (string.IsNullOrWhiteSpace(input.PersonName)) errors.Add("personName", "请填写异议涉及的人员");
        errors.ThrowIfAny();
        var days = Figure(ElectionFigures.ObjectionDays, e);
        if (!RollRules.ObjectionInTime(filed, published, days))
            throw AppProblem.Conflict("com_objection_late", $"选民名单于{published:yyyy年M月d日}公布，异议应在{RollRules.ObjectionDeadline(published, days):yyyy年M月d日}前提出（第十四条）");
        var o = new RollObjection
        {
            ElectionId = e.Id,
            DivisionCode = e.DivisionCode,
            FiledOn = filed,
            FiledBy = input.FiledBy!.Trim(),
            Kind = input.Kind!.Value,
            PersonId = person?.Id,
            PersonName = person?.Name ?? input.PersonName!.Trim(),
            Reason = input.Reason!.Trim(),
            DecisionDue = RollRules.DecisionDue(filed, Figure(ElectionFigures.ObjectionDecisionDays, e)),
        };
        db.Add(o);
        audit.Add("election-objection", "com_roll_objection", o.Id.ToString(), new { o.Kind, o.PersonName, o.FiledOn, o.DecisionDue }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Decides an objection; an upheld one is the only way the published roll changes (the person added or removed).</summary>
    public async Task<RollObjection> DecideObjectionAsync(Guid objectionId, ObjectionDecisionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var o = await db.Set<RollObjection>().FirstOrDefaultAsync(x => x.Id == objectionId, ct) ?? throw AppProblem.NotFound("异议");
        var e = await LoadAsync(o.ElectionId, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(o, version);
        if (o.DecidedOn is not null) throw AppProblem.Conflict("com_objection_decided", "该异议已处理");
        var errors = new ValidationErrors();
        if (input.Upheld is null) errors.Add("upheld", "请选择异议是否成立");
        if (string.IsNullOrWhiteSpace(input.Decision)) errors.Add("decision", "请填写处理意见");
        var on = input.DecidedOn ?? clock.Today;
        if (on > clock.Today || on < o.FiledOn) errors.Add("decidedOn", "处理日期须在提出日期和今天之间");
        errors.ThrowIfAny();
        o.DecidedOn = on;
        o.Upheld = input.Upheld;
        o.Decision = input.Decision!.Trim();
        if (o.Upheld == true)
        {
            if (o.Kind == ObjectionKind.Omitted)
            {
                if (o.PersonId is null) throw AppProblem.Field("upheld", "漏登异议成立须能确定人员：请按身份证号提出异议");
                await AddVoterCoreAsync(e, o.PersonId, null, input.Basis ?? VoterBasis.Resident, null, o.Id, ct);
            }
            else
            {
                var v = await db.Set<Voter>().FirstOrDefaultAsync(x => x.ElectionId == e.Id && x.RemovedOn == null && (o.PersonId != null ? x.PersonId == o.PersonId : x.Name == o.PersonName), ct)
                    ?? throw AppProblem.Field("upheld", $"选民名单上没有 {o.PersonName}");
                v.RemovedOn = on;
                v.RemovedReason = "异议成立：" + o.Decision;
                v.ObjectionId = o.Id;
            }
        }
        audit.Add("election-objection-decide", "com_roll_objection", o.Id.ToString(), new { o.PersonName, o.Upheld, o.Decision, o.DecidedOn, late = on > o.DecisionDue }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return o;
    }

    // ---- nomination and vetting ----

    public async Task<Candidate> NominateAsync(Guid id, CandidateInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var e = await LoadAsync(id, ct);
        RequireState(e, "提名候选人", ElectionProcess.Nomination);
        var errors = new ValidationErrors();
        if (input.Post is not { } post || !Posts.Contains(post)) errors.Add("post", "请选择职务（主任、副主任、委员）");
        else if (e.SeatsFor(post) == 0) errors.Add("post", "本届不设该职务");
        var on = input.NominatedOn ?? clock.Today;
        if (on > clock.Today) errors.Add("nominatedOn", "提名日期不能晚于今天");
        var person = await PersonAsync(input.PersonId, input.IdNumber, "idNumber", errors, ct);
        errors.ThrowIfAny();
        // 有选举权的本村村民才能被提名: the candidate must be on this roll
        if (!await db.Set<Voter>().AnyAsync(v => v.ElectionId == e.Id && v.PersonId == person!.Id && v.RemovedOn == null, ct))
            throw AppProblem.Field("idNumber", $"{person!.Name} 不在本村（居）选民名单上，不能被提名");
        if (await db.Set<Candidate>().AnyAsync(c => c.ElectionId == e.Id && c.PersonId == person!.Id, ct))
            throw AppProblem.Field("idNumber", $"{person!.Name} 已被提名（一人只能被提名为一个职务的候选人）");
        var c = new Candidate
        {
            ElectionId = e.Id,
            DivisionCode = e.DivisionCode,
            PersonId = person!.Id,
            Name = person.Name,
            Sex = person.Sex,
            Ethnicity = person.Ethnicity,
            Post = input.Post!.Value,
            NominatedOn = on,
            Nominators = input.Nominators ?? 0,
        };
        db.Add(c);
        // 第十二条: a member of the election committee who is nominated leaves it
        var seats = await db.Set<ElectionCommitteeMember>().Where(m => m.ElectionId == e.Id && m.LeftOn == null && (m.PersonId == person.Id || (m.PersonId == null && m.Name == person.Name))).ToListAsync(ct);
        foreach (var s in seats)
        {
            s.LeftOn = on;
            s.LeftReason = "被提名为候选人，退出选举委员会（《村民委员会组织法》第十二条）；按原推选结果依次递补";
        }
        audit.Add("election-nominate", "com_candidate", c.Id.ToString(), new { c.Name, c.Post, c.NominatedOn, leftCommittee = seats.Count }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Candidate> CheckCandidateAsync(Guid candidateId, VettingCheckInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await db.Set<Candidate>().FirstOrDefaultAsync(x => x.Id == candidateId, ct) ?? throw AppProblem.NotFound("候选人");
        var e = await LoadAsync(c.ElectionId, ct);
        RequireState(e, "资格联审", ElectionProcess.Vetting);
        var today = clock.Today;
        var catalog = await CatalogAsync(today, ct);
        var errors = new ValidationErrors();
        var department = input.Department?.Trim() ?? "";
        if (!catalog.Any(x => x.Kind == VettingCatalogKind.Department && x.Text == department)) errors.Add("department", "请选择联审部门");
        if (input.Result is not { } result || result == VettingVerdict.Pending || !Enum.IsDefined(result)) errors.Add("result", "请选择审查意见");
        var category = input.CategoryCode?.Trim() ?? "";
        if (input.Result is VettingVerdict.MustExclude or VettingVerdict.ShouldExclude)
        {
            var kind = input.Result == VettingVerdict.MustExclude ? VettingCatalogKind.MustNot : VettingCatalogKind.ShouldNot;
            if (!catalog.Any(x => x.Kind == kind && x.Code == category)) errors.Add("categoryCode", input.Result == VettingVerdict.MustExclude ? "请选择“不能确定为候选人”的情形" : "请选择“不宜确定为候选人”的情形");
            if (string.IsNullOrWhiteSpace(input.Evidence)) errors.Add("evidence", "请填写依据（文书、记录）");
        }
        else category = "";
        var checkedOn = input.CheckedOn ?? today;
        if (checkedOn > today) errors.Add("checkedOn", "审查日期不能晚于今天");
        errors.ThrowIfAny();
        var check = await db.Set<VettingCheck>().FirstOrDefaultAsync(x => x.CandidateId == c.Id && x.Department == department, ct);
        if (check is null)
        {
            check = new VettingCheck { CandidateId = c.Id, ElectionId = e.Id, DivisionCode = e.DivisionCode, Department = department, CheckedBy = user.DisplayName ?? user.UserName };
            db.Add(check);
        }
        check.Result = input.Result!.Value;
        check.CategoryCode = category;
        check.Evidence = input.Evidence?.Trim() ?? "";
        check.CheckedOn = checkedOn;
        check.CheckedBy = user.DisplayName ?? user.UserName;
        var checks = await db.Set<VettingCheck>().Where(x => x.CandidateId == c.Id && x.Id != check.Id).ToListAsync(ct);
        checks.Add(check);
        var (verdict, note) = Verdict(checks, catalog);
        if (verdict != c.Verdict) c.OverrideReason = "";
        c.Verdict = verdict;
        c.VerdictNote = note;
        audit.Add("election-vetting", "com_vetting_check", check.Id.ToString(), new { c.Name, check.Department, check.Result, check.CategoryCode, verdict }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>A 不宜 verdict the county lets stand, with its reason: never possible for 不能 (MUST_EXCLUDE blocks).</summary>
    public async Task<Candidate> OverrideAsync(Guid candidateId, VettingOverrideInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await db.Set<Candidate>().FirstOrDefaultAsync(x => x.Id == candidateId, ct) ?? throw AppProblem.NotFound("候选人");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(c, version);
        var e = await LoadAsync(c.ElectionId, ct);
        RequireState(e, "资格联审", ElectionProcess.Vetting);
        if (c.Verdict == VettingVerdict.MustExclude)
            throw AppProblem.Conflict("com_candidate_excluded", $"{c.Name} 经联审属于“不能确定为候选人”的情形（{c.VerdictNote}），不能改变");
        if (c.Verdict != VettingVerdict.ShouldExclude) throw AppProblem.Conflict("com_candidate_excluded", $"{c.Name} 没有“不宜”的审查意见，无须说明");
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写县级联审确定其仍可作为候选人的理由");
        c.OverrideReason = input.Reason.Trim();
        audit.Add("election-vetting-override", "com_candidate", c.Id.ToString(), new { c.Name, c.VerdictNote, c.OverrideReason }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The verdict is the worst department result: any 不能 → MUST_EXCLUDE, else any 不宜 → SHOULD_EXCLUDE, else PASS once every department has checked.</summary>
    public static (VettingVerdict Verdict, string Note) Verdict(IReadOnlyList<VettingCheck> checks, IReadOnlyList<VettingCatalogEntry> catalog)
    {
        string Text(VettingCheck c) => $"{c.Department}：{catalog.FirstOrDefault(x => x.Code == c.CategoryCode)?.Text ?? c.CategoryCode}";
        var must = checks.Where(c => c.Result == VettingVerdict.MustExclude).ToList();
        if (must.Count > 0) return (VettingVerdict.MustExclude, string.Join("；", must.Select(Text)));
        var should = checks.Where(c => c.Result == VettingVerdict.ShouldExclude).ToList();
        if (should.Count > 0) return (VettingVerdict.ShouldExclude, string.Join("；", should.Select(Text)));
        var missing = MissingDepartments(checks, catalog);
        return missing.Count == 0 ? (VettingVerdict.Pass, "各联审部门均无异议") : (VettingVerdict.Pending, "待审查：" + string.Join("、", missing));
    }

    public static IReadOnlyList<string> MissingDepartments(IEnumerable<VettingCheck> checks, IReadOnlyList<VettingCatalogEntry> catalog)
    {
        var done = checks.Select(c => c.Department).ToHashSet();
        return [.. catalog.Where(x => x.Kind == VettingCatalogKind.Department && !done.Contains(x.Text)).Select(x => x.Text)];
    }

    public async Task<IReadOnlyList<VettingCatalogEntry>> CatalogAsync(DateOnly on, CancellationToken ct = default) =>
        (await db.Set<VettingCatalogEntry>().AsNoTracking().OrderBy(x => x.Kind).ThenBy(x => x.Code).ToListAsync(ct)).Where(x => x.InForce(on)).ToList();

    public static bool Stands(Candidate c) => c.Verdict == VettingVerdict.Pass || (c.Verdict == VettingVerdict.ShouldExclude && c.OverrideReason.Length > 0);

    // ---- ballot boxes and the count ----

    public async Task<BallotBox> SaveBoxAsync(Guid id, Guid? boxId, BallotBoxInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var e = await LoadAsync(id, ct);
        RequireState(e, "录入投票结果", ElectionProcess.Voting, ElectionProcess.Additional);
        var round = e.State == ElectionProcess.Additional ? 2 : 1;
        var candidates = await RoundCandidatesAsync(e, round, ct);
        var errors = new ValidationErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "请填写票箱（会场）名称");
        if (input.BallotsIssued is not { } issued) errors.Add("ballotsIssued", "请填写发出选票数");
        if (input.BallotsCast is not { } cast) errors.Add("ballotsCast", "请填写收回选票数");
        else if (input.BallotsIssued is { } i && cast > i) errors.Add("ballotsCast", "收回选票数不能多于发出选票数");
        if (input.InvalidBallots is not { } invalid) errors.Add("invalidBallots", "请填写无效票数");
        else if (input.BallotsCast is { } c0 && invalid > c0) errors.Add("invalidBallots", "无效票数不能多于收回选票数");
        var votes = new Dictionary<Guid, int>();
        foreach (var (v, index) in (input.Votes ?? []).Select((v, i) => (v, i)))
        {
            if (v.CandidateId is not { } cid || candidates.All(c => c.Id != cid)) { errors.Add($"votes[{index}].candidateId", "不是本轮的候选人"); continue; }
            if (v.Votes is not { } n) { errors.Add($"votes[{index}].votes", "请填写得票数"); continue; }
            if (input.BallotsCast is { } cst && n > cst) errors.Add($"votes[{index}].votes", $"{candidates.First(c => c.Id == cid).Name} 的得票数不能多于收回选票数");
            votes[cid] = n;
        }
        // a valid ballot marks at most as many names for a post as it has seats
        if (input.BallotsCast is { } bc && input.InvalidBallots is { } ib)
        {
            foreach (var post in Posts)
            {
                var seats = SeatsInRound(e, post, round, candidates);
                var sum = candidates.Where(c => c.Post == post).Sum(c => (long)votes.GetValueOrDefault(c.Id));
                if (seats > 0 && sum > (long)(bc - ib) * seats)
                    errors.Add("votes", $"{CommitteeRegistry.PostName(post, CommitteeKind.Village)}得票合计 {sum} 票，多于有效票数×应选名额（{(long)(bc - ib) * seats}）");
            }
        }
        errors.ThrowIfAny();
        BallotBox box;
        if (boxId is { } bid)
        {
            box = await db.Set<BallotBox>().Include(b => b.Votes).FirstOrDefaultAsync(b => b.Id == bid && b.ElectionId == e.Id, ct) ?? throw AppProblem.NotFound("票箱");
            if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
            db.ExpectVersion(box, version);
            if (box.Round != round) throw AppProblem.Conflict("com_tally_invalid", "上一轮的票箱已确认，不能修改");
        }
        else
        {
            if (await db.Set<BallotBox>().AnyAsync(b => b.ElectionId == e.Id && b.Round == round && b.Name == name, ct)) throw AppProblem.Field("name", $"本轮已有“{name}”的结果");
            box = new BallotBox { ElectionId = e.Id, DivisionCode = e.DivisionCode, Round = round, Name = name, EnteredBy = user.DisplayName ?? user.UserName };
            db.Add(box);
        }
        box.Name = name;
        box.BallotsIssued = input.BallotsIssued!.Value;
        box.BallotsCast = input.BallotsCast!.Value;
        box.InvalidBallots = input.InvalidBallots!.Value;
        box.EnteredBy = user.DisplayName ?? user.UserName;
        foreach (var c in candidates)
        {
            var n = votes.GetValueOrDefault(c.Id);
            var row = box.Votes.FirstOrDefault(v => v.CandidateId == c.Id);
            if (row is null) box.Votes.Add(new BallotVote { BallotBoxId = box.Id, CandidateId = c.Id, Votes = n });
            else row.Votes = n;
        }
        if (boxId is not null) box.UpdatedAt = clock.UtcNow; // the vote rows changed: the box's version moves with them
        audit.Add("election-ballot-box", "com_ballot_box", box.Id.ToString(), new { box.Round, box.Name, box.BallotsIssued, box.BallotsCast, box.InvalidBallots, votes }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return box;
    }

    /// <summary>The candidates of a round: official ones in the first; in the additional round those of the posts with seats left, not yet elected.</summary>
    private async Task<List<Candidate>> RoundCandidatesAsync(Election e, int round, CancellationToken ct)
    {
        var all = await db.Set<Candidate>().AsNoTracking().Where(c => c.ElectionId == e.Id && c.Official).ToListAsync(ct);
        if (round == 1) return all;
        return [.. all.Where(c => !c.Elected && SeatsInRound(e, c.Post, 2, all) > 0)];
    }

    private static int SeatsInRound(Election e, CommitteePost post, int round, IReadOnlyList<Candidate> candidates) =>
        round == 1 ? e.SeatsFor(post) : Math.Max(0, e.SeatsFor(post) - candidates.Count(c => c.Post == post && c.Elected));

    /// <summary>The count of each round so far, per post: registered voters from the roll, ballots cast from the boxes.</summary>
    public async Task<IReadOnlyList<RoundTally>> TallyAsync(Election e, CancellationToken ct = default)
    {
        var boxes = await db.Set<BallotBox>().AsNoTracking().Include(b => b.Votes).Where(b => b.ElectionId == e.Id).ToListAsync(ct);
        var candidates = await db.Set<Candidate>().AsNoTracking().Where(c => c.ElectionId == e.Id && c.Official).ToListAsync(ct);
        var registered = await db.Set<Voter>().CountAsync(v => v.ElectionId == e.Id && v.RemovedOn == null, ct);
        var tallies = new List<RoundTally>();
        foreach (var round in boxes.Select(b => b.Round).Distinct().Order())
        {
            var mine = boxes.Where(b => b.Round == round).ToList();
            var cast = mine.Sum(b => b.BallotsCast);
            var votes = mine.SelectMany(b => b.Votes).GroupBy(v => v.CandidateId).ToDictionary(g => g.Key, g => g.Sum(v => v.Votes));
            var posts = new List<PostTally>();
            foreach (var post in Posts)
            {
                // the round's seats: in the additional round those the first left (candidates elected in round 1 keep their seats)
                var seats = round == 1 ? e.SeatsFor(post) : Math.Max(0, e.SeatsFor(post) - candidates.Count(c => c.Post == post && c.Elected && c.ElectedRound == 1));
                var inRound = candidates.Where(c => c.Post == post && votes.ContainsKey(c.Id) && (round == 1 || c.ElectedRound != 1)).ToList();
                if (seats == 0 || inRound.Count == 0) continue;
                var list = inRound.Select(c => new TallyCandidate(c.Name, votes[c.Id])).ToList();
                posts.Add(new PostTally(post, CommitteeRegistry.PostName(post, CommitteeKind.Village), seats, list,
                    ElectionTally.Count(registered, cast, seats, round == 1 ? TallyRound.First : TallyRound.Additional, list)));
            }
            tallies.Add(new RoundTally(round, registered, cast, mine.Sum(b => b.InvalidBallots), posts));
        }
        return tallies;
    }

    // ---- the steps ----

    public async Task<Election> StepAsync(Guid id, string action, ElectionStepInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (!ElectionProcess.Actions.Contains(action)) throw AppProblem.NotFound("办理动作");
        var e = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var wc = await CaseAsync(e, ct);
        var today = clock.Today;
        var opinion = string.IsNullOrWhiteSpace(input.Opinion) ? null : input.Opinion.Trim();
        async Task EffectAsync()
        {
            switch (action)
            {
                case ElectionProcess.Register:
                    {
                        var seats = await db.Set<ElectionCommitteeMember>().CountAsync(m => m.ElectionId == e.Id && m.LeftOn == null, ct);
                        if (seats < 3 || seats % 2 == 0)
                            throw AppProblem.Conflict("com_election_committee", $"选举委员会现有 {seats} 人：应由三人以上的单数组成（《村民委员会组织法》第十二条）");
                        if (input.VoteDate is { } vd) e.VoteDate = vd;
                        break;
                    }
                case ElectionProcess.PublishRoll:
                    {
                        if (input.VoteDate is { } vd) e.VoteDate = vd;
                        var published = input.PublishedOn ?? today;
                        if (published > today) throw AppProblem.Field("publishedOn", "公布日期不能晚于今天");
                        if (e.VoteDate is not { } vote) throw AppProblem.Field("voteDate", "请先确定选举日");
                        var days = Figure(ElectionFigures.RollDaysBefore, e);
                        if (!RollRules.PublishedInTime(published, vote, days))
                            throw AppProblem.Conflict("com_roll_too_late", $"选举日为{vote:yyyy年M月d日}，选民名单最迟应于{RollRules.LatestPublication(vote, days):yyyy年M月d日}公布（选举日的{days}日以前，第十四条）；请推迟选举日");
                        if (!await db.Set<Voter>().AnyAsync(v => v.ElectionId == e.Id && v.RemovedOn == null, ct)) throw AppProblem.Conflict("com_roll_frozen", "选民名单为空，不能公布");
                        e.RollPublishedOn = published;
                        break;
                    }
                case ElectionProcess.OpenNomination:
                    {
                        var days = Figure(ElectionFigures.ObjectionDays, e);
                        if (!RollRules.WindowClosed(today, e.RollPublishedOn!.Value, days))
                            throw AppProblem.Conflict("com_objection_open", $"异议期至{RollRules.ObjectionDeadline(e.RollPublishedOn.Value, days):yyyy年M月d日}，期满后才能开始提名");
                        var open = await db.Set<RollObjection>().CountAsync(o => o.ElectionId == e.Id && o.DecidedOn == null, ct);
                        if (open > 0) throw AppProblem.Conflict("com_objection_open", $"尚有 {open} 件选民名单异议未处理");
                        break;
                    }
                case ElectionProcess.SubmitVetting:
                    {
                        var candidates = await db.Set<Candidate>().Where(c => c.ElectionId == e.Id).ToListAsync(ct);
                        var short_ = Posts.Where(p => e.SeatsFor(p) > 0 && candidates.Count(c => c.Post == p) <= e.SeatsFor(p)).ToList();
                        if (short_.Count > 0)
                            throw AppProblem.Conflict("com_candidates_too_few", "候选人人数应当多于应选人数（第十五条）：" + string.Join("；", short_.Select(p => $"{CommitteeRegistry.PostName(p, CommitteeKind.Village)}应选 {e.SeatsFor(p)} 名，提名 {candidates.Count(c => c.Post == p)} 名")));
                        break;
                    }
                case ElectionProcess.PublishCandidates:
                    {
                        var published = input.PublishedOn ?? today;
                        if (published > today) throw AppProblem.Field("publishedOn", "公布日期不能晚于今天");
                        var days = Figure(ElectionFigures.CandidatesDaysBefore, e);
                        if (e.VoteDate is not { } vote || published > vote.AddDays(-days))
                            throw AppProblem.Conflict("com_candidates_too_late", $"正式候选人名单应于选举日（{e.VoteDate:yyyy年M月d日}）的{days}日以前公布");
                        var candidates = await db.Set<Candidate>().Where(c => c.ElectionId == e.Id).ToListAsync(ct);
                        var pending = candidates.Where(c => c.Verdict == VettingVerdict.Pending).Select(c => c.Name).ToList();
                        if (pending.Count > 0) throw AppProblem.Conflict("com_vetting_incomplete", "尚未经全部联审部门审查：" + string.Join("、", pending));
                        foreach (var c in candidates) c.Official = Stands(c);
                        var short_ = Posts.Where(p => e.SeatsFor(p) > 0 && candidates.Count(c => c.Post == p && c.Official) <= e.SeatsFor(p)).ToList();
                        if (short_.Count > 0)
                            throw AppProblem.Conflict("com_candidates_too_few", "资格审查后候选人人数应当多于应选人数（第十五条），请补充提名：" + string.Join("；", short_.Select(p => $"{CommitteeRegistry.PostName(p, CommitteeKind.Village)}应选 {e.SeatsFor(p)} 名，经审查可确定 {candidates.Count(c => c.Post == p && c.Official)} 名")));
                        e.CandidatesPublishedOn = published;
                        break;
                    }
                case ElectionProcess.CallAdditional:
                    {
                        var first = (await TallyAsync(e, ct)).FirstOrDefault(t => t.Round == 1) ?? throw AppProblem.Conflict("com_tally_invalid", "尚未录入投票结果");
                        if (!first.Valid) throw AppProblem.Conflict("com_tally_invalid", "投票无效：参加投票的选民未过登记选民半数，应当重新组织投票");
                        if (first.SeatsLeft == 0) throw AppProblem.Conflict("com_no_seats_left", "应选职位已选足，无须另行选举");
                        if (input.AdditionalVoteDate is not { } add || add < e.VoteDate) throw AppProblem.Field("additionalVoteDate", "请填写另行选举日期（不早于选举日）");
                        await MarkElectedAsync(e, first, ct);
                        e.AdditionalVoteDate = add;
                        break;
                    }
                case ElectionProcess.CloseVote:
                    {
                        var round = e.State == ElectionProcess.Additional ? 2 : 1;
                        var tally = (await TallyAsync(e, ct)).FirstOrDefault(t => t.Round == round) ?? throw AppProblem.Conflict("com_tally_invalid", "尚未录入本轮投票结果");
                        if (!tally.Valid) throw AppProblem.Conflict("com_tally_invalid", "投票无效：参加投票的选民未过登记选民半数，应当重新组织投票");
                        if (round == 1 && tally.SeatsLeft > 0)
                            throw AppProblem.Conflict("com_seats_left", $"尚缺 {tally.SeatsLeft} 名，应当就不足的名额另行选举（第十五条）");
                        await MarkElectedAsync(e, tally, ct);
                        e.ElectedOn = round == 2 ? e.AdditionalVoteDate : e.VoteDate;
                        e.HandoverDue = e.ElectedOn!.Value.AddDays(Figure(ElectionFigures.HandoverDays, e));
                        break;
                    }
                case ElectionProcess.CompleteHandover:
                    {
                        if (input.HandedOverOn is not { } on || on > today || on < e.ElectedOn) throw AppProblem.Field("handedOverOn", "移交日期须在新一届委员会产生之日和今天之间");
                        e.HandedOverOn = on;
                        e.HandoverNote = input.Note?.Trim() ?? "";
                        await InstallAsync(e, ct);
                        break;
                    }
                default:
                    {
                        e.ArchivedOn = today;
                        break;
                    }
            }
        }
        await workflow.PerformAsync(wc, new TransitionRequest(action, opinion) { Subject = e, Version = version }, _ => EffectAsync(), ct);
        e.State = wc.State;
        audit.Add("election-" + action, "com_election", e.Id.ToString(), new { e.Number, e.State, opinion, e.VoteDate, e.RollPublishedOn, e.CandidatesPublishedOn, e.HandedOverOn }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return e;
    }

    private async Task MarkElectedAsync(Election e, RoundTally tally, CancellationToken ct)
    {
        var candidates = await db.Set<Candidate>().Where(c => c.ElectionId == e.Id && c.Official).ToListAsync(ct);
        foreach (var p in tally.Posts)
        {
            foreach (var name in p.Result.Elected)
            {
                var c = candidates.First(x => x.Post == p.Post && x.Name == name && (tally.Round == 1 || x.ElectedRound != 1));
                c.Elected = true;
                c.ElectedRound = tally.Round;
            }
        }
    }

    /// <summary>The new committee takes office: the outgoing members' terms end, the elected become members for the term in force on the vote.</summary>
    private async Task InstallAsync(Election e, CancellationToken ct)
    {
        var c = await db.Set<Committee>().FirstAsync(x => x.Id == e.CommitteeId, ct);
        var from = e.ElectedOn!.Value;
        var years = figures.Find(CommitteeFigures.TermYears, c.DivisionCode, from)?.Row.Number;
        var until = years is { } y ? CommitteeRules.TermUntil(from, y) : (DateOnly?)null;
        var outgoing = await db.Set<CommitteeMember>().Where(m => m.CommitteeId == c.Id && m.EndedOn == null
            && (m.Post == CommitteePost.Director || m.Post == CommitteePost.DeputyDirector || m.Post == CommitteePost.Member)).ToListAsync(ct);
        foreach (var m in outgoing)
        {
            m.EndedOn = e.HandedOverOn!.Value.AddDays(-1) < m.TermFrom ? m.TermFrom : e.HandedOverOn.Value.AddDays(-1);
            m.EndReason = $"换届（{e.Number}），工作已移交";
        }
        foreach (var k in await db.Set<Candidate>().AsNoTracking().Where(x => x.ElectionId == e.Id && x.Elected).ToListAsync(ct))
        {
            db.Add(new CommitteeMember
            {
                CommitteeId = c.Id,
                DivisionCode = c.DivisionCode,
                PersonId = k.PersonId,
                Name = k.Name,
                Sex = k.Sex,
                Ethnicity = k.Ethnicity,
                Post = k.Post,
                TermFrom = from,
                TermUntil = until,
                ElectionId = e.Id,
            });
        }
        c.TermFrom = from;
        c.TermUntil = until;
    }

    // ---- the view ----

    public async Task<ElectionDto> DtoAsync(Guid id, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        var wc = await CaseAsync(e, ct);
        var actions = workflow.AvailableActions(wc, await workflow.ModelOfAsync(wc, ct)).Select(t => t.Action).Distinct().ToList();
        var committee = await db.Set<Committee>().AsNoTracking().FirstAsync(c => c.Id == e.CommitteeId, ct);
        var today = clock.Today;
        var catalog = await CatalogAsync(today, ct);
        var seats = await db.Set<ElectionCommitteeMember>().AsNoTracking().Where(m => m.ElectionId == e.Id).OrderBy(m => m.LeftOn != null).ThenBy(m => m.ChosenOn).ToListAsync(ct);
        var voters = await db.Set<Voter>().CountAsync(v => v.ElectionId == e.Id && v.RemovedOn == null, ct);
        var objections = await db.Set<RollObjection>().AsNoTracking().Where(o => o.ElectionId == e.Id).OrderBy(o => o.FiledOn).ToListAsync(ct);
        var candidates = (await db.Set<Candidate>().AsNoTracking().Where(c => c.ElectionId == e.Id).ToListAsync(ct))
            .OrderBy(c => c.Post).ThenBy(c => c.NominatedOn).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var checks = (await db.Set<VettingCheck>().AsNoTracking().Where(c => c.ElectionId == e.Id).ToListAsync(ct)).ToLookup(c => c.CandidateId);
        var boxes = await db.Set<BallotBox>().AsNoTracking().Include(b => b.Votes).Where(b => b.ElectionId == e.Id).OrderBy(b => b.Round).ThenBy(b => b.CreatedAt).ToListAsync(ct);
        int? F(FigureKind k) => figures.Find(k, e.DivisionCode, e.VoteDate ?? today)?.Row.Number;
        var warnings = new List<string>();
        var active = seats.Count(s => s.LeftOn == null);
        if (e.State is ElectionProcess.Preparing or ElectionProcess.Registration or ElectionProcess.RollPublished or ElectionProcess.Nomination && (active < 3 || active % 2 == 0))
            warnings.Add($"选举委员会现有 {active} 人，应为三人以上的单数（第十二条）：请按原推选结果递补");
        if (!await db.Set<CommitteeAudit>().AnyAsync(a => a.CommitteeId == committee.Id && a.PublishedOn != null && (committee.TermFrom == null || a.AuditedOn >= committee.TermFrom), ct))
            warnings.Add("本届任期经济责任审计结果尚未公布：应在选举前公布（《村民委员会组织法》第三十五条）");
        if (e.VoteDate is { } vd && e.RollPublishedOn is null && F(ElectionFigures.RollDaysBefore) is { } rd && today > RollRules.LatestPublication(vd, rd))
            warnings.Add($"已过选民名单最迟公布日（{RollRules.LatestPublication(vd, rd):yyyy年M月d日}）：须推迟选举日");
        if (IsHandoverOverdue(e, today)) warnings.Add($"新一届委员会产生已超过移交期限（{e.HandoverDue:yyyy年M月d日}），请乡镇督促移交（第二十条）");
        var objectionDays = F(ElectionFigures.ObjectionDays);
        var candDays = F(ElectionFigures.CandidatesDaysBefore);
        var rollDays = F(ElectionFigures.RollDaysBefore);
        return new(e.Id, e.Number, e.Name, committee.Id, committee.Name, committee.Kind, e.DivisionCode, divisions.FullName(e.DivisionCode), e.Year, e.SeatsDirector, e.SeatsDeputy,
            e.SeatsMember, e.VoteDate, e.VoteDate is { } v1 && rollDays is { } r1 ? RollRules.LatestPublication(v1, r1) : null, e.RollPublishedOn,
            e.RollPublishedOn is { } p && objectionDays is { } od ? RollRules.ObjectionDeadline(p, od) : null,
            e.VoteDate is { } v2 && candDays is { } c2 ? v2.AddDays(-c2) : null, e.CandidatesPublishedOn, e.AdditionalVoteDate, e.ElectedOn, e.HandoverDue, e.HandedOverOn,
            IsHandoverOverdue(e, today), e.HandoverNote, e.ArchivedOn, e.State, ElectionProcess.StateName(e.State),
            [.. seats.Select(s => new SeatMemberView(s.Id, s.Name, s.Role, s.ChosenBy, s.ChosenOn, s.LeftOn, s.LeftReason))], voters,
            [.. objections.Select(o => new ObjectionView(o.Id, o.FiledOn, o.FiledBy, o.Kind, o.Kind == ObjectionKind.Omitted ? "漏登" : "错登", o.PersonName, o.Reason, o.DecisionDue,
                o.DecidedOn, o.Upheld, o.Decision, (o.DecidedOn ?? today) > o.DecisionDue, o.Version))],
            [.. candidates.Select(c => new CandidateView(c.Id, c.PersonId, c.Name, CommitteeRegistry.SexName(c.Sex), c.Post, CommitteeRegistry.PostName(c.Post, committee.Kind),
                c.NominatedOn, c.Nominators, c.Verdict, VerdictName(c.Verdict), c.VerdictNote, c.OverrideReason,
                [.. checks[c.Id].OrderBy(x => x.Department).Select(x => new CheckView(x.Department, x.Result, VerdictName(x.Result), x.CategoryCode,
                    catalog.FirstOrDefault(k => k.Code == x.CategoryCode)?.Text ?? "", x.Evidence, x.CheckedOn, x.CheckedBy))],
                MissingDepartments(checks[c.Id], catalog), c.Official, c.Elected, c.ElectedRound, c.Version))],
            [.. boxes.Select(b => new BoxView(b.Id, b.Round, b.Name, b.BallotsIssued, b.BallotsCast, b.InvalidBallots, b.Votes.ToDictionary(v => v.CandidateId, v => v.Votes), b.EnteredBy, b.Version))],
            await TallyAsync(e, ct), warnings, actions, e.Version, e.WorkflowCaseId);
    }

    // ---- helpers ----

    private int Figure(FigureKind kind, Election e) =>
        figures.Find(kind, e.DivisionCode, e.VoteDate ?? clock.Today)?.Row.Number ?? throw AppProblem.Conflict("com_figure_missing", $"没有生效的“{kind.Name}”，请在参数中录入");

    private static void RequireState(Election e, string what, params string[] states)
    {
        if (!states.Contains(e.State)) throw AppProblem.Conflict("workflow_action_not_allowed", $"选举处于“{ElectionProcess.StateName(e.State)}”环节，不能{what}");
    }

    private static void RequireRollOpen(Election e)
    {
        if (e.RollPublishedOn is not null) throw AppProblem.Conflict("com_roll_frozen", $"选民名单已于{e.RollPublishedOn:yyyy年M月d日}公布，名单冻结：只能通过异议处理增减（第十四条）");
        RequireState(e, "登记选民", ElectionProcess.Registration);
    }

    private async Task<Person?> PersonAsync(Guid? personId, string? idNumber, string field, ValidationErrors errors, CancellationToken ct)
    {
        if (personId is null && string.IsNullOrWhiteSpace(idNumber)) { errors.Add(field, "请填写身份证号"); return null; }
        return await OptionalPersonAsync(personId, idNumber, errors, ct, field);
    }

    private Task<Person?> OptionalPersonAsync(Guid? personId, string? idNumber, ValidationErrors errors, CancellationToken ct, string field = "idNumber") =>
        PersonLookup.FindAsync(db, protector, personId, idNumber, field, "人员", errors, ct);

    private async Task<WorkflowCase> CaseAsync(Election e, CancellationToken ct) =>
        await db.WorkflowCases.FirstOrDefaultAsync(c => c.Id == e.WorkflowCaseId, ct) ?? throw new InvalidOperationException($"选举 {e.Number} 没有流程案件");

    public static string BasisName(VoterBasis b) => b switch
    {
        VoterBasis.Resident => "户籍在本村并在本村居住",
        VoterBasis.Away => "户籍在本村、不在本村居住，本人表示参加选举",
        _ => "户籍不在本村、在本村居住一年以上，经同意参加选举",
    };

    public static string VerdictName(VettingVerdict v) => v switch
    {
        VettingVerdict.Pass => "通过",
        VettingVerdict.MustExclude => "不能确定为候选人",
        VettingVerdict.ShouldExclude => "不宜确定为候选人",
        _ => "待审查",
    };
}
