using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Minzheng.Web.Platform.Text;

/// <summary>
/// Character → Hanyu Pinyin readings from mozillazg/pinyin-data (Unihan; Reference/pinyin-data_pinyin.txt),
/// most common reading first, tone marks removed (place names and search keys are written without tones).
/// </summary>
public sealed class PinyinTable
{
    private readonly FrozenDictionary<int, string[]> _readings;

    private PinyinTable(FrozenDictionary<int, string[]> readings) => _readings = readings;

    public static PinyinTable Shared => LazyShared.Value;

    private static readonly Lazy<PinyinTable> LazyShared = new(Load);

    public int Count => _readings.Count;

    public static PinyinTable Load()
    {
        using var stream = ReferenceData.Open("pinyin-data_pinyin.txt");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, string[]>(45_000);
        while (reader.ReadLine() is { } line)
        {
            // U+4E2D: zhōng,zhòng  # 中
            if (line.Length == 0 || line[0] == '#') continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (colon < 3 || hash < colon) continue;
            var codePoint = int.Parse(line.AsSpan(2, colon - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var readings = line[(colon + 1)..hash].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(StripTones).Distinct().ToArray();
            if (readings.Length > 0) map[codePoint] = readings;
        }
        return new PinyinTable(map.ToFrozenDictionary());
    }

    /// <summary>The readings of one character (toneless), or an empty array for non-Han characters.</summary>
    public IReadOnlyList<string> Readings(int codePoint) =>
        _readings.TryGetValue(codePoint, out var r) ? r : [];

    /// <summary>First reading of each Han character; other characters are kept as they are.</summary>
    public IEnumerable<string> Syllables(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (_readings.TryGetValue(rune.Value, out var r)) yield return r[0];
            else if (!Rune.IsWhiteSpace(rune)) yield return rune.ToString();
        }
    }

    /// <summary>A lowercase search key: full syllables joined ("chenxiaoming"), for pinyin name search.</summary>
    public string SearchKey(string text) => string.Concat(Syllables(text)).ToLowerInvariant();

    /// <summary>Initials of each syllable ("cxm"), for the quick search clerks type.</summary>
    public string Initials(string text) => string.Concat(Syllables(text).Select(s => char.ToLowerInvariant(s[0])));

    public static string StripTones(string syllable)
    {
        var sb = new StringBuilder(syllable.Length);
        foreach (var c in syllable.Normalize(NormalizationForm.FormD))
        {
            if (c == '\u0308')
            {
                // keep the diaeresis of ü (lü, nü): it distinguishes syllables
                sb.Append(c);
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
