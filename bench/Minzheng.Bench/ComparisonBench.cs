using System.Diagnostics;
using System.Globalization;
using System.Text;
using Minzheng.Web.Platform.Data;
using Npgsql;

namespace Minzheng.Bench;

/// <summary>
/// The data comparison benchmark: for each provider a fresh database, a synthetic city (N registered people, R rows of each of
/// the nine dataset kinds), then a measured city-wide run of the twelve rules and the raw-SQL lower bound, each phase in a fresh
/// child process. Prints Markdown tables; the exit code is 1 when any county's findings of any rule differ from the model's.
/// </summary>
internal static class ComparisonBench
{
    public const int DefaultPeople = 7_300_000;
    public const int DefaultRows = 1_000_000;

    private sealed record CaseResult(BenchCase Case, int Rows, PhaseResult? Setup, PhaseResult? Measure, List<string> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var total = Stopwatch.StartNew();
        var root = args.DataRoot();
        var pg = args.PostgresServer();
        var people = args.Int("people", DefaultPeople);
        var rows = args.Int("rows", DefaultRows);
        ComparisonCity.Validate(people, rows);
        var fault = args.Get("fault");
        if (fault is not null and not "findings") throw new ArgumentException($"--fault must be findings, not '{fault}'");
        var results = new List<CaseResult>();
        foreach (var provider in args.Providers(fallback: "postgres"))
        {
            var name = $"comparison-{provider.ToString().ToLowerInvariant()}-{people}-{rows}";
            var dir = Path.Combine(root, name);
            var cs = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dir, "minzheng.db")}"
                : new NpgsqlConnectionStringBuilder(pg) { Database = $"minzheng_bench_cmp_{people}_{rows}" }.ConnectionString;
            results.Add(await RunCaseAsync(new BenchCase(provider, people, dir, cs, ComparisonCity.City), rows, pg, args.Has("keep") || args.Has("reuse"), args.Has("reuse"), fault));
        }
        Console.WriteLine();
        Console.WriteLine(Report(results));
        Console.WriteLine(PayrollBench.MachineLine(total.Elapsed));
        var failed = results.Where(r => !r.Ok).ToList();
        foreach (var r in failed) Console.WriteLine($"FAILED comparison {r.Case.Provider} {r.Case.Size}/{r.Rows}: {string.Join("; ", r.Problems)}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static async Task<CaseResult> RunCaseAsync(BenchCase c, int rows, string pg, bool keep, bool reuse, string? fault)
    {
        var problems = new List<string>();
        Log($"== comparison {c.Provider}: {c.Size:N0} people, {rows:N0} rows per dataset kind: " + (reuse ? "the kept database, findings and runs removed" : "fresh database"));
        if (!reuse) await PayrollBench.DropAsync(c, pg);
        Directory.CreateDirectory(c.Directory);
        PhaseResult? setup = null, measure = null;
        string[] Args(string phase) =>
            ["comparison-one", "--phase", phase, "--provider", c.Provider.ToString(), "--people", c.Size.ToString(CultureInfo.InvariantCulture),
             "--rows", rows.ToString(CultureInfo.InvariantCulture), "--dir", c.Directory, "--cs", c.ConnectionString];
        try
        {
            setup = await PayrollBench.ChildAsync(Args(reuse ? "reset" : "setup"), reuse ? "reset" : "setup", problems);
            if (reuse && setup is not null) setup.Comparison = null;
            if (setup is { Ok: true })
            {
                measure = await PayrollBench.ChildAsync(fault is null ? Args("measure") : [.. Args("measure"), "--fault", fault], "measure", problems);
                if (measure?.Comparison is { } m)
                {
                    Log(string.Create(CultureInfo.InvariantCulture, $"   run: {m.WallSeconds:F1} s, {m.Findings:N0} findings, peak {PayrollBench.Mb(measure.PeakKb)} MB; bound {m.BoundSeconds:F1} s; rerun {m.RerunSeconds:F1} s"));
                }
            }
        }
        finally
        {
            if (keep)
            {
                Log($"   kept: {c.Directory}" + (c.Provider == DatabaseProvider.Postgres ? $" and database {new NpgsqlConnectionStringBuilder(c.ConnectionString).Database}" : ""));
            }
            else
            {
                await PayrollBench.DropAsync(c, pg);
            }
        }
        return new CaseResult(c, rows, setup, measure, problems);
    }

    private static string Report(List<CaseResult> results)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string F(double? s) => PayrollBench.F(s);
        sb.AppendLine("| provider | people | rows per kind | findings | wall s | bound s | ratio | join only s | rerun s | peak MB | setup s | database MB |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var m = r.Measure?.Comparison;
            var s = r.Setup?.Comparison;
            sb.AppendLine(inv, $"| {r.Case.Provider} | {r.Case.Size:N0} | {r.Rows:N0} | {(m is null ? "—" : m.Findings.ToString("N0", inv))}{(r.Ok ? "" : " ✗")} | {F(m?.WallSeconds)} | {F(m?.BoundSeconds)} | {(m is { BoundSeconds: > 0 } ? (m.WallSeconds / m.BoundSeconds).ToString("F2", inv) + "×" : "—")} | {F(m?.JoinSeconds)} | {F(m?.RerunSeconds)} | {PayrollBench.Mb(r.Measure?.PeakKb)} | {F(s?.SetupSeconds)} | {(s is null ? "—" : s.DatabaseMb.ToString("N0", inv))} |");
        }
        sb.AppendLine();
        sb.AppendLine("wall = a city-wide run as the background runner runs it (12 rules, one INSERT … SELECT each for all 7 counties, findings routed to the county of the person's division, plus the run record); bound = the same 12 statements with the whole city as their one part (nothing routed by county), on an empty findings table (run twice, the faster per rule); join only = COUNT(*) of each bound statement's SELECT (no write); peak MB = VmHWM of the process, read right after the run, host start-up included.");
        sb.AppendLine();
        sb.AppendLine("| case | rule | findings | expected | run ms (one statement, all counties) | bound ms | join only ms | join rows |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.Where(r => r.Measure?.Comparison is not null))
        {
            foreach (var rule in r.Measure!.Comparison!.Rules)
            {
                sb.AppendLine(inv, $"| {r.Case.Provider} | {rule.Rule} | {rule.Findings:N0} | {rule.Expected:N0} | {rule.EngineMs:N0} | {rule.BoundMs:N0} | {rule.JoinMs:N0} | {rule.JoinRows:N0} |");
            }
        }
        sb.AppendLine();
        sb.AppendLine("| case | setup step | s | rows |");
        sb.AppendLine("|---|---|---:|---:|");
        foreach (var r in results.Where(r => r.Setup?.Comparison is not null))
        {
            foreach (var step in r.Setup!.Comparison!.SetupSteps) sb.AppendLine(inv, $"| {r.Case.Provider} | {step.Step} | {step.Seconds:F1} | {(step.Count == 0 ? "" : step.Count.ToString("N0", inv))} |");
        }
        sb.AppendLine();
        foreach (var r in results)
        {
            var m = r.Measure?.Comparison;
            var s = r.Setup?.Comparison;
            var notes = new List<string>();
            if (s is not null) notes.Add(string.Create(inv, $"{s.Engine}; {s.Villages} villages in {s.Counties} counties, {s.Households:N0} households, {s.Entitlements:N0} entitlements, {s.Records:N0} dataset records"));
            if (m is not null) notes.Add(string.Create(inv, $"{m.Statements} statements, slowest {m.SlowestStatementMs:N0} ms ({m.SlowestStatement}); host start {r.Measure!.HostStartSeconds:F1} s, baseline {PayrollBench.Mb(r.Measure.BaselineRssKb)} MB, {m.AllocatedBytes / 1048576.0:F1} MB allocated, {m.Gen2Collections} gen-2 GCs; rerun added {m.RerunFindings}; bound wrote {m.BoundRows:N0}"));
            notes.AddRange(r.Measure?.Notes ?? []);
            notes.Add(r.Ok ? "checks: findings per county and rule = model, rerun adds 0, bound per rule = model ✓" : "checks FAILED: " + string.Join("; ", r.Problems));
            foreach (var note in notes) sb.AppendLine(inv, $"- {r.Case.Provider}: {note}");
        }
        return sb.ToString();
    }

    private static void Log(string message) => Console.Error.WriteLine(message);
}
