using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>One party as entered: every value as text, read against the code tables (a code or its Chinese name).</summary>
public sealed record PartyInput(string? Name, string? Sex, string? IdNumber, string? AnomalyCode, string? BirthDate, string? Ethnicity, string? Nationality,
    string? Occupation, string? MaritalBefore);

/// <summary>An archive record as entered: the registry is an office on the platform, or a name with its county for one that no longer exists.</summary>
public sealed record HistoricalRecordInput(string? ArchiveNumber, DateOnly? RegisteredOn, Guid? OfficeId, string? RegistryName, string? DivisionCode, string? Type,
    PartyInput? PartyA, PartyInput? PartyB, string? Note);

/// <summary>The checker's decision on the suggested registry links (true: confirm the suggestion; false or absent: drop it).</summary>
public sealed record CheckInput(int? Version, bool? ConfirmPartyA, bool? ConfirmPartyB);

/// <summary>
/// Entering and checking archive records (MZ/T 113-2018 two-person entry and check): a record is entered by one clerk (or
/// imported by one) and checked by another; the enterer cannot check their own record. A party's ID hash is looked up in the
/// registry (the user's scope) and a match kept as a suggestion the checker confirms; the live registry record is never written.
/// </summary>
public sealed class HistoricalRecords(AppDbContext db, ICurrentUser user, IdentifierProtector protector, DivisionDirectory divisions, AuditLog audit, BusinessClock clock)
{
    public async Task<HistoricalMarriageRecord> EnterAsync(HistoricalRecordInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var offices = input.OfficeId is { } officeId ? await db.Set<MarriageOffice>().AsNoTracking().Where(o => o.Id == officeId).ToListAsync(ct) : [];
        var record = Build(input, offices, (field, message) => errors.Add(field, message));
        errors.ThrowIfAny();
        await SuggestLinksAsync([record!], ct);
        db.Add(record!);
        audit.Add("enter", "marriage_historical_record", record!.Id.ToString(), new { record.ArchiveNumber, record.RegistryName, record.Type, record.RegisteredOn }, record.DivisionCode);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// Validates one input into a new record (the hashes and masks computed, no link yet), or null with every error by field.
    /// Shared by the entry form, the API and the import, so a record is accepted by the same rules wherever it comes from.
    /// <paramref name="offices"/> are the offices the input may name (in the user's scope).
    /// </summary>
    public HistoricalMarriageRecord? Build(HistoricalRecordInput input, IReadOnlyList<MarriageOffice> offices, Action<string, string> error)
    {
        var ok = true;
        void Error(string field, string message)
        {
            ok = false;
            error(field, message);
        }

        var archive = input.ArchiveNumber?.Trim();
        if (string.IsNullOrEmpty(archive)) Error("archiveNumber", "请填写档案号");
        else if (archive.Length > 40) Error("archiveNumber", "档案号不能超过 40 个字");
        // the date is recorded as the archive shows it; a date outside 1950–2001 is reported by the quality report, not refused
        if (input.RegisteredOn is not { } on) Error("registeredOn", "请填写登记日期");
        else if (on.Year < 1900 || on > clock.Today) Error("registeredOn", "登记日期应在 1900 年以后且不晚于今天");
        var type = BackfillCodes.Read(BackfillCodes.RecordTypes, input.Type);
        if (type is null) Error("type", "请选择登记类别（结婚、离婚、复婚、撤销婚姻）");
        else if (type == "") Error("type", $"无法识别的登记类别“{input.Type}”（应为：结婚、离婚、复婚、撤销婚姻）");

        string? registry = null, county = null;
        var officeIdOf = input.OfficeId;
        if (input.OfficeId is { } officeId)
        {
            var office = offices.FirstOrDefault(o => o.Id == officeId);
            if (office is null) Error("officeId", "所选婚姻登记处不存在或不在您的管辖范围内");
            else (registry, county) = (office.Name, office.DivisionCode);
        }
        else
        {
            registry = input.RegistryName?.Trim();
            county = input.DivisionCode?.Trim();
            if (string.IsNullOrEmpty(registry)) Error("registryName", "请选择婚姻登记处，或填写已撤销的原登记机关名称");
            else if (registry.Length > 100) Error("registryName", "登记机关名称不能超过 100 个字");
            else
            {
                var office = offices.FirstOrDefault(o => o.Name == registry);
                if (office is not null) (registry, county, officeIdOf) = (office.Name, office.DivisionCode, office.Id);
            }
            if (county is null || registry is null) { }
            else if (divisions.Find(county) is not { Level: DivisionLevel.County }) Error("divisionCode", "请填写原登记机关所属的县级区划代码（12位）");
            else if (!user.IsSystem && !user.Scope.Contains(county)) Error("divisionCode", "该县不在您的管辖范围内");
            if (string.IsNullOrEmpty(county) && !string.IsNullOrEmpty(registry)) Error("divisionCode", "请填写原登记机关所属的县级区划代码（12位）");
        }
        if (input.Note is { Length: > 500 }) Error("note", "备注不能超过 500 个字");

        var a = Party(input.PartyA, "partyA", Error);
        var b = Party(input.PartyB, "partyB", Error);
        if (!ok) return null;
        return new HistoricalMarriageRecord
        {
            ArchiveNumber = archive!,
            RegisteredOn = input.RegisteredOn!.Value,
            OfficeId = officeIdOf,
            RegistryName = registry!,
            DivisionCode = county!,
            Type = type!,
            PartyA = a!,
            PartyB = b!,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            EnteredBy = user.UserName,
            EnteredAt = clock.UtcNow,
        };
    }

    public static Sex? SexOf(string? text) => text?.Trim() switch
    {
        "男" or "male" or "Male" or "1" => Sex.Male,
        "女" or "female" or "Female" or "2" => Sex.Female,
        _ => null,
    };

    private HistoricalParty? Party(PartyInput? p, string prefix, Action<string, string> error)
    {
        if (p is null)
        {
            error(prefix, "请填写当事人信息");
            return null;
        }
        var ok = true;
        void Error(string field, string message)
        {
            ok = false;
            error($"{prefix}.{field}", message);
        }
        var name = p.Name?.Trim();
        if (string.IsNullOrEmpty(name)) Error("name", "请填写姓名（字迹不清的字以 □ 代替，并选择异常情况“字迹不清”）");
        else if (name.Length > 50) Error("name", "姓名不能超过 50 个字");
        var sex = SexOf(p.Sex);
        if (sex is null) Error("sex", "请选择性别（男、女）");
        var identity = BackfillRules.ReadIdentity(p.IdNumber, p.AnomalyCode, Error);
        var birth = BackfillRules.ReadBirth(p.BirthDate, m => Error("birthDate", m));
        string? Code(string field, IReadOnlyList<CodeEntry> table, string? text, string what)
        {
            var code = BackfillCodes.Read(table, text);
            if (code == "") Error(field, $"无法识别的{what}“{text?.Trim()}”，请从代码表中选择");
            return string.IsNullOrEmpty(code) ? null : code;
        }
        var ethnicity = Code("ethnicity", BackfillCodes.Ethnicities, p.Ethnicity, "民族");
        var nationality = Code("nationality", BackfillCodes.Countries, p.Nationality, "国籍");
        var occupation = Code("occupation", BackfillCodes.Occupations, p.Occupation, "职业");
        var marital = Code("maritalBefore", BackfillCodes.MaritalStatuses, p.MaritalBefore, "婚姻状况");
        if (!ok || identity is null) return null;
        var anomaly = identity.AnomalyCode;
        var conflicts = BackfillRules.BirthConflicts(birth, identity.BirthFromNumber);
        // no birth date written: the one in the archive's own ID number is the archive's date, not a guess
        if (birth is null && identity.BirthFromNumber is { } fromNumber) birth = new PartialDate(fromNumber.Year, fromNumber.Month, fromNumber.Day);
        // a partial date is named as such unless a more specific anomaly is recorded (one code per party)
        if (anomaly is null && birth is { IsComplete: false } && identity.BirthFromNumber is null) anomaly = BackfillCodes.PartialBirth;
        return new HistoricalParty
        {
            Name = name!,
            Sex = sex!.Value,
            IdNumberCipher = identity.AsWritten is { } w ? protector.Encrypt(w, ProtectedKind.IdNumber) : null,
            // the hash of the 18-digit form: the same number the registry hashes, so a 15-digit archive number finds its person
            IdNumberHash = identity.Normalised is { } n ? protector.Hash(n, ProtectedKind.IdNumber) : null,
            IdNumberMasked = identity.AsWritten is { } m ? IdNumber.Mask(m) : null,
            IdNumberLength = identity.AsWritten?.Length,
            AnomalyCode = anomaly,
            BirthYear = birth?.Year,
            BirthMonth = birth?.Month,
            BirthDay = birth?.Day,
            BirthConflictsNumber = conflicts,
            Ethnicity = ethnicity,
            Nationality = nationality,
            Occupation = occupation,
            MaritalBefore = marital,
        };
    }

    /// <summary>
    /// Suggests the live registry person for each party with an ID number (exact hash match, in the user's scope — the division
    /// filter applies, so a clerk is never shown another county's person). Only a suggestion: the checker confirms it.
    /// </summary>
    public async Task SuggestLinksAsync(IReadOnlyList<HistoricalMarriageRecord> records, CancellationToken ct)
    {
        var parties = records.SelectMany(r => new[] { r.PartyA, r.PartyB }).Where(p => p.IdNumberHash is not null).ToList();
        foreach (var chunk in parties.Chunk(500))
        {
            var hashes = chunk.Select(p => p.IdNumberHash!).ToList();
            var found = await db.Persons.AsNoTracking().Where(p => p.IdNumberHash != null && hashes.Contains(p.IdNumberHash)).Select(p => new { p.Id, p.IdNumberHash }).ToListAsync(ct);
            foreach (var party in chunk)
            {
                party.PersonId = found.FirstOrDefault(f => f.IdNumberHash!.AsSpan().SequenceEqual(party.IdNumberHash))?.Id;
            }
        }
    }

    public async Task<HistoricalMarriageRecord> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<HistoricalMarriageRecord>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("历史婚姻登记档案");

    /// <summary>The second clerk's check: never the enterer; the suggested links confirmed or dropped; the record then counts as done.</summary>
    public async Task<HistoricalMarriageRecord> CheckAsync(Guid id, CheckInput input, CancellationToken ct = default)
    {
        var record = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "请提供记录的版本号（version）");
        if (version != record.Version) throw AppProblem.Stale();
        if (record.Status == HistoricalRecordStatus.Checked) throw AppProblem.Conflict("marriage_backfill_checked", $"档案 {record.ArchiveNumber} 已由 {record.CheckedBy} 校核");
        if (string.Equals(record.EnteredBy, user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw AppProblem.Conflict("marriage_backfill_same_clerk", $"档案 {record.ArchiveNumber} 由您录入，须由另一名工作人员校核（录入与校核不能为同一人）");
        }
        Decide(record.PartyA, input.ConfirmPartyA == true);
        Decide(record.PartyB, input.ConfirmPartyB == true);
        record.Status = HistoricalRecordStatus.Checked;
        record.CheckedBy = user.UserName;
        record.CheckedAt = clock.UtcNow;
        audit.Add("check", "marriage_historical_record", record.Id.ToString(),
            new { record.ArchiveNumber, linkA = record.PartyA.PersonConfirmed ? record.PartyA.PersonId : null, linkB = record.PartyB.PersonConfirmed ? record.PartyB.PersonId : null }, record.DivisionCode);
        await db.SaveChangesAsync(ct);
        return record;

        static void Decide(HistoricalParty p, bool confirm)
        {
            if (p.PersonId is null) return;
            if (confirm) p.PersonConfirmed = true;
            else p.PersonId = null;
        }
    }

    public static object ToDto(HistoricalMarriageRecord r) => new
    {
        r.Id,
        r.ArchiveNumber,
        r.RegisteredOn,
        r.OfficeId,
        r.RegistryName,
        r.DivisionCode,
        r.Type,
        typeName = BackfillCodes.NameOf(BackfillCodes.RecordTypes, r.Type),
        partyA = Party(r.PartyA),
        partyB = Party(r.PartyB),
        r.Note,
        status = r.Status.ToString(),
        statusName = r.Status == HistoricalRecordStatus.Checked ? "已校核" : "待校核",
        r.EnteredBy,
        r.EnteredAt,
        r.CheckedBy,
        r.CheckedAt,
        r.Version,
    };

    private static object Party(HistoricalParty p) => new
    {
        p.Name,
        sex = p.Sex == Sex.Male ? "男" : "女",
        idNumber = p.IdNumberMasked,
        p.IdNumberLength,
        p.AnomalyCode,
        anomalyName = BackfillCodes.NameOf(BackfillCodes.Anomalies, p.AnomalyCode),
        birth = p.BirthText,
        p.Ethnicity,
        ethnicityName = BackfillCodes.NameOf(BackfillCodes.Ethnicities, p.Ethnicity),
        p.Nationality,
        nationalityName = BackfillCodes.NameOf(BackfillCodes.Countries, p.Nationality),
        p.Occupation,
        occupationName = BackfillCodes.NameOf(BackfillCodes.Occupations, p.Occupation),
        p.MaritalBefore,
        maritalBeforeName = BackfillCodes.NameOf(BackfillCodes.MaritalStatuses, p.MaritalBefore),
        p.PersonId,
        p.PersonConfirmed,
    };
}
