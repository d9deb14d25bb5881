using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Tests.Unit;

/// <summary>Issue 12, item 13: chart labels keep their size whatever the card's width — text is HTML, never inside a scaled SVG.</summary>
public sealed class BarChartTests
{
    private static AngleSharp.Dom.IElement Render(params BarChart.Item[] items)
    {
        using var writer = new StringWriter();
        BarChart.Render(items, "#1f6feb", "各县发放金额").WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument(writer.ToString()).QuerySelector(".hbar-chart")!;
    }

    [Fact]
    public void Labels_and_values_are_html_text_and_no_svg_is_scaled_by_a_view_box()
    {
        var chart = Render(new("容县", 1200), new("北流市<b>", 300, "/x?a=1&b=2"));
        Assert.Empty(chart.QuerySelectorAll("[viewBox], svg text"));
        Assert.Equal(["容县", "北流市<b>"], chart.QuerySelectorAll(".hbar-label").Select(l => l.TextContent));
        Assert.Equal(["1,200", "300"], chart.QuerySelectorAll(".hbar-value").Select(l => l.TextContent));
        Assert.Equal("/x?a=1&b=2", chart.QuerySelectorAll("a.hbar-row").Single().GetAttribute("href"));
        Assert.Equal("各县发放金额", chart.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(1200, "100.0%")]
    [InlineData(300, "25.0%")]
    [InlineData(0, "0.0%")]
    [InlineData(-5, "0.0%")]
    public void A_bar_is_its_share_of_the_largest_value(long value, string width)
    {
        var chart = Render(new("最大", 1200), new("这一项", value));
        Assert.Equal(width, chart.QuerySelectorAll("rect")[1].GetAttribute("width"));
    }

    [Fact]
    public void No_items_render_nothing() => Assert.Same(HtmlString.Empty, BarChart.Render([], "#000", "空"));
}
