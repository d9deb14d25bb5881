using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Minzheng.Web.Platform.Data;
using Npgsql;

namespace Minzheng.Bench;

/// <summary>
/// The payroll benchmark: for each provider and size a fresh database, a synthetic county of N dibao payees, then
/// the measured generation and the raw-SQL lower bound, each phase in a fresh child process (peak memory per phase).
/// Prints a Markdown table; the exit code is 1 when any payroll's line count or total is wrong (the CI smoke check).
/// </summary>
internal static class PayrollBench
{
    /// <summary>北流市, the largest county of 玉林 by population: one county holds all N payees, one payroll pays them.</summary>
    public const string DefaultCounty = "450981000000";

    private sealed record CaseResult(BenchCase Case, PhaseResult? Setup, PhaseResult? Generate, PhaseResult? Experiments, List<string> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var total = Stopwatch.StartNew();
        var root = args.DataRoot();
        var pg = args.PostgresServer();
        var county = args.Get("county") ?? DefaultCounty;
        var keep = args.Has("keep");
        var results = new List<CaseResult>();
        foreach (var provider in args.Providers())
        {
            foreach (var size in args.Sizes())
            {
                var dir = Path.Combine(root, $"{provider.ToString().ToLowerInvariant()}-{size}");
                var cs = provider == DatabaseProvider.Sqlite
                    ? $"Data Source={Path.Combine(dir, "minzheng.db")}"
                    : new NpgsqlConnectionStringBuilder(pg) { Database = $"minzheng_bench_{size}" }.ConnectionString;
                var c = new BenchCase(provider, size, dir, cs, county);
                results.Add(await RunCaseAsync(c, pg, args.Has("experiments"), keep, args.Get("fault"), args.GetInt("history") ?? 0));
            }
        }
        Console.WriteLine();
        Console.WriteLine(Report(results));
        Console.WriteLine(PayrollBench.MachineLine(total.Elapsed));
        var failed = results.Where(r => !r.Ok).ToList();
        foreach (var r in failed) Console.WriteLine($"FAILED {r.Case.Name}: {string.Join("; ", r.Problems)}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static async Task<CaseResult> RunCaseAsync(BenchCase c, string pg, bool experiments, bool keep, string? fault, int history)
    {
        var problems = new List<string>();
        Log($"== {c.Name}: fresh database");
        await DropAsync(c, pg);
        Directory.CreateDirectory(c.Directory);
        PhaseResult? setup = null, measure = null, extra = null;
        try
        {
            setup = await PhaseAsync(c, "setup", problems, fault is null ? [] : ["--fault", fault]);
            if (setup is { Setup: { } s }) Log(string.Create(CultureInfo.InvariantCulture, $"   setup: people {s.PeopleSeconds:F1} s, entitlements {s.EntitlementsSeconds:F1} s, maintenance {s.MaintenanceSeconds:F1} s; {s.Villages} villages in {s.Towns} townships; {s.Engine}"));
            if (setup is { Ok: true })
            {
                measure = await PhaseAsync(c, "measure", problems, history > 0 ? ["--history", history.ToString(CultureInfo.InvariantCulture)] : null);
                if (measure is not null) Log(string.Create(CultureInfo.InvariantCulture, $"   generator: {measure.WallSeconds:F2} s, {measure.Lines} lines, peak {Mb(measure.PeakKb)} MB; raw SQL: {measure.RawSeconds:F2} s, {measure.RawLines} lines; lean floor: {measure.LeanSeconds:F2} s"));
                if (experiments) extra = await PhaseAsync(c, "experiments", problems);
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
                await DropAsync(c, pg);
            }
        }
        return new CaseResult(c, setup, measure, extra, problems);
    }

    private static Task<PhaseResult?> PhaseAsync(BenchCase c, string phase, List<string> problems, string[]? extra = null) =>
        ChildAsync(["payroll-one", "--phase", phase, "--provider", c.Provider.ToString(), "--size", c.Size.ToString(CultureInfo.InvariantCulture), "--dir", c.Directory, "--cs", c.ConnectionString, "--county", c.County, .. extra ?? []], phase, problems);

    /// <summary>Runs one phase in a child process of this same program; its result is the line after the marker on stdout, its log goes to stderr.</summary>
    internal static async Task<PhaseResult?> ChildAsync(IEnumerable<string> arguments, string phase, List<string> problems)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            psi.ArgumentList.Add(typeof(PayrollBench).Assembly.Location);
        }
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + self);
        PhaseResult? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(PhaseResult.Marker, StringComparison.Ordinal)) result = JsonSerializer.Deserialize<PhaseResult>(line[PhaseResult.Marker.Length..]);
            else Console.Error.WriteLine(line);
        }
        await process.WaitForExitAsync();
        if (result is null) problems.Add($"{phase}: the process ended with exit code {process.ExitCode} and no result");
        else problems.AddRange(result.Problems.Select(p => $"{phase}: {p}"));
        if (result is not null && (!result.Ok || process.ExitCode != 0) && result.Problems.Count == 0) problems.Add($"{phase}: failed (exit code {process.ExitCode})");
        return result;
    }

    internal static async Task DropAsync(BenchCase c, string pg)
    {
        if (c.Provider == DatabaseProvider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(c.ConnectionString).Database!;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Database = "postgres", Pooling = false }.ConnectionString);
                    await conn.OpenAsync();
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                    await cmd.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 30)
                {
                    // an autovacuum worker (a superuser backend) on the fresh tables: FORCE may not end it; it ends by itself
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }
        }
        if (Directory.Exists(c.Directory)) Directory.Delete(c.Directory, recursive: true);
    }

    private static string Report(List<CaseResult> results)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("| provider | beneficiaries | lines | wall s | lines/s | peak MB | raw SQL s | ratio | lean floor s | ratio to floor | next month s (months on file) | next / first |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var g = r.Generate;
            var raw = r.Generate;
            sb.AppendLine(inv, $"| {r.Case.Provider} | {r.Case.Size:N0} | {(g is null ? "—" : g.Lines.ToString("N0", inv))}{(r.Ok ? "" : " ✗")} | {F(g?.WallSeconds)} | {(g is { WallSeconds: > 0 } ? (g.Lines / g.WallSeconds).ToString("N0", inv) : "—")} | {Mb(g?.PeakKb)} | {F(raw?.RawSeconds)} | {(g is not null && raw is { RawSeconds: > 0 } ? (g.WallSeconds / raw.RawSeconds).ToString("F2", inv) + "×" : "—")} | {F(g?.LeanSeconds)} | {(g is { LeanSeconds: > 0 } ? (g.WallSeconds / g.LeanSeconds).ToString("F2", inv) + "×" : "—")} | {(g is { HistoryMonths: > 0 } ? $"{F(g.NextMonthSeconds)} ({g.HistoryMonths + 1})" : "—")} | {(g is { HistoryMonths: > 0, WallSeconds: > 0 } ? (g.NextMonthSeconds / g.WallSeconds).ToString("F2", inv) + "×" : "—")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Details (peak MB = VmHWM of the process that ran the generator, read right after it, host start-up included; baseline = VmRSS after host start-up; the raw bound runs next in the same process):");
        sb.AppendLine();
        sb.AppendLine("| case | setup s (people / entitlements / vacuum) | host start s | baseline MB | create s | allocated MB | gen2 GCs | peak after raw MB | checks |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var s = r.Setup?.Setup;
            var g = r.Generate;
            sb.AppendLine(inv, $"| {r.Case.Name} | {(s is null ? "—" : $"{s.PeopleSeconds.ToString("F1", inv)} / {s.EntitlementsSeconds.ToString("F1", inv)} / {s.MaintenanceSeconds.ToString("F1", inv)}")} | {F(g?.HostStartSeconds)} | {Mb(g?.BaselineRssKb)} | {F(g?.CreateSeconds)} | {(g is null ? "—" : (g.AllocatedBytes / 1048576.0).ToString("F1", inv))} | {g?.Gen2Collections.ToString(inv) ?? "—"} | {Mb(g?.RawPeakKb)} | {(r.Ok ? "lines, sum, distinct sources, held lines ✓" : string.Join("; ", r.Problems))} |");
        }
        sb.AppendLine();
        sb.AppendLine("Where the generator's time goes (from its progress reports):");
        sb.AppendLine();
        sb.AppendLine("| case | step | s | statements | allocated MB |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var r in results.Where(r => r.Generate is not null))
        {
            foreach (var step in r.Generate!.Steps) sb.AppendLine(inv, $"| {r.Case.Name} | {step.Step} | {step.Seconds:F2} | {step.Count} | {step.AllocatedMb:F1} |");
            foreach (var note in r.Generate.Notes) sb.AppendLine(inv, $"| {r.Case.Name} | {note} | | | |");
        }
        foreach (var r in results.Where(r => r.Experiments is not null))
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"Experiments on {r.Case.Name} (NOT the measured scenario; same database afterwards; INSERT variants rolled back):");
            sb.AppendLine();
            sb.AppendLine("| experiment | s | rows | note |");
            sb.AppendLine("|---|---:|---:|---|");
            foreach (var e in r.Experiments!.Experiments) sb.AppendLine(inv, $"| {e.Name} | {e.Seconds:F2} | {e.Rows:N0} | {e.Note} |");
            sb.AppendLine();
            foreach (var note in r.Experiments.Notes) sb.AppendLine("    " + note);
        }
        return sb.ToString();
    }

    internal static string F(double? seconds) => seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "—";

    internal static string Mb(long? kb) => kb is { } k ? (k / 1024.0).ToString("F0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The machine and the run's length, the last line of every benchmark's report.</summary>
    internal static string MachineLine(TimeSpan took) => string.Create(CultureInfo.InvariantCulture,
        $"machine: {Environment.ProcessorCount} logical CPUs, {MemoryGb():F1} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; benchmark took {took.TotalSeconds:F0} s");

    internal static double MemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;

    private static void Log(string message) => Console.Error.WriteLine(message);
}
