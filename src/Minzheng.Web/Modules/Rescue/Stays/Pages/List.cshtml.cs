using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Stays.Pages;

/// <summary>The paged list of stays with the same filters as the Excel export.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class ListModel(StayQueries queries) : PageModel
{
    public static readonly (string Code, string Name)[] Statuses =
        [("all", "全部"), ("open", "在站和照料安置"), ("in-station", "在站"), ("placed", "照料安置"), ("left", "已离站"), ("refused", "不予救助")];

    [FromQuery] public string? Status { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public Guid? StationId { get; set; }
    public Paged<StayRow> Result { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        if (Status is not null && !Statuses.Any(s => s.Code == Status)) Status = "all";
        Result = await queries.ListAsync(Status, StationId, Q, PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
    }
}
