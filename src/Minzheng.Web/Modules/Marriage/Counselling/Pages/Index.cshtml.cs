using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Marriage.Counselling.Pages;

/// <summary>The counselling purchase: each contract's budget used and remaining, its sessions, recording a session and the monthly settlement.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class IndexModel(CounsellingPurchase purchase, AppDbContext db, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public DateOnly? HeldOn { get; set; }
        public string? Counsellor { get; set; }
        public string? Type { get; set; }
        public string? Topic { get; set; }
        public int? Minutes { get; set; } = 60;
        public int? Participants { get; set; } = 2;
        public DateOnly? Month { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? ContractId { get; set; }
    public IReadOnlyList<CounsellingContractView> Contracts { get; private set; } = [];
    public CounsellingContractView? Current { get; private set; }
    public IReadOnlyList<CounsellingSession> Sessions { get; private set; } = [];
    public IReadOnlyList<CounsellingSettlement> Settlements { get; private set; } = [];
    public bool CanManage => user.HasPermission(CounsellingPermissions.Manage);
    public bool CanRecord => user.HasPermission(CounsellingPermissions.Record);
    public DateOnly Today => clock.Today;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        var contracts = await db.Set<CounsellingContract>().AsNoTracking().OrderByDescending(c => c.ValidFrom).ThenBy(c => c.Id).Take(50).ToListAsync(ct);
        var views = await purchase.ViewsAsync(contracts, ct);
        Contracts = views;
        Current = views.FirstOrDefault(c => c.Id == ContractId) ?? views.FirstOrDefault();
        if (Current is null) return;
        Sessions = await db.Set<CounsellingSession>().AsNoTracking().Where(s => s.ContractId == Current.Id).OrderByDescending(s => s.HeldOn).ThenBy(s => s.Id).Take(100).ToListAsync(ct);
        Settlements = await db.Set<CounsellingSettlement>().AsNoTracking().Where(s => s.ContractId == Current.Id).OrderByDescending(s => s.Month).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostSessionAsync(Guid id)
    {
        if (!CanRecord) return Forbid();
        ContractId = id;
        await purchase.RecordSessionAsync(id, new CounsellingSessionInput(Input.HeldOn, Input.Counsellor, Input.Type, Input.Topic, Input.Minutes, Input.Participants), HttpContext.RequestAborted);
        TempData["Message"] = "已登记辅导记录";
        return Redirect($"/marriage/counselling?contractId={id}");
    }

    public async Task<IActionResult> OnPostSettleAsync(Guid id)
    {
        if (!CanManage) return Forbid();
        ContractId = id;
        var o = await purchase.SettleAsync(id, new CounsellingSettleInput(Input.Month), HttpContext.RequestAborted);
        TempData["Message"] = o.AlreadySettled
            ? $"{o.Settlement.Month:yyyy年M月} 已于此前结算（{o.Settlement.Number}），未重复结算"
            : $"已结算 {o.Settlement.Number}：{o.Settlement.SessionCount} 次 {o.Settlement.Amount.ToYuanString()}，列入 {o.Settlement.PayMonth:yyyy年M月} 资金发放";
        return Redirect($"/marriage/counselling?contractId={id}");
    }
}
