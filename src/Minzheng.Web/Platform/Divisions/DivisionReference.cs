using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Text;
using nietras.SeparatedValues;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>
/// Loads the shipped 玉林市 division tree (Reference/yulin-divisions.csv) into the database, with
/// corrections of known source errors, pinyin and the alternative civil-affairs town codes.
/// Runs again only when the shipped data (or this correction table) changes.
/// </summary>
public static class DivisionReference
{
    public const string SettingKey = "reference.divisions";

    /// <summary>Source names corrected by code (data/README.md); the source value is kept in SourceName.</summary>
    public static readonly IReadOnlyDictionary<string, string> NameCorrections = new Dictionary<string, string>
    {
        ["450921100209"] = "周口村委会", // 囗 (U+56D7, enclosure) for 口
        ["450921102203"] = "河口村委会",
        ["450921111212"] = "水口村委会",
        ["450921113209"] = "江口村委会",
        ["450981121206"] = "六仑村委会", // traditional 崙 for 仑
    };

    public sealed record Row(string Code, string Name, DivisionLevel Level, string? ParentCode);

    public static List<Row> ReadShipped()
    {
        using var stream = ReferenceData.Open("yulin-divisions.csv");
        using var reader = Sep.Reader().From(stream);
        var rows = new List<Row>(1700);
        foreach (var r in reader)
        {
            rows.Add(new Row(r["code"].ToString(), r["name"].ToString(), DivisionCodes.ParseApiName(r["level"].ToString()), r["parent_code"].ToString()));
        }
        return rows;
    }

    public static Dictionary<string, string> ReadAlternativeCodes()
    {
        using var stream = ReferenceData.Open("division-alternative-codes.csv");
        using var reader = Sep.Reader().From(stream);
        var map = new Dictionary<string, string>();
        foreach (var r in reader) map[r["code"].ToString()] = r["alternative_code"].ToString();
        return map;
    }

    public static bool? UrbanFromName(string name, DivisionLevel level)
    {
        if (level == DivisionLevel.Village)
        {
            if (name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal)) return false;
            if (name.Contains("社区", StringComparison.Ordinal) || name.Contains("居委会", StringComparison.Ordinal) || name.Contains("居民委员会", StringComparison.Ordinal)) return true;
            return null;
        }
        return level == DivisionLevel.Town && name.EndsWith("街道", StringComparison.Ordinal) ? true : null;
    }

    public static string ShippedVersion()
    {
        using var stream = ReferenceData.Open("yulin-divisions.csv");
        var hash = SHA256.HashData(stream);
        var corrections = string.Join(";", NameCorrections.Select(c => c.Key + "=" + c.Value))
            + string.Join(";", PlaceNamePinyin.SpecificNameOverrides.Select(c => c.Key + "=" + c.Value))
            + string.Join(";", PlaceNamePinyin.PlaceNameReadings.Select(c => c.Key + "=" + c.Value));
        var extra = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(corrections));
        return Convert.ToHexStringLower(hash)[..16] + "-" + Convert.ToHexStringLower(extra)[..8];
    }

    /// <summary>The shipped tree with corrections, pinyin, urban flags and alternative codes applied.</summary>
    public static List<Division> BuildShipped()
    {
        var pinyin = new PlaceNamePinyin(PinyinTable.Shared);
        var alternatives = ReadAlternativeCodes();
        var order = 0;
        return ReadShipped().Select(row =>
        {
            var name = NameCorrections.GetValueOrDefault(row.Code, row.Name);
            return new Division
            {
                Code = row.Code,
                Name = name,
                SourceName = name == row.Name ? null : row.Name,
                Level = row.Level,
                ParentCode = row.ParentCode,
                IsUrban = UrbanFromName(name, row.Level),
                Pinyin = pinyin.Romanize(name),
                AlternativeCode = alternatives.GetValueOrDefault(row.Code),
                SortOrder = order++,
            };
        }).ToList();
    }

    public static async Task<bool> EnsureLoadedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var version = ShippedVersion();
        var setting = await db.Settings.FindAsync([SettingKey], ct);
        if (setting?.Value == version) return false;

        var existing = await db.Divisions.ToDictionaryAsync(d => d.Code, ct);
        // divisions a registered change has touched (ADR 065) keep what the change made of them: a new release of the
        // shipped data must not revive a merged town or undo a rename
        var renamed = await db.Set<DivisionVersion>().Select(v => v.Code).Distinct().ToListAsync(ct);
        var changed = existing.Values.Where(d => d.RetiredOn is not null || d.ValidFrom is not null).Select(d => d.Code).Concat(renamed).ToHashSet();
        foreach (var shipped in BuildShipped())
        {
            if (changed.Contains(shipped.Code)) continue;
            if (existing.TryGetValue(shipped.Code, out var d)) db.Entry(d).CurrentValues.SetValues(shipped);
            else db.Divisions.Add(shipped);
        }
        if (setting is null) db.Settings.Add(new PlatformSetting { Key = SettingKey, Value = version, UpdatedAt = DateTime.UtcNow });
        else setting.Value = version;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
