using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>The person's comparison findings on the one-person view (for users who may read findings).</summary>
public sealed class ComparisonPersonPanel(AppDbContext db, ICurrentUser user, Findings findings) : IPersonPanel
{
    public string ModuleKey => "data-comparison";
    public string Title => "数据比对线索";
    public int Order => 90;
    public string PartialView => "/Modules/DataComparison/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        if (!user.HasPermission(ComparisonPermissions.Read)) return null;
        var rows = await db.Set<ComparisonFinding>().AsNoTracking().Where(f => f.PersonId == personId).OrderByDescending(f => f.FoundAt).Take(20).ToListAsync(ct);
        return await findings.ViewsAsync(rows, ct);
    }
}
