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
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>
/// One home: profile, filings (回执), on-site check, residents, staff, occupancy, subsidies — and the clerk's forms on it: 备案,
/// 变更备案, 现场检查, 床位 (before filing), 关闭, 工作人员, 入住 and 退住. Each form posts its own handler, whose problems the
/// <see cref="ProblemPageFilter"/> shows beside that form's fields (its own prefix) after reloading the home.
/// </summary>
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

    public sealed class FilingForm
    {
        public DateOnly? FiledOn { get; set; }
        public List<string> Materials { get; set; } = [];
    }

    public sealed class ChangeForm
    {
        public DateOnly? FiledOn { get; set; }
        public int? Beds { get; set; }
        public int? NursingBeds { get; set; }
        public string? Changes { get; set; }
    }

    public sealed class CheckForm
    {
        public DateOnly? CheckedOn { get; set; }
        public string? Findings { get; set; }
        public string? Result { get; set; }
    }

    public sealed class CloseForm
    {
        public DateOnly? ClosedOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class StaffForm
    {
        public string? Name { get; set; }
        public string? Post { get; set; }
        public string? Qualification { get; set; }
        public string? CertificateNumber { get; set; }
        public DateOnly? HiredOn { get; set; }
    }

    public sealed class DischargeForm
    {
        public DateOnly? DischargedOn { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    public sealed class BedsForm
    {
        public int? Beds { get; set; }
        public int? NursingBeds { get; set; }
    }

    /// <summary>The posts a staff member chooses from (GB 38600-2019 staffing); 其他 for the rest.</summary>
    public static readonly IReadOnlyList<string> Posts = ["护理员", "医生", "护士", "社工", "康复师", "营养师", "管理人员", "其他"];

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty] public FilingForm Filing { get; set; } = new();
    [BindProperty] public ChangeForm Change { get; set; } = new();
    [BindProperty] public CheckForm Check { get; set; } = new();
    [BindProperty] public CloseForm Close { get; set; } = new();
    [BindProperty] public StaffForm NewStaff { get; set; } = new();
    [BindProperty] public DischargeForm Discharge { get; set; } = new();
    [BindProperty] public BedsForm EditBeds { get; set; } = new();

    /// <summary>The version of the home the forms were drawn from (posted back: a stale one answers 409 and the page reloads).</summary>
    [BindProperty] public int? Version { get; set; }

    /// <summary>The resident whose 退住 failed: its row shows the errors.</summary>
    public Guid? DischargeFor { get; private set; }

    public bool CanManage => user.HasPermission(HomesPermissions.Manage);
    public bool CanAssess => user.HasPermission(HomesPermissions.Assess);
    public bool CanResidents => user.HasPermission(HomesPermissions.Residents) && Home.Status != HomeStatus.Closed;

    /// <summary>Every message for one field (a missing material each has its own; the validation tag helper shows only the first).</summary>
    public string ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : "";

    /// <summary>Whether a form (by its prefix) came back with errors: it is drawn open.</summary>
    public bool Failed(string prefix) => ModelState.Any(kv => kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && kv.Value is { Errors.Count: > 0 });
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
        // the page is open to readers; admitting is not (the API asks the same permission)
        if (!user.HasPermission(HomesPermissions.Residents)) throw AppProblem.Forbidden("需要入住、退住和工作人员登记权限");
        await homes.AdmitAsync(id, new AdmitInput(Input.IdNumber, Input.AdmittedOn, Input.FeeLevel), HttpContext.RequestAborted);
        TempData["Message"] = "已登记入住";
        return Redirect($"/elderly/homes/{id}");
    }

    [ProblemPrefix("Filing")]
    public async Task<IActionResult> OnPostFileAsync(Guid id)
    {
        if (!CanManage) throw AppProblem.Forbidden("需要养老机构登记、备案权限");
        var filing = await homes.FileAsync(id, new FilingInput(Filing.FiledOn, Filing.Materials, Version), HttpContext.RequestAborted);
        return Redirect($"/elderly/filings/{filing.Id}");
    }

    [ProblemPrefix("Change")]
    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        if (!CanManage) throw AppProblem.Forbidden("需要养老机构登记、备案权限");
        var filing = await homes.ChangeAsync(id, new ChangeFilingInput(Change.FiledOn, Change.Beds, Change.NursingBeds, Change.Changes, Version), HttpContext.RequestAborted);
        return Redirect($"/elderly/filings/{filing.Id}");
    }

    [ProblemPrefix("Check")]
    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        if (!CanManage) throw AppProblem.Forbidden("需要养老机构登记、备案权限");
        // the form always sends the conclusion: empty is asked for (null would mean an API client that records findings only)
        await homes.CheckAsync(id, new CheckInput(Check.CheckedOn, Check.Findings, Version, Check.Result ?? ""), HttpContext.RequestAborted);
        TempData["Message"] = "已记录现场检查";
        return Redirect($"/elderly/homes/{id}");
    }

    [ProblemPrefix("EditBeds")]
    public async Task<IActionResult> OnPostBedsAsync(Guid id)
    {
        if (!CanManage) throw AppProblem.Forbidden("需要养老机构登记、备案权限");
        await homes.EditBedsAsync(id, new BedsInput(EditBeds.Beds, EditBeds.NursingBeds, Version), HttpContext.RequestAborted);
        TempData["Message"] = "已修改床位";
        return Redirect($"/elderly/homes/{id}");
    }

    [ProblemPrefix("Close")]
    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (!CanManage) throw AppProblem.Forbidden("需要养老机构登记、备案权限");
        await homes.CloseAsync(id, new CloseInput(Close.ClosedOn, Close.Reason, Version), HttpContext.RequestAborted);
        TempData["Message"] = "已关闭该养老机构";
        return Redirect($"/elderly/homes/{id}");
    }

    [ProblemPrefix("NewStaff")]
    public async Task<IActionResult> OnPostStaffAsync(Guid id)
    {
        if (!user.HasPermission(HomesPermissions.Residents)) throw AppProblem.Forbidden("需要入住、退住和工作人员登记权限");
        await homes.AddStaffAsync(id, new StaffInput(NewStaff.Name, NewStaff.Post, NewStaff.Qualification, NewStaff.CertificateNumber, NewStaff.HiredOn), HttpContext.RequestAborted);
        TempData["Message"] = "已登记工作人员";
        return Redirect($"/elderly/homes/{id}");
    }

    [ProblemPrefix("Discharge")]
    public async Task<IActionResult> OnPostDischargeAsync(Guid id, Guid residentId)
    {
        DischargeFor = residentId;
        if (!user.HasPermission(HomesPermissions.Residents)) throw AppProblem.Forbidden("需要入住、退住和工作人员登记权限");
        // the resident must be of this home: another home's resident is not found here
        if (!await db.Set<Resident>().AnyAsync(r => r.Id == residentId && r.HomeId == id, HttpContext.RequestAborted)) throw AppProblem.NotFound("入住老人");
        await homes.DischargeAsync(residentId, new DischargeInput(Discharge.DischargedOn, Discharge.Reason, Discharge.Version), HttpContext.RequestAborted);
        TempData["Message"] = "已办理退住";
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
