using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Shelter.Pages;

/// <summary>The shelter list: current stays, the overdue ones first. Without rescue.shelter the page is not there (404).</summary>
[Authorize]
public sealed class ListModel(ShelterStays stays) : PageModel
{
    public static readonly (string Code, string Name)[] Statuses = [("current", "在住（超期在前）"), ("overdue", "超期"), ("left", "已离开"), ("all", "全部")];

    [FromQuery] public string? Status { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<ShelterRow> Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await stays.ListAsync(Status, Q, PageRequest.From(PageNumber, 50, 50), HttpContext.RequestAborted);
}
