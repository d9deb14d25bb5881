using System.Text;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>
/// Romanises a division name by 中国地名汉语拼音字母拼写规则 (GB 17733 / 地名拼写规则): 专名 syllables joined and
/// capitalised, 通名 written separately and capitalised, an apostrophe before an a/o/e syllable inside a word.
/// Multi-reading characters take the reading used in Guangxi place names where it differs from the most common one.
/// </summary>
public sealed class PlaceNamePinyin(PinyinTable table)
{
    /// <summary>
    /// Whole-专名 overrides, for names whose reading no per-character rule gets right
    /// (data/README.md: 那卜 is Nàbǔ, 新圩 is Xīnxū in Guangxi, 民乐 is Mínlè).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SpecificNameOverrides = new Dictionary<string, string>
    {
        ["那卜"] = "Nabu",
        ["新圩"] = "Xinxu",
        ["民乐"] = "Minle",
    };

    /// <summary>Characters whose place-name reading in Guangxi is not the dictionary's first reading.</summary>
    public static readonly IReadOnlyDictionary<char, string> PlaceNameReadings = new Dictionary<char, string>
    {
        ['圩'] = "xu",   // 圩 (market) is xū in Guangxi place names, not wéi (dyke)
        ['卜'] = "bu",
        ['咀'] = "zui",  // 咀 (headland) is zuǐ in place names
    };

    /// <summary>通名 suffixes, longest first, with their romanised form.</summary>
    public static readonly IReadOnlyList<(string Suffix, string Pinyin)> GenericNames =
    [
        ("社区居民委员会", "Shequ Jumin Weiyuanhui"),
        ("社区居委会", "Shequ Juweihui"),
        ("村民委员会", "Cunmin Weiyuanhui"),
        ("居民委员会", "Jumin Weiyuanhui"),
        ("街道办事处", "Jiedao Banshichu"),
        ("村委会", "Cunweihui"),
        ("居委会", "Juweihui"),
        ("街道", "Jiedao"),
        ("社区", "Shequ"),
        ("林场", "Linchang"),
        ("农场", "Nongchang"),
        ("自治区", "Zizhiqu"),
        ("镇", "Zhen"),
        ("乡", "Xiang"),
        ("县", "Xian"),
        ("区", "Qu"),
        ("市", "Shi"),
        ("省", "Sheng"),
    ];

    public string Romanize(string name)
    {
        var (specific, generic) = Split(name);
        var spelled = Spell(specific);
        return generic is null ? spelled : spelled + " " + generic;
    }

    public static (string Specific, string? GenericPinyin) Split(string name)
    {
        foreach (var (suffix, pinyin) in GenericNames)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (name[..^suffix.Length], pinyin);
            }
        }
        return (name, null);
    }

    /// <summary>
    /// One word of a place name (a 专名, or a 通名 of a feature other than a division): syllables joined, the first letter
    /// capitalised, an apostrophe before an a/o/e syllable, the whole-专名 overrides and the Guangxi readings applied.
    /// </summary>
    public string Spell(string specific)
    {
        if (SpecificNameOverrides.TryGetValue(specific, out var over)) return over;
        var sb = new StringBuilder();
        foreach (var ch in specific)
        {
            var syllable = PlaceNameReadings.TryGetValue(ch, out var r) ? r
                : table.Readings(ch) is { Count: > 0 } readings ? readings[0]
                : null;
            if (syllable is null)
            {
                sb.Append(ch);
                continue;
            }
            if (sb.Length > 0 && syllable[0] is 'a' or 'o' or 'e') sb.Append('\'');
            sb.Append(syllable);
        }
        if (sb.Length > 0) sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }
}
