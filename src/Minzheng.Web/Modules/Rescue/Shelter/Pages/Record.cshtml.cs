using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Web.Modules.Rescue.Shelter.Pages;

/// <summary>The printable 临时庇护入住登记表 (restricted like the stay; printing is audited as its own read).</summary>
[Authorize]
public sealed class RecordModel(ShelterStays stays) : PageModel
{
    public ShelterDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Detail = await stays.DetailAsync(id, HttpContext.RequestAborted, "print");
}
