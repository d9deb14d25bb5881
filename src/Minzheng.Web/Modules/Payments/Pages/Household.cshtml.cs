using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class HouseholdModel(Recoveries recoveries) : PageModel
{
    public HouseholdStatement Statement { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, DateOnly? from, DateOnly? to) => Statement = await recoveries.HouseholdStatementAsync(id, from, to, HttpContext.RequestAborted);
}
