using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>成立登记 as the applicant submits it (online by a citizen, or entered at the counter by an officer).</summary>
public sealed record EstablishInput
{
    /// <summary>social-group, social-service or foundation.</summary>
    [Text(20)] public string? Kind { get; init; }

    /// <summary>city or county.</summary>
    [Text(10)] public string? Level { get; init; }

    public bool CityWide { get; init; }

    /// <summary>The proposed seat (住所所在的乡镇、街道或社区).</summary>
    [Text(12)] public string? DivisionCode { get; init; }

    [Text(100)] public string? Name { get; init; }
    [Text(50)] public string? LegalRepresentative { get; init; }
    [Text(200)] public string? Address { get; init; }
    [Text(100)] public string? SupervisingUnit { get; init; }
    [Text(20)] public string? Category { get; init; }
    [Text(500)] public string? Purpose { get; init; }
    [Text(1000)] public string? BusinessScope { get; init; }
    public decimal? RegisteredCapital { get; init; }
    public bool IsTradeAssociation { get; init; }

    /// <summary>At the counter: the 发起人 / 拟任负责人 who applied (online it is the signed-in citizen).</summary>
    [Text(50)] public string? ApplicantName { get; init; }

    public List<string>? Materials { get; init; }
}

/// <summary>变更登记: the new facts (everything left empty keeps the registered value) and the materials.</summary>
public sealed record ChangeInput
{
    [Text(100)] public string? Name { get; init; }
    [Text(50)] public string? LegalRepresentative { get; init; }
    [Text(200)] public string? Address { get; init; }
    [Text(1000)] public string? BusinessScope { get; init; }
    public decimal? RegisteredCapital { get; init; }

    /// <summary>The new 业务主管单位; <see cref="DirectRegistration"/> removes it (直接登记).</summary>
    [Text(100)] public string? SupervisingUnit { get; init; }

    public bool DirectRegistration { get; init; }

    [Text(500)] public string? Reason { get; init; }
    [Text(50)] public string? ApplicantName { get; init; }
    public List<string>? Materials { get; init; }
}

/// <summary>注销登记: the reason and the materials.</summary>
public sealed record DeregisterInput([property: Text(500)] string? Reason, [property: Text(50)] string? ApplicantName, List<string>? Materials);

/// <summary>An officer's step on an application: the version seen and the written grounds or opinion.</summary>
public sealed record StepInput(int? Version, [property: Text(1000)] string? Opinion);

/// <summary>What approval produced: for an establishment the organisation, its certificate and its account with the one-time password (shown once, never stored).</summary>
public sealed record DecisionResult(RegistrationApplication Application, Guid? OrganizationId, string? CreditCode, string? CertificateNumber, string? AccountUserName, string? OneTimePassword);

/// <summary>
/// The registration use cases (issue 14 item 1, ADR 038): submission, 受理 (which starts the workflow case with the statutory due
/// date), 不予受理, 审查, 准予 / 不准予. Every officer step asks <see cref="RegistrationAuthority"/> (the application's authority
/// must lie in the officer's scope: 403 socorg_not_authority otherwise, 404 outside the scope); approval writes the registry
/// through the kernel's <see cref="OrganizationRegistration"/> and credit events through <see cref="CreditLedger"/>, in one
/// transaction with the case's move.
/// </summary>
public sealed class RegistrationApplications(AppDbContext db, ICurrentUser user, RegistrationAuthority authority, WorkflowEngine engine,
    FigureBook figures, WorkingCalendar calendar, BusinessClock clock, CaseNumbers numbers, DivisionDirectory divisions,
    OrganizationRegistration registration, CreditLedger ledger, UserManager<AppUser> users, IdentifierProtector protector, IServiceScopeFactory scopes)
{
    public static readonly ApplicationStatus[] Open = [ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.Reviewed];

    // ---------- submission ----------

    /// <summary>成立登记: a citizen online (his own record) or an officer of the authority at the counter.</summary>
    public async Task<RegistrationApplication> EstablishAsync(EstablishInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var online = user.OrganizationId is null && user.HasPermission(Permissions.CitizenApply) && !user.HasPermission(RegistrationPermissions.Handle);
        if (!online && !user.HasPermission(RegistrationPermissions.Handle)) throw AppProblem.Forbidden("您没有申请或录入社会组织成立登记的权限");
        var errors = new ValidationErrors();
        var kind = ParseKind(input.Kind);
        if (kind is null) errors.Add("kind", "请选择组织类型（社会团体、社会服务机构或基金会）");
        RegistrationLevel? level = input.Level switch { "city" => RegistrationLevel.City, "county" => RegistrationLevel.County, _ => null };
        if (level is null) errors.Add("level", "请选择登记管理机关层级（市级或县级）");
        else if (kind is { } k && RegistrationLevels.Problem(k, input.CityWide, level.Value) is { } problem) errors.Add("level", problem);
        var seat = divisions.Find(input.DivisionCode);
        if (seat is null || !seat.Code.StartsWith(RegistrationAuthority.City[..4], StringComparison.Ordinal) || seat.Level < DivisionLevel.Town)
        {
            errors.Add("divisionCode", "请选择住所所在的乡镇（街道）或村（社区）");
        }
        Facts(errors, input.Name, input.LegalRepresentative, input.Address, input.Purpose, input.BusinessScope, input.RegisteredCapital, kind);
        if (input.Category is { Length: > 0 } c && SocialOrganizationCategories.All.All(x => x.Code != c)) errors.Add("category", "未知的行业分类");
        string applicant;
        if (online) applicant = user.DisplayName ?? user.UserName;
        else if (string.IsNullOrWhiteSpace(input.ApplicantName)) { errors.Add("applicantName", "请填写申请人（发起人或拟任负责人）姓名"); applicant = ""; }
        else applicant = input.ApplicantName.Trim();
        var supervising = Blank(input.SupervisingUnit);
        if (kind is { } kk && !errors.Any) Materials(errors, ApplicationKind.Establish, kk, supervising is not null, input.Materials);
        errors.ThrowIfAny();

        var authorityCode = RegistrationAuthority.AuthorityFor(level!.Value, seat!.Code);
        if (!online) authority.RequireAct(level.Value, authorityCode);
        await NameFreeAsync(input.Name!.Trim(), null, ct);

        var application = new RegistrationApplication
        {
            Number = "",
            Kind = ApplicationKind.Establish,
            Channel = online ? ApplicationChannel.Online : ApplicationChannel.Counter,
            DivisionCode = seat.Code,
            OrganizationKind = kind!.Value,
            Level = level.Value,
            CityWide = input.CityWide,
            AuthorityDivisionCode = authorityCode,
            ApplicantUserId = online ? user.UserId : null,
            ApplicantName = applicant,
            Name = input.Name!.Trim(),
            LegalRepresentative = input.LegalRepresentative!.Trim(),
            Address = input.Address!.Trim(),
            SupervisingUnit = supervising,
            Category = Blank(input.Category) ?? SocialOrganizationCategories.Other,
            Purpose = input.Purpose!.Trim(),
            BusinessScope = input.BusinessScope!.Trim(),
            RegisteredCapital = Platform.Money.Money.FromYuan(input.RegisteredCapital!.Value, "registeredCapital"),
            IsTradeAssociation = input.IsTradeAssociation,
            Materials = string.Join(',', input.Materials!.Distinct()),
            SubmittedOn = clock.Today,
        };
        if (!online)
        {
            application.Number = await NextNumberAsync(ct);
            db.Add(application);
            await db.SaveChangesAsync(ct);
            return application;
        }
        // A citizen's scope is his own village: the application's seat (the proposed organisation's, chosen by him) lies outside
        // it, so the one write check would refuse his own record. It is written in a scope of its own as the citizen himself
        // (his id and name in the audit log) with the seat as his division for this one row, and nothing else is done there.
        using var scope = scopes.CreateScope();
        var acting = ActingIdentity.Of(user, [Permissions.CitizenApply]) with { DivisionCode = seat.Code };
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(acting);
        var scopedDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        application.Number = await scope.ServiceProvider.GetRequiredService<RegistrationApplications>().NextNumberAsync(ct);
        scopedDb.Add(application);
        await scopedDb.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>变更登记: the organisation's own account online, or an officer of its authority at the counter.</summary>
    public async Task<RegistrationApplication> ChangeAsync(Guid organizationId, ChangeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var (o, online) = await ApplicantForAsync(organizationId, ct);
        var errors = new ValidationErrors();
        var name = Blank(input.Name) ?? o.Organization.Name;
        var representative = Blank(input.LegalRepresentative) ?? o.Organization.LegalRepresentativeName;
        var address = Blank(input.Address) ?? o.Organization.Address;
        var scope = Blank(input.BusinessScope) ?? o.Profile.BusinessScope;
        var capital = input.RegisteredCapital ?? o.Profile.RegisteredCapital.Yuan;
        var supervising = input.DirectRegistration ? null : Blank(input.SupervisingUnit) ?? o.Profile.SupervisingUnit;
        Facts(errors, name, representative, address, o.Profile.Purpose.Length > 0 ? o.Profile.Purpose : "-", scope, capital, o.Profile.Kind);
        if (name == o.Organization.Name && representative == o.Organization.LegalRepresentativeName && address == o.Organization.Address
            && scope == o.Profile.BusinessScope && decimal.Round(capital, 2) == o.Profile.RegisteredCapital.Yuan && supervising == o.Profile.SupervisingUnit)
        {
            errors.Add("name", "请至少填写一项变更事项（名称、法定代表人、住所、业务范围、注册资金或业务主管单位）");
        }
        string applicant = online ? user.DisplayName ?? user.UserName : Blank(input.ApplicantName) ?? "";
        if (applicant.Length == 0) errors.Add("applicantName", "请填写申请人（经办人）姓名");
        // the supervising unit's consent is needed when the organisation has one now (it consents to the change)
        if (!errors.Any) Materials(errors, ApplicationKind.Change, o.Profile.Kind, o.Profile.SupervisingUnit is not null, input.Materials);
        errors.ThrowIfAny();
        if (name != o.Organization.Name) await NameFreeAsync(name, o.Id, ct);
        await NoOpenApplicationAsync(o.Id, ct);
        var application = NewFor(o, ApplicationKind.Change, online, applicant, input.Materials!);
        application.Name = name;
        application.LegalRepresentative = representative;
        application.Address = address;
        application.BusinessScope = scope;
        application.RegisteredCapital = Platform.Money.Money.FromYuan(capital, "registeredCapital");
        application.SupervisingUnit = supervising;
        application.Reason = Blank(input.Reason);
        application.Number = await NextNumberAsync(ct);
        db.Add(application);
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>注销登记: the organisation's own account online, or an officer of its authority at the counter.</summary>
    public async Task<RegistrationApplication> DeregisterAsync(Guid organizationId, DeregisterInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var (o, online) = await ApplicantForAsync(organizationId, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写注销原因（如章程规定的解散事由、决策机构决议解散等）");
        string applicant = online ? user.DisplayName ?? user.UserName : Blank(input.ApplicantName) ?? "";
        if (applicant.Length == 0) errors.Add("applicantName", "请填写申请人（经办人）姓名");
        if (!errors.Any) Materials(errors, ApplicationKind.Deregister, o.Profile.Kind, o.Profile.SupervisingUnit is not null, input.Materials);
        errors.ThrowIfAny();
        await NoOpenApplicationAsync(o.Id, ct);
        var application = NewFor(o, ApplicationKind.Deregister, online, applicant, input.Materials!);
        application.Reason = input.Reason!.Trim();
        application.Number = await NextNumberAsync(ct);
        db.Add(application);
        await db.SaveChangesAsync(ct);
        return application;
    }

    // ---------- the authority's steps ----------

    /// <summary>受理: starts the workflow case; the statutory limit from the figure book becomes the case's due date.</summary>
    public async Task<RegistrationApplication> AcceptAsync(Guid id, StepInput input, CancellationToken ct = default)
    {
        var a = await ForActionAsync(id, input.Version, ct);
        if (a.Status != ApplicationStatus.Submitted) throw new AppProblem(409, "socorg_application_state", "该申请已受理或已办结，不能再受理");
        var today = clock.Today;
        var category = TimeLimits.Category(a.Kind, a.OrganizationKind);
        var days = figures.Require(RegistrationFigures.LimitDays, a.AuthorityDivisionCode, today, category);
        var counting = figures.Require(RegistrationFigures.LimitCounting, a.AuthorityDivisionCode, today, category).Row.Choice ?? TimeLimits.Calendar;
        var due = TimeLimits.DueOn(today, days.Number, counting, calendar.AddWorkingDays);
        var c = await engine.StartAsync(RegistrationProcess.Code, RegistrationProcess.SubjectType, a.Id, $"{KindName(a.Kind)}：{a.Name}", a.DivisionCode, Blank(input.Opinion), ct);
        // the law counts its 日 as calendar days, which the kernel's working-day deadlines cannot express: the case's clock and
        // due date are the statutory ones, set here once (ADR 038)
        c.ClockStartedOn = today;
        c.CaseDueDate = due;
        c.StepDueDate = due;
        a.WorkflowCaseId = c.Id;
        a.Status = ApplicationStatus.Accepted;
        a.AcceptedOn = today;
        a.DueOn = due;
        a.DueBasis = $"{days.Number}{(counting == TimeLimits.Working ? "个工作日" : "日")}（{days.Row.Document}）";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>不予受理, with written grounds (the application ends without a case).</summary>
    public async Task<RegistrationApplication> RejectAsync(Guid id, StepInput input, CancellationToken ct = default)
    {
        var a = await ForActionAsync(id, input.Version, ct);
        if (string.IsNullOrWhiteSpace(input.Opinion)) throw AppProblem.Field("opinion", "不予受理必须书面说明理由");
        if (a.Status != ApplicationStatus.Submitted) throw new AppProblem(409, "socorg_application_state", "该申请已受理或已办结，不能不予受理");
        a.Status = ApplicationStatus.NotAccepted;
        a.Grounds = input.Opinion.Trim();
        a.DecidedOn = clock.Today;
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>审查: the reviewing officer's opinion; the case moves on to the decision.</summary>
    public async Task<RegistrationApplication> ReviewAsync(Guid id, StepInput input, CancellationToken ct = default)
    {
        var a = await ForActionAsync(id, input.Version, ct);
        var c = await CaseOfAsync(a, ct);
        await engine.PerformAsync(c, new TransitionRequest(RegistrationProcess.Review, input.Opinion) { Subject = a, Version = input.Version }, t =>
        {
            a.Status = RegistrationProcess.StatusOf(t.To);
            return Task.CompletedTask;
        }, ct);
        if (c.ClosedAt is null) c.StepDueDate = a.DueOn; // the statutory date, not the step's nominal limit
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>准予 or 不准予登记 with written grounds; approval writes the registry, the profile, the certificate and (establishment) the account.</summary>
    public async Task<DecisionResult> DecideAsync(Guid id, bool approve, StepInput input, CancellationToken ct = default)
    {
        var a = await ForActionAsync(id, input.Version, ct);
        var c = await CaseOfAsync(a, ct);
        // the registry's own use cases and the account's creation save as they go: one transaction holds them with the case's move
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        DecisionResult result = new(a, a.OrganizationId, null, null, null, null);
        await engine.PerformAsync(c, new TransitionRequest(approve ? RegistrationProcess.Approve : RegistrationProcess.Refuse, input.Opinion) { Subject = a, Version = input.Version },
            async t =>
            {
                a.Status = RegistrationProcess.StatusOf(t.To);
                a.DecidedOn = clock.Today;
                a.Grounds = t.Opinion;
                if (!approve) return;
                result = a.Kind switch
                {
                    ApplicationKind.Establish => await EstablishApprovedAsync(a, ct),
                    ApplicationKind.Change => await ChangeApprovedAsync(a, ct),
                    _ => await DeregisterApprovedAsync(a, ct),
                };
            }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task<DecisionResult> EstablishApprovedAsync(RegistrationApplication a, CancellationToken ct)
    {
        var today = clock.Today;
        var type = SocialOrganizationKinds.CreditCodeType(a.OrganizationKind);
        var lead = $"5{type}{a.AuthorityDivisionCode[..6]}";
        // the 8-character body from the authority's own sequence; codes are unique city-wide, so the seed reads every organisation
        var body = await numbers.ReserveAsync(new NumberSeries(CreditSeries + lead, null, 8), 1,
            db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(o => o.CreditCode != null && o.CreditCode.StartsWith(lead))
#pragma warning disable CA1845 // an expression EF translates to SQL: spans are not translatable
                .Select(o => (string?)(CreditSeries + o.CreditCode!.Substring(0, 16))), ct);
#pragma warning restore CA1845
        var code = CreditCode.Compose('5', type, a.AuthorityDivisionCode[..6], body.ToString("D8", CultureInfo.InvariantCulture));
        var organization = await registration.CreateAsync(new OrganizationInput
        {
            CreditCode = code,
            Name = a.Name,
            Kind = a.OrganizationKind,
            LegalRepresentativeName = a.LegalRepresentative,
            DivisionCode = a.DivisionCode,
            Address = a.Address,
            RegisteredOn = today,
        }, ct);
        var certificate = await NextCertificateAsync(a, ct);
        var profile = new SocialOrganizationProfile
        {
            OrganizationId = organization.Id,
            DivisionCode = a.DivisionCode,
            Kind = a.OrganizationKind,
            Level = a.Level,
            AuthorityDivisionCode = a.AuthorityDivisionCode,
            SupervisingUnit = a.SupervisingUnit,
            Category = a.Category,
            Purpose = a.Purpose,
            BusinessScope = a.BusinessScope,
            RegisteredCapital = a.RegisteredCapital,
            CertificateNumber = certificate,
            CertificateIssuedOn = today,
            IsTradeAssociation = a.IsTradeAssociation,
        };
        db.Add(profile);
        a.OrganizationId = organization.Id;
        a.CertificateNumber = certificate;

        // the organisation's own account: its credit code signs in, the password is shown once to the approving officer and must
        // be changed at the first sign-in (the kernel's PasswordChangeRequiredMiddleware)
        var password = OneTimePassword();
        var account = new AppUser
        {
            UserName = code,
            DisplayName = a.Name,
            DivisionCode = a.DivisionCode,
            OrganizationId = organization.Id,
            MustChangePassword = true,
            CreatedAt = clock.UtcNow,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded) throw new InvalidOperationException("创建组织账号失败：" + string.Join("；", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(account, Roles.OrganizationStaff);
        if (!role.Succeeded) throw new InvalidOperationException("组织账号授权失败：" + string.Join("；", role.Errors.Select(e => e.Description)));
        a.AccountUserName = code;
        return new(a, organization.Id, code, certificate, code, password);
    }

    private async Task<DecisionResult> ChangeApprovedAsync(RegistrationApplication a, CancellationToken ct)
    {
        var o = await authority.LoadForActionAsync(a.OrganizationId!.Value, ct);
        if (o.Organization.Status != OrganizationStatus.Active) throw new AppProblem(409, "socorg_not_active", "该社会组织已注销或被撤销登记，不能变更");
        var org = o.Organization;
        // the registry keeps the former name and the change as events (OrganizationRegistration.UpdateAsync)
        await registration.UpdateAsync(org.Id, new OrganizationInput
        {
            CreditCode = org.CreditCode,
            Name = a.Name,
            Kind = org.Kind,
            LegalRepresentativePersonId = a.LegalRepresentative == org.LegalRepresentativeName ? org.LegalRepresentativePersonId : null,
            LegalRepresentativeName = a.LegalRepresentative,
            DivisionCode = org.DivisionCode,
            Address = a.Address,
            Phone = org.PhoneCipher is { } phone ? protector.Decrypt(phone, ProtectedKind.Phone) : null,
            BankName = org.BankName,
            RegisteredOn = org.RegisteredOn,
            ChangedOn = clock.Today,
            Version = org.Version,
        }, ct);
        o.Profile.BusinessScope = a.BusinessScope;
        o.Profile.RegisteredCapital = a.RegisteredCapital;
        o.Profile.SupervisingUnit = a.SupervisingUnit;
        return new(a, org.Id, org.CreditCode, o.Profile.CertificateNumber, null, null);
    }

    private async Task<DecisionResult> DeregisterApprovedAsync(RegistrationApplication a, CancellationToken ct)
    {
        var o = await authority.LoadForActionAsync(a.OrganizationId!.Value, ct);
        if (o.Organization.Status != OrganizationStatus.Active) throw new AppProblem(409, "socorg_not_active", "该社会组织已注销或被撤销登记");
        var today = clock.Today;
        await registration.EndAsync(o.Id, new OrganizationEndInput(OrganizationEventKind.Deregistered, today, $"准予注销登记（{a.Number}）", o.Organization.Version), ct);
        await ledger.RecordAsync(o, new CreditEntry(o.Id, today, CreditEventKind.Deregistered, "准予注销登记", "registration", a.Number, "deregistered"), ct);
        return new(a, o.Id, o.Organization.CreditCode, o.Profile.CertificateNumber, null, null);
    }

    // ---------- reading ----------

    /// <summary>An application as the user may see it: officers through the scope, an organisation its own, a citizen those he submitted.</summary>
    public async Task<RegistrationApplication> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<RegistrationApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? (user.UserId is { } uid && user.HasPermission(Permissions.CitizenApply)
            // a citizen's own application lies outside his village's scope (see EstablishAsync): read by his account id only
            ? await db.Set<RegistrationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ApplicantUserId == uid, ct)
            : null)
        ?? throw AppProblem.NotFound("登记申请");

    /// <summary>The signed-in citizen's own applications (past the scope filter by his account id, see <see cref="EstablishAsync"/>).</summary>
    public async Task<List<RegistrationApplication>> MineAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } uid) return [];
        return await db.Set<RegistrationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(a => a.ApplicantUserId == uid && a.Kind == ApplicationKind.Establish).OrderByDescending(a => a.SubmittedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    /// <summary>The applications of one organisation (in scope), newest first.</summary>
    public Task<List<RegistrationApplication>> OfOrganizationAsync(Guid organizationId, CancellationToken ct = default) =>
        db.Set<RegistrationApplication>().AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.SubmittedOn).ThenByDescending(a => a.Id).ToListAsync(ct);

    /// <summary>The applications in scope, open first, for the officer's list.</summary>
    public Task<Paged<RegistrationApplication>> ListAsync(ApplicationStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<RegistrationApplication>().AsNoTracking();
        if (status is { } s) q = q.Where(a => a.Status == s);
        return q.OrderBy(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Reviewed ? 0 : 1)
            .ThenByDescending(a => a.SubmittedOn).ThenByDescending(a => a.Id).ToPagedAsync(page, ct);
    }

    public async Task<WorkflowCase?> CaseAsync(RegistrationApplication a, CancellationToken ct = default) =>
        a.WorkflowCaseId is { } cid ? await db.WorkflowCases.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == cid, ct) : null;

    // ---------- helpers ----------

    public const string CreditSeries = "socorg-credit:";

    public static string KindName(ApplicationKind kind) => kind switch
    {
        ApplicationKind.Establish => "成立登记",
        ApplicationKind.Change => "变更登记",
        _ => "注销登记",
    };

    public static string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "已提交，待受理",
        ApplicationStatus.NotAccepted => "不予受理",
        ApplicationStatus.Accepted => "已受理，审查中",
        ApplicationStatus.Reviewed => "已审查，待决定",
        ApplicationStatus.Approved => "准予登记",
        _ => "不准予登记",
    };

    public static OrganizationKind? ParseKind(string? code) =>
        SocialOrganizationKinds.All.Cast<OrganizationKind?>().FirstOrDefault(k => SocialOrganizationKinds.FigureCategory(k!.Value) == code);

    private async Task<(SocialOrganization Organization, bool Online)> ApplicantForAsync(Guid organizationId, CancellationToken ct)
    {
        var o = await authority.LoadAsync(organizationId, ct); // 404 outside the scope or another organisation's account
        bool online;
        if (user.OrganizationId == organizationId)
        {
            if (!user.HasPermission(RegistrationPermissions.Submit)) throw AppProblem.Forbidden("您没有网上申请登记的权限");
            online = true;
        }
        else
        {
            if (!user.HasPermission(RegistrationPermissions.Handle)) throw AppProblem.Forbidden("您没有录入社会组织登记申请的权限");
            authority.RequireAct(o.Profile);
            online = false;
        }
        if (o.Organization.Status != OrganizationStatus.Active) throw new AppProblem(409, "socorg_not_active", "该社会组织已注销或被撤销登记，不能申请");
        return (o, online);
    }

    private RegistrationApplication NewFor(SocialOrganization o, ApplicationKind kind, bool online, string applicant, List<string> materials) => new()
    {
        Number = "",
        Kind = kind,
        Channel = online ? ApplicationChannel.Online : ApplicationChannel.Counter,
        OrganizationId = o.Id,
        DivisionCode = o.Profile.DivisionCode,
        OrganizationKind = o.Profile.Kind,
        Level = o.Profile.Level,
        AuthorityDivisionCode = o.Profile.AuthorityDivisionCode,
        ApplicantUserId = online ? user.UserId : null,
        ApplicantName = applicant,
        Name = o.Organization.Name,
        LegalRepresentative = o.Organization.LegalRepresentativeName,
        Address = o.Organization.Address,
        SupervisingUnit = o.Profile.SupervisingUnit,
        Category = o.Profile.Category,
        Purpose = o.Profile.Purpose,
        BusinessScope = o.Profile.BusinessScope,
        RegisteredCapital = o.Profile.RegisteredCapital,
        IsTradeAssociation = o.Profile.IsTradeAssociation,
        Materials = string.Join(',', materials.Distinct()),
        SubmittedOn = clock.Today,
    };

    private async Task<RegistrationApplication> ForActionAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!user.HasPermission(RegistrationPermissions.Handle) && !user.HasPermission(RegistrationPermissions.Decide)) throw AppProblem.Forbidden("您没有办理社会组织登记的权限");
        var a = await db.Set<RegistrationApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("登记申请");
        authority.RequireAct(a.Level, a.AuthorityDivisionCode);
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(a, v);
        if (!user.HasPermission(RegistrationPermissions.Handle) && a.Status == ApplicationStatus.Submitted) throw AppProblem.Forbidden("您没有受理社会组织登记申请的权限");
        return a;
    }

    private async Task<WorkflowCase> CaseOfAsync(RegistrationApplication a, CancellationToken ct) =>
        a.WorkflowCaseId is { } cid
            ? await db.WorkflowCases.FirstOrDefaultAsync(c => c.Id == cid, ct) ?? throw AppProblem.NotFound("登记案件")
            : throw new AppProblem(409, "socorg_application_state", "该申请尚未受理，请先受理");

    private static void Facts(ValidationErrors errors, string? name, string? representative, string? address, string? purpose, string? scope, decimal? capital, OrganizationKind? kind)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add("name", "请填写拟定名称");
        if (string.IsNullOrWhiteSpace(representative)) errors.Add("legalRepresentative", "请填写法定代表人（拟任负责人）");
        if (string.IsNullOrWhiteSpace(address)) errors.Add("address", "请填写住所");
        if (string.IsNullOrWhiteSpace(purpose)) errors.Add("purpose", "请填写宗旨");
        if (string.IsNullOrWhiteSpace(scope)) errors.Add("businessScope", "请填写业务范围");
        if (capital is not { } c || c <= 0) errors.Add("registeredCapital", kind == OrganizationKind.Foundation ? "请填写原始基金（元）" : "请填写注册资金（元）");
        else if (decimal.Round(c, 2) != c || c > Platform.Money.Money.MaxYuan) errors.Add("registeredCapital", "金额须为不超过两位小数的有效金额（元）");
    }

    private static void Materials(ValidationErrors errors, ApplicationKind application, OrganizationKind kind, bool hasSupervisingUnit, List<string>? submitted)
    {
        var unknown = (submitted ?? []).Where(m => RegistrationMaterials.Find(m) is null).ToList();
        if (unknown.Count > 0) errors.Add("materials", $"未知的材料：{string.Join("、", unknown)}");
        foreach (var m in RegistrationMaterials.Missing(application, kind, hasSupervisingUnit, submitted ?? []))
        {
            errors.Add("materials", $"缺少材料：{m.Name}", "socorg_materials_missing");
        }
    }

    /// <summary>A name may not be taken by a registered organisation (the registry is read past the scope: names are public) or a pending establishment.</summary>
    private async Task NameFreeAsync(string name, Guid? except, CancellationToken ct)
    {
        var taken = await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(o => o.Name == name && o.Id != except && o.Status == OrganizationStatus.Active, ct)
            || await db.Set<RegistrationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(a => a.Name == name && a.OrganizationId != except && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Reviewed), ct);
        if (taken) throw new AppProblem(409, "socorg_name_taken", $"名称“{name}”已被登记或正在申请中，请另拟名称");
    }

    private async Task NoOpenApplicationAsync(Guid organizationId, CancellationToken ct)
    {
        if (await db.Set<RegistrationApplication>().AnyAsync(a => a.OrganizationId == organizationId
                && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Reviewed), ct))
        {
            throw new AppProblem(409, "socorg_application_pending", "该社会组织有尚未办结的变更或注销申请，办结后才能再申请");
        }
    }

    internal Task<string> NextNumberAsync(CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries("SZDJ", clock.Today.Year, 5),
            db.Set<RegistrationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(a => (string?)a.Number), ct);

    /// <summary>“容社证字第2026001号”: the authority's one-character name, the year and its sequence.</summary>
    private async Task<string> NextCertificateAsync(RegistrationApplication a, CancellationToken ct)
    {
        var name = divisions.NameOf(a.AuthorityDivisionCode);
        var lead = (name.Length > 0 ? name[..1] : "民") + "社证字第";
        var number = await numbers.NextAsync(new NumberSeries(lead, clock.Today.Year, 3),
            db.Set<SocialOrganizationProfile>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.CertificateNumber != null)
                .Select(p => (string?)p.CertificateNumber!.Replace("号", "")), ct);
        return number + "号";
    }

    private static string OneTimePassword()
    {
        // 10 characters from an alphabet without look-alikes, plus a digit and a sign so every password policy accepts it
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return new string(chars) + RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture) + "#";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
