using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Audit;

/// <summary>
/// Turns the tracked changes of a save into audit entries, in the same save: time, user, IP, action,
/// table, key, division and the changed fields with old and new values. Encrypted columns, hashes and
/// credentials are never copied into the log.
/// </summary>
public static class AuditRecorder
{
    /// <summary>
    /// The options for every JSON the application stores (explanations, opinions, reports, audit details): camelCase like the
    /// API (ADR 021), so stored JSON returned as is reads like the rest; reading ignores case.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    public static void Record(AppDbContext db, IReadOnlyList<EntityEntry> changed, ICurrentUser user, DateTime now, string? summaryReason)
    {
        if (changed.Count == 0) return;
        if (summaryReason is not null)
        {
            foreach (var group in changed.GroupBy(e => (Table: e.Metadata.GetTableName() ?? e.Metadata.ClrType.Name, e.State)))
            {
                db.AuditEntries.Add(New(user, now, ActionOf(group.Key.State), group.Key.Table, null, null,
                    JsonSerializer.Serialize(new { summary = summaryReason, rows = group.Count() }, Json)));
            }
            return;
        }
        foreach (var e in changed)
        {
            db.AuditEntries.Add(New(user, now, ActionOf(e.State), e.Metadata.GetTableName() ?? e.Metadata.ClrType.Name, KeyOf(e),
                (e.Entity as IDivisionScoped)?.DivisionCode, ChangesOf(e)));
        }
    }

    public static AuditEntry New(ICurrentUser user, DateTime now, string action, string entityType, string? entityId, string? divisionCode, string? changes) => new()
    {
        // PostgreSQL keeps microseconds: truncate so the sealed hash survives the round trip.
        At = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
        UserId = user.UserId,
        UserName = user.UserName,
        IpAddress = user.IpAddress,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        DivisionCode = divisionCode,
        Changes = changes,
    };

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "insert",
        EntityState.Modified => "update",
        _ => "delete",
    };

    private static string KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("/", key.Properties.Select(p =>
        {
            var prop = e.Property(p.Name);
            return prop.IsTemporary ? "(新)" : Format(prop.CurrentValue ?? prop.OriginalValue);
        }));
    }

    private static string ChangesOf(EntityEntry e)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.GetColumnName();
            switch (e.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is null) continue;
                    changes[name] = [null, Safe(p.Metadata.Name, p.CurrentValue)];
                    break;
                case EntityState.Modified:
                    if (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue) || (p.OriginalValue is byte[] a && p.CurrentValue is byte[] b && a.AsSpan().SequenceEqual(b))) continue;
                    changes[name] = [Safe(p.Metadata.Name, p.OriginalValue), Safe(p.Metadata.Name, p.CurrentValue)];
                    break;
                default:
                    if (p.OriginalValue is null) continue;
                    changes[name] = [Safe(p.Metadata.Name, p.OriginalValue), null];
                    break;
            }
        }
        return JsonSerializer.Serialize(changes, Json);
    }

    /// <summary>Values as the log may hold them: ciphertexts, hashes and credentials replaced by a marker.</summary>
    private static string? Safe(string property, object? value) => value switch
    {
        null => null,
        byte[] => "[已加密]",
        _ when Secret.Contains(property) => "[保密]",
        _ => Format(value),
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
