using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Charity.Pages;

/// <summary>慈善组织认定、公开募捐资格、税前扣除资格: the applications in scope, each with its unmet conditions and decision.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(CharityQualifications qualifications) : PageModel
{
    public Paged<QualificationDto> Applications { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] int? page) =>
        Applications = await qualifications.ListAsync(null, null, PageRequest.From(page, 50), HttpContext.RequestAborted);
}
