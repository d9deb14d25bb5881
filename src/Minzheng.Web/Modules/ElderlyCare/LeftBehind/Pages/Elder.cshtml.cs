using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind.Pages;

/// <summary>
/// One elder: the register's facts, the visits, and the visit form the village worker fills on a phone (one column on a narrow
/// screen); the risk level and exit below it. After a visit the page shows the next due date.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + LeftBehindPermissions.Read)]
public sealed class ElderModel(LeftBehindRegister register, LeftBehindVisits visits, LeftBehindQueries queries, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public VisitMode? Mode { get; set; }
        public DateOnly? VisitedOn { get; set; }
        public string? Health { get; set; }
        public string? Safety { get; set; }
        public string? LivingCondition { get; set; }
        public string? Mental { get; set; }
        public string? Needs { get; set; }
        public List<string> Referrals { get; set; } = [];
        public LeftBehindRisk? Risk { get; set; }
        public string? Reason { get; set; }
        public DateOnly? ExitedOn { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public LeftBehindElder Elder { get; private set; } = null!;
    public IReadOnlyList<ChildAway> Children { get; private set; } = [];
    public List<LeftBehindVisit> Visits { get; private set; } = [];
    public string DivisionName { get; private set; } = "";
    public DateOnly Today => clock.Today;
    public bool CanWrite => user.HasPermission(LeftBehindPermissions.Write);

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Elder = await register.LoadAsync(id, ct);
        Children = LeftBehindRegister.ChildrenOf(Elder);
        Visits = await queries.VisitsAsync(id, ct);
        DivisionName = divisions.FullName(Elder.DivisionCode);
        if (Request.Method == "GET") Input.Risk = Elder.Risk;
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid id, int? version)
    {
        var (_, e) = await visits.RecordAsync(id, new VisitInput(Input.Mode, Input.VisitedOn, Input.Health, Input.Safety, Input.LivingCondition, Input.Mental, Input.Needs,
            Input.Referrals, version), HttpContext.RequestAborted);
        TempData["Message"] = $"巡访记录已保存。下次应巡访日期：{e.NextVisitDue:yyyy-MM-dd}（{LeftBehindLabels.Of(e.Risk)}）";
        return Redirect($"/elderly/left-behind/{id}");
    }

    public async Task<IActionResult> OnPostRiskAsync(Guid id, int? version)
    {
        var e = await register.ChangeRiskAsync(id, new RiskInput(Input.Risk, Input.Reason, version), HttpContext.RequestAborted);
        TempData["Message"] = $"风险等级已调整为{LeftBehindLabels.Of(e.Risk)}。下次应巡访日期：{e.NextVisitDue:yyyy-MM-dd}";
        return Redirect($"/elderly/left-behind/{id}");
    }

    public async Task<IActionResult> OnPostExitAsync(Guid id, int? version)
    {
        var e = await register.ExitAsync(id, new ExitInput(Input.Reason, Input.ExitedOn, version), HttpContext.RequestAborted);
        TempData["Message"] = $"{e.Name} 已退出名册（{e.ExitReason}）";
        return Redirect($"/elderly/left-behind/{id}");
    }
}
