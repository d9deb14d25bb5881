using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare.Pages;

/// <summary>政府购买居家养老服务: the contracts with their budget consumption (chart, alert line), and a new contract.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomeCarePermissions.Read)]
public sealed class IndexModel(HomeCareContracts contracts, AppDbContext db, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public string? ProviderCode { get; set; }
        public string? DivisionCode { get; set; }
        public int? Year { get; set; }
        public decimal? Budget { get; set; }
        public string? Document { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<ContractRow> Result { get; private set; } = new([], 0, 1, 50);
    public bool CanManage => user.HasPermission(HomeCarePermissions.Manage);
    public int ActiveOrders { get; private set; }
    public int OpenVisits { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1)
    {
        // a provider's caregiver works on the phone page
        if (user.OrganizationId is not null && user.HasPermission(HomeCarePermissions.Visit)) return Redirect("/elderly/home-care/visit");
        var ct = HttpContext.RequestAborted;
        Result = await contracts.ListAsync(PageRequest.From(page, 50, 50), ct);
        ActiveOrders = await db.Set<HomeCareOrder>().CountAsync(o => o.Status == HomeCareOrderStatus.Active, ct);
        OpenVisits = await db.Set<HomeCareVisit>().CountAsync(v => v.CheckOutAt == null, ct);
        Input.Year ??= DateTime.UtcNow.Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var ct = HttpContext.RequestAborted;
        Guid? provider = null;
        if (!string.IsNullOrWhiteSpace(Input.ProviderCode))
        {
            var code = Input.ProviderCode.Trim().ToUpperInvariant();
            // a code that finds nothing goes on as an unknown provider, so the use case reports it with every other field
            provider = await db.Organizations.Where(o => o.CreditCode == code || o.PlatformNumber == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        }
        var c = await contracts.CreateAsync(new ContractInput(provider, string.IsNullOrWhiteSpace(Input.DivisionCode) ? null : Input.DivisionCode.Trim(), Input.Year, Input.Budget, Input.Document), ct: ct);
        TempData["Message"] = $"已登记合同 {c.Number}";
        return Redirect("/elderly/home-care");
    }

    /// <summary>Budget and settled amount per contract, two bars each (the same scale, so the settled bar shows the share used).</summary>
    public IReadOnlyList<BarChart.Item> Bars() =>
        [.. Result.Items.SelectMany(c => new[]
        {
            // the word that tells the two bars apart first: labels are cut to the chart's label column
            new BarChart.Item($"预算 · {c.ProviderName}", (long)c.Budget),
            new BarChart.Item($"已结算 · {c.ProviderName}", (long)c.Settled),
        })];
}
