using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Certificates;

public sealed record CertificateRequestInput(Guid? TeamId, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Purpose);

public sealed record IssueCertificateInput(Guid? VolunteerId, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Purpose, string? Head, string? Handler, string? Contact);

public sealed record IssueRequestedInput(string? Head, string? Handler, string? Contact, int ExpectedVersion);

public sealed record CloseCertificateInput(string? Reason, int ExpectedVersion);

public sealed record VersionInput(int ExpectedVersion);

/// <summary>A proof with what its pages show: the volunteer's name, masked ID and number (read past the scope by the proof's volunteer id).</summary>
public sealed record CertificateView(VolunteerCertificate Certificate, string VolunteerName, string VolunteerNumber, string IdType, string IdNumberMasked,
    IReadOnlyList<CertificateLine> Lines);

/// <summary>What the anonymous verification shows: masked name and volunteer number, the hours, the issuer and the validity now.</summary>
public sealed record CertificateVerification(string Number, string VolunteerName, string VolunteerNumber, decimal TotalHours, int Activities,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, string Issuer, DateOnly IssuedOn, bool Valid, string StatusText);

/// <summary>
/// 志愿服务记录证明: 申请 → 受理 → 开具 (or 不予出具), direct issue by the organisation, revocation, and the anonymous QR
/// verification. Only the organising organisation's own account issues (谁组织谁记录，谁记录谁证明), only from its own verified
/// records (another organisation's records are not in its scope: 404), free of charge. Every scan is audited, the forged ones too.
/// </summary>
public sealed class ServiceCertificates(AppDbContext db, CaseNumbers numbers, ICurrentUser user, BusinessClock clock, AuditLog audit, VolunteerIdentity identity)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string VerifyPath(string token) => "/public/volunteers/certificates/" + token;

    public static string StatusName(CertificateStatus s) => s switch
    {
        CertificateStatus.Requested => "已申请",
        CertificateStatus.Accepted => "已受理",
        CertificateStatus.Issued => "已开具",
        CertificateStatus.Declined => "不予出具",
        _ => "已作废",
    };

    /// <summary>The volunteer's request on the phone, to an organisation they have verified service with.</summary>
    public async Task<VolunteerCertificate> RequestAsync(CertificateRequestInput input, CancellationToken ct = default)
    {
        var volunteer = await identity.RequireAsync(ct);
        if (input.TeamId is not { } teamId) throw AppProblem.Field("teamId", "请选择出具证明的志愿服务组织");
        CheckPeriod(input.PeriodFrom, input.PeriodTo);
        var purpose = Text(input.Purpose, "purpose", "用途", 100);
        // the citizen's scope is their village: the team and its records are read past it by the citizen's own volunteer id
        var team = await db.Set<VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        var served = team is not null && await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(r => r.VolunteerId == volunteer.Id && r.TeamId == teamId && r.Status == ServiceRecordStatus.Verified, ct);
        if (team is null || !served) throw AppProblem.Field("teamId", "您在该组织没有已核实的服务记录，证明由组织您参加服务的组织出具", "volunteer_certificate_no_records");
        if (await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                .AnyAsync(c => c.VolunteerId == volunteer.Id && c.TeamId == teamId && (c.Status == CertificateStatus.Requested || c.Status == CertificateStatus.Accepted), ct))
        {
            throw AppProblem.Conflict("volunteer_certificate_request_pending", "您向该组织申请的证明正在办理，请等待出具");
        }
        var certificate = new VolunteerCertificate
        {
            VolunteerId = volunteer.Id,
            TeamId = team.Id,
            OrganizationId = team.OrganizationId,
            DivisionCode = team.DivisionCode,
            Status = CertificateStatus.Requested,
            PeriodFrom = input.PeriodFrom,
            PeriodTo = input.PeriodTo,
            Purpose = purpose,
            RequestedBy = user.UserName,
            RequestedAt = clock.UtcNow,
        };
        db.Add(certificate);
        // the request belongs to the organisation that will issue it, outside the citizen's village scope
        db.PermitOutOfScopeWrite(certificate, "志愿者向组织其服务的组织申请志愿服务记录证明");
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    /// <summary>The signed-in volunteer's own requests and proofs, newest first.</summary>
    public async Task<List<VolunteerCertificate>> MineAsync(CancellationToken ct = default)
    {
        var volunteer = await identity.FindAsync(ct);
        if (volunteer is null) return [];
        return await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(c => c.VolunteerId == volunteer.Id).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The teams the signed-in volunteer has verified service with (whom they may ask for a proof).</summary>
    public async Task<List<VolunteerTeam>> MyTeamsAsync(CancellationToken ct = default)
    {
        var volunteer = await identity.FindAsync(ct);
        if (volunteer is null) return [];
        var teamIds = db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(r => r.VolunteerId == volunteer.Id && r.Status == ServiceRecordStatus.Verified).Select(r => r.TeamId);
        return await db.Set<VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
    }

    public async Task<VolunteerCertificate> AcceptAsync(Guid id, VersionInput input, CancellationToken ct = default)
    {
        var c = await OwnAsync(id, ct);
        db.ExpectVersion(c, input.ExpectedVersion);
        if (c.Status != CertificateStatus.Requested) throw AppProblem.Conflict("volunteer_certificate_wrong_status", "只有新申请可以受理");
        c.Status = CertificateStatus.Accepted;
        c.AcceptedBy = user.UserName;
        c.AcceptedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<VolunteerCertificate> DeclineAsync(Guid id, CloseCertificateInput input, CancellationToken ct = default)
    {
        var c = await OwnAsync(id, ct);
        db.ExpectVersion(c, input.ExpectedVersion);
        if (c.Status is not (CertificateStatus.Requested or CertificateStatus.Accepted))
            throw AppProblem.Conflict("volunteer_certificate_wrong_status", "只有办理中的申请可以不予出具");
        c.Reason = Required(input.Reason, "reason", "请填写不予出具的理由", 500);
        c.Status = CertificateStatus.Declined;
        c.ClosedBy = user.UserName;
        c.ClosedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>开具 on a request (受理 first, or straight from the request: accepting is implied).</summary>
    public async Task<VolunteerCertificate> IssueRequestedAsync(Guid id, IssueRequestedInput input, CancellationToken ct = default)
    {
        var c = await OwnAsync(id, ct);
        db.ExpectVersion(c, input.ExpectedVersion);
        if (c.Status is not (CertificateStatus.Requested or CertificateStatus.Accepted))
            throw AppProblem.Conflict("volunteer_certificate_wrong_status", "只有办理中的申请可以开具");
        if (c.Status == CertificateStatus.Requested)
        {
            c.AcceptedBy = user.UserName;
            c.AcceptedAt = clock.UtcNow;
        }
        var team = await db.Set<VolunteerTeam>().FirstAsync(t => t.Id == c.TeamId, ct);
        await FillAsync(c, team, input.Head, input.Handler, input.Contact, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The organisation issues directly for a volunteer it sees (a member) from its own verified records.</summary>
    public async Task<VolunteerCertificate> IssueAsync(IssueCertificateInput input, CancellationToken ct = default)
    {
        var own = OwnOrganization();
        if (input.VolunteerId is not { } volunteerId) throw AppProblem.Field("volunteerId", "请选择志愿者");
        CheckPeriod(input.PeriodFrom, input.PeriodTo);
        var purpose = Text(input.Purpose, "purpose", "用途", 100);
        // the membership scope decides: a volunteer who never served with this organisation is not found
        _ = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct) ?? throw AppProblem.NotFound("志愿者");
        var team = await db.Set<VolunteerTeam>().FirstOrDefaultAsync(t => t.OrganizationId == own, ct)
            ?? throw AppProblem.Forbidden("本组织尚未登记为志愿服务组织");
        var c = new VolunteerCertificate
        {
            VolunteerId = volunteerId,
            TeamId = team.Id,
            OrganizationId = own,
            DivisionCode = team.DivisionCode,
            PeriodFrom = input.PeriodFrom,
            PeriodTo = input.PeriodTo,
            Purpose = purpose,
            AcceptedBy = user.UserName,
            AcceptedAt = clock.UtcNow,
        };
        await FillAsync(c, team, input.Head, input.Handler, input.Contact, ct);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>作废 by the issuer, with the reason; the verification page then says 已作废.</summary>
    public async Task<VolunteerCertificate> RevokeAsync(Guid id, CloseCertificateInput input, CancellationToken ct = default)
    {
        var c = await OwnAsync(id, ct);
        db.ExpectVersion(c, input.ExpectedVersion);
        if (c.Status != CertificateStatus.Issued) throw AppProblem.Conflict("volunteer_certificate_wrong_status", "只有已开具的证明可以作废");
        c.Reason = Required(input.Reason, "reason", "请填写作废理由（如服务记录更正后时长减少）", 500);
        c.Status = CertificateStatus.Revoked;
        c.ClosedBy = user.UserName;
        c.ClosedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>
    /// A correction changed the verified minutes of <paramref name="record"/>: every issued proof of the volunteer that lists it
    /// (frozen at issue, so now wrong) is revoked with the reason, in the caller's unit of work (saved with the correction) and
    /// audited; the volunteer may ask again, or the organisation issue a new one. Returns the numbers of the revoked proofs.
    /// </summary>
    public async Task<List<string>> RevokeForCorrectionAsync(ServiceRecord record, int previousMinutes, CancellationToken ct = default)
    {
        if (record.VerifiedMinutes == previousMinutes || previousMinutes <= 0) return [];
        var activityNumber = await db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(a => a.Id == record.ActivityId).Select(a => a.Number).FirstAsync(ct);
        // the organiser's own proofs of this volunteer (the same organisation that records the service issues them)
        var issued = await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(c => c.VolunteerId == record.VolunteerId && c.TeamId == record.TeamId && c.Status == CertificateStatus.Issued).ToListAsync(ct);
        var revoked = new List<string>();
        foreach (var c in issued)
        {
            var lines = JsonSerializer.Deserialize<List<CertificateLine>>(c.LinesJson, Json) ?? [];
            if (!lines.Any(l => l.ActivityNumber == activityNumber)) continue;
            c.Status = CertificateStatus.Revoked;
            c.Reason = $"服务记录（活动{activityNumber}）的服务时长经更正由{previousMinutes}分钟改为{record.VerifiedMinutes}分钟，本证明作废，请重新开具";
            c.ClosedBy = user.UserName;
            c.ClosedAt = clock.UtcNow;
            audit.Add("volunteer.certificate.revoke-corrected", nameof(VolunteerCertificate), c.Id.ToString(), new { c.Number, record = record.Id, previousMinutes, record.VerifiedMinutes }, c.DivisionCode);
            revoked.Add(c.Number ?? "");
        }
        return revoked;
    }

    /// <summary>Proofs and requests in the reader's scope (an organisation: its own), newest first, paged.</summary>
    public async Task<Paged<(VolunteerCertificate Certificate, string VolunteerName, string VolunteerNumber)>> ListAsync(CertificateStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<VolunteerCertificate>().AsNoTracking();
        if (status is { } s) q = q.Where(c => c.Status == s);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var people = await VolunteersAsync(rows.Select(r => r.VolunteerId), ct);
        var names = await db.PersonNamesAsync(people.Values.Select(p => (Guid?)p.PersonId), ct);
        return new(rows.Select(r => (r, names.GetValueOrDefault(people[r.VolunteerId].PersonId, ""), people[r.VolunteerId].Number)).ToList(), total, page.Page, page.PageSize);
    }

    /// <summary>One proof in scope (the issuer, its division's officers) or the volunteer's own; else 404.</summary>
    public async Task<CertificateView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<VolunteerCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null && user.HasPermission(VolunteerPermissions.Self) && await identity.FindAsync(ct) is { } me)
        {
            // the volunteer's own proof, read past the village scope by their own volunteer id
            c = await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.VolunteerId == me.Id, ct);
        }
        if (c is null) throw AppProblem.NotFound("志愿服务记录证明");
        var v = (await VolunteersAsync([c.VolunteerId], ct))[c.VolunteerId];
        // the registry person behind a volunteer read in scope: name and the masked ID number only
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => p.Id == v.PersonId)
            .Select(p => new { p.Name, p.IdNumberMasked, p.PlatformNumber }).FirstAsync(ct);
        var lines = JsonSerializer.Deserialize<List<CertificateLine>>(c.LinesJson, Json) ?? [];
        return new(c, person.Name, v.Number, person.IdNumberMasked is null ? "平台编号" : "居民身份证", person.IdNumberMasked ?? person.PlatformNumber ?? "", lines);
    }

    /// <summary>
    /// The anonymous verification of a scanned token: null for a token never issued. Reads past the scope on purpose (the
    /// scanner is anonymous; what it returns is masked); every scan is audited with its outcome.
    /// </summary>
    public async Task<CertificateVerification?> VerifyAsync(string token, string? client, CancellationToken ct = default)
    {
        token = (token ?? "").Trim();
        var c = token.Length is >= 16 and <= 64
            ? await db.Set<VolunteerCertificate>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Token == token, ct)
            : null;
        if (c is null || c.Number is null || c.IssuedOn is null)
        {
            await audit.RecordAsync("volunteer-certificate-scan-unknown", nameof(VolunteerCertificate), null,
                new { tokenPrefix = token.Length > 6 ? token[..6] : token, client }, userName: "anonymous", ct: ct);
            return null;
        }
        var v = await db.Set<Volunteer>().IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == c.VolunteerId).Select(x => new { x.PersonId, x.Number }).FirstAsync(ct);
        var name = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == v.PersonId).Select(p => p.Name).FirstAsync(ct);
        var valid = c.Status == CertificateStatus.Issued;
        var text = valid ? "证明真实有效" : $"已作废（{c.ClosedAt?.ToString("yyyy年M月d日") ?? ""}，{c.Reason}）";
        await audit.RecordAsync("volunteer-certificate-scan", nameof(VolunteerCertificate), c.Id.ToString(), new { c.Number, valid, client }, c.DivisionCode, "anonymous", ct);
        var lines = JsonSerializer.Deserialize<List<CertificateLine>>(c.LinesJson, Json) ?? [];
        return new(c.Number, PersonNames.Mask(name), MaskNumber(v.Number), c.TotalHours, lines.Count, c.PeriodFrom, c.PeriodTo, c.IssuerName, c.IssuedOn.Value, valid, text);
    }

    /// <summary>陈小明 → 陈*明, 李明 → 李*.</summary>
    /// <summary>ZY45092120200001 → ZY4509********01: the county and the last two digits stay, enough to compare with the paper.</summary>
    public static string MaskNumber(string number) => number.Length <= 8 ? new string('*', number.Length) : number[..6] + new string('*', number.Length - 8) + number[^2..];

    /// <summary>The verified records the proof covers: the issuing organisation's own, of this volunteer, in the period (China dates).</summary>
    public static List<CertificateLine> Lines(IEnumerable<(ServiceRecord Record, VolunteerActivity Activity)> records, DateOnly? from, DateOnly? to) =>
        records.Where(x => x.Record.Status == ServiceRecordStatus.Verified && x.Record.VerifiedMinutes > 0)
            .Select(x => new CertificateLine(x.Activity.Number, x.Activity.Title, DateOnly.FromDateTime(BusinessClock.ToChina(x.Activity.StartsAt)),
                string.IsNullOrWhiteSpace(x.Record.Content) ? x.Activity.Title : x.Record.Content, x.Record.VerifiedMinutes))
            .Where(l => (from is null || l.Date >= from) && (to is null || l.Date <= to))
            .OrderBy(l => l.Date).ThenBy(l => l.ActivityNumber).ToList();

    private async Task FillAsync(VolunteerCertificate c, VolunteerTeam team, string? head, string? handler, string? contact, CancellationToken ct)
    {
        // the organisation's own records only: the scope filter already limits an organisation account to them
        var records = await db.Set<ServiceRecord>().Where(r => r.VolunteerId == c.VolunteerId && r.OrganizationId == team.OrganizationId && r.Status == ServiceRecordStatus.Verified)
            .Join(db.Set<VolunteerActivity>(), r => r.ActivityId, a => a.Id, (r, a) => new { r, a }).AsNoTracking().ToListAsync(ct);
        var lines = Lines(records.Select(x => (x.r, x.a)), c.PeriodFrom, c.PeriodTo);
        if (lines.Count == 0)
        {
            throw AppProblem.Field(c.PeriodFrom is null && c.PeriodTo is null ? "volunteerId" : "periodFrom",
                "本组织没有该志愿者" + (c.PeriodFrom is null && c.PeriodTo is null ? "" : "在该期间") + "已核实的服务记录，不能出具证明", "volunteer_certificate_no_records");
        }
        var organization = await db.OrganizationNamesAsync([team.OrganizationId], ct);
        var legal = team.OrganizationId is { } oid
            ? await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(o => o.Id == oid).Select(o => o.LegalRepresentativeName).FirstOrDefaultAsync(ct)
            : null;
        c.Head = Text(head, "head", "负责人", 50) is { Length: > 0 } h ? h : legal ?? "";
        c.Handler = Text(handler, "handler", "经办人", 50) is { Length: > 0 } k ? k : user.DisplayName ?? user.UserName;
        c.Contact = Text(contact, "contact", "联系方式", 50) is { Length: > 0 } p ? p : team.ContactPhone;
        if (c.Head.Length == 0) throw AppProblem.Field("head", "请填写负责人");
        c.IssuerName = team.OrganizationId is { } o2 && organization.TryGetValue(o2, out var n) ? n : team.Name;
        c.LinesJson = JsonSerializer.Serialize(lines, Json);
        c.TotalMinutes = lines.Sum(l => l.Minutes);
        c.Status = CertificateStatus.Issued;
        c.IssuedOn = clock.Today;
        c.IssuedBy = user.UserName;
        c.IssuedAt = clock.UtcNow;
        c.Token = NewToken();
        c.Number = await numbers.NextAsync(new NumberSeries("ZM" + team.DivisionCode[..6], clock.Today.Year, 5),
            db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => x.Number), ct);
    }

    private async Task<VolunteerCertificate> OwnAsync(Guid id, CancellationToken ct)
    {
        var own = OwnOrganization();
        return await db.Set<VolunteerCertificate>().FirstOrDefaultAsync(c => c.Id == id && c.OrganizationId == own, ct) ?? throw AppProblem.NotFound("志愿服务记录证明");
    }

    private Guid OwnOrganization() =>
        user.OrganizationId is { } own && user.HasPermission(VolunteerPermissions.Manage)
            ? own
            : throw AppProblem.Forbidden("志愿服务记录证明由组织服务的志愿服务组织出具（谁记录谁证明），请使用组织账号");

    private async Task<Dictionary<Guid, (Guid PersonId, string Number)>> VolunteersAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        // a proof read in scope names its volunteer, who may lie outside the reader's scope (a former member)
        return (await db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(v => list.Contains(v.Id))
            .Select(v => new { v.Id, v.PersonId, v.Number }).ToListAsync(ct)).ToDictionary(v => v.Id, v => (v.PersonId, v.Number));
    }

    private static void CheckPeriod(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t) throw AppProblem.Field("periodTo", "截止日期不能早于起始日期");
    }

    private static string Text(string? value, string field, string label, int max)
    {
        var s = (value ?? "").Trim();
        if (s.Length > max) throw AppProblem.Field(field, $"{label}不超过{max}字");
        return s;
    }

    private static string Required(string? value, string field, string message, int max)
    {
        var s = Text(value, field, "理由", max);
        return s.Length == 0 ? throw AppProblem.Field(field, message) : s;
    }
}
