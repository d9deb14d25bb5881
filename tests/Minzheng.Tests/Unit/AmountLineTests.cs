using Minzheng.Web.Platform.Money;

namespace Minzheng.Tests.Unit;

/// <summary>Issue 12, item 12: the amount table writes 减：家庭月收入 900.00, not a double negative; the stored amount stays signed.</summary>
public sealed class AmountLineTests
{
    [Theory]
    [InlineData("减：家庭月收入", -900, "900.00")]
    [InlineData("减：家庭月收入", 0, "0.00")]
    [InlineData("低保标准 × 共同生活人数", 2640, "2640.00")]
    [InlineData("差额（保障标准 − 家庭收入）", -12.5, "-12.50")]
    [InlineData("重度残疾人护理补贴", 80, "80.00")]
    public void A_subtracted_line_shows_its_size_and_every_other_line_its_sign(string label, decimal amount, string shown)
    {
        var line = new AmountLine(label, amount, "依据");
        Assert.Equal(shown, line.ShownAmount());
        Assert.Equal(amount, line.Amount);
    }

    [Fact]
    public void The_shown_amount_is_not_part_of_the_stored_json() =>
        Assert.DoesNotContain("shown", System.Text.Json.JsonSerializer.Serialize(new AmountLine(AmountLine.Subtracted + "家庭月收入", -900m, "x"), System.Text.Json.JsonSerializerOptions.Web), StringComparison.OrdinalIgnoreCase);
}
