using QRCoder;

namespace Minzheng.Web.Platform.Printing;

/// <summary>
/// QR codes for printed pages (certificates, receipts): an inline SVG, so the printed page needs no image request and prints
/// sharp at any size. Medium error correction survives a folded or slightly worn paper.
/// </summary>
public static class QrCodes
{
    /// <summary>An SVG element for <paramref name="text"/> (usually an absolute verification URL).</summary>
    public static string Svg(string text, int pixelsPerModule = 4)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
