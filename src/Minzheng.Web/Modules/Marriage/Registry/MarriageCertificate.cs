using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registry;

public enum CertificateKind
{
    /// <summary>结婚证 (one to each party).</summary>
    MarriageCertificate = 1,
    /// <summary>离婚证 (one to each party).</summary>
    DivorceCertificate = 2,
    /// <summary>婚姻登记记录证明: issued instead of a reissue when the status has changed since (rules-2 §5.3).</summary>
    RecordProof = 3,
}

public enum CertificateStatus
{
    Valid = 1,
    /// <summary>Replaced by a reissued certificate (补领): the old one no longer verifies as current.</summary>
    Replaced = 2,
    /// <summary>The registration it records is no longer in force (a later divorce, a revocation, a death).</summary>
    Superseded = 3,
}

/// <summary>
/// A certificate issued to one holder: numbered, printable, and verifiable by a QR code holding an unguessable token that opens
/// an anonymous page with masked data and the certificate's current validity (anchors §5.2). The token is a bearer secret for
/// that masked view only (it reveals no full identifier), so it is stored as issued to be printed again on the same page.
/// </summary>
public sealed class MarriageCertificate : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegistrationId { get; set; }
    public CertificateKind Kind { get; set; }
    public CertificateStatus Status { get; set; } = CertificateStatus.Valid;
    public Guid HolderPersonId { get; set; }

    /// <summary>The registering office's county (as the registration).</summary>
    public required string DivisionCode { get; set; }

    /// <summary>证号 (the registration's 登记字号 for the first issue; 补发 numbers carry a B prefix; proofs a JZ prefix).</summary>
    public required string Number { get; set; }

    public required string Token { get; set; }
    public DateOnly IssuedOn { get; set; }
    public Guid? ReplacesId { get; set; }
    public required string IssuedBy { get; set; }
    public DateTime IssuedAt { get; set; }
}

internal sealed class MarriageCertificateConfiguration : IEntityTypeConfiguration<MarriageCertificate>
{
    public void Configure(EntityTypeBuilder<MarriageCertificate> b)
    {
        b.ToTable("marriage_certificate");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Number).HasMaxLength(30);
        b.Property(c => c.Token).HasMaxLength(64);
        b.Property(c => c.IssuedBy).HasMaxLength(100);
        b.HasOne<MarriageRegistration>().WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.HolderPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Token).IsUnique();
        b.HasIndex(c => c.RegistrationId);
        b.HasIndex(c => c.Number);
    }
}

/// <summary>What the anonymous verification page shows: masked names and numbers, the registry and the validity now.</summary>
public sealed record CertificateVerification(string KindName, string Number, DateOnly RegisteredOn, string Authority, string HolderName, string HolderIdMasked,
    string OtherPartyName, string OtherPartyIdMasked, bool Valid, string StatusText);

/// <summary>
/// Issues, supersedes and verifies certificates. Every use case that registers something issues through here (numbers from
/// the kernel's <see cref="CaseNumbers"/>, tokens from a CSPRNG); every scan of a QR token is audited, the forged ones too.
/// </summary>
public sealed class MarriageCertificates(AppDbContext db, CaseNumbers numbers, ICurrentUser user, BusinessClock clock, AuditLog audit)
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>The 登记字号 of a new registration at <paramref name="office"/> on <paramref name="on"/> (J… marriage, L… divorce).</summary>
    public Task<string> NextRegistrationNumberAsync(MarriageOffice office, RegistrationKind kind, DateOnly on, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries((kind == RegistrationKind.Marriage ? "J" : "L") + office.NumberCode + "-" + on.Year + "-", null, 6),
            db.Set<MarriageRegistration>().IgnoreQueryFilters().Select(r => (string?)r.Number), ct);

    /// <summary>
    /// A certificate for <paramref name="holderPersonId"/> recording <paramref name="registration"/> (tracked in the caller's
    /// transaction). <paramref name="replaces"/>: the certificate a 补领 replaces (marked Replaced).
    /// </summary>
    public async Task<MarriageCertificate> IssueAsync(MarriageRegistration registration, CertificateKind kind, Guid holderPersonId, MarriageCertificate? replaces, CancellationToken ct)
    {
        if (holderPersonId != registration.MalePersonId && holderPersonId != registration.FemalePersonId)
            throw new InvalidOperationException("证书持有人须为登记的一方当事人");
        var number = kind switch
        {
            CertificateKind.RecordProof => await numbers.NextAsync(new NumberSeries("JZ" + registration.Number[1..registration.Number.LastIndexOf('-')] + "-", null, 6),
                db.Set<MarriageCertificate>().IgnoreQueryFilters().Select(c => (string?)c.Number), ct),
            _ when replaces is not null => "B" + registration.Number,
            _ => registration.Number,
        };
        if (replaces is not null) replaces.Status = CertificateStatus.Replaced;
        var certificate = new MarriageCertificate
        {
            RegistrationId = registration.Id,
            Kind = kind,
            HolderPersonId = holderPersonId,
            DivisionCode = registration.DivisionCode,
            Number = number,
            Token = NewToken(),
            IssuedOn = clock.Today,
            ReplacesId = replaces?.Id,
            IssuedBy = user.UserName,
            IssuedAt = clock.UtcNow,
        };
        db.Add(certificate);
        return certificate;
    }

    /// <summary>Marks every valid certificate of a registration that stopped being in force (a divorce, a revocation).</summary>
    public async Task SupersedeAsync(Guid registrationId, CancellationToken ct)
    {
        foreach (var c in await db.Set<MarriageCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                     .Where(c => c.RegistrationId == registrationId && c.Status == CertificateStatus.Valid && c.Kind != CertificateKind.RecordProof).ToListAsync(ct))
            c.Status = CertificateStatus.Superseded;
    }

    /// <summary>
    /// The anonymous verification of a scanned token: null for a token never issued (a forgery or a typo). Reads past the scope
    /// filter on purpose (the scanner is anonymous; what it returns is masked); every scan is audited with its outcome.
    /// </summary>
    public async Task<CertificateVerification?> VerifyAsync(string token, string? client, CancellationToken ct)
    {
        token = (token ?? "").Trim();
        var certificate = token.Length is >= 16 and <= 64
            ? await db.Set<MarriageCertificate>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, ct)
            : null;
        if (certificate is null)
        {
            await audit.RecordAsync("marriage-certificate-scan-unknown", nameof(MarriageCertificate), null,
                new { tokenPrefix = token.Length > 6 ? token[..6] : token, client }, userName: "anonymous", ct: ct);
            return null;
        }
        var registration = await db.Set<MarriageRegistration>().IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == certificate.RegistrationId, ct);
        var office = await db.Set<MarriageOffice>().IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == registration.OfficeId, ct);
        var people = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == registration.MalePersonId || p.Id == registration.FemalePersonId)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.PlatformNumber }).ToListAsync(ct);
        var holder = people.First(p => p.Id == certificate.HolderPersonId);
        var other = people.First(p => p.Id != certificate.HolderPersonId);
        var (valid, text) = Validity(certificate, registration);
        await audit.RecordAsync("marriage-certificate-scan", nameof(MarriageCertificate), certificate.Id.ToString(), new { certificate.Number, valid, client },
            certificate.DivisionCode, "anonymous", ct);
        return new(KindName(certificate.Kind), certificate.Number, registration.RegisteredOn, office.Authority, PersonNames.Mask(holder.Name), holder.IdNumberMasked ?? "（无身份证号）",
            PersonNames.Mask(other.Name), other.IdNumberMasked ?? "（无身份证号）", valid, text);
    }

    public static (bool Valid, string Text) Validity(MarriageCertificate c, MarriageRegistration r) => c.Status switch
    {
        CertificateStatus.Replaced => (false, "该证已因补领作废，请以补发的证书为准"),
        CertificateStatus.Superseded => (false, r.EndedOn is { } ended ? $"该登记已于{ended:yyyy年M月d日}解除或撤销（{r.EndedBy}），证书所载状况已不是当前状况" : "证书所载登记已不在有效状态"),
        _ when c.Kind == CertificateKind.RecordProof => (true, $"婚姻登记记录证明，出具于{c.IssuedOn:yyyy年M月d日}，证明所载为登记记录，不证明当前婚姻状况"),
        _ => (true, "证书真实有效，所载登记现仍有效"),
    };

    public static string KindName(CertificateKind k) => k switch
    {
        CertificateKind.MarriageCertificate => "结婚证",
        CertificateKind.DivorceCertificate => "离婚证",
        _ => "婚姻登记记录证明",
    };
}
