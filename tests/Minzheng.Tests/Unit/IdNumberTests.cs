using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Unit;

/// <summary>GB 11643-1999 公民身份号码: check character, 15→18 upgrade, derived birth date and sex.</summary>
public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("11010519491231002x", "1949-12-31", Sex.Female)]
    [InlineData(" 11010519491231002X ", "1949-12-31", Sex.Female)]
    [InlineData("440524188001010014", "1880-01-01", Sex.Male)]
    public void Valid_numbers_give_birth_date_and_sex(string input, string birth, Sex sex)
    {
        var id = IdNumber.TryParse(input, out var error);
        Assert.Null(error);
        Assert.NotNull(id);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.Value.BirthDate);
        Assert.Equal(sex, id.Value.Sex);
        Assert.Equal(input.Trim().ToUpperInvariant(), id.Value.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "校验码")]
    [InlineData("11010519491331002X", "出生日期")]
    [InlineData("1101051949123100", "18位")]
    [InlineData("11010519491231002Y", "最后一位")]
    [InlineData("11A10519491231002X", "前17位")]
    [InlineData("", "18位")]
    [InlineData("010105194912310026", "地址码")]
    public void Invalid_numbers_are_rejected_with_a_reason(string input, string reasonFragment)
    {
        Assert.Null(IdNumber.TryParse(input, out var error));
        Assert.Contains(reasonFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110105491231002", "11010519491231002X")]
    [InlineData("450921800101001", "450921198001010018")]
    public void Fifteen_digit_numbers_are_upgraded(string old, string upgraded)
    {
        var id = IdNumber.TryParse(old, out _);
        Assert.Equal(upgraded, id!.Value.Value);
    }

    [Fact]
    public void Compose_produces_valid_numbers()
    {
        for (var seq = 0; seq < 1000; seq += 7)
        {
            var value = IdNumber.Compose("450921", new DateOnly(1990, 5, 17), seq);
            Assert.True(IdNumber.IsValid(value), value);
        }
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("45092119900517001120", "450921**********1120")]
    public void Masking_keeps_first_six_and_last_four(string value, string masked) =>
        Assert.Equal(masked, IdNumber.Mask(value));
}
