using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>
/// An elder's death closes the register row on the death date (no more visits fall due, no overdue alert); a death reversed
/// reopens the row the death closed, due for a visit at once (the register has not been visited meanwhile).
/// </summary>
public sealed class LeftBehindDeathHandler(AppDbContext db) : IDeathHandler
{
    public const string DeathReason = "死亡";

    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var rows = await db.Set<LeftBehindElder>().Where(e => e.PersonId == personId && e.Status == LeftBehindStatus.InRegister).ToListAsync(ct);
        foreach (var e in rows)
        {
            e.Status = LeftBehindStatus.Exited;
            e.ExitedOn = deathDate < e.RegisteredOn ? e.RegisteredOn : deathDate;
            e.ExitReason = DeathReason;
        }
        return [.. rows.Select(e => $"农村留守老年人名册退出（{DeathReason}，{e.ExitedOn:yyyy-MM-dd}）")];
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        if (await db.Set<LeftBehindElder>().AnyAsync(e => e.PersonId == personId && e.Status == LeftBehindStatus.InRegister, ct)) return [];
        var row = await db.Set<LeftBehindElder>().Where(e => e.PersonId == personId && e.Status == LeftBehindStatus.Exited && e.ExitReason == DeathReason)
            .OrderByDescending(e => e.ExitedOn).FirstOrDefaultAsync(ct);
        if (row is null) return [];
        row.Status = LeftBehindStatus.InRegister;
        row.ExitedOn = null;
        row.ExitReason = null;
        return ["恢复农村留守老年人名册（请尽快巡访）"];
    }
}
