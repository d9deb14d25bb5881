using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// A horizontal bar chart as inline SVG, rendered on the server: no script, works under the CSP, prints.
/// </summary>
public static class BarChart
{
    public sealed record Item(string Label, long Value, string? Href = null);

    public static IHtmlContent Render(IReadOnlyList<Item> items, string color, string ariaLabel)
    {
        if (items.Count == 0) return HtmlString.Empty;
        var max = Math.Max(1, items.Max(i => i.Value));
        var height = items.Count * 24 + 4;
        var enc = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 520 {height}\" width=\"100%\" role=\"img\" aria-label=\"{enc.Encode(ariaLabel)}\">");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var w = 330.0 * item.Value / max;
            var y = i * 24 + 2;
            if (item.Href is not null) sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{enc.Encode(item.Href)}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1f2933\">{enc.Encode(item.Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"120\" y=\"{y + 3}\" width=\"{w:F1}\" height=\"16\" fill=\"{enc.Encode(color)}\" rx=\"2\"></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{126 + w:F1}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#616e7c\">{item.Value:N0}</text>");
            if (item.Href is not null) sb.Append("</a>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
