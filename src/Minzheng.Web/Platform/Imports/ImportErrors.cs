using System.Text.Json;
using System.Text.RegularExpressions;

namespace Minzheng.Web.Platform.Imports;

/// <summary>How many errors of one kind (column and message, the value left out) were counted beyond the ones kept in full.</summary>
public sealed record ImportErrorCount(string Column, string Message, int Count);

/// <summary>
/// The errors of one validation, capped: the first <see cref="MaxStored"/> by line are kept in full (line, column, value,
/// message), every further one is only counted per kind. A garbage file of 50,000 rows once produced 473,425 error rows (and as
/// many audit entries, about 1 GB); no file can now add more than <see cref="MaxStored"/> rows however bad it is, and the
/// clerk still learns how many errors of each kind the rest holds.
/// </summary>
public sealed partial class ImportErrors(Guid batchId)
{
    public const int MaxStored = 1000;

    // the kept errors, the one with the highest line on top: a new error with a lower line pushes it out into the counts
    private readonly PriorityQueue<ImportRowError, (int Line, long Order)> _kept = new(Comparer<(int Line, long Order)>.Create((a, b) => b.CompareTo(a)));
    private readonly Dictionary<(string Column, string Message), int> _counted = [];
    private readonly HashSet<int> _lines = [];
    private long _order;

    /// <summary>All errors, kept and counted.</summary>
    public int Count { get; private set; }

    /// <summary>The number of distinct lines with at least one error.</summary>
    public int ErrorRows => _lines.Count;

    public bool HasErrorOn(int line) => _lines.Contains(line);

    public void Add(int line, string column, string? value, string message)
    {
        Count++;
        _lines.Add(line);
        var error = new ImportRowError { BatchId = batchId, Line = line, Column = column, Value = value is { Length: > 200 } ? value[..200] : value, Message = message };
        var key = (line, _order++);
        if (_kept.Count < MaxStored)
        {
            _kept.Enqueue(error, key);
            return;
        }
        _kept.TryPeek(out _, out var highest);
        if (key.CompareTo(highest) < 0)
        {
            var pushed = _kept.DequeueEnqueue(error, key);
            CountOnly(pushed);
        }
        else CountOnly(error);
    }

    private void CountOnly(ImportRowError e)
    {
        var kind = (e.Column, KindOf(e.Message));
        _counted[kind] = _counted.GetValueOrDefault(kind) + 1;
    }

    /// <summary>The kept errors by line.</summary>
    public List<ImportRowError> Kept() => [.. _kept.UnorderedItems.OrderBy(x => x.Priority.Line).ThenBy(x => x.Priority.Order).Select(x => x.Element)];

    /// <summary>The counted ones per kind, most frequent first; past <see cref="MaxKinds"/> kinds the rest are one line “其他错误”.</summary>
    public List<ImportErrorCount> Counted()
    {
        var all = _counted.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Column, StringComparer.Ordinal).ThenBy(c => c.Key.Message, StringComparer.Ordinal)
            .Select(c => new ImportErrorCount(c.Key.Column, c.Key.Message, c.Value)).ToList();
        if (all.Count <= MaxKinds) return all;
        return [.. all.Take(MaxKinds - 1), new ImportErrorCount("", "其他错误", all.Skip(MaxKinds - 1).Sum(c => c.Count))];
    }

    public const int MaxKinds = 50;

    /// <summary>A message as a kind: the quoted value and line references replaced, so that “日期“2020-13-01”…” and “日期“abc”…” count together.</summary>
    public static string KindOf(string message) => LineReference().Replace(QuotedValue().Replace(message, "“…”"), "第 N 行");

    public static List<ImportErrorCount> CountedOf(ImportBatch batch) =>
        string.IsNullOrEmpty(batch.ErrorOverflowJson) ? [] // batches validated before the cap existed
            : JsonSerializer.Deserialize<List<ImportErrorCount>>(batch.ErrorOverflowJson, Audit.AuditRecorder.Json) ?? [];

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"第\s*\d+\s*行")]
    private static partial Regex LineReference();
}
