using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Text;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Registry;

/// <summary>What a clerk or API client submits to register or edit a person.</summary>
public sealed record PersonUpdate(Person Person, bool DeathRecorded, IReadOnlyList<string> DeathEffects);

public sealed record PersonInput
{
    /// <summary>Required when registering; on an edit, left out (null) keeps the registered number.</summary>
    [Text(18)] public string? IdNumber { get; init; }

    /// <summary>True for people without an ID number (foundlings, some rescued vagrants): sex and birth date are then entered.</summary>
    public bool NoIdNumber { get; init; }

    [Text(PersonNames.MaxLength)] public string? Name { get; init; }
    public Sex? Sex { get; init; }
    public DateOnly? BirthDate { get; init; }
    [Text(20)] public string? Ethnicity { get; init; }
    public HukouType? HukouType { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(200)] public string? Address { get; init; }
    [Text(20)] public string? Phone { get; init; }
    [Text(100)] public string? BankName { get; init; }

    /// <summary>Account benefits are paid into; 12–30 digits.</summary>
    [Text(40)] public string? BankAccount { get; init; }

    public DisabilityCategory? DisabilityCategory { get; init; }
    public int? DisabilityGrade { get; init; } // 1–4, checked with the other disability fields in Validate
    [Text(24)] public string? DisabilityCertificate { get; init; }
    public LifeStatus? LifeStatus { get; init; }
    public DateOnly? DeathDate { get; init; }
    public DateOnly? MissingSince { get; init; }

    /// <summary>The version the client edited (updates only): a stale version answers 409.</summary>
    public int? Version { get; init; }
}

/// <summary>Registers and edits people: validation, encryption of identifiers, duplicate check by keyed hash.</summary>
public sealed partial class PersonRegistration(AppDbContext db, IdentifierProtector protector, DivisionDirectory divisions, BusinessClock clock, CaseNumbers numbers, PersonDeaths deaths)
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    public async Task<Person> CreateAsync(PersonInput input, CancellationToken ct = default)
    {
        var (errors, id) = Validate(input, isNew: true);
        errors.ThrowIfAny();
        if (id is { } parsed && await ExistsAsync(parsed.Value, ct))
        {
            throw AppProblem.Conflict("person_exists", $"身份证号 {IdNumber.Mask(parsed.Value)} 已登记，不能重复登记");
        }
        var person = new Person { Name = input.Name!.Trim(), DivisionCode = input.DivisionCode! };
        await ApplyAsync(person, input, id, ct);
        db.Persons.Add(person);
        await SaveAsync(ct);
        return person;
    }

    public async Task<Person> UpdateAsync(Guid id, PersonInput input, CancellationToken ct = default) => (await UpdateWithEffectsAsync(id, input, ct)).Person;

    /// <summary>The edit and, when it records a death, what each module stopped (shown to the clerk who entered it).</summary>
    public async Task<PersonUpdate> UpdateWithEffectsAsync(Guid id, PersonInput input, CancellationToken ct = default)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("人员");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(person, version);
        if (string.IsNullOrWhiteSpace(input.IdNumber) && !input.NoIdNumber && person.IdNumberCipher is not null)
        {
            // Clerks see masked numbers only: an edit that leaves the ID number out keeps the registered one.
            input = input with { IdNumber = protector.Decrypt(person.IdNumberCipher, ProtectedKind.IdNumber) };
        }
        var (errors, parsed) = Validate(input, isNew: false);
        errors.ThrowIfAny();
        if (parsed is { } p && !(person.IdNumberHash?.SequenceEqual(protector.Hash(p.Value, ProtectedKind.IdNumber)) ?? false) && await ExistsAsync(p.Value, ct))
        {
            throw AppProblem.Conflict("person_exists", $"身份证号 {IdNumber.Mask(p.Value)} 已登记在另一人名下");
        }
        var wasDeceased = person.LifeStatus == LifeStatus.Deceased;
        if (wasDeceased && input.LifeStatus != LifeStatus.Deceased)
        {
            // the modules stopped what they paid at the death: only the reversal restores it, with its reason, by the county
            throw AppProblem.Conflict("death_reversal_required", "该人员已登记死亡；如系误登记，请由县级民政部门“撤销死亡登记”，各项待遇随之恢复");
        }
        person.Name = input.Name!.Trim();
        person.DivisionCode = input.DivisionCode!;
        await ApplyAsync(person, input, parsed, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IReadOnlyList<string> effects = [];
        if (!wasDeceased && person.LifeStatus == LifeStatus.Deceased)
        {
            // a death entered by editing the person is the same registry event as a funeral record: every module stops its benefits
            effects = await deaths.RecordAsync(person, person.DeathDate!.Value, "人员登记修改", ct);
        }
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return new PersonUpdate(person, !wasDeceased && person.LifeStatus == LifeStatus.Deceased, effects);
    }

    /// <summary>Looks up by keyed hash over the whole registry (not only the user's scope): an ID number is registered once.</summary>
    public Task<bool> ExistsAsync(string idNumber, CancellationToken ct = default)
    {
        var hash = protector.Hash(idNumber, ProtectedKind.IdNumber);
        return db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(p => p.IdNumberHash == hash, ct);
    }

    private async Task ApplyAsync(Person person, PersonInput input, IdNumber.Parsed? id, CancellationToken ct)
    {
        if (id is { } parsed)
        {
            person.SetIdNumber(parsed, protector);
        }
        else
        {
            person.Sex = input.Sex!.Value;
            person.BirthDate = input.BirthDate!.Value;
            if (person.PlatformNumber is null) person.PlatformNumber = await NextPlatformNumberAsync(input.DivisionCode!, ct);
        }
        ApplyCommon(person, input);
    }

    /// <summary>A new person from validated input (imports): not added to the context, not saved.</summary>
    public Person NewPerson(PersonInput input, IdNumber.Parsed id)
    {
        var person = new Person { Name = input.Name!.Trim(), DivisionCode = input.DivisionCode! };
        person.SetIdNumber(id, protector);
        ApplyCommon(person, input);
        return person;
    }

    private void ApplyCommon(Person person, PersonInput input)
    {
        var pinyin = PinyinTable.Shared;
        person.NamePinyin = pinyin.SearchKey(person.Name);
        person.NameInitials = pinyin.Initials(person.Name);
        person.Ethnicity = string.IsNullOrWhiteSpace(input.Ethnicity) ? "汉族" : input.Ethnicity.Trim();
        person.HukouType = input.HukouType ?? (divisions.Find(input.DivisionCode)?.IsUrban == true ? HukouType.Urban : HukouType.Rural);
        person.Address = input.Address?.Trim() ?? "";
        person.SetPhone(input.Phone, protector);
        person.SetBankAccount(input.BankName, input.BankAccount, protector);
        if (input.DisabilityCategory is null)
        {
            person.SetDisability(null, null, null, protector);
        }
        else if (!(string.IsNullOrWhiteSpace(input.DisabilityCertificate) && person.DisabilityCertificateCipher is not null
                   && person.DisabilityCategory == input.DisabilityCategory && person.DisabilityGrade == input.DisabilityGrade))
        {
            // An edit that leaves the (masked, so empty) certificate field alone keeps the stored number.
            person.SetDisability(input.DisabilityCertificate, input.DisabilityCategory, input.DisabilityGrade, protector);
        }
        person.LifeStatus = input.LifeStatus ?? LifeStatus.Alive;
        person.DeathDate = person.LifeStatus == LifeStatus.Deceased ? input.DeathDate : null;
        person.MissingSince = person.LifeStatus == LifeStatus.Missing ? input.MissingSince : null;
    }

    /// <summary>平台编号 for a person without an ID number: "MZ", the division code, a 4-digit sequence within the division.</summary>
    private Task<string> NextPlatformNumberAsync(string divisionCode, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries("MZ" + divisionCode, null, 4), db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(p => p.PlatformNumber), ct);

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // Two clerks registering the same number at the same moment: the unique index decides.
            throw AppProblem.Conflict("person_exists", "该身份证号已登记，不能重复登记");
        }
    }

    public (ValidationErrors Errors, IdNumber.Parsed? Id) Validate(PersonInput input, bool isNew)
    {
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0); // the lengths declared on PersonInput, for the page as for the API (ADR 024)
        IdNumber.Parsed? id = null;
        var today = clock.Today;
        if (!input.NoIdNumber)
        {
            id = IdNumber.TryParse(input.IdNumber, out var idError);
            if (id is null) errors.Add("idNumber", idError!, "id_number_invalid");
            else if (id.Value.BirthDate > today) errors.Add("idNumber", "身份证号中的出生日期晚于今天", "id_number_invalid");
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(input.IdNumber)) errors.Add("idNumber", "已勾选“无身份证号”，请不要填写身份证号");
            if (input.Sex is null) errors.Add("sex", "无身份证号人员须填写性别");
            if (input.BirthDate is null) errors.Add("birthDate", "无身份证号人员须填写出生日期（可估计）");
            else if (input.BirthDate > today) errors.Add("birthDate", "出生日期不能晚于今天");
        }
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写姓名");
        else if (!PersonNames.IsValid(input.Name.Trim())) errors.Add("name", "姓名只能包含汉字（含生僻字）、字母和间隔号“·”，最多50字");

        var division = divisions.Find(input.DivisionCode);
        if (division is null) errors.Add("divisionCode", "请选择户籍所在村（社区）");
        else if (division.Level != DivisionLevel.Village) errors.Add("divisionCode", "户籍所在地须选到村（社区）一级");
        else if (!db.CurrentUser.Scope.Contains(division.Code)) errors.Add("divisionCode", "该村（社区）不在您的管辖范围内");

        if (!string.IsNullOrWhiteSpace(input.Ethnicity) && !RegistryLabels.Ethnicities.Contains(input.Ethnicity.Trim()))
        {
            errors.Add("ethnicity", $"民族“{input.Ethnicity}”不是56个民族之一");
        }
        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhonePattern().IsMatch(input.Phone.Trim()))
        {
            errors.Add("phone", "联系电话应为11位手机号或带区号的固定电话");
        }
        if (!string.IsNullOrWhiteSpace(input.BankAccount))
        {
            var account = input.BankAccount.Replace(" ", "", StringComparison.Ordinal);
            if (account.Length is < 12 or > 30 || !account.All(char.IsAsciiDigit)) errors.Add("bankAccount", "银行账号应为12至30位数字");
            if (string.IsNullOrWhiteSpace(input.BankName)) errors.Add("bankName", "填写银行账号时须填写开户银行");
        }
        if (input.DisabilityCategory is not null || input.DisabilityGrade is not null || !string.IsNullOrWhiteSpace(input.DisabilityCertificate))
        {
            if (input.DisabilityCategory is null) errors.Add("disabilityCategory", "请选择残疾类别");
            if (input.DisabilityGrade is not (>= 1 and <= 4)) errors.Add("disabilityGrade", "残疾等级为一至四级");
            var cert = input.DisabilityCertificate?.Trim().ToUpperInvariant();
            if (!string.IsNullOrEmpty(cert))
            {
                // 第二代残疾人证号: 18-digit ID number + category digit + grade digit.
                if (cert.Length != 20 || (id is { } pid && !cert.StartsWith(pid.Value, StringComparison.Ordinal)))
                {
                    errors.Add("disabilityCertificate", "残疾人证号应为20位：本人身份证号加残疾类别、等级各一位");
                }
                else if (input.DisabilityCategory is { } cat && input.DisabilityGrade is { } grade && cert[18..] != $"{(int)cat}{grade}")
                {
                    errors.Add("disabilityCertificate", "残疾人证号末两位与残疾类别、等级不一致");
                }
            }
        }
        var birth = id?.BirthDate ?? input.BirthDate;
        switch (input.LifeStatus ?? LifeStatus.Alive)
        {
            case LifeStatus.Deceased when input.DeathDate is null:
                errors.Add("deathDate", "已死亡人员须填写死亡日期");
                break;
            case LifeStatus.Deceased when input.DeathDate > today || (birth is { } b && input.DeathDate < b):
                errors.Add("deathDate", "死亡日期应在出生日期之后、今天之前");
                break;
            case LifeStatus.Missing when input.MissingSince is null:
                errors.Add("missingSince", "失踪人员须填写失踪日期");
                break;
        }
        _ = isNew;
        return (errors, id);
    }
}
