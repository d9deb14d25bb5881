using System.Text;
using MiniExcelLibs;
using Minzheng.Web.Platform.Http;
using nietras.SeparatedValues;

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// Reads the first sheet of an xlsx (MiniExcel, streaming) or a CSV (Sep, streaming) as a header row and data rows, each
/// with its line number in the file (the header is line 1). CSV from older systems is often GB18030; it is detected and
/// decoded. The format comes from the name the user gave the file, never from the stored file's path: stored uploads have
/// no extension, and MiniExcel left to itself guesses the format from the path and refused every xlsx.
/// </summary>
public static class TabularFile
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Cells);

    public const string NotTextCode = "import_file_not_text";
    public const string QuoteCode = "import_csv_quote";

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    public static bool IsXlsx(string fileName) => Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Headers(string path, string fileName)
    {
        if (IsXlsx(fileName))
        {
            var first = MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).FirstOrDefault() as IDictionary<string, object?>;
            return first is null ? [] : first.Values.Select(v => Clean(v)).Where(h => h.Length > 0).ToList();
        }
        using var reader = OpenCsv(path);
        return reader.Header.ColNames.Select(h => Clean(h)).ToList();
    }

    /// <summary>
    /// The data rows, read as they are enumerated (the file is never held in memory). A CSV row that spans several lines of
    /// the file — a stray quote that made the following lines one cell — stops the reading with 400 <see cref="QuoteCode"/>
    /// naming the line, instead of silently merging them.
    /// </summary>
    public static IEnumerable<Row> Rows(string path, string fileName)
    {
        if (IsXlsx(fileName))
        {
            var line = 1;
            foreach (IDictionary<string, object?> r in MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                line++;
                var cells = r.ToDictionary(kv => Clean(kv.Key), kv => Clean(kv.Value));
                if (cells.Values.All(v => v.Length == 0)) continue;
                yield return new Row(line, cells);
            }
            yield break;
        }
        using var reader = OpenCsv(path);
        var names = reader.Header.ColNames.Select(h => Clean(h)).ToArray();
        foreach (var r in reader)
        {
            if (r.LineNumberToExcl - r.LineNumberFrom > 1) throw StrayQuote(r.LineNumberFrom, r.LineNumberToExcl - 1);
            var cells = new Dictionary<string, string>(names.Length);
            for (var i = 0; i < names.Length && i < r.ColCount; i++) cells[names[i]] = Clean(r[i].ToString());
            if (cells.Values.All(v => v.Length == 0)) continue;
            yield return new Row(r.LineNumberFrom, cells);
        }
    }

    /// <summary>
    /// Checks an upload before it becomes a batch: an xlsx must open as one, a CSV must be text (UTF-8 or GB18030, no
    /// control characters: an executable renamed .csv is refused) and every row must end on its own line. Throws 400 on <c>file</c>.
    /// </summary>
    public static void Check(string path, string fileName)
    {
        if (IsXlsx(fileName)) return; // reading its header row is the check (ImportService)
        EncodingOf(path);
        foreach (var _ in Rows(path, fileName))
        {
            // reading every row finds a stray quote (Rows throws)
        }
    }

    private static AppProblem StrayQuote(int from, int to) => AppProblem.Field("file",
        $"第 {from} 行有未配对的英文引号（\"），第 {from}–{to} 行被读成了同一行：请删除多余的引号，或把含引号的内容整格用引号括起并把其中的引号写成两个（\"\"）后重新上传",
        QuoteCode);

    private static SepReader OpenCsv(string path)
    {
        var encoding = EncodingOf(path);
        var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, BufferSize = 64 * 1024 });
        return Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
    }

    /// <summary>
    /// UTF-8 when the whole file decodes as UTF-8, otherwise GB18030 when it decodes as that; either way the text may hold no
    /// control characters but tab and line ends. Read in blocks: a 10 MB file costs 64 KB of memory. 400 otherwise.
    /// </summary>
    public static Encoding EncodingOf(string path)
    {
        foreach (var encoding in new[] { new UTF8Encoding(false, throwOnInvalidBytes: true), Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback) })
        {
            try
            {
                if (IsText(path, encoding)) return encoding;
                break; // decoded, but binary: no other encoding makes it text
            }
            catch (DecoderFallbackException)
            {
                // not this encoding: try the next
            }
        }
        throw AppProblem.Field("file", "文件内容不是文本格式的 CSV（应为 UTF-8 或 GBK/GB18030 编码的文字），请确认上传的是从原系统导出的 CSV 或 Excel（.xlsx）文件", NotTextCode);
    }

    private static bool IsText(string path, Encoding encoding)
    {
        using var stream = File.OpenRead(path);
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 8];
        int n;
        var first = true;
        while (true)
        {
            n = stream.Read(bytes, 0, bytes.Length);
            var count = decoder.GetChars(bytes, 0, n, chars, 0, flush: n == 0);
            for (var i = 0; i < count; i++)
            {
                var c = chars[i];
                if (c < ' ' && c is not ('\t' or '\r' or '\n')) return false;
                if (c == '\uFEFF' && !(first && i == 0)) return false;
            }
            if (count > 0) first = false;
            if (n == 0) return true;
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
