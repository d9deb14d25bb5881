using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>备案回执 (and 变更备案回执), printable: complete materials give the receipt; 66号 knows no approval or refusal.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class ReceiptModel(AppDbContext db, CareHomes homes) : PageModel
{
    public HomeFiling Filing { get; private set; } = null!;
    public HomeRow Home { get; private set; } = null!;

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Filing = await db.Set<HomeFiling>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppProblem.NotFound("备案记录");
        Home = await homes.RowAsync(await homes.LoadAsync(Filing.HomeId, ct), ct);
    }
}
