using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.Community.Admission.Pages;

/// <summary>/community/certificates/{id}/print: a certificate in the kernel print layout, issued in the committee's name with its number and basis.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class PrintModel(CommitteeCertificates certificates, PrintFooters footers) : PageModel
{
    public CertificateDto Certificate { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;

    public async Task OnGetAsync(Guid id)
    {
        Certificate = await certificates.DtoAsync(id, HttpContext.RequestAborted);
        Footer = footers.ByUnit(Certificate.CommitteeName);
    }
}
