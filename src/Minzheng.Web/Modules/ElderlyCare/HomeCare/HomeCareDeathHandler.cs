using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>
/// An elder's death ends the elder's home-care order on the death date, so the provider's page no longer offers the elder and
/// a check-in after it is refused; a death reversed reopens the orders that ended on that date.
/// </summary>
public sealed class HomeCareDeathHandler(AppDbContext db) : IDeathHandler
{
    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var orders = await db.Set<HomeCareOrder>().Where(o => o.PersonId == personId && o.Status == HomeCareOrderStatus.Active).ToListAsync(ct);
        foreach (var o in orders)
        {
            o.Status = HomeCareOrderStatus.Ended;
            o.ToDate = deathDate < o.FromDate ? o.FromDate : deathDate;
        }
        return [.. orders.Select(o => $"终止居家养老服务订单 {o.Number}（{o.ToDate:yyyy-MM-dd}）")];
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        // the orders the death ended are those ended on its date (an order ended by a clerk on that very day reopens too: the
        // township can end it again)
        var orders = await db.Set<HomeCareOrder>().Where(o => o.PersonId == personId && o.Status == HomeCareOrderStatus.Ended && o.ToDate == deathDate).ToListAsync(ct);
        if (await db.Set<HomeCareOrder>().AnyAsync(o => o.PersonId == personId && o.Status == HomeCareOrderStatus.Active, ct)) return [];
        foreach (var o in orders.Take(1))
        {
            o.Status = HomeCareOrderStatus.Active;
            o.ToDate = null;
        }
        return [.. orders.Take(1).Select(o => $"恢复居家养老服务订单 {o.Number}")];
    }
}
