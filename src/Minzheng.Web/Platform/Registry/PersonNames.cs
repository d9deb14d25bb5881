using System.Text;

namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// What a registered name may hold: Chinese characters of every CJK block — the 生僻字 of the extensions beyond the basic
/// plane too (𠀀 U+20000, 𪚥 U+2A6A5), a person with such a name must be registrable — Latin letters, spaces and the middle
/// dot of minority and foreign names; at most 50 characters counted as a reader counts them (text elements, not UTF-16 units).
/// </summary>
public static class PersonNames
{
    public const int MaxLength = 50;

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        var length = Http.InputRules.Length(name);
        if (length is < 1 or > MaxLength) return false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (!IsAllowed(rune)) return false;
        }
        return true;
    }

    /// <summary>
    /// A name as public notices, certificates' verification pages and village publicity show it: the surname and, for three or
    /// more characters, the last one (张*, 李*明), counted as a reader counts them, so a 生僻字 outside the basic plane is never
    /// cut in half. Blank stays blank.
    /// </summary>
    public static string Mask(string? name)
    {
        var parts = new List<string>();
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator((name ?? "").Trim());
        while (chars.MoveNext()) parts.Add(chars.GetTextElement());
        return parts.Count switch
        {
            <= 1 => string.Concat(parts),
            2 => parts[0] + "*",
            _ => parts[0] + new string('*', parts.Count - 2) + parts[^1],
        };
    }

    private static bool IsAllowed(Rune r) => r.Value switch
    {
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' or ' ' or '·' or '•' => true,
        >= 0x3400 and <= 0x4DBF => true,   // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK compatibility ideographs
        >= 0x20000 and <= 0x2FA1F => true, // CJK extensions B–F, compatibility supplement (plane 2)
        >= 0x30000 and <= 0x323AF => true, // CJK extensions G–H (plane 3)
        _ => false,
    };
}
