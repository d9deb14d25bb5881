using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>登记证书 (/social-organizations/org/{id}/certificate), printable on A4 landscape with the platform's print footer.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class CertificateModel(RegistryQueries queries, PrintFooters footers) : PageModel
{
    public RegistryDetail Detail { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;

    public async Task OnGetAsync(Guid id)
    {
        Detail = await queries.DetailAsync(id, HttpContext.RequestAborted);
        if (Detail.Summary.CertificateNumber is null) throw AppProblem.NotFound("登记证书");
        Footer = footers.ByUnit(Detail.AuthorityName);
    }

    /// <summary>法人登记证书's name per kind.</summary>
    public string Title => Detail.Summary.Kind switch
    {
        "social-group" => "社会团体法人登记证书",
        "foundation" => "基金会法人登记证书",
        _ => "民办非企业单位（法人）登记证书",
    };
}
