using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/referrals: referrals in scope (the receiving side's list) with the steps the user may take.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class ReferralsModel(Referrals referrals, AppDbContext db, ICurrentUser user) : PageModel
{
    [BindProperty] public string? Note { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery] public string? Direction { get; set; }
    public Paged<SocialWorkReferral> Rows { get; private set; } = new([], 0, 1, 50);
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool CanAct => user.HasPermission(SocialWorkPermissions.Services);

    public bool IsReceiver(SocialWorkReferral r) => referrals.IsReceiver(r);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        Rows = await referrals.ListAsync(null, Status, Direction, PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
        Names = await db.PersonNamesAsync(Rows.Items.Select(r => (Guid?)r.PersonId), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, int version)
    {
        var s = step switch { "receive" => Referrals.Step.Receive, "handle" => Referrals.Step.Handle, _ => Referrals.Step.Close };
        await referrals.StepAsync(id, s, new ReferralStepInput { Note = Note, Version = version }, HttpContext.RequestAborted);
        TempData["Message"] = "转介已更新";
        return Redirect("/socialwork/referrals");
    }
}
