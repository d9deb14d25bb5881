using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Stays.Pages;

/// <summary>
/// The printable papers of a stay: the 不予救助通知书 with its written reasons (实施细则 第五条) and the 返乡交接单 (工作规程).
/// Each only for a stay that has one: a refused stay, a stay that ended in a return home.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class PaperModel(RescueStays stays) : PageModel
{
    public StayDetail Detail { get; private set; } = null!;
    public string Paper { get; private set; } = "";

    public async Task OnGetAsync(Guid id, string paper)
    {
        Detail = await stays.DetailAsync(id, HttpContext.RequestAborted);
        Paper = paper;
        var has = paper switch
        {
            "refusal" => Detail.Row.Stay.Status == StayStatus.Refused,
            "handover" => Detail.Return is not null,
            _ => false,
        };
        if (!has) throw AppProblem.NotFound(paper == "refusal" ? "不予救助通知书" : "返乡交接单");
    }
}
