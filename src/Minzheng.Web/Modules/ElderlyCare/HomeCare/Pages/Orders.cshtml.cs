using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare.Pages;

/// <summary>Eligible elders' service orders in scope, and a new order (the elder checked against the configured criteria).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomeCarePermissions.Read)]
public sealed class OrdersModel(HomeCareOrders orders, HomeCareContracts contracts, AppDbContext db, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed record Row(HomeCareOrder Order, string ProviderName, IReadOnlyList<string> Eligibility);

    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public Guid? ContractId { get; set; }
        public List<string> Services { get; set; } = [];
        public int? MonthlyHours { get; set; }
        public DateOnly? FromDate { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<Row> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<HomeCareContract> Contracts { get; private set; } = [];
    public bool CanOrder => user.HasPermission(HomeCarePermissions.Order) && user.OrganizationId is null;
    public bool ShowCodes => user.OrganizationId is null;
    public string Criteria { get; private set; } = "";
    public bool AbilityAvailable => orders.AbilityAvailable;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        var q = db.Set<HomeCareOrder>().AsNoTracking().OrderByDescending(o => o.Status == HomeCareOrderStatus.Active).ThenByDescending(o => o.FromDate).ThenByDescending(o => o.Id);
        var rows = await q.ToPagedAsync(PageRequest.From(page, 50, 50), ct);
        var ids = rows.Items.Select(o => o.ContractId).Distinct().ToList();
        // the providers' names of orders the user sees (a township's orders stand under the county's contracts, which the
        // division filter hides from the township): names only, of contracts named by visible orders
        var names = await db.Set<HomeCareContract>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.ProviderName, ct);
        Result = rows.Select(o => new Row(o, names.GetValueOrDefault(o.ContractId) ?? "", JsonSerializer.Deserialize<List<string>>(o.Eligibility) ?? []));
        var today = clock.Today;
        Contracts = await contracts.OrderableAsync(today, ct);
        Criteria = HomeCareOrders.Describe(orders.ConfigFor(user.DivisionCode ?? "450900000000", today));
        Input.FromDate ??= today;
        if (Input.Services.Count == 0) Input.Services = ["meal", "clean"];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanOrder) return Forbid();
        var o = await orders.CreateAsync(new OrderInput(null, Input.IdNumber, Input.ContractId, Input.Services, Input.MonthlyHours, Input.FromDate), HttpContext.RequestAborted);
        TempData["Message"] = $"已下达订单 {o.Number}（{o.ElderName}），服务卡确认码 {o.ConfirmationCode}";
        return Redirect("/elderly/home-care/orders");
    }
}
