using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>
/// One registration application as the registration authority handles it (/social-organizations/applications/{id}): the facts
/// applied for, the materials, the statutory due date, the timeline and the step the officer may take (受理 / 不予受理, 审查,
/// 准予 / 不准予 with written grounds). On approving an establishment the organisation account's one-time password is shown
/// here once.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class ApplicationModel(RegistrationApplications applications, RegistrationAuthority authority, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public RegistrationApplication Application { get; private set; } = null!;
    public WorkflowCase? Case { get; private set; }
    public bool CanAct { get; private set; }
    public bool CanHandle => user.HasPermission(RegistrationPermissions.Handle);
    public bool CanDecide => user.HasPermission(RegistrationPermissions.Decide);
    public string DivisionName(string code) => divisions.FullName(code);
    public string AuthorityName => divisions.NameOf(Application.AuthorityDivisionCode) + "民政局";

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Opinion { get; set; }

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Application = await applications.GetAsync(id, ct);
        Case = await applications.CaseAsync(Application, ct);
        CanAct = authority.CanAct(Application.AuthorityDivisionCode);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id) => StepAsync(id, () => applications.AcceptAsync(id, new(Version, Opinion), HttpContext.RequestAborted), "已受理，法定期限自今日起算");
    public Task<IActionResult> OnPostRejectAsync(Guid id) => StepAsync(id, () => applications.RejectAsync(id, new(Version, Opinion), HttpContext.RequestAborted), "已不予受理");
    public Task<IActionResult> OnPostReviewAsync(Guid id) => StepAsync(id, () => applications.ReviewAsync(id, new(Version, Opinion), HttpContext.RequestAborted), "审查意见已提交，待决定");

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        var r = await applications.DecideAsync(id, true, new(Version, Opinion), HttpContext.RequestAborted);
        TempData["Message"] = "已准予登记";
        if (r.OneTimePassword is { } password)
        {
            // shown once on the next page and never stored: TempData is read and discarded
            TempData["Account"] = $"组织账号：{r.AccountUserName}　一次性密码：{password}（首次登录须修改密码，请当面告知申请人）";
        }
        return Redirect($"/social-organizations/applications/{id}");
    }

    public Task<IActionResult> OnPostRefuseAsync(Guid id) => StepAsync(id, () => applications.DecideAsync(id, false, new(Version, Opinion), HttpContext.RequestAborted), "已作出不准予登记决定");

    private async Task<IActionResult> StepAsync<T>(Guid id, Func<Task<T>> step, string message)
    {
        await step();
        TempData["Message"] = message;
        return Redirect($"/social-organizations/applications/{id}");
    }
}
