using System.Globalization;

namespace Minzheng.Web.Platform.Registry;

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
/// ISO 7064 MOD 11-2 check character. 15-digit numbers (before 1999) are upgraded by inserting "19"
/// into the year and computing the check character (domain decision 6).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public readonly record struct Parsed(string Value, string AddressCode, DateOnly BirthDate, Sex Sex);

    /// <summary>The check character for the first 17 characters (GB 11643 §8.2).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Normalises (trim, upper-case x, upgrade 15 digits) and validates; null when invalid.</summary>
    public static Parsed? TryParse(string? input, out string? error)
    {
        error = null;
        var value = (input ?? "").Trim().ToUpperInvariant();
        if (value.Length == 15)
        {
            if (!value.All(char.IsAsciiDigit))
            {
                error = "15位身份证号只能包含数字";
                return null;
            }
            var first17 = value[..6] + "19" + value[6..];
            value = first17 + CheckCharacter(first17);
        }
        if (value.Length != 18)
        {
            error = "身份证号应为18位（或15位旧号码）";
            return null;
        }
        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            error = "身份证号前17位只能是数字";
            return null;
        }
        if (value[17] is not (>= '0' and <= '9') and not 'X')
        {
            error = "身份证号最后一位只能是数字或X";
            return null;
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1880)
        {
            error = "身份证号中的出生日期无效";
            return null;
        }
        if (value[0] == '0')
        {
            error = "身份证号中的地址码无效";
            return null;
        }
        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            error = "身份证号校验码错误";
            return null;
        }
        var sex = (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return new Parsed(value, value[..6], birth, sex);
    }

    public static bool IsValid(string? input) => TryParse(input, out _) is not null;

    /// <summary>For display: first 6 and last 4 characters visible (450921********123X).</summary>
    public static string Mask(string value) =>
        value.Length <= 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    /// <summary>Builds a valid number from its parts (demo data, tests); the check character is computed.</summary>
    public static string Compose(string addressCode, DateOnly birthDate, int sequence)
    {
        var first17 = addressCode + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }
}
