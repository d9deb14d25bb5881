using System.Text.Json;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Audit;

/// <summary>
/// Records events that are not row changes (sign-in, sign-out, revealing a full identifier, exports) and
/// set-based writes that bypass change tracking (ExecuteUpdate/ExecuteDelete), in the caller's transaction.
/// </summary>
public sealed class AuditLog(AppDbContext db, ICurrentUser user, BusinessClock clock)
{
    public void Add(string action, string entityType, string? entityId, object? detail = null, string? divisionCode = null, string? userName = null)
    {
        var entry = AuditRecorder.New(user, clock.UtcNow, action, entityType, entityId, divisionCode,
            detail is null ? null : JsonSerializer.Serialize(detail, AuditRecorder.Json));
        if (userName is not null) entry.UserName = userName;
        db.AuditEntries.Add(entry);
    }

    public async Task RecordAsync(string action, string entityType, string? entityId, object? detail = null, string? divisionCode = null, string? userName = null, CancellationToken ct = default)
    {
        Add(action, entityType, entityId, detail, divisionCode, userName);
        await db.SaveChangesAsync(ct);
    }
}
