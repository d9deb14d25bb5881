using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare.Pages;

/// <summary>A month's service records (with what each lacks), the monthly settlements with their explanation, and the sampling audits.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomeCarePermissions.Read)]
public sealed class SettlementsModel(HomeCareSettlements settlements, HomeCareAudits audits, AppDbContext db, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public Guid? ContractId { get; set; }
        public DateOnly? Month { get; set; }
        public decimal? RatePercent { get; set; }
        public Guid? VisitId { get; set; }
        public bool? Passed { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public IReadOnlyList<HomeCareContract> Contracts { get; private set; } = [];
    public Guid? ContractId { get; private set; }
    public DateOnly Month { get; private set; }
    public IReadOnlyList<HomeCareVisit> Visits { get; private set; } = [];
    public IReadOnlyList<HomeCareSettlement> Settled { get; private set; } = [];
    public IReadOnlyList<HomeCareAudit> Audits { get; private set; } = [];
    public bool CanManage => user.HasPermission(HomeCarePermissions.Manage) && user.OrganizationId is null;

    public async Task OnGetAsync(Guid? contractId, DateOnly? month)
    {
        var ct = HttpContext.RequestAborted;
        Contracts = await db.Set<HomeCareContract>().AsNoTracking().OrderByDescending(c => c.Year).ThenBy(c => c.Number).ToListAsync(ct);
        ContractId = contractId ?? Input.ContractId ?? (Contracts.Count > 0 ? Contracts[0].Id : null);
        Month = Entitlements.MonthOf(month ?? Input.Month ?? clock.Today);
        Input.ContractId ??= ContractId;
        Input.Month ??= Month;
        if (ContractId is not { } id) return;
        var next = Month.AddMonths(1);
        Visits = await db.Set<HomeCareVisit>().AsNoTracking().Where(v => v.ContractId == id && v.ServiceDate >= Month && v.ServiceDate < next)
            .OrderByDescending(v => v.CheckInAt).Take(200).ToListAsync(ct);
        Settled = await db.Set<HomeCareSettlement>().AsNoTracking().Where(s => s.ContractId == id).OrderByDescending(s => s.Month).Take(24).ToListAsync(ct);
        Audits = CanManage ? await db.Set<HomeCareAudit>().AsNoTracking().Where(a => a.ContractId == id).OrderByDescending(a => a.DrawnAt).Take(12).ToListAsync(ct) : [];
    }

    public async Task<IActionResult> OnPostSettleAsync()
    {
        if (!CanManage) return Forbid();
        var s = await settlements.SettleAsync(new SettleInput(Input.ContractId, Input.Month), HttpContext.RequestAborted);
        TempData["Message"] = $"已结算 {s.Number}：{s.VisitCount} 次服务 {s.Amount.ToYuanString()}，已列入 {s.PayMonth:yyyy年M月} 发放";
        return Redirect($"/elderly/home-care/settlements?contractId={s.ContractId}&month={s.Month:yyyy-MM-dd}");
    }

    public async Task<IActionResult> OnPostDrawAsync()
    {
        if (!CanManage) return Forbid();
        var a = await audits.DrawAsync(new DrawInput(Input.ContractId, Input.Month, Input.RatePercent), HttpContext.RequestAborted);
        TempData["Message"] = $"已抽取 {HomeCareAudits.SampleOf(a).Count} 条（共 {a.PopulationCount} 条，比例 {a.RatePercent:0.##}%，种子 {a.Seed}）";
        return Redirect($"/elderly/home-care/settlements?contractId={a.ContractId}&month={a.Month:yyyy-MM-dd}");
    }

    public async Task<IActionResult> OnPostResultAsync(Guid auditId)
    {
        if (!CanManage) return Forbid();
        var v = await audits.RecordAsync(auditId, new AuditResultInput(Input.VisitId, Input.Passed, Input.Note), HttpContext.RequestAborted);
        TempData["Message"] = $"已登记抽查结论：{v.ElderName} {(v.AuditResult == HomeCareAuditResult.Passed ? "合格" : "不合格")}";
        return Redirect($"/elderly/home-care/settlements?contractId={v.ContractId}&month={Entitlements.MonthOf(v.ServiceDate):yyyy-MM-dd}");
    }

    public static IReadOnlyList<AmountLine> Lines(HomeCareSettlement s) => JsonSerializer.Deserialize<List<AmountLine>>(s.Explanation, Platform.Audit.AuditRecorder.Json) ?? [];

    public static string Status(HomeCareVisit v)
    {
        if (v.AuditResult == HomeCareAuditResult.Failed) return "抽查不合格";
        if (v.SettlementId is not null) return "已结算";
        var missing = HomeCareRules.MissingElements(v);
        return missing.Count == 0 ? "待结算" : "缺" + string.Join("、", missing);
    }
}
