using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports.Pages;

/// <summary>
/// One organisation's report for one year: the organisation's own account fills, saves and submits it (a phone-width form); the
/// registration authority's officer reads it and returns it for correction or concludes, with sanctions. Problems are shown
/// beside their fields by the <see cref="ProblemPageFilter"/>, with what was typed kept.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + ReportsPermissions.Read)]
public sealed class ReportModel(AnnualReports reports, CreditLedger ledger, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class ReturnForm
    {
        public string? Reason { get; set; }
    }

    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public ConcludeInput Review { get; set; } = new();
    [BindProperty] public ReturnForm Return { get; set; } = new();

    public ReportView View { get; private set; } = null!;
    public CreditStatus? Credit { get; private set; }
    public DateOnly Today => clock.Today;
    public bool IsOwn => reports.IsOwn(View);
    public bool CanAct => reports.CanAct(View);
    public bool Editable => IsOwn && !View.Due.Exempt && View.Report?.Status is null or AnnualReportStatus.Draft or AnnualReportStatus.PreReviewed or AnnualReportStatus.Returned;
    public bool Reviewable => CanAct && View.Report?.Status == AnnualReportStatus.Submitted;

    [BindProperty(SupportsGet = true)] public Guid OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        if (View.Report is { } r) Input = AnnualReports.ToInput(r);
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (View.Report is { } r) Review.Version ??= r.Version;
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await reports.SaveDraftAsync(OrganizationId, Year, Input, HttpContext.RequestAborted);
        return Redirect($"/social-organizations/reports/{OrganizationId}/{Year}?saved=1");
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        await reports.SaveAndSubmitAsync(OrganizationId, Year, Input, HttpContext.RequestAborted);
        return Redirect($"/social-organizations/reports/{OrganizationId}/{Year}?submitted=1");
    }

    [ProblemPrefix("Return")]
    public async Task<IActionResult> OnPostReturnAsync()
    {
        await reports.ReturnAsync(OrganizationId, Year, Review.Version, Return.Reason, HttpContext.RequestAborted);
        return Redirect($"/social-organizations/reports/{OrganizationId}/{Year}");
    }

    [ProblemPrefix("Review")]
    public async Task<IActionResult> OnPostConcludeAsync()
    {
        await reports.ConcludeAsync(OrganizationId, Year, Review, HttpContext.RequestAborted);
        return Redirect($"/social-organizations/reports/{OrganizationId}/{Year}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await reports.LoadAsync(OrganizationId, Year, ct);
        Credit = await ledger.StatusAsync(View.Organization, Today, ct);
        Review.Version ??= View.Report?.Version;
    }
}
