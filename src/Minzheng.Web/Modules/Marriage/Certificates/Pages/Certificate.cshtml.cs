using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.Marriage.Certificates.Pages;

/// <summary>
/// A 结婚证 / 离婚证 data page or a 婚姻登记记录证明 (/marriage/certificates/{id}), printable, with the QR code that opens the
/// anonymous verification page for its token (/verify/marriage/{token}, built by the registration part).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class CertificateModel(CertificateRequests requests, PrintFooters footers) : PageModel
{
    public CertificateView View { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task OnGetAsync(Guid id)
    {
        View = await requests.ViewAsync(id, HttpContext.RequestAborted);
        Footer = footers.ByUnit(View.Office.Authority);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}{CertificateRequests.VerifyPath(View.Certificate.Token)}";
        QrSvg = QrCodes.Svg(VerifyUrl);
    }
}
