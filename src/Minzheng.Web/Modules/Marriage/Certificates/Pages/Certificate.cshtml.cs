using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.Marriage.Certificates.Pages;

/// <summary>
/// A certificate's page (/marriage/certificates/{id}): a 婚姻登记记录证明 is printed here, with the QR code that opens the
/// anonymous verification page for its token; a 结婚证 or 离婚证 has one data page for every kind, the print page
/// (/marriage/certificates/{id}/print), so this page sends it there rather than printing a second layout.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class CertificateModel(CertificateRequests requests, PrintFooters footers) : PageModel
{
    public CertificateView View { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        View = await requests.ViewAsync(id, HttpContext.RequestAborted);
        if (View.Certificate.Kind != Registry.CertificateKind.RecordProof) return Redirect($"/marriage/certificates/{id}/print");
        Footer = footers.ByUnit(View.Office.Authority);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}{CertificateRequests.VerifyPath(View.Certificate.Token)}";
        QrSvg = QrCodes.Svg(VerifyUrl);
        return Page();
    }
}
