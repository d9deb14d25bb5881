using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>One home: profile, filings (回执), on-site check, residents (admission form for the home's staff), staff, occupancy, subsidies.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class HomeModel(CareHomes homes, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public DateOnly? AdmittedOn { get; set; }
        public string? FeeLevel { get; set; }
    }

    public sealed record SubsidyRow(Guid Id, string Number, HomeSubsidyKind Kind, DateOnly? Month, int? NewBeds, HomeSubsidyStatus Status, decimal Amount, List<AmountLine> Explanation);

    [BindProperty] public FormInput Input { get; set; } = new();
    public HomeRow Home { get; private set; } = null!;
    public string DivisionName { get; private set; } = "";
    public List<HomeFiling> Filings { get; private set; } = [];
    public Paged<ResidentRow> Residents { get; private set; } = null!;
    public List<StaffMember> Staff { get; private set; } = [];
    public List<OccupancyRow> Occupancy { get; private set; } = [];
    public List<SubsidyRow> Subsidies { get; private set; } = [];
    public bool CanAdmit => user.HasPermission(HomesPermissions.Residents) && Home.Status != HomeStatus.Closed;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(Guid id, [FromQuery] int? page)
    {
        var ct = HttpContext.RequestAborted;
        var home = await homes.LoadAsync(id, ct);
        Home = await homes.RowAsync(home, ct);
        DivisionName = divisions.FullName(home.DivisionCode);
        Filings = await homes.FilingsAsync(id, ct);
        Residents = await homes.ResidentsAsync(id, current: false, PageRequest.From(page, 50), ct);
        Staff = await homes.StaffAsync(id, ct);
        Occupancy = await homes.OccupancyAsync(id, Today.AddMonths(-11), Today, ct);
        var subsidies = await db.Set<HomeSubsidyApplication>().AsNoTracking().Where(a => a.HomeId == id).OrderByDescending(a => a.AppliedOn).ThenByDescending(a => a.Id).Take(24).ToListAsync(ct);
        Subsidies = subsidies.Select(a => new SubsidyRow(a.Id, a.Number, a.Kind, a.Month, a.NewBeds, a.Status, a.Amount.Yuan, JsonSerializer.Deserialize<List<AmountLine>>(a.Explanation) ?? [])).ToList();
    }

    // an AppProblem is shown beside its field by the ProblemPageFilter (ADR 021)
    public async Task<IActionResult> OnPostAdmitAsync(Guid id)
    {
        await homes.AdmitAsync(id, new AdmitInput(Input.IdNumber, Input.AdmittedOn, Input.FeeLevel), HttpContext.RequestAborted);
        TempData["Message"] = "已登记入住";
        return Redirect($"/elderly/homes/{id}");
    }

    public static string StatusName(HomeStatus s) => s switch
    {
        HomeStatus.Registered => "已登记，未备案",
        HomeStatus.Filed => "已备案，待现场检查",
        HomeStatus.Checked => "已备案并现场检查",
        _ => "已关闭",
    };

    public static string SubsidyStatusName(HomeSubsidyStatus s) => s switch
    {
        HomeSubsidyStatus.Submitted => "待县级审核",
        HomeSubsidyStatus.Reviewed => "待县级审批",
        HomeSubsidyStatus.Approved => "已批准（列入发放）",
        HomeSubsidyStatus.Refused => "不予批准",
        _ => "已追回",
    };
}
