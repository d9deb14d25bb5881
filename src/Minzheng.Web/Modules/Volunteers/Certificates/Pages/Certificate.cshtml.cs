using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.Volunteers.Certificates.Pages;

/// <summary>
/// One 志愿服务记录证明 (/volunteers/certificates/{id}) in the kernel print layout, with the QR code that opens the anonymous
/// verification page; the issuing organisation revokes it here with the reason. The volunteer opens their own proof too.
/// </summary>
[Authorize]
public sealed class CertificateModel(ServiceCertificates certificates, PrintFooters footers, ICurrentUser user) : PageModel
{
    public CertificateView View { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    [BindProperty] public string? Reason { get; set; }

    /// <summary>Back to the organisation's list, or a volunteer's own phone page.</summary>
    public string BackHref => user.HasPermission(VolunteerPermissions.Read) ? "/volunteers/certificates" : "/volunteer/certificates";

    public bool CanRevoke => View.Certificate.Status == CertificateStatus.Issued && user.OrganizationId == View.Certificate.OrganizationId
        && user.HasPermission(VolunteerPermissions.Manage);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!user.HasPermission(VolunteerPermissions.Read) && !user.HasPermission(VolunteerPermissions.Self)) return Forbid();
        View = await certificates.ViewAsync(id, HttpContext.RequestAborted);
        Footer = footers.ByUnit(View.Certificate.IssuerName, responsible: View.Certificate.Head);
        if (View.Certificate.Token is { } token)
        {
            VerifyUrl = $"{Request.Scheme}://{Request.Host}{ServiceCertificates.VerifyPath(token)}";
            QrSvg = QrCodes.Svg(VerifyUrl);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, int version)
    {
        await certificates.RevokeAsync(id, new CloseCertificateInput(Reason, version), HttpContext.RequestAborted);
        return Redirect($"/volunteers/certificates/{id}");
    }
}
