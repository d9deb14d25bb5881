using Minzheng.Web.Modules.Payments;

namespace Minzheng.Bench;

/// <summary>What one phase of one case reports to the parent process (one JSON line on stdout).</summary>
internal sealed class PhaseResult
{
    public const string Marker = "##BENCH-RESULT ";

    public required string Phase { get; init; }
    public bool Ok { get; set; } = true;
    public List<string> Problems { get; set; } = [];
    public double HostStartSeconds { get; set; }
    public long? BaselineRssKb { get; set; }
    public long? PeakKb { get; set; }

    public SyntheticCity.Timings? Setup { get; set; }

    public double WallSeconds { get; set; }
    public double CreateSeconds { get; set; }
    public List<StepTime> Steps { get; set; } = [];
    public int Towns { get; set; }
    public long Lines { get; set; }
    public long TotalFen { get; set; }
    public long ExpectedLines { get; set; }
    public long ExpectedFen { get; set; }
    public long AllocatedBytes { get; set; }
    public int Gen2Collections { get; set; }

    public double RawSeconds { get; set; }
    public long RawLines { get; set; }
    public long? RawPeakKb { get; set; }

    /// <summary>The lean floor (issue 19): the same rows into a table with a bigint key, one unique and one payroll index, no explanation.</summary>
    public double LeanSeconds { get; set; }
    public long LeanLines { get; set; }

    /// <summary>Months generated after the measured one (--history), and the last of them: the next month's payroll with that many months on file.</summary>
    public int HistoryMonths { get; set; }
    public double HistorySeconds { get; set; }
    public double NextMonthSeconds { get; set; }
    public long NextMonthLines { get; set; }
    public long? NextMonthPeakKb { get; set; }

    public List<ExperimentResult> Experiments { get; set; } = [];

    /// <summary>The comparison scenario's figures (null for payroll).</summary>
    public ComparisonFigures? Comparison { get; set; }

    /// <summary>The dataset-import scenario's figures (null for the others).</summary>
    public DatasetImportFigures? DatasetImport { get; set; }
    public List<string> Notes { get; set; } = [];

    public void Fail(string problem)
    {
        Ok = false;
        Problems.Add(problem);
    }
}

internal sealed record StepTime(string Step, double Seconds, int Count, double AllocatedMb = 0);

internal sealed record ExperimentResult(string Name, double Seconds, long Rows, string Note);

/// <summary>Timestamps the generator's progress reports: the time from one report to the next is the step just reported.</summary>
internal sealed class StepTimer(System.Diagnostics.Stopwatch clock) : IProgress<GenerationProgress>
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["生成当月发放明细"] = "benefit (count by township, then INSERT…SELECT per group of townships)",
        ["补发"] = "arrears (earlier months)",
        ["重新发放失败明细"] = "retries + mark requeued",
        ["差额补发与追缴"] = "reconcile entitlements",
        ["追缴抵扣"] = "recovery offsets",
        ["价格临时补贴"] = "price subsidy",
    };

    private readonly List<(string Step, TimeSpan At, long Allocated)> _marks = [];
    private TimeSpan _start = clock.Elapsed;
    private long _allocated = GC.GetTotalAllocatedBytes();

    public void Restart()
    {
        _start = clock.Elapsed;
        _allocated = GC.GetTotalAllocatedBytes();
    }

    public void Report(GenerationProgress value) => _marks.Add((value.Step, clock.Elapsed, GC.GetTotalAllocatedBytes()));

    /// <summary>Durations per step (townships summed), the rest up to now as FinishAsync (COUNT, SUM, audit, save).</summary>
    public List<StepTime> Steps()
    {
        var result = new List<StepTime>();
        var previous = _start;
        var allocated = _allocated;
        foreach (var (step, at, bytes) in _marks)
        {
            var name = Names.GetValueOrDefault(step, step);
            var seconds = (at - previous).TotalSeconds;
            var mb = (bytes - allocated) / 1048576.0;
            previous = at;
            allocated = bytes;
            var i = result.FindIndex(s => s.Step == name);
            if (i >= 0) result[i] = result[i] with { Seconds = result[i].Seconds + seconds, Count = result[i].Count + 1, AllocatedMb = result[i].AllocatedMb + mb };
            else result.Add(new StepTime(name, seconds, 1, mb));
        }
        result.Add(new StepTime("finish (COUNT, SUM, audit, save)", (clock.Elapsed - previous).TotalSeconds, 1, (GC.GetTotalAllocatedBytes() - allocated) / 1048576.0));
        return result;
    }

    /// <summary>The slowest single township statement, for the per-town spread.</summary>
    public (double Min, double Max) TownSpread()
    {
        var towns = new List<double>();
        var previous = _start;
        foreach (var (step, at, _) in _marks)
        {
            if (step == "生成当月发放明细") towns.Add((at - previous).TotalSeconds);
            previous = at;
        }
        return towns.Count == 0 ? (0, 0) : (towns.Min(), towns.Max());
    }
}
