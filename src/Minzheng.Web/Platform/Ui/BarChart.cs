using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// A horizontal bar chart rendered on the server: no script, works under the CSP (no inline styles: the bar is an SVG rect
/// whose width is a percentage), prints. Labels and values are HTML text in CSS pixels, so they keep their size whatever
/// the card's width (an SVG scaled by a viewBox shrank them to unreadable in narrow cards and blew them up in wide ones).
/// </summary>
public static class BarChart
{
    public sealed record Item(string Label, long Value, string? Href = null);

    public static IHtmlContent Render(IReadOnlyList<Item> items, string color, string ariaLabel)
    {
        if (items.Count == 0) return HtmlString.Empty;
        var max = Math.Max(1, items.Max(i => i.Value));
        var enc = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"hbar-chart\" role=\"figure\" aria-label=\"{enc.Encode(ariaLabel)}\">");
        foreach (var item in items)
        {
            var percent = 100.0 * Math.Max(0, item.Value) / max;
            var tag = item.Href is null ? "div" : "a";
            var href = item.Href is null ? "" : $" href=\"{enc.Encode(item.Href)}\"";
            sb.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"hbar-row\"{href}><span class=\"hbar-label\">{enc.Encode(item.Label)}</span>");
            sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"hbar-track\" width=\"100%\" height=\"18\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0\" y=\"1\" width=\"{percent:F1}%\" height=\"16\" rx=\"2\" fill=\"{enc.Encode(color)}\"></rect></svg>");
            sb.Append(CultureInfo.InvariantCulture, $"<span class=\"hbar-value\">{item.Value:N0}</span></{tag}>");
        }
        sb.Append("</div>");
        return new HtmlString(sb.ToString());
    }
}
