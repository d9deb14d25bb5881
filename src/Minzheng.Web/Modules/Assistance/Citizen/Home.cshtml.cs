using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Assistance.Citizen;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CitizenApply)]
public sealed class HomeModel(CitizenAccounts accounts) : PageModel
{
    public List<AssistanceCase> Cases { get; private set; } = [];

    public async Task OnGetAsync() => Cases = await accounts.MyCasesAsync(HttpContext.RequestAborted);
}
