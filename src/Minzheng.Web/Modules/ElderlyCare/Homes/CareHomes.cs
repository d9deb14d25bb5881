using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Modules.ElderlyCare.Homes.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Homes;

public sealed record HomeInput
{
    public Guid? OrganizationId { get; init; }
    [Text(40)] public string? Kind { get; init; }
    public bool Private { get; init; }
    public DateOnly? OpenedOn { get; init; }
    [Text(50)] public string? LicenceNumber { get; init; }
    [Within(0, 100000)] public int? Beds { get; init; }
    [Within(0, 100000)] public int? NursingBeds { get; init; }
    [Within(0, 10000000)] public decimal? FloorArea { get; init; }
    [Text(20)] public string? PremisesOwnership { get; init; }
    public bool? LegalPersonRegistered { get; init; }
}

/// <summary>备案: the date and the materials received (备案申请书, 登记证书, 承诺书).</summary>
public sealed record FilingInput(DateOnly? FiledOn, IReadOnlyList<string>? Materials, int? Version);

/// <summary>变更备案: the changed beds and what changed.</summary>
public sealed record ChangeFilingInput(DateOnly? FiledOn, [Within(0, 100000)] int? Beds, [Within(0, 100000)] int? NursingBeds, [Text(1000)] string? Changes, int? Version);

/// <summary>
/// 现场检查: the date, what was found and, from the form, the conclusion (<see cref="CareHomes.CheckResults"/>); an API client that
/// leaves <paramref name="Result"/> out records the findings alone, one that sends it empty is asked for it.
/// </summary>
public sealed record CheckInput(DateOnly? CheckedOn, [Text(1000)] string? Findings, int? Version, [Text(20)] string? Result = null);

/// <summary>登记养老机构 from the form: the registry organisation (found by credit code or registered with it) and the home's profile.</summary>
public sealed record NewHomeInput(OrganizationInput? Organization, HomeInput? Home);

/// <summary>床位 of a home not yet filed.</summary>
public sealed record BedsInput([Within(0, 100000)] int? Beds, [Within(0, 100000)] int? NursingBeds, int? Version);

/// <summary>关闭: the residents must have been resettled (老年人权益保障法 第四十六条) before.</summary>
public sealed record CloseInput(DateOnly? ClosedOn, [Text(500)] string? Reason, int? Version);

public sealed record AdmitInput([Text(18)] string? IdNumber, DateOnly? AdmittedOn, [Text(40)] string? FeeLevel);

public sealed record DischargeInput(DateOnly? DischargedOn, [Text(200)] string? Reason, int? Version);

public sealed record StaffInput([Text(50)] string? Name, [Text(20)] string? Post, [Text(100)] string? Qualification, [Text(50)] string? CertificateNumber, DateOnly? HiredOn);

public sealed record HomeRow(Guid Id, Guid OrganizationId, string Name, string DisplayNumber, string Kind, string KindName, string DivisionCode, bool Private,
    EntryRegime Regime, string RegimeName, bool NeedsLicence, string? LicenceNumber, int Beds, int NursingBeds, int Occupied, decimal Occupancy, bool? LegalPersonRegistered,
    HomeStatus Status, DateOnly OpenedOn, DateOnly? FirstResidentOn, DateOnly? FilingDueOn, DateOnly? FiledOn, string? FilingNumber, DateOnly? CheckDueOn, DateOnly? CheckedOn,
    string? CheckFindings, bool FilingOverdue, bool CheckOverdue, int Version);

public sealed record ResidentRow(Guid Id, Guid HomeId, Guid PersonId, string Name, DateOnly AdmittedOn, DateOnly? DischargedOn, string? DischargeReason, string FeeLevel,
    int? AbilityLevel, string AbilityLevelName, string? ExtremePovertyCase, int Version);

public sealed record OccupancyRow(DateOnly Month, int Beds, int Occupied, decimal Occupancy, int IdleBeds);

public sealed record SurveyRow(Guid HomeId, string Name, string DivisionCode, bool? LegalPersonRegistered, int Beds, int Occupied, decimal Occupancy, int IdleBeds);

/// <summary>
/// Care homes on the registry's organisations (ADR 029): the profile, 备案 within 10 working days of the first resident, change
/// filings, the on-site check within 20 working days, beds, residents and staff, monthly occupancy and the 敬老院 survey.
/// </summary>
public sealed class CareHomes(AppDbContext db, WorkingCalendar calendar, BusinessClock clock, ICurrentUser user, CaseNumbers numbers, IdentifierProtector protector,
    OrganizationRegistration registration, Subsidies.HomeSubsidyClawbacks clawbacks)
{
    /// <summary>现场检查结论 (the form's choice), written at the head of the findings.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> CheckResults = [("compliant", "符合要求"), ("rectify", "存在问题，责令限期整改")];

    /// <summary>The three materials 66号 names for 备案 (rules-2 §1.3).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Materials =
        [("application", "备案申请书"), ("registration", "登记证书（法人登记证书或营业执照）"), ("commitment", "符合建筑、消防、食品、医疗、特种设备等要求的承诺书")];

    private static readonly NumberSeries ReceiptSeries = new("YLBA", null, 6);
    private static readonly string[] Ownerships = ["自有", "租赁", "其他"];

    public IQueryable<ElderlyHome> Homes => db.Set<ElderlyHome>();

    public async Task<ElderlyHome> RegisterAsync(HomeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.OrganizationId is null) errors.Add("organizationId", "请选择组织（先在组织登记中登记）");
        var regime = CheckProfile(input, errors, "");
        errors.ThrowIfAny();
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.OrganizationId, ct)
            ?? throw AppProblem.Field("organizationId", "组织不存在或不在您的管辖范围内");
        if (organization.Status != OrganizationStatus.Active) throw AppProblem.Field("organizationId", "该组织已注销或被撤销登记");
        await ThrowIfRegisteredAsync(organization.Id, organization.Name, ct);
        var home = NewHome(input, organization.Id, organization.DivisionCode, regime!.Value);
        db.Add(home);
        await db.SaveChangesAsync(ct);
        return home;
    }

    /// <summary>
    /// 登记养老机构 from the clerk's form: the organisation (found by its credit code, or registered in the registry with this home)
    /// and the home's profile, validated together and saved in one transaction, so a refused home leaves no organisation behind.
    /// </summary>
    public async Task<ElderlyHome> RegisterNewAsync(NewHomeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var org = input.Organization ?? new OrganizationInput();
        var profile = input.Home ?? new HomeInput();
        var errors = new ValidationErrors();
        var regime = CheckProfile(profile, errors, "home.");
        var (orgErrors, code) = registration.Validate(org);
        foreach (var (field, messages) in orgErrors.ToDictionary())
        {
            foreach (var m in messages) errors.Add("organization." + field, m);
        }
        // 66号 第九条: a 养老机构 is a registered legal person; a 敬老院 may still lack 法人登记 (the plan's survey counts them)
        var needsCode = profile.Kind == ElderlyHomeKinds.CareHome || profile.LegalPersonRegistered == true;
        if (needsCode && string.IsNullOrWhiteSpace(org.CreditCode))
        {
            errors.Add("organization.creditCode", profile.Kind == ElderlyHomeKinds.CareHome ? "养老机构须依法登记：请填写统一社会信用代码" : "已办理法人登记的，请填写统一社会信用代码");
        }
        errors.ThrowIfAny();

        Organization? organization = null;
        if (code is not null)
        {
            organization = await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(o => o.CreditCode == code.Value, ct);
            if (organization is not null)
            {
                // an organisation of another county is not linked (and not named) from here
                if (!user.Scope.Contains(organization.DivisionCode)) throw AppProblem.Field("organization.creditCode", "该统一社会信用代码已在其他地区登记");
                if (organization.Status != OrganizationStatus.Active) throw AppProblem.Field("organization.creditCode", $"“{organization.Name}”已注销或被撤销登记");
                if (organization.Name != org.Name!.Trim()) throw AppProblem.Field("organization.name", $"该统一社会信用代码已登记为“{organization.Name}”，名称不一致");
                await ThrowIfRegisteredAsync(organization.Id, organization.Name, ct);
            }
        }
        else
        {
            // an organisation without a code (a 敬老院 not registered as a legal person, known by its platform number) is the
            // one of that exact name in scope: linked, not registered a second time
            var name = org.Name!.Trim();
            organization = await db.Organizations.FirstOrDefaultAsync(o => o.CreditCode == null && o.Name == name && o.Status == OrganizationStatus.Active, ct);
            if (organization is not null) await ThrowIfRegisteredAsync(organization.Id, organization.Name, ct);
        }
        if (organization is null)
        {
            if (!user.HasPermission(Permissions.OrganizationsWrite)) throw AppProblem.Forbidden("该组织尚未在组织登记中登记，您没有登记组织的权限");
            organization = registration.New(org, code);
            if (organization.CreditCode is null) organization.PlatformNumber = await registration.NextPlatformNumberAsync(organization.DivisionCode, ct);
            db.Organizations.Add(organization);
        }
        var home = NewHome(profile, organization.Id, organization.DivisionCode, regime!.Value);
        db.Add(home);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // two clerks registering the same code (or the same organisation as a home) at the same moment: the unique index decides
            throw AppProblem.Conflict("home_exists", "该组织已登记（可能刚被他人登记），请刷新后查看");
        }
        return home;
    }

    /// <summary>The profile's own rules (entry regime by date, licence, beds), with errors under <paramref name="prefix"/>; the regime when the date allows one.</summary>
    private EntryRegime? CheckProfile(HomeInput input, ValidationErrors errors, string prefix)
    {
        if (input.Kind is null || !ElderlyHomeKinds.All.Contains(input.Kind)) errors.Add(prefix + "kind", "请选择类别：养老机构或特困供养服务设施（敬老院）");
        EntryRegime? regime = null;
        if (input.OpenedOn is not { } opened) errors.Add(prefix + "openedOn", "请填写开办（登记）日期");
        else if (opened > clock.Today) errors.Add(prefix + "openedOn", "开办日期不能晚于今天");
        else if ((regime = HomeRules.RegimeOf(opened)) is null) errors.Add(prefix + "openedOn", "2013-07-01 以前开办的养老机构请按设立许可登记，开办日期填许可日期");
        if (regime is { } r)
        {
            if (HomeRules.NeedsLicence(r) && string.IsNullOrWhiteSpace(input.LicenceNumber)) errors.Add(prefix + "licenceNumber", "2013-07-01 至 2018-12-28 开办的养老机构须填写设立许可证号");
            if (!HomeRules.NeedsLicence(r) && !string.IsNullOrWhiteSpace(input.LicenceNumber)) errors.Add(prefix + "licenceNumber", "2018-12-29 以后开办的养老机构无需设立许可，不填许可证号（登记后备案）");
        }
        if (input.Beds is not { } beds) errors.Add(prefix + "beds", "请填写床位数");
        else if (input.Kind == ElderlyHomeKinds.CareHome && beds < 10) errors.Add(prefix + "beds", "养老机构床位数不少于 10 张（民政部令第66号）");
        else if (beds < 1) errors.Add(prefix + "beds", "床位数至少 1 张");
        if (input.NursingBeds is { } nursing && input.Beds is { } total && nursing > total) errors.Add(prefix + "nursingBeds", "护理型床位不能多于总床位");
        if (input.PremisesOwnership is { Length: > 0 } own && !Ownerships.Contains(own)) errors.Add(prefix + "premisesOwnership", "场所权属为自有、租赁或其他");
        return regime;
    }

    /// <summary>One profile per organisation across the registry (a county may not see another's registration of the same body).</summary>
    private async Task ThrowIfRegisteredAsync(Guid organizationId, string name, CancellationToken ct)
    {
        if (await db.Set<ElderlyHome>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(h => h.OrganizationId == organizationId, ct))
        {
            throw AppProblem.Conflict("home_exists", $"“{name}”已登记为养老机构（敬老院）");
        }
    }

    private static ElderlyHome NewHome(HomeInput input, Guid organizationId, string divisionCode, EntryRegime regime) => new()
    {
        OrganizationId = organizationId,
        Kind = input.Kind!,
        DivisionCode = divisionCode,
        Private = input.Private,
        OpenedOn = input.OpenedOn!.Value,
        Regime = regime,
        LicenceNumber = string.IsNullOrWhiteSpace(input.LicenceNumber) ? null : input.LicenceNumber.Trim(),
        Beds = input.Beds!.Value,
        NursingBeds = input.NursingBeds ?? 0,
        FloorArea = input.FloorArea ?? 0,
        PremisesOwnership = input.PremisesOwnership ?? "",
        LegalPersonRegistered = input.Kind == ElderlyHomeKinds.SpecialCareFacility ? input.LegalPersonRegistered ?? false : null,
    };

    /// <summary>
    /// 床位 of a home not yet filed (a typing error at registration, beds added before the first resident). Once filed, beds
    /// change only by 变更备案 (<see cref="ChangeAsync"/>), so that the filing record shows every change.
    /// </summary>
    public async Task<ElderlyHome> EditBedsAsync(Guid id, BedsInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var home = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(home, version);
        if (home.Status == HomeStatus.Closed) throw AppProblem.Conflict("home_closed", "该养老机构已关闭");
        if (home.FiledOn is not null) throw AppProblem.Conflict("invalid_state", "该养老机构已备案：床位变化请办理变更备案");
        var errors = new ValidationErrors();
        if (input.Beds is not { } beds) errors.Add("beds", "请填写床位数");
        else if (home.Kind == ElderlyHomeKinds.CareHome && beds < 10) errors.Add("beds", "养老机构床位数不少于 10 张（民政部令第66号）");
        else if (beds < 1) errors.Add("beds", "床位数至少 1 张");
        var nursing = input.NursingBeds ?? 0;
        if (input.Beds is { } total && nursing > total) errors.Add("nursingBeds", "护理型床位不能多于总床位");
        var occupied = await OccupiedAsync(home.Id, clock.Today, ct);
        if (input.Beds is { } b && b < occupied) errors.Add("beds", $"现有入住老人 {occupied} 人，床位数不能少于入住人数");
        errors.ThrowIfAny();
        home.Beds = input.Beds!.Value;
        home.NursingBeds = nursing;
        await db.SaveChangesAsync(ct);
        return home;
    }

    public async Task<ElderlyHome> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<ElderlyHome>().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw AppProblem.NotFound("养老机构");

    /// <summary>备案: complete materials give a 回执 with its number; missing ones are named (民政 guides completion, no refusal).</summary>
    public async Task<HomeFiling> FileAsync(Guid id, FilingInput input, CancellationToken ct = default)
    {
        var home = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(home, version);
        if (home.Status == HomeStatus.Closed) throw AppProblem.Conflict("home_closed", "该养老机构已关闭");
        if (home.FiledOn is not null) throw AppProblem.Conflict("invalid_state", "该养老机构已备案；床位等事项变化请办理变更备案");
        var errors = new ValidationErrors();
        var filedOn = input.FiledOn ?? clock.Today;
        if (filedOn > clock.Today) errors.Add("filedOn", "备案日期不能晚于今天");
        if (filedOn < home.OpenedOn) errors.Add("filedOn", "备案日期不能早于开办日期");
        var given = input.Materials ?? [];
        foreach (var (code, name) in Materials.Where(m => !given.Contains(m.Code)))
        {
            errors.Add("materials", $"缺少{name}：材料不齐全的，请指导其补齐后再备案");
        }
        errors.ThrowIfAny();
        home.FiledOn = filedOn;
        home.CheckDueOn = calendar.AddWorkingDays(filedOn, HomeRules.CheckWorkingDays);
        home.Status = HomeStatus.Filed;
        var filing = await NewFilingAsync(home, FilingKind.Initial, filedOn, string.Join("\n", Materials.Select(m => m.Name)), "", ct);
        home.FilingNumber = filing.Number;
        await db.SaveChangesAsync(ct);
        return filing;
    }

    public async Task<HomeFiling> ChangeAsync(Guid id, ChangeFilingInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var home = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(home, version);
        if (home.FiledOn is null) throw AppProblem.Conflict("invalid_state", "尚未备案，不能办理变更备案");
        if (home.Status == HomeStatus.Closed) throw AppProblem.Conflict("home_closed", "该养老机构已关闭");
        var errors = new ValidationErrors();
        var filedOn = input.FiledOn ?? clock.Today;
        if (filedOn > clock.Today) errors.Add("filedOn", "变更日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(input.Changes)) errors.Add("changes", "请写明变更事项");
        var beds = input.Beds ?? home.Beds;
        var nursing = input.NursingBeds ?? home.NursingBeds;
        if (home.Kind == ElderlyHomeKinds.CareHome && beds < 10) errors.Add("beds", "养老机构床位数不少于 10 张（民政部令第66号）");
        if (nursing > beds) errors.Add("nursingBeds", "护理型床位不能多于总床位");
        var occupied = await OccupiedAsync(home.Id, clock.Today, ct);
        if (beds < occupied) errors.Add("beds", $"现有入住老人 {occupied} 人，床位数不能少于入住人数");
        errors.ThrowIfAny();
        var changes = input.Changes!.Trim();
        if (beds != home.Beds) changes += $"；床位 {home.Beds} → {beds} 张";
        if (nursing != home.NursingBeds) changes += $"；护理型床位 {home.NursingBeds} → {nursing} 张";
        home.Beds = beds;
        home.NursingBeds = nursing;
        var filing = await NewFilingAsync(home, FilingKind.Change, filedOn, "", changes, ct);
        await db.SaveChangesAsync(ct);
        return filing;
    }

    public async Task<ElderlyHome> CheckAsync(Guid id, CheckInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var home = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(home, version);
        if (home.Status != HomeStatus.Filed) throw AppProblem.Conflict("invalid_state", home.FiledOn is null ? "尚未备案，先备案再现场检查" : "该养老机构已完成备案后的现场检查");
        var errors = new ValidationErrors();
        var on = input.CheckedOn ?? clock.Today;
        if (on > clock.Today) errors.Add("checkedOn", "检查日期不能晚于今天");
        if (on < home.FiledOn) errors.Add("checkedOn", "检查日期不能早于备案日期");
        if (string.IsNullOrWhiteSpace(input.Findings)) errors.Add("findings", "请填写现场检查情况");
        string? conclusion = null;
        if (input.Result is not null)
        {
            conclusion = CheckResults.FirstOrDefault(r => r.Code == input.Result).Name;
            if (conclusion is null) errors.Add("result", "请选择检查结论：符合要求，或存在问题、责令限期整改");
        }
        // the conclusion heads the findings (one column: the home's profile keeps the check as one text)
        var findings = conclusion is null ? input.Findings?.Trim() : $"【{conclusion}】{input.Findings?.Trim()}";
        if (findings?.Length > 1000) errors.Add("findings", "检查情况最多 1000 字（含结论）");
        errors.ThrowIfAny();
        home.CheckedOn = on;
        home.CheckFindings = findings;
        home.CheckedBy = user.UserName;
        home.Status = HomeStatus.Checked;
        await db.SaveChangesAsync(ct);
        return home;
    }

    public async Task<ElderlyHome> CloseAsync(Guid id, CloseInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var home = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(home, version);
        if (home.Status == HomeStatus.Closed) throw AppProblem.Conflict("home_closed", "该养老机构已关闭");
        var on = input.ClosedOn ?? clock.Today;
        var errors = new ValidationErrors();
        if (on > clock.Today) errors.Add("closedOn", "关闭日期不能晚于今天");
        if (on < home.OpenedOn) errors.Add("closedOn", "关闭日期不能早于开办日期");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写关闭原因");
        if (await db.Set<Resident>().AnyAsync(r => r.HomeId == home.Id && r.DischargedOn == null, ct)) errors.Add("closedOn", "还有在住老人：须先妥善安置（办理退住）再关闭（老年人权益保障法第四十六条）");
        errors.ThrowIfAny();
        home.Status = HomeStatus.Closed;
        home.ClosedOn = on;
        home.ClosedReason = input.Reason!.Trim();
        // 提前关闭追回: construction subsidies approved within the claw-back years become payments recoveries, in this transaction
        await clawbacks.OnHomeClosedAsync(home, ct);
        await db.SaveChangesAsync(ct);
        return home;
    }

    private async Task<HomeFiling> NewFilingAsync(ElderlyHome home, FilingKind kind, DateOnly filedOn, string materials, string changes, CancellationToken ct)
    {
        var number = await numbers.NextAsync(ReceiptSeries with { Year = filedOn.Year },
            db.Set<HomeFiling>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(f => (string?)f.Number), ct);
        var filing = new HomeFiling
        {
            HomeId = home.Id,
            OrganizationId = home.OrganizationId,
            DivisionCode = home.DivisionCode,
            Kind = kind,
            Number = number,
            FiledOn = filedOn,
            Beds = home.Beds,
            NursingBeds = home.NursingBeds,
            Materials = materials,
            Changes = changes,
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        };
        db.Add(filing);
        return filing;
    }

    /// <summary>入住: the elder identified by ID number; the first resident starts the 10-working-day filing clock.</summary>
    public async Task<Resident> AdmitAsync(Guid homeId, AdmitInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var home = await LoadAsync(homeId, ct);
        if (home.Status == HomeStatus.Closed) throw AppProblem.Conflict("home_closed", "该养老机构已关闭");
        var admitted = input.AdmittedOn ?? clock.Today;
        var errors = new ValidationErrors();
        if (admitted > clock.Today) errors.Add("admittedOn", "入住日期不能晚于今天");
        if (admitted < home.OpenedOn) errors.Add("admittedOn", "入住日期不能早于开办日期");
        var parsed = IdNumber.TryParse(input.IdNumber, out var error);
        if (parsed is null) errors.Add("idNumber", error ?? "身份证号无效");
        errors.ThrowIfAny();
        var id = parsed!.Value;
        var hash = protector.Hash(id.Value, ProtectedKind.IdNumber);
        // The home holds the elder's ID card but sees no registry person (its scope is its organisation): the person is found by
        // the keyed hash across the registry, and only the id, name and state are read.
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => p.IdNumberHash == hash)
            .Select(p => new { p.Id, p.Name, p.LifeStatus }).FirstOrDefaultAsync(ct)
            ?? throw AppProblem.Field("idNumber", $"身份证号 {IdNumber.Mask(id.Value)} 的老人未在人员库登记；请由乡镇先登记");
        if (person.LifeStatus != LifeStatus.Alive) throw AppProblem.Field("idNumber", $"{person.Name} 已登记死亡");
        if (await db.Set<Resident>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(r => r.PersonId == person.Id && r.DischargedOn == null, ct))
        {
            throw AppProblem.Conflict("already_resident", $"{person.Name} 已在一家养老机构入住，须先办理退住");
        }
        if (await OccupiedAsync(home.Id, admitted, ct) >= home.Beds) throw AppProblem.Conflict("no_free_bed", $"床位已满（{home.Beds} 张）");
        var latest = await db.Set<AbilityAssessment>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(a => a.PersonId == person.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).Select(a => new { a.Id, a.Level }).FirstOrDefaultAsync(ct);
        var resident = new Resident
        {
            HomeId = home.Id,
            OrganizationId = home.OrganizationId,
            DivisionCode = home.DivisionCode,
            PersonId = person.Id,
            AdmittedOn = admitted,
            FeeLevel = input.FeeLevel?.Trim() ?? "",
            AbilityLevel = latest?.Level,
            AssessmentId = latest?.Id,
            ExtremePovertyCase = home.Kind == ElderlyHomeKinds.SpecialCareFacility ? await ExtremePovertyCaseAsync(person.Id, admitted, ct) : null,
        };
        db.Add(resident);
        if (home.FirstResidentOn is null || admitted < home.FirstResidentOn)
        {
            home.FirstResidentOn = admitted;
            if (home.FiledOn is null) home.FilingDueOn = calendar.AddWorkingDays(admitted, HomeRules.FilingWorkingDays);
        }
        await db.SaveChangesAsync(ct);
        return resident;
    }

    /// <summary>
    /// 敬老院: the resident's 特困供养 case number, read from the entitlements assistance publishes (never its tables). Past the
    /// scope filter: the home's own account sees no entitlement, and the person was identified by ID number above.
    /// </summary>
    private Task<string?> ExtremePovertyCaseAsync(Guid personId, DateOnly on, CancellationToken ct)
    {
        var month = Entitlements.MonthOf(on);
        return db.Set<EntitlementPeriod>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(e => e.Program == AssistancePrograms.ExtremePoverty && (e.BeneficiaryPersonId == personId || (e.BeneficiaryPersonId == null && e.PayeePersonId == personId))
                && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month))
            .Select(e => e.SourceNumber).FirstOrDefaultAsync(ct);
    }

    public async Task<Resident> DischargeAsync(Guid residentId, DischargeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var resident = await db.Set<Resident>().FirstOrDefaultAsync(r => r.Id == residentId, ct) ?? throw AppProblem.NotFound("入住老人");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(resident, version);
        if (resident.DischargedOn is not null) throw AppProblem.Conflict("invalid_state", "已办理退住");
        var on = input.DischargedOn ?? clock.Today;
        var errors = new ValidationErrors();
        if (on > clock.Today) errors.Add("dischargedOn", "退住日期不能晚于今天");
        if (on < resident.AdmittedOn) errors.Add("dischargedOn", "退住日期不能早于入住日期");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写退住原因");
        errors.ThrowIfAny();
        resident.DischargedOn = on;
        resident.DischargeReason = input.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        return resident;
    }

    public async Task<StaffMember> AddStaffAsync(Guid homeId, StaffInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var home = await LoadAsync(homeId, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写姓名");
        if (string.IsNullOrWhiteSpace(input.Post)) errors.Add("post", "请填写岗位");
        if (input.Post?.Trim() == "护理员" && string.IsNullOrWhiteSpace(input.Qualification)) errors.Add("qualification", "护理员须经培训合格后上岗（GB 38600-2019 第4章），请填写培训合格或职业技能等级");
        if (input.HiredOn is { } h && h > clock.Today) errors.Add("hiredOn", "入职日期不能晚于今天");
        errors.ThrowIfAny();
        var staff = new StaffMember
        {
            HomeId = home.Id,
            OrganizationId = home.OrganizationId,
            DivisionCode = home.DivisionCode,
            Name = input.Name!.Trim(),
            Post = input.Post!.Trim(),
            Qualification = input.Qualification?.Trim() ?? "",
            CertificateNumber = input.CertificateNumber?.Trim() ?? "",
            HiredOn = input.HiredOn ?? clock.Today,
        };
        db.Add(staff);
        await db.SaveChangesAsync(ct);
        return staff;
    }

    /// <summary>Residents present on <paramref name="day"/>.</summary>
    public Task<int> OccupiedAsync(Guid homeId, DateOnly day, CancellationToken ct) =>
        db.Set<Resident>().CountAsync(r => r.HomeId == homeId && r.AdmittedOn <= day && (r.DischargedOn == null || r.DischargedOn > day), ct);

    /// <summary>The homes in scope, with occupancy today and whether filing or the on-site check is overdue.</summary>
    public async Task<Paged<HomeRow>> ListAsync(string? kind, string? overdue, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.Set<ElderlyHome>().AsNoTracking();
        if (kind is not null) q = q.Where(h => h.Kind == kind);
        if (overdue == "filing") q = q.Where(h => h.FiledOn == null && h.FilingDueOn != null && h.FilingDueOn < today);
        else if (overdue == "check") q = q.Where(h => h.CheckedOn == null && h.CheckDueOn != null && h.CheckDueOn < today);
        else if (overdue is not null) throw AppProblem.Field("overdue", "overdue 为 filing（逾期未备案）或 check（逾期未现场检查）");
        var rows = await q.OrderBy(h => h.DivisionCode).ThenBy(h => h.Id).ToPagedAsync(page, ct);
        return new Paged<HomeRow>(await RowsAsync(rows.Items, ct), rows.Total, rows.Page, rows.PageSize);
    }

    public async Task<HomeRow> RowAsync(ElderlyHome home, CancellationToken ct = default) => (await RowsAsync([home], ct))[0];

    private async Task<List<HomeRow>> RowsAsync(IReadOnlyList<ElderlyHome> homes, CancellationToken ct)
    {
        var today = clock.Today;
        var ids = homes.Select(h => h.Id).ToList();
        var organizationIds = homes.Select(h => h.OrganizationId).ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.CreditCode, o.PlatformNumber }).ToDictionaryAsync(o => o.Id, ct);
        var occupied = await db.Set<Resident>().Where(r => ids.Contains(r.HomeId) && r.AdmittedOn <= today && (r.DischargedOn == null || r.DischargedOn > today))
            .GroupBy(r => r.HomeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return homes.Select(h =>
        {
            var o = organizations.GetValueOrDefault(h.OrganizationId!.Value);
            var n = occupied.GetValueOrDefault(h.Id);
            return new HomeRow(h.Id, h.OrganizationId.Value, o?.Name ?? "", o?.CreditCode ?? o?.PlatformNumber ?? "", h.Kind, ElderlyHomeKinds.Label(h.Kind), h.DivisionCode, h.Private,
                h.Regime, HomeRules.RegimeName(h.Regime), HomeRules.NeedsLicence(h.Regime), h.LicenceNumber, h.Beds, h.NursingBeds, n, HomeRules.Occupancy(n, h.Beds), h.LegalPersonRegistered,
                h.Status, h.OpenedOn, h.FirstResidentOn, h.FilingDueOn, h.FiledOn, h.FilingNumber, h.CheckDueOn, h.CheckedOn, h.CheckFindings,
                h.FiledOn is null && h.FilingDueOn < today, h.CheckedOn is null && h.CheckDueOn < today, h.Version);
        }).ToList();
    }

    public async Task<Paged<ResidentRow>> ResidentsAsync(Guid homeId, bool current, PageRequest page, CancellationToken ct = default)
    {
        var home = await LoadAsync(homeId, ct);
        var q = db.Set<Resident>().AsNoTracking().Where(r => r.HomeId == home.Id);
        if (current) q = q.Where(r => r.DischargedOn == null);
        // the residents are in scope (the filter above); their names are read past the division scope, in a query of their
        // own, because a home's account sees no registry person
        var rows = await q.OrderByDescending(r => r.AdmittedOn).ThenBy(r => r.Id).ToPagedAsync(page, ct);
        var names = await db.PersonNamesAsync(rows.Items.Select(r => (Guid?)r.PersonId), ct);
        return rows.Select(r => new ResidentRow(r.Id, r.HomeId, r.PersonId, names.GetValueOrDefault(r.PersonId, ""), r.AdmittedOn, r.DischargedOn, r.DischargeReason, r.FeeLevel,
            r.AbilityLevel, r.AbilityLevel is { } l ? Assessment.Rules.AbilityRules.LevelName(l) : "未评估", r.ExtremePovertyCase, r.Version));
    }

    public async Task<List<StaffMember>> StaffAsync(Guid homeId, CancellationToken ct = default)
    {
        var home = await LoadAsync(homeId, ct);
        return await db.Set<StaffMember>().AsNoTracking().Where(s => s.HomeId == home.Id).OrderBy(s => s.Post).ThenBy(s => s.Name).ToListAsync(ct);
    }

    public async Task<List<HomeFiling>> FilingsAsync(Guid homeId, CancellationToken ct = default)
    {
        var home = await LoadAsync(homeId, ct);
        return await db.Set<HomeFiling>().AsNoTracking().Where(f => f.HomeId == home.Id).OrderBy(f => f.FiledOn).ThenBy(f => f.Id).ToListAsync(ct);
    }

    /// <summary>Monthly occupancy of one home: residents present on the month's last day (or today for the running month) over its beds.</summary>
    public async Task<List<OccupancyRow>> OccupancyAsync(Guid homeId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var home = await LoadAsync(homeId, ct);
        if (to < from) throw AppProblem.Field("to", "结束月份不能早于开始月份");
        if ((to.Year - from.Year) * 12 + to.Month - from.Month > 60) throw AppProblem.Field("to", "一次最多查询 60 个月");
        var stays = await db.Set<Resident>().AsNoTracking().Where(r => r.HomeId == home.Id).Select(r => new { r.AdmittedOn, r.DischargedOn }).ToListAsync(ct);
        var rows = new List<OccupancyRow>();
        for (var month = Entitlements.MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            var day = month.AddMonths(1).AddDays(-1);
            if (day > clock.Today) day = clock.Today;
            var n = stays.Count(s => s.AdmittedOn <= day && (s.DischargedOn is null || s.DischargedOn > day));
            rows.Add(new OccupancyRow(month, home.Beds, n, HomeRules.Occupancy(n, home.Beds), HomeRules.IdleBeds(n, home.Beds)));
        }
        return rows;
    }

    /// <summary>
    /// The whole 敬老院 survey in scope, for the per-county subtotals and the workbook: not paged, because a county has a handful
    /// of 特困供养服务设施 and the city some dozens (closed ones are left out: they have no beds to survey).
    /// </summary>
    public async Task<List<SurveyRow>> SurveyAllAsync(CancellationToken ct = default)
    {
        var homes = await db.Set<ElderlyHome>().AsNoTracking().Where(h => h.Kind == ElderlyHomeKinds.SpecialCareFacility && h.Status != HomeStatus.Closed)
            .OrderBy(h => h.DivisionCode).ThenBy(h => h.Id).ToListAsync(ct);
        return (await RowsAsync(homes, ct))
            .Select(h => new SurveyRow(h.Id, h.Name, h.DivisionCode, h.LegalPersonRegistered, h.Beds, h.Occupied, h.Occupancy, HomeRules.IdleBeds(h.Occupied, h.Beds))).ToList();
    }

    /// <summary>敬老院 survey (plan chapter 二): every 特困供养服务设施 in scope with 法人登记, beds, occupancy and idle beds.</summary>
    public async Task<Paged<SurveyRow>> SurveyAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await ListAsync(ElderlyHomeKinds.SpecialCareFacility, null, page, ct);
        return rows.Select(h => new SurveyRow(h.Id, h.Name, h.DivisionCode, h.LegalPersonRegistered, h.Beds, h.Occupied, h.Occupancy, HomeRules.IdleBeds(h.Occupied, h.Beds)));
    }
}
