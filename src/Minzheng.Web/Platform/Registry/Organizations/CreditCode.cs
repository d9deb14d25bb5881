namespace Minzheng.Web.Platform.Registry.Organizations;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015 法人和其他组织统一社会信用代码编码规则): 18 characters from a 31-character set
/// (digits and capitals without I, O, Z, S, V) — registration authority (1), organisation type (1), the administrative
/// division of the registering authority (6), the organisation code of GB 11714 with its own check character (9), and a
/// check character over the first 17.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    /// <summary>GB 32100-2015 表 1: the code characters in the order of their values 0–30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>登记管理部门码 (GB 32100-2015 表 2): 机构编制 1, 外交 2, 司法行政 3, 文化 4, 民政 5, 旅游 6, 宗教 7, 工会 8, 工商 9, 中央军委改革和编制办公室 A, 农业 N, 其他 Y.</summary>
    public const string Authorities = "123456789ANY";

    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public sealed record Parsed(string Value, char Authority, char Type, string DivisionCode, string OrganizationCode);

    /// <summary>Parses and verifies a code; <paramref name="error"/> says in Chinese what is wrong.</summary>
    public static Parsed? TryParse(string? input, out string? error)
    {
        var code = input?.Trim().ToUpperInvariant() ?? "";
        error = null;
        if (code.Length != Length)
        {
            error = "统一社会信用代码应为18位";
            return null;
        }
        var bad = code.FirstOrDefault(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0);
        if (bad != default)
        {
            error = $"统一社会信用代码含有不允许的字符“{bad}”（不使用 I、O、Z、S、V）";
            return null;
        }
        if (!Authorities.Contains(code[0], StringComparison.Ordinal))
        {
            error = $"统一社会信用代码第1位（登记管理部门码）“{code[0]}”无效";
            return null;
        }
        if (!code[2..8].All(char.IsAsciiDigit))
        {
            error = "统一社会信用代码第3至8位应为6位行政区划码";
            return null;
        }
        if (OrganizationCodeCheck(code[8..16]) != code[16])
        {
            error = "统一社会信用代码第9至17位（组织机构代码）校验位不正确";
            return null;
        }
        if (CheckCharacter(code[..17]) != code[17])
        {
            error = "统一社会信用代码校验位（第18位）不正确";
            return null;
        }
        return new Parsed(code, code[0], code[1], code[2..8], code[8..17]);
    }

    public static bool IsValid(string? input) => TryParse(input, out _) is not null;

    /// <summary>
    /// GB 32100-2015 第5章: C18 = 31 − (Σ Ci × Wi mod 31), Wi = 3^(i−1) mod 31, Ci the value of the i-th character;
    /// 31 is written as 0.
    /// </summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(first17.Length, 17);
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"“{c}”不是统一社会信用代码字符", nameof(first17));
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>
    /// GB 11714-1997 组织机构代码校验码: C9 = 11 − (Σ Ci × Wi mod 11) with W = 3,7,9,10,5,8,4,2, digits worth their value
    /// and letters A–Z worth 10–35; 10 is written X and 11 as 0.
    /// </summary>
    public static char OrganizationCodeCheck(string body8)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(body8.Length, 8);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : throw new ArgumentException($"“{c}”不是组织机构代码字符", nameof(body8));
            sum += value * OrganizationCodeWeights[i];
        }
        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var v => (char)('0' + v),
        };
    }

    /// <summary>Builds a valid code from its parts (demo data, tests): both check characters computed.</summary>
    public static string Compose(char authority, char type, string divisionCode6, string organizationBody8)
    {
        var nine = organizationBody8 + OrganizationCodeCheck(organizationBody8);
        var first17 = $"{authority}{type}{divisionCode6}{nine}";
        return first17 + CheckCharacter(first17);
    }

    /// <summary>Shows the code in lists as it is (a credit code is public, printed on the licence).</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
