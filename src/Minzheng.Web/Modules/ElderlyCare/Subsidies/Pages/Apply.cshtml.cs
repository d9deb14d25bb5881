using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies.Pages;

/// <summary>
/// 补贴申请 by the home's own account: it first sees what the server will count (the residents present at the month's end, their
/// ability levels, the figures with their documents) and then submits; both go through <see cref="HomeSubsidies"/> as the API does.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.SubsidyApply)]
public sealed class ApplyModel(HomeSubsidies subsidies, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public HomeSubsidyKind Kind { get; set; } = HomeSubsidyKind.Operating;

        /// <summary>The month of an operating subsidy as the month input sends it (yyyy-MM).</summary>
        public string? Month { get; set; }
        public int? NewBeds { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public SubsidyPreview? Preview { get; private set; }
    public string LastMonth => clock.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public void OnGet() => Input.Month ??= LastMonth;

    // an AppProblem is shown beside its field by the ProblemPageFilter (ADR 021)
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Preview = await subsidies.PreviewAsync(ToInput(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        var a = await subsidies.ApplyAsync(ToInput(), HttpContext.RequestAborted);
        TempData["Message"] = $"已提交 {a.Number}（{SubsidyLabels.Of(a.Kind)} {a.Amount.Yuan:N2} 元），待县级民政部门审核";
        return Redirect($"/elderly/subsidies/{a.Id}");
    }

    /// <summary>The form as the use case's input: only the field of the chosen kind is sent (the other may still hold a value typed before switching).</summary>
    private SubsidyApplyInput ToInput()
    {
        if (Input.Kind == HomeSubsidyKind.Construction) return new SubsidyApplyInput(null, Input.Kind, null, Input.NewBeds);
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(Input.Month))
        {
            month = DateOnly.TryParseExact(Input.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
                ? m : throw AppProblem.Field("month", "月份格式应为“年-月”，如 2026-10");
        }
        return new SubsidyApplyInput(null, Input.Kind, month, null);
    }
}
