using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Unit;

/// <summary>统一社会信用代码 (GB 32100-2015) with the GB 11714 organisation-code check inside it: valid and invalid codes by table.</summary>
public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", '9', '1', "350100")] // the standard's own example
    [InlineData("12100000400000624D", '1', '2', "100000")]
    [InlineData("91110000600037341L", '9', '1', "110000")]
    [InlineData("52450921MJY000124H", '5', '2', "450921")] // a social service agency (民办非企业单位) registered in 容县
    [InlineData("51450900501234569C", '5', '1', "450900")] // a social group registered in 玉林市
    [InlineData("53450000MJY0987156", '5', '3', "450000")] // a foundation registered in 广西
    [InlineData("N2450921MA00000152", 'N', '2', "450921")] // a village collective economic organisation
    [InlineData("5333010050001234X5", '5', '3', "330100")] // organisation-code check character X
    [InlineData(" 91350100m000100y43 ", '9', '1', "350100")] // lower case and spaces as typed
    public void Valid_codes_parse_with_their_parts(string input, char authority, char type, string division)
    {
        var parsed = CreditCode.TryParse(input, out var error);
        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(authority, parsed.Authority);
        Assert.Equal(type, parsed.Type);
        Assert.Equal(division, parsed.DivisionCode);
        Assert.Equal(input.Trim().ToUpperInvariant(), parsed.Value);
    }

    [Theory]
    [InlineData("", "18位")]
    [InlineData("91350100M000100Y4", "18位")]
    [InlineData("91350100M000100Y433", "18位")]
    [InlineData("91350100MI00100Y43", "I")] // I, O, Z, S, V are not code characters
    [InlineData("91350100MO00100Y43", "O")]
    [InlineData("91350100MZ00100Y43", "Z")]
    [InlineData("91350100MS00100Y43", "S")]
    [InlineData("91350100MV00100Y43", "V")]
    [InlineData("B2450921MJY000124B", "登记管理部门码")] // the 18th character is right, the authority unknown
    [InlineData("524509A1MJY000124D", "行政区划码")] // a letter in the division code, 18th character right
    [InlineData("52450921MJY000125L", "组织机构代码")] // only the GB 11714 check character is wrong
    [InlineData("52450921MJY000124A", "第18位")] // only the 18th check character is wrong
    [InlineData("91350100M000100Y44", "第18位")]
    public void Invalid_codes_say_what_is_wrong(string input, string expected)
    {
        Assert.Null(CreditCode.TryParse(input, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("52450921MJY000124H")]
    [InlineData("5333010050001234X5")]
    public void Every_one_character_change_fails(string valid)
    {
        // 31 is prime and no weight is 0 mod 31: any single substitution changes the checksum.
        var accepted = new List<string>();
        for (var i = 0; i < valid.Length; i++)
        {
            foreach (var c in CreditCode.Alphabet.Where(c => c != valid[i]))
            {
                var changed = valid[..i] + c + valid[(i + 1)..];
                if (CreditCode.IsValid(changed)) accepted.Add(changed);
            }
        }
        Assert.Empty(accepted);
        Assert.True(CreditCode.IsValid(valid));
    }

    [Theory]
    [InlineData("MJY00012", '4')]
    [InlineData("50001234", 'X')]
    [InlineData("M000100Y", '4')]
    [InlineData("60003734", '1')]
    public void Organisation_code_check_character_follows_GB_11714(string body, char check) =>
        Assert.Equal(check, CreditCode.OrganizationCodeCheck(body));

    [Fact]
    public void Composed_codes_are_valid_and_start_with_their_parts()
    {
        var code = CreditCode.Compose('5', '2', "450924", "MJY00077");
        Assert.Equal("52450924MJY0007731", code);
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("社会团体", OrganizationKind.SocialGroup)]
    [InlineData("村(居)民委员会", OrganizationKind.ResidentsCommittee)]
    [InlineData("村（居）民委员会", OrganizationKind.ResidentsCommittee)]
    [InlineData("民办非企业单位", OrganizationKind.SocialServiceAgency)]
    [InlineData("其他", OrganizationKind.Other)]
    public void Kinds_are_read_as_written_in_files(string text, OrganizationKind kind) => Assert.Equal(kind, OrganizationLabels.KindOf(text));
}
