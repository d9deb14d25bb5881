using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Ratios.Pages;

/// <summary>年度支出和管理费用 (/charity/yearly): the reported years with their verdicts, and the form to enter a year.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + CharityPermissions.Read)]
public sealed class IndexModel(YearlyReports reports, CharityForms forms, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? OrganizationId { get; set; }
        public string? Year { get; set; }
        public bool PublicFundraising { get; set; }
        public bool UseThreeYearAverage { get; set; }
        public string? Income { get; set; }
        public string? CharitableSpending { get; set; }
        public string? ManagementCost { get; set; }
        public string? TotalSpending { get; set; }
        public string? PreviousYearEndNetAssets { get; set; }
        public string? PreviousYearIncome { get; set; }
        public string? Explanation { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<YearlyDto> Reports { get; private set; } = null!;
    public IReadOnlyList<CharityPick> Organizations { get; private set; } = [];
    public bool MayWrite => forms.MayWrite;
    public int LastYear => clock.Today.Year - 1;
    public bool ShortOnly { get; private set; }

    public async Task OnGetAsync([FromQuery] bool shortOnly = false, [FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        ShortOnly = shortOnly;
        Reports = await reports.ListAsync(shortOnly, null, PageRequest.From(page, 20), ct);
        Organizations = MayWrite ? await forms.OrganizationsAsync(ct) : [];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new ValidationErrors();
        var input = new YearlyInput(CharityForms.Id(Input.OrganizationId, "organizationId", errors), CharityForms.Number(Input.Year, "year", errors),
            Input.PublicFundraising, Input.UseThreeYearAverage, CharityForms.Amount(Input.Income, "income", errors),
            CharityForms.Amount(Input.CharitableSpending, "charitableSpending", errors), CharityForms.Amount(Input.ManagementCost, "managementCost", errors),
            CharityForms.Amount(Input.TotalSpending, "totalSpending", errors), CharityForms.Amount(Input.PreviousYearEndNetAssets, "previousYearEndNetAssets", errors),
            CharityForms.Amount(Input.PreviousYearIncome, "previousYearIncome", errors), Input.Explanation);
        errors.ThrowIfAny();
        var r = await reports.RecordAsync(input, HttpContext.RequestAborted);
        TempData["Message"] = $"{r.OrganizationName} {r.Year}年度已录入：{r.VerdictName}";
        return RedirectToPage();
    }
}
