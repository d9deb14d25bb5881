using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Access.Admin;

/// <summary>One account's failed sign-ins of the last days, as the audit recorded them.</summary>
public sealed record SignInAlert(Guid UserId, string UserName, int Failures, int Lockouts, DateTime LastAt, bool LockedNow);

/// <summary>
/// Tells the administrator which accounts of their scope had failed sign-ins or were locked in the last
/// <see cref="Days"/> days (someone guessing passwords, or locking an account on purpose), read from the audit that already
/// records every attempt; shown on <c>/admin/users</c>.
/// </summary>
public sealed class SignInAlerts(AppDbContext db, ICurrentUser admin, BusinessClock clock)
{
    public const int Days = 7;

    public async Task<List<SignInAlert>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var since = now.AddDays(-Days);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.At >= since && (e.Action == "sign_in_failed" || e.Action == "sign_in_locked") && e.EntityType == "access_user" && e.EntityId != null)
            .GroupBy(e => new { e.EntityId, e.Action })
            .Select(g => new { g.Key.EntityId, g.Key.Action, Count = g.Count(), Last = g.Max(e => e.At) })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => Guid.TryParse(r.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        return users.Where(u => admin.Scope.Contains(u.DivisionCode)).Select(u =>
            {
                var mine = rows.Where(r => r.EntityId == u.Id.ToString()).ToList();
                return new SignInAlert(u.Id, u.UserName!, mine.Where(r => r.Action == "sign_in_failed").Sum(r => r.Count), mine.Where(r => r.Action == "sign_in_locked").Sum(r => r.Count),
                    mine.Max(r => r.Last), u.LockoutEnd is { } end && end.UtcDateTime > now);
            })
            .OrderByDescending(a => a.LockedNow).ThenByDescending(a => a.LastAt).ToList();
    }
}
