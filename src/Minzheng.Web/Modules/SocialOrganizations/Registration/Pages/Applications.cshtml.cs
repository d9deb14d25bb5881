using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>登记申请 (/social-organizations/applications): the applications in the officer's scope, open ones first, with their due dates.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class ApplicationsModel(RegistrationApplications applications) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<RegistrationApplication> Rows { get; private set; } = null!;

    public async Task OnGetAsync() => Rows = await applications.ListAsync(null, PageRequest.From(PageNumber, 30), HttpContext.RequestAborted);
}
