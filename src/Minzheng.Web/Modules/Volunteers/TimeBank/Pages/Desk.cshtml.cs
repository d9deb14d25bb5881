using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Volunteers.TimeBank.Pages;

/// <summary>
/// 时间银行服务网点 (clerks and officers): find an account by ID number (never in the URL), its statement, withdraw for a
/// service (通存通兑), reverse a transaction, grant to a priority elder; the city's reconciliation and flows.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class DeskModel(TimeBankService bank, ICurrentUser user) : PageModel
{
    public TimeAccount? Account { get; private set; }
    public Paged<StatementLine>? Statement { get; private set; }
    public Reconciliation? Check { get; private set; }
    public List<FlowRow> Flows { get; private set; } = [];
    public Dictionary<string, long> Balances { get; private set; } = [];
    public bool CanOperate => user.HasPermission(TimeBankPermissions.Operate);
    public bool CanReverse => user.HasPermission(TimeBankPermissions.Reverse);
    public bool CanGrant => user.HasPermission(TimeBankPermissions.Grant);
    public bool CanReconcile => user.HasPermission(TimeBankPermissions.Reconcile);

    public async Task OnGetAsync(Guid? account, int? p)
    {
        var ct = HttpContext.RequestAborted;
        if (account is { } id)
        {
            Account = await bank.AccountInScopeAsync(id, ct);
            Statement = await bank.StatementAsync(Account, PageRequest.From(p, 20), ct);
        }
        if (CanReconcile)
        {
            Check = await bank.ReconcileAsync(ct);
            Flows = await bank.FlowsAsync(ct);
            Balances = await bank.BalancesAsync(ct);
        }
    }

    [ProblemPrefix("Find")]
    public async Task<IActionResult> OnPostFindAsync(string? idNumber)
    {
        var found = await bank.FindByIdNumberAsync(idNumber, HttpContext.RequestAborted);
        return RedirectToPage(new { account = found.Id });
    }

    [ProblemPrefix("Withdraw")]
    public async Task<IActionResult> OnPostWithdrawAsync(Guid? account, string? idNumber, int? minutes, string? service, DateOnly? servedOn, string? provider)
    {
        if (!CanOperate) return Forbid();
        var txn = await bank.WithdrawAsync(new(string.IsNullOrWhiteSpace(idNumber) ? account : null, idNumber, minutes, service, servedOn, provider), HttpContext.RequestAborted);
        TempData["Message"] = $"已办理兑换 {minutes} 分钟";
        return RedirectToPage(new { account = txn.Entries.FirstOrDefault(e => e.Minutes < 0)?.AccountId });
    }

    [ProblemPrefix("Reverse")]
    public async Task<IActionResult> OnPostReverseAsync(Guid account, Guid txn, string? reason)
    {
        if (!CanReverse) return Forbid();
        await bank.ReverseAsync(txn, new(reason), HttpContext.RequestAborted);
        TempData["Message"] = "已冲正";
        return RedirectToPage(new { account });
    }

    [ProblemPrefix("Grant")]
    public async Task<IActionResult> OnPostGrantAsync(Guid? personId, int? minutes, string? reason)
    {
        if (!CanGrant) return Forbid();
        var txn = await bank.GrantAsync(new(personId, minutes, reason), HttpContext.RequestAborted);
        TempData["Message"] = $"已赠与 {minutes} 分钟";
        return RedirectToPage(new { account = txn.Entries.FirstOrDefault(e => e.Minutes > 0)?.AccountId });
    }

    public IReadOnlyList<BarChart.Item> FlowChart(TimeTxnKind kind) =>
        Flows.Where(f => f.Kind == kind).Select(f => new BarChart.Item(f.Month, f.Minutes / 60)).ToList();
}
