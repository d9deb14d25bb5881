using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>求助登记 (intake). Without <see cref="IdNumber"/> set <see cref="NoIdNumber"/>: the person gets a platform number.</summary>
public sealed record IntakeInput
{
    public Guid? StationId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
    public bool NoIdNumber { get; init; }

    /// <summary>Empty when unknown: the person is registered as 无名氏 with the features in the situation.</summary>
    [Text(50)] public string? Name { get; init; }
    public Sex? Sex { get; init; }

    /// <summary>Without an ID number: the birth date if known, else the estimated birth year (registered as 1 July of it).</summary>
    public DateOnly? BirthDate { get; init; }
    public int? BirthYear { get; init; }
    [Text(200)] public string? Features { get; init; }

    /// <summary>The village the new registry person is registered under; default: the first village of the station's county.</summary>
    [Text(12)] public string? DivisionCode { get; init; }

    /// <summary>A registry person the clerk confirmed among the re-intake candidates.</summary>
    public Guid? ConfirmedPersonId { get; init; }

    public StaySource? Source { get; init; }
    [Text(50)] public string? SourceReference { get; init; }
    [Text(200)] public string? DeclaredOrigin { get; init; }
    [Text(2000)] public string? Situation { get; init; }
    public bool IdentityKnown { get; init; }
    [Text(30)] public string? Room { get; init; }

    public bool NoFoodOrLodging { get; init; }
    public bool NoRelativesToTurnTo { get; init; }
    public bool NoBasicAllowance { get; init; }
    public bool VagrantInCity { get; init; }
    public bool UnableToGiveFacts { get; init; }
    [Text(1000)] public string? RefusalNote { get; init; }
}

public sealed record ServiceInput
{
    public int? Version { get; init; }
    public ServiceKind? Kind { get; init; }
    public DateOnly? On { get; init; }
    public decimal? Cash { get; init; }
    public bool ReceiptSigned { get; init; }
    [Text(500)] public string? Note { get; init; }
}

public sealed record ReturnInput
{
    public ReturnMode? Mode { get; init; }
    [Text(20)] public string? TicketMode { get; init; }
    [Text(100)] public string? From { get; init; }
    [Text(100)] public string? To { get; init; }
    public decimal? Fare { get; init; }
    [Text(200)] public string? Escorts { get; init; }
    [Text(50)] public string? CollectorName { get; init; }
    [Text(20)] public string? CollectorRelation { get; init; }
    [Text(18)] public string? CollectorIdNumber { get; init; }
}

public sealed record ExitInput
{
    public int? Version { get; init; }
    public StayExit? Exit { get; init; }
    public DateOnly? LeftOn { get; init; }
    [Text(1000)] public string? Note { get; init; }

    /// <summary>自行离站: the person signed the 自行离站声明书.</summary>
    public bool DeclarationSigned { get; init; }
    public ReturnInput? Return { get; init; }
}

public sealed record PlaceInput(int? Version, PlacementKind? Placement, string? Note);

/// <summary>One stay with what its page and the API show: the deadlines (none for a refusal), services, return and the person's other stays.</summary>
public sealed record StayDetail(StayRow Row, StayDates? Dates, IReadOnlyList<RescueService> Services, RescueReturn? Return, IReadOnlyList<RescueStay> History, DateOnly Today);

/// <summary>A registry person who may be the one asking for help again, with their past stays (the clerk confirms).</summary>
public sealed record IntakeCandidate(Guid PersonId, string Name, string? Number, DateOnly BirthDate, IReadOnlyList<RescueStay> Stays);

/// <summary>
/// The stay's use cases (issue 15 item 4): intake with re-intake recognition, services, placement and the exits. A plain class
/// over AppDbContext (the division scope applies: another county's stays are 404).
/// </summary>
public sealed class RescueStays(AppDbContext db, PersonRegistration registration, IdentifierProtector protector, DivisionDirectory divisions,
    FigureBook book, WorkingCalendar calendar, BusinessClock clock, CaseNumbers numbers, ICurrentUser user)
{
    public const string Unnamed = "无名氏";

    public RescueRules RulesFor(RescueStay stay) => RescueDeadlines.FiguresOn(book, stay.DivisionCode, stay.AdmittedOn);

    public StayDates DatesOf(RescueStay stay) => RescueDeadlines.Compute(RulesFor(stay), stay.AdmittedAt, stay.AdmittedOn, calendar.AddWorkingDays);

    public async Task<RescueStay> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<RescueStay>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound("救助记录");

    public async Task<StayDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Set<RescueStay>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound("救助记录");
        var row = (await new StayQueries(db, this, clock).RowsAsync([found], ct))[0];
        var stay = row.Stay;
        var services = await db.Set<RescueService>().AsNoTracking().Where(v => v.StayId == id).OrderBy(v => v.On).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var ret = await db.Set<RescueReturn>().AsNoTracking().FirstOrDefaultAsync(r => r.StayId == id, ct);
        var history = await db.Set<RescueStay>().AsNoTracking().Where(s => s.PersonId == stay.PersonId && s.Id != id).OrderByDescending(s => s.AdmittedAt).ToListAsync(ct);
        return new(row, stay.Status == StayStatus.Refused ? null : DatesOf(stay), services, ret, history, clock.Today);
    }

    /// <summary>Persons in scope who may be the one asking: same ID number (by hash), or same name and birth date, with their stays.</summary>
    public async Task<IReadOnlyList<IntakeCandidate>> CandidatesAsync(string? idNumber, string? name, DateOnly? birthDate, CancellationToken ct)
    {
        IQueryable<Person> q;
        if (Platform.Registry.IdNumber.TryParse(idNumber, out _) is { } parsed)
        {
            var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
            q = db.Persons.Where(p => p.IdNumberHash == hash);
        }
        else if (!string.IsNullOrWhiteSpace(name) && name.Trim() != Unnamed)
        {
            var n = name.Trim();
            q = db.Persons.Where(p => p.Name == n);
            if (birthDate is { } b) q = q.Where(p => p.BirthDate == b);
        }
        else
        {
            return [];
        }
        var people = await q.AsNoTracking().OrderBy(p => p.Id).Take(20).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var stays = await db.Set<RescueStay>().AsNoTracking().Where(s => ids.Contains(s.PersonId)).ToListAsync(ct);
        return [.. people.Select(p => new IntakeCandidate(p.Id, p.Name, p.DisplayNumber, p.BirthDate,
            [.. stays.Where(s => s.PersonId == p.Id).OrderByDescending(s => s.AdmittedAt)]))
            .OrderByDescending(c => c.Stays.Count)];
    }

    public async Task<RescueStay> IntakeAsync(IntakeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        // a station outside the user's scope is not there for them (404), like every other read and write of another county
        var station = input.StationId is { } sid
            ? await db.Set<RescueStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) ?? throw AppProblem.NotFound("救助管理站")
            : null;
        if (station is null) errors.Add("stationId", "请选择救助管理站");
        if (input.Source is null) errors.Add("source", "请选择求助来源");
        else if (input.Source == StaySource.Police && string.IsNullOrWhiteSpace(input.SourceReference)) errors.Add("sourceReference", "公安机关护送的须填写交接表编号");
        if (input.BirthYear is { } y && (y < 1900 || y > clock.Today.Year)) errors.Add("birthYear", "估计出生年份应在1900年至今年之间");
        errors.ThrowIfAny();

        var facts = new EligibilityFacts(input.NoFoodOrLodging, input.NoRelativesToTurnTo, input.NoBasicAllowance, input.VagrantInCity, input.UnableToGiveFacts);
        var refusal = StayRules.RefusalReasons(facts);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await PersonForAsync(input, station!, ct);
        var previous = await db.Set<RescueStay>().Where(s => s.PersonId == person.Id && s.Status != StayStatus.Refused)
            .OrderByDescending(s => s.AdmittedAt).FirstOrDefaultAsync(ct);
        if (refusal.Count == 0 && await db.Set<RescueStay>().AnyAsync(s => s.PersonId == person.Id && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed), ct))
        {
            throw AppProblem.Conflict("rescue_stay_open", $"{person.Name}（{person.DisplayNumber}）尚在站或照料安置中，不能重复登记入站");
        }
        var now = clock.UtcNow;
        var stay = new RescueStay
        {
            Number = await numbers.NextAsync(new NumberSeries("JZ" + station!.DivisionCode[..6], clock.Today.Year, 5),
                db.Set<RescueStay>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(s => s.Number), ct),
            StationId = station.Id,
            DivisionCode = station.DivisionCode,
            PersonId = person.Id,
            Status = refusal.Count == 0 ? StayStatus.InStation : StayStatus.Refused,
            Source = input.Source!.Value,
            SourceReference = Clean(input.SourceReference),
            AdmittedAt = now,
            AdmittedOn = clock.Today,
            IdentityKnown = input.IdentityKnown,
            DeclaredOrigin = input.DeclaredOrigin?.Trim() ?? "",
            Situation = string.Join("；", new[] { input.Situation?.Trim(), string.IsNullOrWhiteSpace(input.Features) ? null : "体貌特征：" + input.Features.Trim() }
                .Where(x => !string.IsNullOrEmpty(x))),
            RefusalReason = refusal.Count == 0 ? null : string.Join("；", refusal.Append(input.RefusalNote?.Trim()).Where(x => !string.IsNullOrEmpty(x))),
            PreviousStayId = previous?.Id,
            Room = input.Room?.Trim() ?? "",
            RecordedBy = user.UserName,
        };
        if (stay.Status == StayStatus.Refused)
        {
            stay.LeftOn = stay.AdmittedOn;
        }
        else
        {
            _ = RulesFor(stay); // the figures of the day must exist before a stay starts counting against them
        }
        db.Add(stay);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stay;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// The registry person of the intake: the confirmed candidate, else the one with the ID number (over the whole registry: a
    /// number is registered once, and a person registered in another county is still the same person — the stay is the station's
    /// county's), else the one in scope with the same name and birth date who has stayed before, else a new registry person
    /// (a platform number when there is no ID number) through the kernel's registration.
    /// </summary>
    private async Task<Person> PersonForAsync(IntakeInput input, RescueStation station, CancellationToken ct)
    {
        if (input.ConfirmedPersonId is { } confirmed)
        {
            return await db.Persons.FirstOrDefaultAsync(p => p.Id == confirmed, ct) ?? throw AppProblem.Field("confirmedPersonId", "所选人员不存在或不在您的管辖范围内");
        }
        var name = string.IsNullOrWhiteSpace(input.Name) ? Unnamed : input.Name.Trim();
        var village = input.DivisionCode ?? divisions.Descendants(station.DivisionCode, DivisionLevel.Village).OrderBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault()?.Code;
        if (!input.NoIdNumber)
        {
            if (Platform.Registry.IdNumber.TryParse(input.IdNumber, out var error) is not { } parsed) throw AppProblem.Field("idNumber", error ?? "身份证号无效");
            var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
            // an ID number is registered once over the whole registry (PersonRegistration.ExistsAsync): the rescued person may be
            // registered in another county, and the station still records their stay under its own county
            var known = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(p => p.IdNumberHash == hash, ct);
            if (known is not null) return known;
            return await registration.CreateAsync(new PersonInput { IdNumber = parsed.Value, Name = name, DivisionCode = village }, ct);
        }
        var birth = input.BirthDate ?? (input.BirthYear is { } y ? new DateOnly(y, 7, 1) : (DateOnly?)null);
        if (name != Unnamed && birth is { } b)
        {
            var stayed = db.Set<RescueStay>().Select(s => s.PersonId);
            var same = await db.Persons.Where(p => p.Name == name && p.BirthDate == b && stayed.Contains(p.Id)).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
            if (same is not null) return same;
        }
        try
        {
            return await registration.CreateAsync(new PersonInput { NoIdNumber = true, Name = name, Sex = input.Sex, BirthDate = birth, DivisionCode = village }, ct);
        }
        catch (AppProblem e) when (e.Status == 400 && birth is null && input.BirthYear is null)
        {
            // the registry asks for a birth date; at intake an estimated year is enough
            throw AppProblem.Field("birthYear", "无身份证号人员须填写出生日期或估计出生年份");
        }
    }

    public async Task<RescueService> AddServiceAsync(Guid stayId, ServiceInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(stayId, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        if (input.Kind is null) errors.Add("kind", "请选择服务项目");
        var on = input.On ?? clock.Today;
        if (on < stay.AdmittedOn || on > clock.Today) errors.Add("on", "服务日期应在入站之日至今天之间");
        Platform.Money.Money? cash = null;
        if (input.Kind == ServiceKind.Cash)
        {
            if (input.Cash is not { } yuan || yuan <= 0) errors.Add("cash", "请填写现金金额");
            else
            {
                cash = Platform.Money.Money.FromYuan(yuan, "cash");
                var rules = RulesFor(stay);
                if (!RescueDeadlines.CashWithinCap(cash.Value, rules)) errors.Add("cash", $"现金不得超过 {rules.CashCap.ToYuanString()}（民发〔2014〕132号）", "rescue_cash_over_cap");
            }
            if (!input.ReceiptSigned) errors.Add("receiptSigned", "发放现金须由受助人员签字");
        }
        else if (input.Cash is not null) errors.Add("cash", "只有“现金”项目填写金额");
        errors.ThrowIfAny();
        if (!StayRules.IsOpen(stay.Status)) throw AppProblem.Conflict("rescue_stay_closed", "该人员已离站，不能再办理在站事项");
        db.ExpectVersion(stay, input.Version!.Value);
        var service = new RescueService
        {
            StayId = stay.Id,
            DivisionCode = stay.DivisionCode,
            Kind = input.Kind!.Value,
            On = on,
            Cash = cash,
            ReceiptSigned = input.ReceiptSigned,
            Note = input.Note?.Trim() ?? "",
            RecordedBy = user.UserName,
        };
        db.Add(service);
        // a service is part of the stay the next editor must have seen: marking the stay modified bumps its version
        db.Entry(stay).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return service;
    }

    /// <summary>照料安置 by the clerk (the sweep places unidentified stays in the station; the clerk may choose a hospital or 委托代养).</summary>
    public async Task<RescueStay> PlaceAsync(Guid stayId, PlaceInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(stayId, ct);
        if (input.Version is null) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        if (input.Placement is null) throw AppProblem.Field("placement", "请选择安置方式");
        if (!StayRules.IsOpen(stay.Status)) throw AppProblem.Conflict("rescue_stay_closed", "该人员已离站，不能再办理在站事项");
        db.ExpectVersion(stay, input.Version.Value);
        stay.Status = StayStatus.Placed;
        stay.Placement = input.Placement;
        stay.PlacedOn ??= clock.Today;
        if (!string.IsNullOrWhiteSpace(input.Note)) stay.ExitNote = input.Note.Trim();
        await db.SaveChangesAsync(ct);
        return stay;
    }

    public async Task<RescueStay> ExitAsync(Guid stayId, ExitInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(stayId, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        if (input.Exit is null) errors.Add("exit", "请选择离站方式");
        var leftOn = input.LeftOn ?? clock.Today;
        if (leftOn < stay.AdmittedOn || leftOn > clock.Today) errors.Add("leftOn", "离站日期应在入站之日至今天之间");
        RescueReturn? ret = null;
        switch (input.Exit)
        {
            case StayExit.ReturnedHome:
                ret = ReturnOf(stay, input.Return, errors);
                break;
            case StayExit.SelfLeft when !input.DeclarationSigned:
                errors.Add("declarationSigned", "自行离站须由本人签署《自行离站声明书》");
                break;
            case StayExit.Transferred or StayExit.Died or StayExit.LeftWithoutNotice when string.IsNullOrWhiteSpace(input.Note):
                errors.Add("note", input.Exit == StayExit.Transferred ? "请填写转送去向" : "请填写情况说明");
                break;
            case StayExit.Settled:
                if (RulesFor(stay).SettlementAfterMonths is not { } months) errors.Add("exit", "市民政局尚未设定寻亲无果转落户安置的月数（救助管理标准），暂不能办理落户安置");
                else if (leftOn < stay.AdmittedOn.AddMonths(months)) errors.Add("exit", $"寻亲无果满{months}个月后方可办理落户安置");
                break;
        }
        errors.ThrowIfAny();
        if (!StayRules.IsOpen(stay.Status)) throw AppProblem.Conflict("rescue_stay_closed", "该人员已离站，不能再办理在站事项");
        db.ExpectVersion(stay, input.Version!.Value);
        stay.Status = StayStatus.Left;
        stay.Exit = input.Exit;
        stay.LeftOn = leftOn;
        stay.ExitNote = input.Note?.Trim();
        if (ret is not null) db.Add(ret);
        await db.SaveChangesAsync(ct);
        return stay;
    }

    private static RescueReturn ReturnOf(RescueStay stay, ReturnInput? input, ValidationErrors errors)
    {
        var r = new RescueReturn { StayId = stay.Id, DivisionCode = stay.DivisionCode };
        if (input?.Mode is not { } mode)
        {
            errors.Add("return.mode", "请选择返乡方式（购票、护送或亲属接领）");
            return r;
        }
        InputRules.Collect(input, "return.", errors, 0);
        r.Mode = mode;
        r.TicketMode = input.TicketMode?.Trim() ?? "";
        r.From = input.From?.Trim() ?? "";
        r.To = input.To?.Trim() ?? "";
        r.Escorts = input.Escorts?.Trim() ?? "";
        if (mode is ReturnMode.Ticket or ReturnMode.Escort)
        {
            if (r.TicketMode.Length == 0) errors.Add("return.ticketMode", "请填写乘车方式（火车、汽车等）");
            if (r.To.Length == 0) errors.Add("return.to", "请填写返乡目的地");
            if (input.Fare is { } fare)
            {
                if (fare < 0) errors.Add("return.fare", "票价不能为负数");
                else r.Fare = Platform.Money.Money.FromYuan(fare, "return.fare");
            }
        }
        if (mode == ReturnMode.Escort && r.Escorts.Length == 0) errors.Add("return.escorts", "护送返乡须填写护送工作人员");
        if (mode == ReturnMode.Family)
        {
            r.CollectorName = input.CollectorName?.Trim() ?? "";
            r.CollectorRelation = input.CollectorRelation?.Trim() ?? "";
            if (r.CollectorName.Length == 0) errors.Add("return.collectorName", "请填写接领人姓名");
            if (r.CollectorRelation.Length == 0) errors.Add("return.collectorRelation", "请填写接领人与受助人员的关系");
            if (Platform.Registry.IdNumber.TryParse(input.CollectorIdNumber, out var error) is { } id) r.CollectorIdMasked = Platform.Registry.IdNumber.Mask(id.Value);
            else errors.Add("return.collectorIdNumber", error ?? "请填写接领人身份证号");
        }
        return r;
    }
}
