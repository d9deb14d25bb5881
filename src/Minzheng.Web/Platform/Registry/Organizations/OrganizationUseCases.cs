using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Text;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Registry.Organizations;

/// <summary>What a clerk, an import row or an API client submits to register or edit an organisation.</summary>
public sealed record OrganizationInput
{
    /// <summary>统一社会信用代码; left empty for an organisation without one (it then gets a platform number).</summary>
    [Text(18)] public string? CreditCode { get; init; }

    [Text(100)] public string? Name { get; init; }
    public OrganizationKind? Kind { get; init; }
    public Guid? LegalRepresentativePersonId { get; init; }
    [Text(50)] public string? LegalRepresentativeName { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(200)] public string? Address { get; init; }
    [Text(20)] public string? Phone { get; init; }
    [Text(100)] public string? BankName { get; init; }

    /// <summary>On an edit, left out (null) keeps the stored account (clerks see it masked only).</summary>
    [Text(40)] public string? BankAccount { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    /// <summary>The date a change of name (or other registered fact) took effect; today when left out.</summary>
    public DateOnly? ChangedOn { get; init; }

    /// <summary>The version the client edited (updates only): a stale version answers 409.</summary>
    public int? Version { get; init; }
}

/// <summary>注销 or 撤销: the end of an organisation's registration.</summary>
public sealed record OrganizationEndInput([property: JsonRequired] OrganizationEventKind Kind, DateOnly? On, [Text(500)] string? Note, int? Version);

/// <summary>Registers and edits organisations: credit-code check, duplicate check, protected phone and account, history.</summary>
public sealed partial class OrganizationRegistration(AppDbContext db, IdentifierProtector protector, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user,
    Numbering.CaseNumbers numbers)
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    public async Task<Organization> CreateAsync(OrganizationInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input); // the limits declared on the input, for the page as for the API (ADR 024)
        var (errors, code) = Validate(input);
        errors.ThrowIfAny();
        if (code is not null && await CodeExistsAsync(code.Value, null, ct))
        {
            throw AppProblem.Conflict("organization_exists", $"统一社会信用代码 {code.Value} 已登记，不能重复登记");
        }
        await CheckRepresentativeAsync(input, ct);
        var organization = New(input, code);
        if (organization.CreditCode is null) organization.PlatformNumber = await NextPlatformNumberAsync(organization.DivisionCode, ct);
        db.Organizations.Add(organization);
        await SaveAsync(ct);
        return organization;
    }

    /// <summary>A new organisation from validated input (imports): added with its registration event, not saved; no platform number yet.</summary>
    public Organization New(OrganizationInput input, CreditCode.Parsed? code)
    {
        var organization = new Organization { Name = input.Name!.Trim(), DivisionCode = input.DivisionCode!, CreditCode = code?.Value };
        Apply(organization, input);
        organization.SetBankAccount(input.BankName, input.BankAccount, protector);
        organization.RegisteredOn = input.RegisteredOn;
        organization.Events.Add(new OrganizationEvent
        {
            OrganizationId = organization.Id,
            Kind = OrganizationEventKind.Registered,
            EffectiveOn = input.RegisteredOn ?? clock.Today,
            Note = "登记入库",
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        });
        return organization;
    }

    public async Task<Organization> UpdateAsync(Guid id, OrganizationInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input); // the limits declared on the input, for the page as for the API (ADR 024)
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw AppProblem.NotFound("组织");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(organization, version);
        if (organization.Status != OrganizationStatus.Active) throw AppProblem.Conflict("invalid_state", "该组织已注销或被撤销登记，不能修改");
        var (errors, code) = Validate(input);
        errors.ThrowIfAny();
        if (code is not null && code.Value != organization.CreditCode && await CodeExistsAsync(code.Value, id, ct))
        {
            throw AppProblem.Conflict("organization_exists", $"统一社会信用代码 {code.Value} 已登记在另一组织名下");
        }
        await CheckRepresentativeAsync(input, ct);
        var name = input.Name!.Trim();
        var changes = new List<string>();
        if (name != organization.Name) changes.Add($"名称由“{organization.Name}”变更为“{name}”");
        if (input.Kind != organization.Kind) changes.Add("组织类别变更");
        if (input.DivisionCode != organization.DivisionCode) changes.Add("登记所在地变更");
        if ((input.LegalRepresentativeName?.Trim() ?? "") != organization.LegalRepresentativeName) changes.Add("法定代表人（负责人）变更");
        if (changes.Count > 0)
        {
            db.Add(new OrganizationEvent
            {
                OrganizationId = organization.Id,
                Kind = OrganizationEventKind.Changed,
                EffectiveOn = input.ChangedOn ?? clock.Today,
                FormerName = name != organization.Name ? organization.Name : null,
                Note = string.Join("；", changes),
                RecordedBy = user.UserName,
                RecordedAt = clock.UtcNow,
            });
        }
        if (code is not null)
        {
            organization.CreditCode = code.Value;
            organization.PlatformNumber = null;
        }
        organization.Name = name;
        organization.DivisionCode = input.DivisionCode!;
        Apply(organization, input);
        if (input.BankAccount is not null || string.IsNullOrWhiteSpace(input.BankName))
        {
            organization.SetBankAccount(input.BankName, input.BankAccount, protector);
        }
        else if (organization.BankAccountCipher is not null)
        {
            // the account is kept; only the bank's name changed
            organization.SetBankAccount(input.BankName, protector.Decrypt(organization.BankAccountCipher, ProtectedKind.BankAccount), protector);
        }
        if (input.RegisteredOn is not null) organization.RegisteredOn = input.RegisteredOn;
        if (organization.CreditCode is null && organization.PlatformNumber is null) organization.PlatformNumber = await NextPlatformNumberAsync(organization.DivisionCode, ct);
        await SaveAsync(ct);
        return organization;
    }

    /// <summary>注销登记 or 撤销登记: kept in the registry with its history; nothing is paid for months after the date.</summary>
    public async Task<Organization> EndAsync(Guid id, OrganizationEndInput input, CancellationToken ct = default)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw AppProblem.NotFound("组织");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(organization, version);
        if (input.Kind is not (OrganizationEventKind.Deregistered or OrganizationEventKind.Revoked)) throw AppProblem.Field("kind", "请选择注销登记或撤销登记");
        if (organization.Status != OrganizationStatus.Active) throw AppProblem.Conflict("invalid_state", "该组织已注销或被撤销登记");
        var on = input.On ?? clock.Today;
        if (on > clock.Today) throw AppProblem.Field("on", "日期不能晚于今天");
        organization.Status = input.Kind == OrganizationEventKind.Deregistered ? OrganizationStatus.Deregistered : OrganizationStatus.Revoked;
        organization.EndedOn = on;
        db.Add(new OrganizationEvent
        {
            OrganizationId = organization.Id,
            Kind = input.Kind,
            EffectiveOn = on,
            Note = input.Note?.Trim() ?? "",
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        });
        await SaveAsync(ct);
        return organization;
    }

    private void Apply(Organization organization, OrganizationInput input)
    {
        var pinyin = PinyinTable.Shared;
        organization.NamePinyin = pinyin.SearchKey(organization.Name);
        organization.NameInitials = pinyin.Initials(organization.Name);
        organization.Kind = input.Kind!.Value;
        organization.LegalRepresentativePersonId = input.LegalRepresentativePersonId;
        organization.LegalRepresentativeName = input.LegalRepresentativeName?.Trim() ?? "";
        organization.Address = input.Address?.Trim() ?? "";
        organization.SetPhone(input.Phone, protector);
    }

    private async Task CheckRepresentativeAsync(OrganizationInput input, CancellationToken ct)
    {
        if (input.LegalRepresentativePersonId is not { } personId) return;
        // Through the scope filter: a clerk links only a person they may see.
        var name = await db.Persons.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) throw AppProblem.Field("legalRepresentativePersonId", "法定代表人（负责人）不在人员库中或不在您的管辖范围内");
        if (!string.IsNullOrWhiteSpace(input.LegalRepresentativeName) && input.LegalRepresentativeName.Trim() != name)
        {
            throw AppProblem.Field("legalRepresentativeName", $"所选人员姓名为“{name}”，与填写的法定代表人姓名不一致");
        }
    }

    /// <summary>Looks a code up over the whole registry (not only the user's scope): a credit code is registered once.</summary>
    public Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken ct = default) =>
        db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(o => o.CreditCode == code && o.Id != except, ct);

    /// <summary>
    /// "MZO" + the 12-digit division + a 4-digit sequence within it, from the kernel's counters (the old highest-plus-one read
    /// gave two organisations registered at the same moment the same number, and the unique index answered 500).
    /// </summary>
    public Task<string> NextPlatformNumberAsync(string divisionCode, CancellationToken ct) =>
        numbers.NextAsync(new Numbering.NumberSeries("MZO" + divisionCode, null, 4),
            db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(o => o.PlatformNumber), ct);

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && Data.UniqueViolation.Is(e))
        {
            // Two clerks registering the same code at the same moment: the unique index decides.
            throw AppProblem.Conflict("organization_exists", "该统一社会信用代码已登记，不能重复登记");
        }
    }

    public (ValidationErrors Errors, CreditCode.Parsed? Code) Validate(OrganizationInput input)
    {
        var errors = new ValidationErrors();
        CreditCode.Parsed? code = null;
        if (!string.IsNullOrWhiteSpace(input.CreditCode))
        {
            code = Organizations.CreditCode.TryParse(input.CreditCode, out var error);
            if (code is null) errors.Add("creditCode", error!, "credit_code_invalid");
        }
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写组织名称");
        else if (input.Name.Trim().Length > 100) errors.Add("name", "组织名称最多100字");
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) errors.Add("kind", "请选择组织类别");
        var division = divisions.Find(input.DivisionCode);
        if (division is null) errors.Add("divisionCode", "请选择登记所在地（乡镇或村、社区）", "division_unknown");
        else if (division.Level is not (DivisionLevel.County or DivisionLevel.Town or DivisionLevel.Village)) errors.Add("divisionCode", "登记所在地须选到县、乡镇或村（社区）一级");
        else if (!user.Scope.Contains(division.Code)) errors.Add("divisionCode", "该地区不在您的管辖范围内");
        if (input.LegalRepresentativeName?.Trim().Length > 50) errors.Add("legalRepresentativeName", "法定代表人（负责人）姓名最多50字");
        if (input.Address?.Trim().Length > 200) errors.Add("address", "地址最多200字");
        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhonePattern().IsMatch(input.Phone.Trim()))
        {
            errors.Add("phone", "联系电话应为11位手机号或带区号的固定电话");
        }
        if (!string.IsNullOrWhiteSpace(input.BankAccount))
        {
            var account = input.BankAccount.Replace(" ", "", StringComparison.Ordinal);
            if (account.Length is < 8 or > 32 || !account.All(char.IsAsciiDigit)) errors.Add("bankAccount", "银行账号应为8至32位数字");
            if (string.IsNullOrWhiteSpace(input.BankName)) errors.Add("bankName", "填写银行账号时须填写开户银行");
        }
        if (input.RegisteredOn > clock.Today) errors.Add("registeredOn", "成立日期不能晚于今天");
        return (errors, code);
    }
}
