using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Geography.Pages;

/// <summary>/geography: the place names in scope by category and status, and the ways in.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(AppDbContext db, Platform.Time.BusinessClock clock) : PageModel
{
    public sealed record Count(PlaceNameCategory Category, PlaceNameStatus Status, int N);

    public IReadOnlyList<Count> Counts { get; private set; } = [];
    public int CleanupOverdue { get; private set; }
    public int SignsToRepair { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counts = (await db.Set<PlaceName>().AsNoTracking().GroupBy(n => new { n.Category, n.Status }).Select(g => new { g.Key.Category, g.Key.Status, N = g.Count() })
            .ToListAsync(ct)).Select(c => new Count(c.Category, c.Status, c.N)).ToList();
        CleanupOverdue = await Signs.SignsSetup.Cleanup(db, true, true, clock.Today).CountAsync(ct);
        SignsToRepair = await Signs.SignsSetup.Signs(db, true).CountAsync(ct);
    }
}
