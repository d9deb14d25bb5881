using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Fukang.Pages;

/// <summary>The county's catalogue of devices and its yearly budget; county officers add items and the budget here.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class CatalogueModel(FukangCatalogue catalogue, AppDbContext db, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public decimal? UnitPrice { get; set; }
        public int? ReplacementMonths { get; set; } = 60;
        public Guid? SupplierId { get; set; }
        public string? Document { get; set; }
        public decimal? Amount { get; set; }
        public string? BudgetDocument { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<FukangDevice> Devices { get; private set; } = [];
    public IReadOnlyList<FukangBudget> Budgets { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Suppliers { get; private set; } = [];
    public bool CanManage => user.HasPermission(FukangPermissions.Manage) && user.DivisionCode is { } c && DivisionCodes.LevelOf(c) == DivisionLevel.County;
    public DivisionDirectory Divisions => divisions;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        Devices = await catalogue.Devices(Year).Take(200).ToListAsync(ct);
        Budgets = await catalogue.Budgets(Year).Take(50).ToListAsync(ct);
        if (CanManage)
        {
            Suppliers = (await db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active && (o.Kind == OrganizationKind.Enterprise || o.Kind == OrganizationKind.SocialServiceAgency || o.Kind == OrganizationKind.PublicInstitution))
                .OrderBy(o => o.Name).Take(200).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        }
    }

    public async Task<IActionResult> OnPostDeviceAsync()
    {
        if (!CanManage) return Forbid();
        Year ??= clock.Today.Year;
        var d = await catalogue.AddDeviceAsync(new FukangDeviceInput(user.DivisionCode, Year, Input.Code, Input.Name, Input.UnitPrice, Input.ReplacementMonths, Input.SupplierId, Input.Document), ct: HttpContext.RequestAborted);
        TempData["Message"] = $"已登记目录项：{d.Name} {d.UnitPrice.ToYuanString()}，更换周期 {d.ReplacementMonths} 个月";
        return Redirect($"/disability/fukang/catalogue?year={Year}");
    }

    public async Task<IActionResult> OnPostBudgetAsync()
    {
        if (!CanManage) return Forbid();
        Year ??= clock.Today.Year;
        var b = await catalogue.AddBudgetAsync(new FukangBudgetInput(user.DivisionCode, Year, Input.Amount, Input.BudgetDocument), ct: HttpContext.RequestAborted);
        TempData["Message"] = $"已登记 {b.Year} 年度预算 {b.Amount.ToYuanString()}";
        return Redirect($"/disability/fukang/catalogue?year={Year}");
    }
}
