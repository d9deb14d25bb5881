using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class IndexModel(PaymentsQueries queries, PayrollService payrolls, DivisionDirectory divisions, EntitlementPrograms programs, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? DivisionCode { get; set; }
        public string? Program { get; set; }
        public string? Month { get; set; }
        public string? Kind { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<PayrollRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<PayrollRow> Rows => Result.Items;
    public string? Program { get; private set; }
    public string? Month { get; private set; }
    public bool CanPrepare => user.HasPermission(PaymentPermissions.Prepare);
    public IReadOnlyList<EntitlementProgram> Programs => programs.All;
    public DateOnly ThisMonth => Entitlements.MonthOf(clock.Today);

    public IEnumerable<Division> Counties => divisions.All.Where(d => d.Level == DivisionLevel.County && user.Scope.Contains(d.Code)).OrderBy(d => d.SortOrder);

    /// <summary>This month's totals by county (the chart), from the payrolls listed.</summary>
    public IReadOnlyList<BarChart.Item> Chart => Rows.Where(r => r.Month == ThisMonth && r.Status >= PayrollStatus.Generated)
        .GroupBy(r => (r.DivisionCode, r.DivisionName)).Select(g => new BarChart.Item(g.Key.DivisionName, (long)g.Sum(r => r.Total.Yuan))).OrderByDescending(i => i.Value).ToList();

    public async Task OnGetAsync(string? program, string? month, [FromQuery] int? page = null)
    {
        Program = program;
        Month = month;
        DateOnly? m = DateOnly.TryParse((month ?? "") + "-01", out var parsed) ? parsed : null;
        Result = await queries.ListAsync(new PayrollFilter(m, string.IsNullOrEmpty(program) ? null : program), PageRequest.From(page, 50), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!CanPrepare) return Forbid();
        DateOnly? month = DateOnly.TryParse((Input.Month ?? "") + "-01", out var m) ? m : null;
        if (month is null) throw AppProblem.Field("month", "请选择月份");
        var payroll = await payrolls.CreateAsync(new NewPayrollInput(Input.DivisionCode, Input.Program, month, Input.Kind), HttpContext.RequestAborted);
        return Redirect($"/payments/payrolls/{payroll.Id}");
    }
}
