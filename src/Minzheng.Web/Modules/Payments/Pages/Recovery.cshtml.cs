using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class RecoveryModel(Recoveries recoveries, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public decimal? Amount { get; set; }
        public DateOnly? ReceivedOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public RecoveryDetail Detail { get; private set; } = null!;
    public bool CanPrepare => user.HasPermission(PaymentPermissions.Prepare);
    public bool CanApprove => user.HasPermission(PaymentPermissions.Approve);
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(Guid id) => Detail = await recoveries.DetailAsync(id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostSettleAsync(Guid id, int version)
    {
        if (!CanPrepare) return Forbid();
        return await RunAsync(id, () => recoveries.SettleAsync(id, new SettlementInput(version, Input.Amount, Input.ReceivedOn, Input.Note), HttpContext.RequestAborted), "退回款已登记");
    }

    public async Task<IActionResult> OnPostWriteOffAsync(Guid id, int version, string? reason)
    {
        if (!CanApprove) return Forbid();
        return await RunAsync(id, () => recoveries.WriteOffAsync(id, new SettlementInput(version, null, null, reason), HttpContext.RequestAborted), "已核销");
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, string done)
    {
        await action();
        TempData["Message"] = done;
        return Redirect($"/payments/recoveries/{id}");
    }
}
