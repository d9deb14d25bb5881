using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class RecoveriesModel(Recoveries recoveries) : PageModel
{
    public List<RecoveryRow> Rows { get; private set; } = [];
    public RecoveryStatus? Status { get; private set; }

    public async Task OnGetAsync(string? status)
    {
        Status = Enum.TryParse<RecoveryStatus>(status, true, out var s) ? s : null;
        Rows = await recoveries.ListAsync(Status, HttpContext.RequestAborted);
    }
}
