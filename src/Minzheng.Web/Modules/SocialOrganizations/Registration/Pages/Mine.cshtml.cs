using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>本组织 (/social-organizations/mine): the organisation account's own profile, certificate, applications and panels; it files changes and deregistration online here.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RegistrationPermissions.Submit)]
public sealed class MineModel(RegistryQueries queries, RegistrationApplications applications, IEnumerable<IOrganizationPanel> panels, ICurrentUser user) : PageModel
{
    [BindProperty] public ApplicationForm Input { get; set; } = new();
    public OrganizationView View { get; private set; } = null!;

    private Guid Own => user.OrganizationId ?? throw AppProblem.NotFound("本组织");

    public async Task OnGetAsync() => View = await OrganizationPage.LoadAsync(queries, panels, Own, Input, counter: false, online: true, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostChangeAsync()
    {
        var a = await applications.ChangeAsync(Own, OrganizationPage.Change(Input), HttpContext.RequestAborted);
        TempData["Message"] = $"变更登记申请 {a.Number} 已提交，请等待登记管理机关受理";
        return Redirect("/social-organizations/mine");
    }

    public async Task<IActionResult> OnPostDeregisterAsync()
    {
        var a = await applications.DeregisterAsync(Own, new DeregisterInput(Input.Reason, null, Input.Materials), HttpContext.RequestAborted);
        TempData["Message"] = $"注销登记申请 {a.Number} 已提交，请等待登记管理机关受理";
        return Redirect("/social-organizations/mine");
    }
}
