using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class RecoveriesModel(Recoveries recoveries) : PageModel
{
    public Paged<RecoveryRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<RecoveryRow> Rows => Result.Items;
    public RecoveryStatus? Status { get; private set; }

    public async Task OnGetAsync(string? status, [FromQuery] int? page)
    {
        Status = Enum.TryParse<RecoveryStatus>(status, true, out var s) ? s : null;
        Result = await recoveries.ListAsync(Status, PageRequest.From(page, 50), HttpContext.RequestAborted);
    }
}
