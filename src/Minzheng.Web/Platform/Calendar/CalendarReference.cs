using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Platform.Calendar;

/// <summary>
/// Loads the official holidays and adjusted working days (Reference/holidays/YYYY.json, from the State
/// Council notices). Days an administrator has edited are left as they are.
/// </summary>
public static class CalendarReference
{
    public const string SettingKey = "reference.calendar";
    public const string AdminSourcePrefix = "管理员录入";

    private sealed record YearFile(int Year, string[] Papers, DayEntry[] Days);

    private sealed record DayEntry(string Name, DateOnly Date, bool IsOffDay);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<CalendarDay> ReadShipped()
    {
        foreach (var file in ReferenceData.List("holidays").Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = ReferenceData.Open(file);
            var year = JsonSerializer.Deserialize<YearFile>(stream, Json)!;
            var source = string.Join(" ", year.Papers ?? []);
            foreach (var d in year.Days ?? [])
            {
                yield return new CalendarDay { Date = d.Date, IsOffDay = d.IsOffDay, Name = d.Name, Source = source.Length > 300 ? source[..300] : source };
            }
        }
    }

    public static string ShippedVersion()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ReferenceData.List("holidays"))
        {
            using var s = ReferenceData.Open(file);
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            hash.AppendData(ms.ToArray());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static async Task<bool> EnsureLoadedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var version = ShippedVersion();
        var setting = await db.Settings.FindAsync([SettingKey], ct);
        if (setting?.Value == version) return false;
        var existing = await db.CalendarDays.ToDictionaryAsync(d => d.Date, ct);
        foreach (var day in ReadShipped())
        {
            if (existing.TryGetValue(day.Date, out var current))
            {
                if (current.Source.StartsWith(AdminSourcePrefix, StringComparison.Ordinal)) continue;
                current.IsOffDay = day.IsOffDay;
                current.Name = day.Name;
                current.Source = day.Source;
            }
            else
            {
                db.CalendarDays.Add(day);
                existing[day.Date] = day;
            }
        }
        if (setting is null) db.Settings.Add(new PlatformSetting { Key = SettingKey, Value = version, UpdatedAt = DateTime.UtcNow });
        else setting.Value = version;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
