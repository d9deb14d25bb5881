using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registration;

/// <summary>
/// What the counter submits for a marriage (or a refusal): the two parties by ID number (or by person id when chosen on the
/// person page), their registry versions as the clerk saw them, and what the clerk verified in person.
/// </summary>
public sealed record RegisterMarriageInput
{
    public Guid? OfficeId { get; init; }
    public string? MaleIdNumber { get; init; }
    public Guid? MalePersonId { get; init; }
    public int? MaleVersion { get; init; }
    public string? FemaleIdNumber { get; init; }
    public Guid? FemalePersonId { get; init; }
    public int? FemaleVersion { get; init; }
    public bool BothInPerson { get; init; }
    public bool DeclarationsSigned { get; init; }
    public bool DiseaseDeclared { get; init; }

    /// <summary>Either party holds a 居住证 of this county (counts only where 跨省通办 is in force on the day).</summary>
    public bool ResidencePermitHere { get; init; }

    public Guid? AppointmentId { get; init; }

    /// <summary>For a refusal: the clerk's written grounds beyond the rule's findings.</summary>
    public string? Grounds { get; init; }
}

public sealed record RevokeMarriageInput(int? Version, DateOnly? AppliedOn, string? Grounds);

/// <summary>One finding as stored on a refusal and answered by the API.</summary>
public sealed record FindingDto(string Ground, string Field, string Text);

/// <summary>
/// 结婚登记 at the counter (婚姻登记条例 第四–七条): both parties are registry persons, so ages and current marital status are
/// the registry's, decided on today's date by the law of the day (<see cref="MarriageFigures.LawOn"/>); the office is one of the
/// clerk's scope. A registration, both parties' status and both 结婚证 commit in one SaveChanges: the parties' versions move
/// with the status, so two counters registering the same person at once end with one marriage and one 409.
/// Also the written refusal (不予登记) and the registry's revocation of a coerced marriage (第九条, applications to 2020-12-31).
/// </summary>
public sealed class MarriageRegistrations(AppDbContext db, IdentifierProtector protector, FigureBook figures, MaritalStatuses statuses,
    MarriageCertificates certificates, MarriageAppointments appointments, CaseNumbers numbers, BusinessClock clock, ICurrentUser user, AuditLog audit)
{
    // the rule names the party's person; the counter form names the ID number it typed: a finding shows beside that field
    private static string FormField(string ruleField) => ruleField switch
    {
        "malePersonId" => "maleIdNumber",
        "femalePersonId" => "femaleIdNumber",
        _ => ruleField,
    };

    /// <summary>
    /// A party of the registration: within the clerk's scope by id or ID number, or — the other party's hukou may lie in another
    /// county of the city (婚姻登记条例 第四条: either party's registry) — found by the full ID number on the ID card presented in
    /// person, never by browsing. A person the registry does not hold at all must be registered first (the message says so).
    /// </summary>
    private async Task<Guid> PartyAsync(Guid? personId, string? idNumber, string field, string who, CancellationToken ct)
    {
        try
        {
            return await PersonLookup.RequireAsync(db, protector, personId, idNumber, field, who, ct);
        }
        catch (AppProblem) when (!string.IsNullOrWhiteSpace(idNumber) && IdNumber.TryParse(idNumber, out _) is { } parsed)
        {
            var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
            return await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? throw AppProblem.Field(field, $"身份证号 {IdNumber.Mask(parsed.Value)} 的{who}未在人员登记中登记；请先登记该人员");
        }
    }

    /// <summary>Where a party lives outside the clerk's scope, the registration still records their status: the law gives the registrar that power.</summary>
    private string? OutOfScope(Person p) => user.Scope.Contains(p.DivisionCode) ? null : "婚姻登记机关为另一县（市、区）户籍的一方当事人办理婚姻登记（婚姻登记条例第四条）";

    private sealed record Checked(MarriageOffice Office, Person Male, Person Female, MarriageAppointment? Appointment, List<FindingDto> Findings);

    /// <summary>Finds the office, the parties and the appointment, and runs every check of the day; nothing is written.</summary>
    private async Task<Checked> CheckAsync(RegisterMarriageInput input, CancellationToken ct)
    {
        var office = await appointments.OfficeAsync(input.OfficeId, ct);
        var errors = new ValidationErrors();
        Guid? maleId = null, femaleId = null;
        try { maleId = await PartyAsync(input.MalePersonId, input.MaleIdNumber, "maleIdNumber", "男方", ct); }
        catch (AppProblem p) when (p.Status == 400) { foreach (var (f, m) in p.Errors) foreach (var x in m) errors.Add(f, x); }
        try { femaleId = await PartyAsync(input.FemalePersonId, input.FemaleIdNumber, "femaleIdNumber", "女方", ct); }
        catch (AppProblem p) when (p.Status == 400) { foreach (var (f, m) in p.Errors) foreach (var x in m) errors.Add(f, x); }
        if (maleId is not null && maleId == femaleId) errors.Add("femaleIdNumber", "男女双方不能是同一人");
        if (input.Grounds is { Length: > 1000 }) errors.Add("grounds", "书面理由不超过1000字");
        errors.ThrowIfAny();

        // the ids come from the lookups above (in scope, or the other party found by the full ID number shown at the counter)
        var male = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(p => p.Id == maleId, ct);
        var female = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(p => p.Id == femaleId, ct);
        // the counter decided on what it showed: a party changed since (a death, a marriage elsewhere) is shown again, not registered
        if (input.MaleVersion is { } mv) db.ExpectVersion(male, mv);
        if (input.FemaleVersion is { } fv) db.ExpectVersion(female, fv);

        MarriageAppointment? appointment = null;
        if (input.AppointmentId is { } aid)
        {
            appointment = await db.Set<MarriageAppointment>().FirstOrDefaultAsync(a => a.Id == aid && a.OfficeId == office.Id, ct) ?? throw AppProblem.Field("appointmentId", "预约不存在或不属于该登记处");
            if (appointment.Status != AppointmentStatus.Booked) throw AppProblem.Conflict("marriage_appointment_closed", "该预约已取消或已办理");
        }

        var today = clock.Today;
        var law = MarriageFigures.LawOn(figures, office.DivisionCode, today);
        var findings = MarriageRules.CheckMarriage(law, today,
                new PartyFacts(male.Sex, male.BirthDate, male.MaritalStatus, male.LifeStatus),
                new PartyFacts(female.Sex, female.BirthDate, female.MaritalStatus, female.LifeStatus),
                input.BothInPerson, input.DeclarationsSigned, input.DiseaseDeclared)
            .Select(f => new FindingDto(GroundCode(f.Ground), FormField(f.Field), f.Text)).ToList();
        // a marriage in force on this platform bars even when the person's status was later edited by hand (belt and braces:
        // the registry's status is the rule's fact, the registrations are the record it came from)
        var inForce = await db.Set<MarriageRegistration>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(r => r.Kind == RegistrationKind.Marriage && r.Status == RegistrationStatus.InForce && (r.MalePersonId == male.Id || r.FemalePersonId == female.Id || r.MalePersonId == female.Id || r.FemalePersonId == male.Id))
            .Select(r => new { r.Number, r.MalePersonId, r.FemalePersonId }).ToListAsync(ct);
        foreach (var (person, field, who) in new[] { (male, "maleIdNumber", "男方"), (female, "femaleIdNumber", "女方") })
        {
            if (person.MaritalStatus != MaritalStatus.Married && inForce.FirstOrDefault(r => r.MalePersonId == person.Id || r.FemalePersonId == person.Id) is { } r)
                findings.Add(new(GroundCode(RefusalGround.AlreadyMarried), field, $"{who}有仍然有效的结婚登记（{r.Number}）"));
        }
        if (!MarriageRules.InJurisdiction(law, office.DivisionCode, male.DivisionCode, female.DivisionCode, input.ResidencePermitHere))
            findings.Add(new(GroundCode(RefusalGround.NotThisRegistry), "officeId", law.CrossProvince
                ? "双方常住户口均不在本登记机关辖区，且均未持本地居住证（婚姻登记条例第四条；跨省通办）"
                : "双方常住户口均不在本登记机关辖区，请到一方常住户口所在地的婚姻登记机关办理（婚姻登记条例第四条）"));
        return new(office, male, female, appointment, findings);
    }

    public async Task<MarriageRegistration> RegisterAsync(RegisterMarriageInput input, CancellationToken ct)
    {
        var c = await CheckAsync(input, ct);
        if (c.Findings.Count > 0)
        {
            var errors = c.Findings.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Text).ToArray());
            throw new AppProblem(422, "marriage_refused", "不符合结婚登记条件，不予登记：" + string.Join("；", c.Findings.Select(f => f.Text)), errors);
        }
        var today = clock.Today;
        var registration = new MarriageRegistration
        {
            Number = await certificates.NextRegistrationNumberAsync(c.Office, RegistrationKind.Marriage, today, ct),
            Kind = RegistrationKind.Marriage,
            OfficeId = c.Office.Id,
            DivisionCode = c.Office.DivisionCode,
            RegisteredOn = today,
            MalePersonId = c.Male.Id,
            FemalePersonId = c.Female.Id,
            SourceId = c.Appointment?.Id,
            RegisteredBy = user.UserName,
        };
        db.Add(registration);
        statuses.Record(c.Male, MaritalStatus.Married, today, "结婚登记", registration.Number, registration.Id, OutOfScope(c.Male));
        statuses.Record(c.Female, MaritalStatus.Married, today, "结婚登记", registration.Number, registration.Id, OutOfScope(c.Female));
        await certificates.IssueAsync(registration, CertificateKind.MarriageCertificate, c.Male.Id, null, ct);
        await certificates.IssueAsync(registration, CertificateKind.MarriageCertificate, c.Female.Id, null, ct);
        if (c.Appointment is { } a)
        {
            a.Status = AppointmentStatus.Attended;
            a.OutcomeId = registration.Id;
        }
        audit.Add("marriage-register", nameof(MarriageRegistration), registration.Id.ToString(), new { registration.Number, male = c.Male.DisplayNumber, female = c.Female.DisplayNumber }, registration.DivisionCode);
        await db.SaveChangesAsync(ct);
        return registration;
    }

    /// <summary>
    /// 不予登记 with written grounds: the findings of the check on the day plus the clerk's grounds (a party not acting freely is
    /// seen at the counter, not in the registry). A refusal with neither is refused itself (400).
    /// </summary>
    public async Task<MarriageRefusal> RefuseAsync(RegisterMarriageInput input, CancellationToken ct)
    {
        var c = await CheckAsync(input, ct);
        var grounds = string.IsNullOrWhiteSpace(input.Grounds) ? null : input.Grounds.Trim();
        if (c.Findings.Count == 0 && grounds is null)
            throw AppProblem.Field("grounds", "审查没有发现不予登记的情形；如仍不予登记，请写明书面理由", "marriage_refusal_without_grounds");
        var today = clock.Today;
        var refusal = new MarriageRefusal
        {
            Number = await numbers.NextAsync(new NumberSeries("JB" + c.Office.NumberCode + "-" + today.Year + "-", null, 6),
                db.Set<MarriageRefusal>().IgnoreQueryFilters().Select(r => (string?)r.Number), ct),
            OfficeId = c.Office.Id,
            DivisionCode = c.Office.DivisionCode,
            RefusedOn = today,
            MalePersonId = c.Male.Id,
            FemalePersonId = c.Female.Id,
            Findings = JsonSerializer.Serialize(c.Findings, AuditRecorder.Json),
            Grounds = grounds,
            RefusedBy = user.UserName,
            CreatedAt = clock.UtcNow,
        };
        db.Add(refusal);
        if (c.Appointment is { } a)
        {
            a.Status = AppointmentStatus.Attended;
            a.OutcomeId = refusal.Id;
        }
        await db.SaveChangesAsync(ct);
        return refusal;
    }

    /// <summary>
    /// 撤销受胁迫的婚姻 by the registry (婚姻登记条例 第九条): only where the law on the day of the application lets the registry
    /// do it (to 2020-12-31; since 民法典 第一千零五十二条 only a court may). The registration becomes Revoked, both parties go
    /// back to the status they had before it (from the marital event it wrote), and its certificates stop verifying as current.
    /// </summary>
    public async Task<MarriageRegistration> RevokeAsync(Guid id, RevokeMarriageInput input, CancellationToken ct)
    {
        var r = await db.Set<MarriageRegistration>().FirstOrDefaultAsync(x => x.Id == id && x.Kind == RegistrationKind.Marriage, ct) ?? throw AppProblem.NotFound("结婚登记");
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        var grounds = (input.Grounds ?? "").Trim();
        if (grounds.Length is < 2 or > 1000) errors.Add("grounds", "请写明撤销的事实和理由（受胁迫的情形、证据，1000字以内）");
        if (input.AppliedOn is not { } appliedOn) errors.Add("appliedOn", "请填写当事人提出撤销申请的日期");
        else if (appliedOn < r.RegisteredOn || appliedOn > clock.Today) errors.Add("appliedOn", $"申请日期须在登记日（{r.RegisteredOn:yyyy-MM-dd}）与今天之间");
        errors.ThrowIfAny();
        db.ExpectVersion(r, input.Version!.Value);
        if (r.Status != RegistrationStatus.InForce) throw AppProblem.Conflict("marriage_not_in_force", "该婚姻登记已不在有效状态（已离婚、撤销或终止），不能撤销");
        var office = await db.Set<MarriageOffice>().FirstAsync(o => o.Id == r.OfficeId, ct);
        var law = MarriageFigures.LawOn(figures, office.DivisionCode, input.AppliedOn!.Value);
        if (!MarriageRules.RegistryMayRevoke(law))
            throw new AppProblem(422, "marriage_revocation_court_only",
                $"申请日{input.AppliedOn:yyyy年M月d日}适用《民法典》第一千零五十二条：因胁迫结婚的，受胁迫的一方应当自胁迫行为终止之日起一年内向人民法院请求撤销婚姻，婚姻登记机关不再受理撤销申请。请告知当事人向人民法院起诉",
                new Dictionary<string, string[]> { ["appliedOn"] = ["该申请日适用民法典，婚姻登记机关不能撤销，请告知当事人向人民法院请求撤销"] });

        var today = clock.Today;
        r.Status = RegistrationStatus.Revoked;
        r.EndedOn = today;
        r.EndedBy = $"婚姻登记机关撤销（受胁迫，婚姻登记条例第九条，{input.AppliedOn:yyyy-MM-dd}申请）";
        // both parties, wherever their hukou lies now: the registry that registered the marriage revokes it for both
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == r.MalePersonId || p.Id == r.FemalePersonId).ToListAsync(ct);
        var wrote = await db.Set<MaritalEvent>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(e => e.SourceId == r.Id && e.Status == MaritalStatus.Married)
            .Select(e => new { e.PersonId, e.PreviousStatus }).ToListAsync(ct);
        foreach (var p in people.Where(p => p.MaritalStatus == MaritalStatus.Married))
        {
            var previous = wrote.FirstOrDefault(e => e.PersonId == p.Id)?.PreviousStatus ?? MaritalStatus.Unmarried;
            // a marriage that never was leaves no 有配偶 behind: an unrecorded status before it is 未婚 (the registry refused none)
            statuses.Record(p, previous is MaritalStatus.Unknown or MaritalStatus.Married ? MaritalStatus.Unmarried : previous, today, "撤销婚姻", r.Number, r.Id, OutOfScope(p));
        }
        await certificates.SupersedeAsync(r.Id, ct);
        audit.Add("marriage-revoke", nameof(MarriageRegistration), r.Id.ToString(), new { r.Number, input.AppliedOn, grounds }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public static string GroundCode(RefusalGround g) => g switch
    {
        RefusalGround.UnderAge => "under_age",
        RefusalGround.AlreadyMarried => "already_married",
        RefusalGround.NotManAndWoman => "not_man_and_woman",
        RefusalGround.DeclarationMissing => "declaration_missing",
        RefusalGround.NotInPerson => "not_in_person",
        RefusalGround.Disease => "disease",
        RefusalGround.Deceased => "deceased",
        _ => "not_this_registry",
    };

    public static List<FindingDto> FindingsOf(MarriageRefusal r) => JsonSerializer.Deserialize<List<FindingDto>>(r.Findings, AuditRecorder.Json) ?? [];
}
