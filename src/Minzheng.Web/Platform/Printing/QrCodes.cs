using System.Text.RegularExpressions;
using QRCoder;

namespace Minzheng.Web.Platform.Printing;

/// <summary>
/// QR codes for printed pages (certificates, receipts): an inline SVG, so the printed page needs no image request and prints
/// sharp at any size. Medium error correction survives a folded or slightly worn paper.
/// </summary>
public static partial class QrCodes
{
    /// <summary>An SVG element for <paramref name="text"/> (usually an absolute verification URL).</summary>
    public static string Svg(string text, int pixelsPerModule = 4)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(pixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        // the library writes its colours as style="fill:…": the CSP (style-src 'self') refuses inline style, so the browser
        // reported it on every certificate; the same declarations as SVG presentation attributes draw the same and are allowed
        return InlineStyle().Replace(svg, m => string.Join(' ', m.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries)).Where(d => d.Length == 2 && PresentationAttribute().IsMatch(d[0]))
            .Select(d => $"{d[0]}=\"{d[1]}\"")));
    }

    [GeneratedRegex("style=\"([^\"]*)\"")]
    private static partial Regex InlineStyle();

    [GeneratedRegex("^[a-z-]+$")]
    private static partial Regex PresentationAttribute();
}
