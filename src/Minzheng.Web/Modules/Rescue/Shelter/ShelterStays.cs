using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>入住登记: the victim (a registry person of the clerk's scope, registered first through the registry if new) and the children who came with her.</summary>
public sealed record AdmitInput
{
    public Guid? StationId { get; init; }
    [Text(100)] public string? ShelterName { get; init; }
    /// <summary>The victim: chosen by id, or by ID number (both within the clerk's scope).</summary>
    public Guid? PersonId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
    public DateOnly? AdmittedOn { get; init; }
    public ShelterReferralSource? ReferralSource { get; init; }
    [Text(500)] public string? ReferralNote { get; init; }
    public ShelterRisk? Risk { get; init; }
    [Text(2000)] public string? Situation { get; init; }
    [Text(50)] public string? AbuserName { get; init; }
    [Text(20)] public string? AbuserRelation { get; init; }
    [Text(500)] public string? AbuserNote { get; init; }
    [Text(500)] public string? ContactsWithheld { get; init; }
    [Text(500)] public string? Escort { get; init; }
    public bool ProtectionOrderApplied { get; init; }
    [Text(100)] public string? ProtectionOrderCourt { get; init; }
    public IReadOnlyList<ChildRef>? Children { get; init; }
}

/// <summary>A child who came along: a registry person by id or by ID number.</summary>
public sealed record ChildRef
{
    public Guid? PersonId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
}

public sealed record SafetyPlanInput
{
    public int? Version { get; init; }
    public ShelterRisk? Risk { get; init; }
    [Text(500)] public string? ContactsWithheld { get; init; }
    [Text(500)] public string? Escort { get; init; }
    public bool ProtectionOrderApplied { get; init; }
    [Text(100)] public string? ProtectionOrderCourt { get; init; }
}

public sealed record ShelterServiceInput
{
    public int? Version { get; init; }
    public ShelterServiceKind? Kind { get; init; }
    public DateOnly? On { get; init; }
    [Text(500)] public string? Note { get; init; }
}

public sealed record ExtendInput
{
    public int? Version { get; init; }
    public int? Days { get; init; }
    [Text(500)] public string? Reason { get; init; }
    [Text(100)] public string? ApprovedBy { get; init; }
}

public sealed record AddChildInput
{
    public int? Version { get; init; }
    public Guid? PersonId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
}

public sealed record LeaveInput
{
    public int? Version { get; init; }
    public DateOnly? LeftOn { get; init; }
    [Text(200)] public string? Destination { get; init; }
    [Text(500)] public string? Reason { get; init; }
}

/// <summary>A stay as the list shows it (no abuser, no safety plan): the victim's name and number, overdue or not.</summary>
public sealed record ShelterRow(ShelterStay Stay, string Name, string PersonNumber, bool Overdue, int DaysIn);

public sealed record ShelterChildRow(ShelterChild Child, string Name, string PersonNumber, DateOnly BirthDate);

public sealed record ShelterDetail(ShelterRow Row, IReadOnlyList<ShelterService> Services, IReadOnlyList<ShelterChildRow> Children, IReadOnlyList<ShelterExtension> Extensions, DateOnly Today);

/// <summary>
/// The shelter's use cases. Every one starts with <see cref="Require"/>: without <see cref="ShelterPermissions.Shelter"/> the stay
/// does not exist for the caller (404, like another county's), so neither its existence nor its number leaks. Reads of one stay
/// and of the list are audited (who looked at whom), writes by the change interceptor.
/// </summary>
public sealed class ShelterStays(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook book, CaseNumbers numbers, AuditLog audit,
    IChildProtectionReferral referrals, IdentifierProtector protector)
{
    private const string What = "临时庇护记录";

    /// <summary>Overdue: still in shelter after the due day (limit + approved extensions).</summary>
    public static bool IsOverdue(ShelterStay s, DateOnly today) => s.Status == ShelterStatus.InShelter && s.DueOn is { } due && today > due;

    public static DateOnly? DueOf(DateOnly admittedOn, int? limitDays, int extendedDays) => limitDays is { } d ? admittedOn.AddDays(d + extendedDays) : null;

    public void Require()
    {
        if (!user.HasPermission(ShelterPermissions.Shelter)) throw AppProblem.NotFound(What);
    }

    public bool Allowed => user.HasPermission(ShelterPermissions.Shelter);

    public async Task<Paged<ShelterRow>> ListAsync(string? status, string? q, PageRequest page, CancellationToken ct)
    {
        Require();
        var today = clock.Today;
        var rows = db.Set<ShelterStay>().AsNoTracking();
        rows = status switch
        {
            null or "" or "current" => rows.Where(s => s.Status == ShelterStatus.InShelter),
            "overdue" => rows.Where(s => s.Status == ShelterStatus.InShelter && s.DueOn != null && s.DueOn < today),
            "left" => rows.Where(s => s.Status == ShelterStatus.Left),
            "all" => rows,
            _ => throw AppProblem.Field("status", "状态只能是 current、overdue、left、all"),
        };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            var named = db.Persons.Where(p => p.Name == t).Select(p => p.Id);
            rows = rows.Where(s => s.Number == t || named.Contains(s.PersonId));
        }
        // current stays first, the overdue ones at the top, then by due day (the nearest first) and admission
        var found = await rows.OrderBy(s => s.Status).ThenByDescending(s => s.Status == ShelterStatus.InShelter && s.DueOn != null && s.DueOn < today)
            .ThenBy(s => s.DueOn == null).ThenBy(s => s.DueOn).ThenByDescending(s => s.AdmittedOn).ThenBy(s => s.Id).ToPagedAsync(page, ct);
        await audit.RecordAsync("list", nameof(ShelterStay), null, new { status, rows = found.Items.Count }, ct: ct);
        return new(await RowsAsync(found.Items, ct), found.Total, found.Page, found.PageSize);
    }

    private async Task<List<ShelterRow>> RowsAsync(IReadOnlyList<ShelterStay> list, CancellationToken ct)
    {
        var ids = list.Select(s => s.PersonId).Distinct().ToList();
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Number = p.IdNumberMasked ?? p.PlatformNumber ?? "" }).ToDictionaryAsync(p => p.Id, ct);
        var today = clock.Today;
        return [.. list.Select(s => new ShelterRow(s, people.GetValueOrDefault(s.PersonId)?.Name ?? "", people.GetValueOrDefault(s.PersonId)?.Number ?? "",
            IsOverdue(s, today), (s.LeftOn ?? today).DayNumber - s.AdmittedOn.DayNumber))];
    }

    public async Task<ShelterStay> LoadAsync(Guid id, CancellationToken ct)
    {
        Require();
        return await db.Set<ShelterStay>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound(What);
    }

    public async Task<ShelterDetail> DetailAsync(Guid id, CancellationToken ct, string action = "read")
    {
        Require();
        var stay = await db.Set<ShelterStay>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound(What);
        var row = (await RowsAsync([stay], ct))[0];
        var services = await db.Set<ShelterService>().AsNoTracking().Where(v => v.StayId == id).OrderBy(v => v.On).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var children = await db.Set<ShelterChild>().AsNoTracking().Where(c => c.StayId == id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var childIds = children.Select(c => c.PersonId).ToList();
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => childIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Number = p.IdNumberMasked ?? p.PlatformNumber ?? "", p.BirthDate }).ToDictionaryAsync(p => p.Id, ct);
        var extensions = await db.Set<ShelterExtension>().AsNoTracking().Where(e => e.StayId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        // who read whose stay: restricted information, every look is on record (the number only, never the content)
        await audit.RecordAsync(action, nameof(ShelterStay), id.ToString(), new { stay.Number }, stay.DivisionCode, ct: ct);
        return new(row, services, [.. children.Select(c => people.TryGetValue(c.PersonId, out var p) ? new ShelterChildRow(c, p.Name, p.Number, p.BirthDate) : new ShelterChildRow(c, "", "", default))],
            extensions, clock.Today);
    }

    public async Task<ShelterStay> AdmitAsync(AdmitInput input, CancellationToken ct)
    {
        Require();
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        // a station outside the user's scope is not there for them (404), as for the rescue stays
        var station = input.StationId is { } sid
            ? await db.Set<RescueStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) ?? throw AppProblem.NotFound("救助管理站")
            : null;
        if (station is null) errors.Add("stationId", "请选择庇护场所所在的救助管理站");
        var on = input.AdmittedOn ?? clock.Today;
        if (on > clock.Today || on < clock.Today.AddDays(-30)) errors.Add("admittedOn", "入住日期应在30天前至今天之间");
        var victimField = input.PersonId is null && !string.IsNullOrWhiteSpace(input.IdNumber) ? "idNumber" : "personId";
        var person = await PersonLookup.FindAsync(db, protector, input.PersonId, input.IdNumber, victimField, "受害人", errors, ct);
        if (person is null && input.PersonId is null && string.IsNullOrWhiteSpace(input.IdNumber)) errors.Add("personId", "请选择受害人或填写身份证号（未在人员库中的，请先在人员库登记）");
        else if (person is not null && person.AgeOn(on) < 18) errors.Add(victimField, "临时庇护对象为成年家暴受害人；未成年人请登记未成年人保护个案");
        else if (person?.DeathDate is not null) errors.Add(victimField, "该人员已登记死亡");
        if (input.ReferralSource is not { } source || !Enum.IsDefined(source)) errors.Add("referralSource", "请选择转介来源");
        else if (source == ShelterReferralSource.Other && string.IsNullOrWhiteSpace(input.ReferralNote)) errors.Add("referralNote", "来源为“其他”的须说明");
        if (input.Risk is not { } risk || !Enum.IsDefined(risk)) errors.Add("risk", "请选择风险等级");
        if (input.ProtectionOrderApplied && string.IsNullOrWhiteSpace(input.ProtectionOrderCourt)) errors.Add("protectionOrderCourt", "已申请人身安全保护令的，请填写受理法院");
        var refs = input.Children ?? [];
        var childIds = new List<Guid>();
        for (var i = 0; i < refs.Count; i++)
        {
            var child = await PersonLookup.FindAsync(db, protector, refs[i]?.PersonId, refs[i]?.IdNumber, $"children[{i}]", "随行子女", errors, ct);
            if (child is null)
            {
                if (refs[i]?.PersonId is null && string.IsNullOrWhiteSpace(refs[i]?.IdNumber)) errors.Add($"children[{i}]", "请选择随行子女或填写其身份证号");
                continue;
            }
            if (child.Id == person?.Id || childIds.Contains(child.Id)) errors.Add($"children[{i}]", "随行子女重复，或与受害人相同");
            else if (child.AgeOn(on) >= 18) errors.Add($"children[{i}]", $"{child.Name}已满18周岁，不作为随行子女登记");
            childIds.Add(child.Id);
        }
        errors.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<ShelterStay>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(s => s.PersonId == person!.Id && s.Status == ShelterStatus.InShelter, ct))
        {
            throw AppProblem.Conflict("rescue_shelter_open", $"{person!.Name}正在临时庇护中，不能重复入住");
        }
        var limit = book.Find(ShelterFigures.LimitDays, station!.DivisionCode, on)?.Row.Number;
        var stay = new ShelterStay
        {
            Number = await numbers.NextAsync(new NumberSeries("BZ" + station.DivisionCode[..6], on.Year, 4),
                db.Set<ShelterStay>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(s => s.Number), ct),
            StationId = station.Id,
            ShelterName = string.IsNullOrWhiteSpace(input.ShelterName) ? station.Name : input.ShelterName.Trim(),
            DivisionCode = station.DivisionCode,
            PersonId = person!.Id,
            AdmittedOn = on,
            ReferralSource = input.ReferralSource!.Value,
            ReferralNote = input.ReferralNote?.Trim() ?? "",
            Risk = input.Risk!.Value,
            Situation = input.Situation?.Trim() ?? "",
            AbuserName = input.AbuserName?.Trim() ?? "",
            AbuserRelation = input.AbuserRelation?.Trim() ?? "",
            AbuserNote = input.AbuserNote?.Trim() ?? "",
            ContactsWithheld = input.ContactsWithheld?.Trim() ?? "",
            Escort = input.Escort?.Trim() ?? "",
            ProtectionOrderApplied = input.ProtectionOrderApplied,
            ProtectionOrderCourt = input.ProtectionOrderApplied ? input.ProtectionOrderCourt!.Trim() : null,
            LimitDays = limit,
            DueOn = DueOf(on, limit, 0),
            RecordedBy = user.UserName,
        };
        db.Add(stay);
        for (var i = 0; i < childIds.Count; i++) await AddChildAsync(stay, childIds[i], on, $"children[{i}]", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stay;
    }

    /// <summary>
    /// The child goes into child protection through ChildWelfare's contract (a case of harm 家庭暴力, sheltered here from
    /// <paramref name="from"/>: the admission day with the mother, today when added later), and the stay keeps the case's number.
    /// </summary>
    private async Task AddChildAsync(ShelterStay stay, Guid childId, DateOnly from, string field, CancellationToken ct)
    {
        var link = await referrals.ShelterAsync(new ShelterReferral(childId, stay.Id, stay.Number, stay.ShelterName, from,
            $"随家暴受害人入住{stay.ShelterName}（庇护编号 {stay.Number}）"), field, ct);
        db.Add(new ShelterChild
        {
            StayId = stay.Id,
            DivisionCode = stay.DivisionCode,
            PersonId = childId,
            ProtectionCaseId = link.CaseId,
            ProtectionCaseNumber = link.Number,
            From = from,
        });
    }

    public async Task<ShelterStay> AddChildAsync(Guid id, AddChildInput input, CancellationToken ct)
    {
        var stay = await OpenForWriteAsync(id, input.Version, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        var field = input.PersonId is null && !string.IsNullOrWhiteSpace(input.IdNumber) ? "idNumber" : "personId";
        var child = await PersonLookup.FindAsync(db, protector, input.PersonId, input.IdNumber, field, "随行子女", errors, ct);
        if (child is null && !errors.Any) errors.Add("personId", "请选择随行子女或填写其身份证号");
        else if (child is not null && child.Id == stay.PersonId) errors.Add(field, "随行子女不能是受害人本人");
        else if (child is not null && child.AgeOn(clock.Today) >= 18) errors.Add(field, $"{child.Name}已满18周岁，不作为随行子女登记");
        errors.ThrowIfAny();
        var childId = child!.Id;
        if (await db.Set<ShelterChild>().AnyAsync(c => c.StayId == stay.Id && c.PersonId == childId, ct))
        {
            throw AppProblem.Conflict("rescue_shelter_child_added", "该子女已随本次庇护入住");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddChildAsync(stay, childId, clock.Today, field, ct);
        db.Entry(stay).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stay;
    }

    private async Task<ShelterStay> OpenForWriteAsync(Guid id, int? version, CancellationToken ct)
    {
        var stay = await LoadAsync(id, ct);
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(stay, v);
        if (stay.Status != ShelterStatus.InShelter) throw AppProblem.Conflict("rescue_shelter_closed", "该庇护已结束，不能再办理");
        return stay;
    }

    public async Task<ShelterStay> UpdateSafetyPlanAsync(Guid id, SafetyPlanInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        if (input.Risk is not { } risk || !Enum.IsDefined(risk)) errors.Add("risk", "请选择风险等级");
        if (input.ProtectionOrderApplied && string.IsNullOrWhiteSpace(input.ProtectionOrderCourt)) errors.Add("protectionOrderCourt", "已申请人身安全保护令的，请填写受理法院");
        errors.ThrowIfAny();
        stay = await OpenForWriteAsync(id, input.Version, ct);
        stay.Risk = input.Risk!.Value;
        stay.ContactsWithheld = input.ContactsWithheld?.Trim() ?? "";
        stay.Escort = input.Escort?.Trim() ?? "";
        stay.ProtectionOrderApplied = input.ProtectionOrderApplied;
        stay.ProtectionOrderCourt = input.ProtectionOrderApplied ? input.ProtectionOrderCourt!.Trim() : null;
        await db.SaveChangesAsync(ct);
        return stay;
    }

    public async Task<ShelterService> AddServiceAsync(Guid id, ShelterServiceInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择服务项目");
        var on = input.On ?? clock.Today;
        if (on < stay.AdmittedOn || on > clock.Today) errors.Add("on", "服务日期应在入住之日至今天之间");
        if (input.Kind == ShelterServiceKind.Other && string.IsNullOrWhiteSpace(input.Note)) errors.Add("note", "“其他”服务须说明内容");
        errors.ThrowIfAny();
        stay = await OpenForWriteAsync(id, input.Version, ct);
        var service = new ShelterService { StayId = stay.Id, DivisionCode = stay.DivisionCode, Kind = input.Kind!.Value, On = on, Note = input.Note?.Trim() ?? "", RecordedBy = user.UserName };
        db.Add(service);
        // a service is part of the stay the next editor must have seen: marking the stay modified bumps its version
        db.Entry(stay).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return service;
    }

    /// <summary>延期: past (or nearing) the limit, the county approves more days with a reason; both are kept, the due day moves.</summary>
    public async Task<ShelterStay> ExtendAsync(Guid id, ExtendInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        if (stay.LimitDays is null) errors.Add("days", "入住时未设定庇护期限（标准管理），无需延期");
        else if (input.Days is not { } days || days < 1 || days > 365) errors.Add("days", "延长天数应为1至365天");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写延期理由");
        if (string.IsNullOrWhiteSpace(input.ApprovedBy)) errors.Add("approvedBy", "请填写批准人（县级民政部门）");
        errors.ThrowIfAny();
        stay = await OpenForWriteAsync(id, input.Version, ct);
        db.Add(new ShelterExtension
        {
            StayId = stay.Id,
            DivisionCode = stay.DivisionCode,
            Days = input.Days!.Value,
            Reason = input.Reason!.Trim(),
            ApprovedBy = input.ApprovedBy!.Trim(),
            ApprovedOn = clock.Today,
            RecordedBy = user.UserName,
        });
        stay.ExtendedDays += input.Days.Value;
        stay.DueOn = DueOf(stay.AdmittedOn, stay.LimitDays, stay.ExtendedDays);
        await db.SaveChangesAsync(ct);
        return stay;
    }

    /// <summary>离开: the stay closes and every child's protection case records the shelter end (ChildWelfare's contract), in one transaction.</summary>
    public async Task<ShelterStay> LeaveAsync(Guid id, LeaveInput input, CancellationToken ct)
    {
        var stay = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        var leftOn = input.LeftOn ?? clock.Today;
        if (leftOn < stay.AdmittedOn || leftOn > clock.Today) errors.Add("leftOn", "离开日期应在入住之日至今天之间");
        if (string.IsNullOrWhiteSpace(input.Destination)) errors.Add("destination", "请填写去向（如：投靠亲属、返回住所、租房独立居住、转介其他机构）");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写离开原因");
        errors.ThrowIfAny();
        stay = await OpenForWriteAsync(id, input.Version, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        stay.Status = ShelterStatus.Left;
        stay.LeftOn = leftOn;
        stay.ExitDestination = input.Destination!.Trim();
        stay.ExitReason = input.Reason!.Trim();
        foreach (var child in await db.Set<ShelterChild>().Where(c => c.StayId == stay.Id && c.To == null).ToListAsync(ct))
        {
            child.To = leftOn;
            await referrals.LeaveShelterAsync(child.ProtectionCaseId, leftOn, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stay;
    }
}
