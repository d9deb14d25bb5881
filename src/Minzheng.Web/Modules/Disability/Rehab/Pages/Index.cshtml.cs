using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Rehab.Pages;

/// <summary>The rehabilitation purchase: each contract's budget used and remaining, its settlements, and the monthly settlement.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class IndexModel(RehabPurchase purchase, AppDbContext db, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public DateOnly? Month { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? ContractId { get; set; }
    public IReadOnlyList<RehabContractView> Contracts { get; private set; } = [];
    public RehabContractView? Current { get; private set; }
    public IReadOnlyList<RehabSettlement> Settlements { get; private set; } = [];
    public bool CanManage => user.HasPermission(RehabPermissions.Manage);
    public bool CanSeeRoll => user.HasPermission(RehabPermissions.Enrolments);

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        var contracts = await db.Set<RehabContract>().AsNoTracking().OrderByDescending(c => c.ValidFrom).ThenBy(c => c.Id).Take(50).ToListAsync(ct);
        Contracts = await purchase.ViewsAsync(contracts, ct);
        Current = Contracts.FirstOrDefault(c => c.Id == ContractId) ?? (Contracts.Count > 0 ? Contracts[0] : null);
        if (Current is null) return;
        Settlements = await db.Set<RehabSettlement>().AsNoTracking().Where(s => s.ContractId == Current.Id).OrderByDescending(s => s.Month).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostSettleAsync(Guid id)
    {
        if (!CanManage) return Forbid();
        ContractId = id;
        var o = await purchase.SettleAsync(id, new RehabSettleInput(Input.Month), HttpContext.RequestAborted);
        TempData["Message"] = o.AlreadySettled
            ? $"{o.Settlement.Month:yyyy年M月} 已于此前结算（{o.Settlement.Number}），未重复结算"
            : $"已结算 {o.Settlement.Number}：{o.Settlement.PersonMonths} 人·月 {o.Settlement.Amount.ToYuanString()}，列入 {o.Settlement.PayMonth:yyyy年M月} 资金发放";
        return Redirect($"/disability/rehab?contractId={id}");
    }
}
