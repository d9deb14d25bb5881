using System.Xml.Linq;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Tests.Unit;

public sealed class QrCodesTests
{
    /// <summary>The page's CSP (style-src 'self') refuses a style attribute: the code's colours are SVG attributes instead.</summary>
    [Fact]
    public void The_svg_has_no_inline_style_and_is_well_formed_with_its_colours_as_attributes()
    {
        var svg = QrCodes.Svg("https://mz.example/verify/marriage/abc");
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        var doc = XDocument.Parse(svg); // no attribute written twice
        Assert.Contains(doc.Descendants(), e => (string?)e.Attribute("fill") == "#000000");
        Assert.Contains(doc.Descendants(), e => (string?)e.Attribute("fill") == "#ffffff");
    }
}
