using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Certificates;

/// <summary>A holder asks for a lost or damaged 结婚证 / 离婚证: the registration it records and who asks.</summary>
public sealed record CertificateRequestInput(Guid? RegistrationId, Guid? HolderPersonId, [property: Text(200)] string? Reason);

/// <summary>What the registry issued: a 补发 certificate replacing the old one, or a 婚姻登记记录证明.</summary>
public sealed record CertificateRequestOutcome(MarriageCertificate Certificate, bool Reissued, string Explanation);

/// <summary>One certificate as its print page shows it (the core's data: the registration, the office, both parties).</summary>
public sealed record CertificateView(MarriageCertificate Certificate, MarriageRegistration Registration, MarriageOffice Office, string HolderName,
    string? HolderIdMasked, string OtherName, string? OtherIdMasked, bool Valid, string ValidityText);

/// <summary>
/// 补领 or 婚姻登记记录证明 (婚姻登记工作规范 民发〔2015〕230号 第六章; rules-2 §5.3): the certificate is reissued only while the
/// registration it records is still the holder's status (<see cref="MarriageRules.MayReissue"/>); after a divorce, a
/// revocation, a spouse's death or a remarriage the registry issues a record proof instead, which says what was registered
/// and not the status now. Done at the registering office (the certificate is scoped by the registering county).
/// </summary>
public sealed class CertificateRequests(AppDbContext db, MarriageCertificates certificates, AuditLog audit)
{
    public async Task<CertificateRequestOutcome> RequestAsync(CertificateRequestInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.RegistrationId is null) errors.Add("registrationId", "请选择婚姻登记记录");
        if (input.HolderPersonId is null) errors.Add("holderPersonId", "请选择申请补领的当事人");
        errors.ThrowIfAny();
        var registration = await db.Set<MarriageRegistration>().FirstOrDefaultAsync(r => r.Id == input.RegistrationId, ct) ?? throw AppProblem.NotFound("婚姻登记记录");
        var holderId = input.HolderPersonId!.Value;
        if (holderId != registration.MalePersonId && holderId != registration.FemalePersonId)
            throw AppProblem.Field("holderPersonId", "申请人须为该登记的一方当事人", "marriage_certificate_not_holder");
        // The holder's marital status now is the registry's fact wherever the holder lives today (a move to another county
        // does not change what the registering office may certify); read only, nothing of the person is written.
        var holderStatus = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == holderId).Select(p => p.MaritalStatus).FirstAsync(ct);
        var isDivorce = registration.Kind == RegistrationKind.Divorce;
        var kind = isDivorce ? CertificateKind.DivorceCertificate : CertificateKind.MarriageCertificate;
        var reissue = MarriageRules.MayReissue(registration.Status == RegistrationStatus.InForce, holderStatus, isDivorce);
        MarriageCertificate issued;
        string explanation;
        if (reissue)
        {
            var previous = await db.Set<MarriageCertificate>()
                .Where(c => c.RegistrationId == registration.Id && c.HolderPersonId == holderId && c.Kind == kind && c.Status == CertificateStatus.Valid)
                .OrderByDescending(c => c.IssuedAt).FirstOrDefaultAsync(ct);
            issued = await certificates.IssueAsync(registration, kind, holderId, previous, ct);
            explanation = $"当事人婚姻状况与登记一致，补发{MarriageCertificates.KindName(kind)}" + (previous is null ? "" : $"，原证 {previous.Number} 作废");
        }
        else
        {
            issued = await certificates.IssueAsync(registration, CertificateKind.RecordProof, holderId, null, ct);
            explanation = $"当事人婚姻状况已变化（现为{Platform.Registry.MaritalStatusLabels.Name(holderStatus)}），不予补发{MarriageCertificates.KindName(kind)}，出具婚姻登记记录证明";
        }
        audit.Add(reissue ? "marriage-certificate-reissue" : "marriage-record-proof", nameof(MarriageCertificate), issued.Id.ToString(),
            new { registration.Number, certificate = issued.Number, input.Reason }, registration.DivisionCode);
        await db.SaveChangesAsync(ct);
        return new(issued, reissue, explanation);
    }

    /// <summary>A certificate in the clerk's scope with what its print page shows.</summary>
    public async Task<CertificateView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<MarriageCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("证书");
        var r = await db.Set<MarriageRegistration>().AsNoTracking().FirstAsync(x => x.Id == c.RegistrationId, ct);
        var o = await db.Set<MarriageOffice>().AsNoTracking().FirstAsync(x => x.Id == r.OfficeId, ct);
        // the parties were registered here; one may have moved since, and the certificate names both (read only)
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => p.Id == r.MalePersonId || p.Id == r.FemalePersonId)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked }).ToListAsync(ct);
        var holder = people.First(p => p.Id == c.HolderPersonId);
        var other = people.First(p => p.Id != c.HolderPersonId);
        var (valid, text) = MarriageCertificates.Validity(c, r);
        return new(c, r, o, holder.Name, holder.IdNumberMasked, other.Name, other.IdNumberMasked, valid, text);
    }

    /// <summary>The certificates of a registration (the clerk's page lists them with their state).</summary>
    public Task<List<MarriageCertificate>> OfRegistrationAsync(Guid registrationId, CancellationToken ct = default) =>
        db.Set<MarriageCertificate>().AsNoTracking().Where(c => c.RegistrationId == registrationId).OrderBy(c => c.IssuedAt).ThenBy(c => c.Id).ToListAsync(ct);

    public static string StatusName(CertificateStatus s) => s switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Replaced => "已补发作废",
        _ => "登记已解除",
    };

    /// <summary>The path of the anonymous verification page the QR code opens (the page itself belongs to the registration part).</summary>
    public static string VerifyPath(string token) => "/verify/marriage/" + Uri.EscapeDataString(token);
}
