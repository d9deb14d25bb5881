using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Volunteers.Activities.Pages;

/// <summary>The volunteer's phone page: recruiting activities (facts and risks before the button), their sign-ups and records, corrections.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Self)]
public sealed class MineModel(VolunteerIdentity identity, SignUps signUps, Corrections corrections, ActivityQueries queries) : PageModel
{
    public Volunteer? Volunteer { get; private set; }
    public List<VolunteerActivity> Recruiting { get; private set; } = [];
    public List<(VolunteerSignup Signup, VolunteerActivity Activity)> Signups { get; private set; } = [];
    public List<MyRecord> Records { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Volunteer = await identity.FindAsync(ct);
        if (Volunteer is null) return;
        Recruiting = await signUps.Recruiting().OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(50).ToListAsync(ct);
        (Signups, Records) = await queries.MineAsync(Volunteer.Id, ct);
    }

    public async Task<IActionResult> OnPostSignUpAsync(Guid activityId, bool risksAcknowledged)
    {
        await signUps.SignUpAsync(activityId, risksAcknowledged, HttpContext.RequestAborted);
        TempData["Message"] = "报名成功，请等待组织方录用";
        return Redirect("/volunteer/activities");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid activityId)
    {
        await signUps.CancelAsync(activityId, HttpContext.RequestAborted);
        TempData["Message"] = "已取消报名";
        return Redirect("/volunteer/activities");
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid recordId, int? requestedMinutes, string? reason)
    {
        await corrections.RequestAsync(recordId, requestedMinutes, reason, HttpContext.RequestAborted);
        TempData["Message"] = "更正申请已提交，请等待组织方答复";
        return Redirect("/volunteer/activities");
    }
}
