using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// Reads the first sheet of an xlsx (MiniExcel, streaming) or a CSV (Sep) as a header row and data rows,
/// each with its line number in the file (the header is line 1). CSV from older systems is often GB18030;
/// it is detected and decoded.
/// </summary>
public static class TabularFile
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Cells);

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    public static IReadOnlyList<string> Headers(string path, string fileName)
    {
        if (IsXlsx(fileName))
        {
            var first = MiniExcel.Query(path, useHeaderRow: false).FirstOrDefault() as IDictionary<string, object?>;
            return first is null ? [] : first.Values.Select(v => Clean(v)).Where(h => h.Length > 0).ToList();
        }
        using var reader = OpenCsv(path);
        return reader.Header.ColNames.Select(h => Clean(h)).ToList();
    }

    public static IEnumerable<Row> Rows(string path, string fileName)
    {
        if (IsXlsx(fileName))
        {
            var line = 1;
            foreach (IDictionary<string, object?> r in MiniExcel.Query(path, useHeaderRow: true))
            {
                line++;
                var cells = r.ToDictionary(kv => Clean(kv.Key), kv => Clean(kv.Value));
                if (cells.Values.All(v => v.Length == 0)) continue;
                yield return new Row(line, cells);
            }
            yield break;
        }
        using var reader = OpenCsv(path);
        var names = reader.Header.ColNames.ToArray();
        var n = 1;
        foreach (var r in reader)
        {
            n++;
            var cells = new Dictionary<string, string>(names.Length);
            for (var i = 0; i < names.Length && i < r.ColCount; i++) cells[Clean(names[i])] = Clean(r[i].ToString());
            if (cells.Values.All(v => v.Length == 0)) continue;
            yield return new Row(n, cells);
        }
    }

    private static bool IsXlsx(string fileName) => Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static SepReader OpenCsv(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = DecodeText(bytes);
        return Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
    }

    public static string DecodeText(byte[] bytes)
    {
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var s = utf8.GetString(bytes);
            return s.Length > 0 && s[0] == '\uFEFF' ? s[1..] : s;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string Clean(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd"),
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => ((long)x).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => (Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Trim().Trim('\t', '\'', '`'),
    };
}
