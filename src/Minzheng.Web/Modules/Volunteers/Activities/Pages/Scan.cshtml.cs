using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Volunteers.Activities.Pages;

/// <summary>
/// Where the rotating QR code leads the volunteer's phone: shows the activity and a button to check in, or — checked in — the
/// travel time and a button to check out. Opening the page changes nothing (a link preview must not check anyone in).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Self)]
public sealed class ScanModel(Attendance attendance) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public VolunteerActivity? Activity { get; private set; }
    public ServiceRecord? Record { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            (Activity, Record) = await attendance.PeekAsync(Token, HttpContext.RequestAborted);
        }
        catch (AppProblem problem) when (problem.Status != StatusCodes.Status404NotFound || problem.Code == "volunteer_not_registered")
        {
            // a forged or expired code is shown on the page, not as an error page (the volunteer scans again); shown once
            // when the failed check-in already put it there
            if (ModelState.ErrorCount == 0) ModelState.AddProblem(problem, "");
        }
    }

    public async Task<IActionResult> OnPostAsync(int? travelMinutes)
    {
        var result = await attendance.ScanAsync(Token, travelMinutes, HttpContext.RequestAborted);
        TempData["Message"] = result.CheckedOut
            ? $"签退成功：本次服务 {result.Record.ClaimedMinutes} 分钟（已扣除路途 {result.Record.TravelMinutes} 分钟），待组织方核实"
            : "签到成功";
        return Redirect("/volunteer/scan?t=" + Uri.EscapeDataString(Token!));
    }
}
