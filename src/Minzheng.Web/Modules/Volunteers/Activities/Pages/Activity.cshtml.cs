using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Volunteers.Activities.Pages;

/// <summary>The organiser's activity: facts, publish/close/finish/cancel, the sign-ups to select or decline, attendance by hand.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Manage)]
public sealed class ActivityModel(ActivityPlans plans, SignUps signUps, Attendance attendance, ActivityQueries queries) : PageModel
{
    public VolunteerActivity Activity { get; private set; } = null!;
    public List<SignupRow> Signups { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Activity = await plans.OwnAsync(id, HttpContext.RequestAborted);
        Signups = await queries.SignupsAsync(id, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, string action, int version)
    {
        await plans.TransitionAsync(id, action, version, HttpContext.RequestAborted);
        return Done(id, ActivityPlans.ActionName(action) + "：已完成");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid signupId, bool select, string? note, int version)
    {
        await signUps.DecideAsync(signupId, select, note, version, HttpContext.RequestAborted);
        return Done(id, select ? "已录用" : "已不录用");
    }

    public async Task<IActionResult> OnPostAttendAsync(Guid id, Guid volunteerId, bool checkOut, int? travelMinutes)
    {
        await attendance.ByOrganizerAsync(id, volunteerId, checkOut, null, travelMinutes, HttpContext.RequestAborted);
        return Done(id, checkOut ? "已代为签退" : "已代为签到");
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/volunteers/activities/{id}");
    }
}
