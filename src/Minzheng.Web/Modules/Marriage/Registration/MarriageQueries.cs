using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registration;

public sealed record PartyDto(Guid PersonId, string Name, string Sex, DateOnly BirthDate, string IdNumberMasked, string Ethnicity, string DivisionCode, string MaritalStatus, int Version);

public sealed record CertificateDto(Guid Id, Guid RegistrationId, string Kind, string KindName, string Number, string Status, bool Valid, string ValidityText,
    Guid HolderPersonId, string HolderName, DateOnly IssuedOn, string VerifyPath);

public sealed record RegistrationDto(Guid Id, string Number, string Kind, string Status, string StatusName, Guid OfficeId, string OfficeName, string Authority,
    string DivisionCode, DateOnly RegisteredOn, PartyDto Male, PartyDto Female, DateOnly? EndedOn, string? EndedBy, string RegisteredBy, int Version,
    IReadOnlyList<CertificateDto> Certificates);

public sealed record RegistrationRow(Guid Id, string Number, string Kind, string Status, string StatusName, string OfficeName, DateOnly RegisteredOn, string MaleName, string FemaleName);

public sealed record RefusalDto(Guid Id, string Number, Guid OfficeId, string OfficeName, string Authority, string DivisionCode, DateOnly RefusedOn, PartyDto Male, PartyDto Female,
    IReadOnlyList<FindingDto> Findings, string? Grounds, string RefusedBy);

/// <summary>The registration part's read side: one registration with its certificates, a certificate, a refusal, the lists.</summary>
public sealed class MarriageQueries(AppDbContext db)
{
    public static string StatusCode(RegistrationStatus s) => s switch
    {
        RegistrationStatus.Dissolved => "dissolved",
        RegistrationStatus.Revoked => "revoked",
        RegistrationStatus.EndedByDeath => "ended-by-death",
        _ => "in-force",
    };

    public static string StatusName(RegistrationStatus s) => s switch
    {
        RegistrationStatus.Dissolved => "已解除",
        RegistrationStatus.Revoked => "已撤销",
        RegistrationStatus.EndedByDeath => "因一方死亡终止",
        _ => "有效",
    };

    public static string SexName(Sex s) => s == Sex.Male ? "男" : s == Sex.Female ? "女" : "未说明";

    public static string CertificateStatusCode(CertificateStatus s) => s switch { CertificateStatus.Replaced => "replaced", CertificateStatus.Superseded => "superseded", _ => "valid" };

    // the registration (or refusal) passed the scope filter; its parties are read past it so that a party who moved to
    // another county since still shows by name on this office's record (what is shown is masked)
    private async Task<Dictionary<Guid, PartyDto>> PartiesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => list.Contains(p.Id)).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => new PartyDto(p.Id, p.Name, SexName(p.Sex), p.BirthDate, p.DisplayNumber, p.Ethnicity, p.DivisionCode,
            MaritalStatusLabels.Name(p.MaritalStatus), p.Version));
    }

    public async Task<RegistrationDto> RegistrationAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Set<MarriageRegistration>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("婚姻登记");
        var office = await db.Set<MarriageOffice>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstAsync(o => o.Id == r.OfficeId, ct);
        var parties = await PartiesAsync([r.MalePersonId, r.FemalePersonId], ct);
        var certs = await db.Set<MarriageCertificate>().AsNoTracking().Where(c => c.RegistrationId == r.Id).OrderBy(c => c.IssuedAt).ToListAsync(ct);
        return new(r.Id, r.Number, r.Kind == RegistrationKind.Marriage ? "marriage" : "divorce", StatusCode(r.Status), StatusName(r.Status), office.Id, office.Name, office.Authority,
            r.DivisionCode, r.RegisteredOn, parties[r.MalePersonId], parties[r.FemalePersonId], r.EndedOn, r.EndedBy, r.RegisteredBy, r.Version,
            certs.Select(c => ToDto(c, r, parties[c.HolderPersonId].Name)).ToList());
    }

    public static CertificateDto ToDto(MarriageCertificate c, MarriageRegistration r, string holderName)
    {
        var (valid, text) = MarriageCertificates.Validity(c, r);
        return new(c.Id, c.RegistrationId, c.Kind switch { CertificateKind.DivorceCertificate => "divorce", CertificateKind.RecordProof => "record-proof", _ => "marriage" },
            MarriageCertificates.KindName(c.Kind), c.Number, CertificateStatusCode(c.Status), valid, text, c.HolderPersonId, holderName, c.IssuedOn, "/verify/marriage/" + c.Token);
    }

    /// <summary>One certificate with its registration (404 outside the scope).</summary>
    public async Task<(MarriageCertificate Certificate, RegistrationDto Registration)> CertificateAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<MarriageCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("证书");
        return (c, await RegistrationAsync(c.RegistrationId, ct));
    }

    public async Task<Paged<RegistrationRow>> ListAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<MarriageRegistration>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(r => r.Number.Contains(q.Trim()));
        var paged = await query.OrderByDescending(r => r.RegisteredOn).ThenByDescending(r => r.Number).ToPagedAsync(page, ct);
        var parties = await PartiesAsync(paged.Items.SelectMany(r => new[] { r.MalePersonId, r.FemalePersonId }), ct);
        var offices = await db.Set<MarriageOffice>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new(paged.Items.Select(r => new RegistrationRow(r.Id, r.Number, r.Kind == RegistrationKind.Marriage ? "marriage" : "divorce", StatusCode(r.Status), StatusName(r.Status),
            offices.GetValueOrDefault(r.OfficeId, ""), r.RegisteredOn, parties[r.MalePersonId].Name, parties[r.FemalePersonId].Name)).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    public async Task<RefusalDto> RefusalAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Set<MarriageRefusal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("不予登记记录");
        var office = await db.Set<MarriageOffice>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstAsync(o => o.Id == r.OfficeId, ct);
        var parties = await PartiesAsync([r.MalePersonId, r.FemalePersonId], ct);
        return new(r.Id, r.Number, office.Id, office.Name, office.Authority, r.DivisionCode, r.RefusedOn, parties[r.MalePersonId], parties[r.FemalePersonId],
            MarriageRegistrations.FindingsOf(r), r.Grounds, r.RefusedBy);
    }

    public sealed record MonthCount(Guid OfficeId, string OfficeName, string Month, int Registrations, int Refusals, int Appointments);

    /// <summary>
    /// The dashboard's counts per office and month over the last twelve months. A county office registers a few thousand couples a
    /// year, so the dates are read and grouped here rather than through provider-specific date functions.
    /// </summary>
    public async Task<List<MonthCount>> MonthlyAsync(BusinessClock clock, CancellationToken ct)
    {
        var from = new DateOnly(clock.Today.Year, clock.Today.Month, 1).AddMonths(-11);
        var offices = await db.Set<MarriageOffice>().AsNoTracking().OrderBy(o => o.DivisionCode).ToListAsync(ct);
        var regs = await db.Set<MarriageRegistration>().AsNoTracking().Where(r => r.RegisteredOn >= from && r.Kind == RegistrationKind.Marriage).Select(r => new { r.OfficeId, Day = r.RegisteredOn }).ToListAsync(ct);
        var refs = await db.Set<MarriageRefusal>().AsNoTracking().Where(r => r.RefusedOn >= from).Select(r => new { r.OfficeId, Day = r.RefusedOn }).ToListAsync(ct);
        var apps = await db.Set<MarriageAppointment>().AsNoTracking().Where(a => a.Day >= from && a.Status != AppointmentStatus.Cancelled).Select(a => new { a.OfficeId, a.Day }).ToListAsync(ct);
        static string M(DateOnly d) => d.ToString("yyyy-MM");
        var result = new List<MonthCount>();
        foreach (var o in offices)
        {
            for (var m = clock.Today.Year * 12 + clock.Today.Month - 1; m >= from.Year * 12 + from.Month - 1; m--)
            {
                var key = $"{m / 12:D4}-{m % 12 + 1:D2}";
                int rg = regs.Count(x => x.OfficeId == o.Id && M(x.Day) == key), rf = refs.Count(x => x.OfficeId == o.Id && M(x.Day) == key), ap = apps.Count(x => x.OfficeId == o.Id && M(x.Day) == key);
                if (rg + rf + ap > 0 || key == M(clock.Today)) result.Add(new(o.Id, o.Name, key, rg, rf, ap));
            }
        }
        return result;
    }
}
