using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>
/// 结婚证 / 离婚证 data page (/marriage/certificates/{id}/print): holder, 登记日期, 证号, both parties, the registry authority and a QR
/// code with the absolute URL of the anonymous verification page. ID numbers are masked; a holder of registry.reveal-id
/// may print them in full by stating a reason (?reveal=事由), which the registry's reveal use case audits.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class CertificatePrintModel(MarriageQueries queries, RevealIdentifiers identifiers, ICurrentUser user, PrintFooters footers) : PageModel
{
    public MarriageCertificate Certificate { get; private set; } = null!;
    public RegistrationDto Registration { get; private set; } = null!;
    public CertificateDto Dto { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public Dictionary<Guid, string> FullNumbers { get; } = [];
    public bool MayReveal => user.HasPermission(Permissions.RegistryRevealId);
    public PrintFooter Footer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? reveal)
    {
        var ct = HttpContext.RequestAborted;
        (Certificate, Registration) = await queries.CertificateAsync(id, ct);
        // a record proof is a letter, not a data page: it has its own page
        if (Certificate.Kind == CertificateKind.RecordProof) return Redirect($"/marriage/certificates/{id}");
        Dto = Registration.Certificates.First(c => c.Id == id);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/verify/marriage/{Uri.EscapeDataString(Certificate.Token)}";
        QrSvg = QrCodes.Svg(VerifyUrl);
        if (!string.IsNullOrWhiteSpace(reveal) && MayReveal)
        {
            foreach (var p in new[] { Registration.Male, Registration.Female })
                if ((await identifiers.RevealAsync(p.PersonId, reveal, ct)).IdNumber is { } full) FullNumbers[p.PersonId] = full;
        }
        Footer = footers.ByUnit(Registration.Authority);
        return Page();
    }

    public string IdOf(PartyDto p) => FullNumbers.TryGetValue(p.PersonId, out var full) ? full : p.IdNumberMasked;
}
