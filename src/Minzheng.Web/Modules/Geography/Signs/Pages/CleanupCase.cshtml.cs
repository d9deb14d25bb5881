using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Signs.Pages;

/// <summary>/geography/cleanup/{id}: one ledger line, the measure with its deadline, the rectification done (each with the row's version).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class CleanupCaseModel(SignCases cases, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public CleanupMeasure? Measure { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public DateOnly? DoneOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int? Version { get; set; }
    public SignsSetup.CleanupRow? Case { get; private set; }
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);

    public async Task OnGetAsync()
    {
        Case = SignsSetup.Row(await cases.LoadCleanupAsync(Id, HttpContext.RequestAborted), divisions, clock.Today);
        DoneOn ??= clock.Today;
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostMeasureAsync()
    {
        if (!CanManage) return Forbid();
        await cases.OrderAsync(Id, new CleanupMeasureInput(Measure, Deadline, Version), HttpContext.RequestAborted);
        TempData["Message"] = "已确定整改措施";
        return Redirect($"/geography/cleanup/{Id}");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostDoneAsync()
    {
        if (!CanManage) return Forbid();
        await cases.DoneAsync(Id, new CleanupDoneInput(DoneOn, Note, Version), HttpContext.RequestAborted);
        TempData["Message"] = "已登记整改完成";
        return Redirect($"/geography/cleanup/{Id}");
    }
}
