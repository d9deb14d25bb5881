using System.Globalization;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Bench;

/// <summary>"--name value" pairs and "--flag" switches; anything unknown is an error, so a typo never runs the wrong benchmark.</summary>
internal sealed class BenchArgs
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=minzheng;Password=minzheng";
    public const string PostgresVariable = "MINZHENG_BENCH_POSTGRES";

    private static readonly HashSet<string> Flags = ["keep", "experiments", "reuse", "no-bound", "fresh"];
    private static readonly HashSet<string> Values = ["provider", "sizes", "size", "phase", "dir", "cs", "data", "pg", "county", "fault", "people", "rows", "rule", "kind", "history", "cases", "lookups", "connections", "duration", "warmup", "scenarios", "user", "set"];

    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _flags = [];

    public static BenchArgs Parse(IEnumerable<string> args)
    {
        var result = new BenchArgs();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{arg}'");
            var name = arg[2..];
            if (Flags.Contains(name))
            {
                result._flags.Add(name);
            }
            else if (Values.Contains(name))
            {
                if (!e.MoveNext()) throw new ArgumentException($"--{name} needs a value");
                result._values[name] = e.Current;
            }
            else
            {
                throw new ArgumentException($"unknown option '{arg}'");
            }
        }
        return result;
    }

    public static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              Minzheng.Bench payroll --provider sqlite|postgres|both --sizes 100000,1000000 [--keep] [--experiments] [--history 12]
                                     [--county 450981000000] [--data DIR] [--pg "Host=…;Username=…;Password=…"]

              --sizes 2000            smoke run (CI): exit code 1 when a payroll's line count or sum is wrong
              --keep                  keep the databases (SQLite files under --data, PostgreSQL minzheng_bench_<n>)
              --experiments           after the measured scenario, time alternatives on the same database (not the measured figure)
              --history N             after the measured month, N more monthly payrolls; the last is timed as "next month with N+1 months on file"
              --pg                    PostgreSQL connection without database (default: $MINZHENG_BENCH_POSTGRES or the local minzheng role)
              --fault lines|sum       self-test of the check: corrupt one entitlement after setup (deleted, or 1 fen more); the run must fail

              Minzheng.Bench comparison [--provider postgres|sqlite|both] [--people 7300000] [--rows 1000000] [--keep] [--fault findings]
                                        [--data DIR] [--pg "Host=…;Username=…;Password=…"]

              --people N              registered people of the synthetic city (default 7,300,000; provider default: postgres)
              --rows N                rows of each of the nine dataset kinds (default 1,000,000)
              --people 20000 --rows 5000 --provider both   smoke run (CI): exit code 1 when any county's findings of any rule differ from the model
              --fault findings        self-test of the check: one finding deleted after the run; the run must fail
              --reuse                 measure again on a database kept with --keep (findings and runs removed first; no setup figures)

              Minzheng.Bench http-load [--people 1000000] [--cases 100000] [--connections 16,64] [--duration 20] [--warmup 5]
                                       [--scenarios me,lookup,person-list,person-page,case-list,case-page,dashboard] [--user city|county]
                                       [--keep] [--reuse] [--no-bound] [--data DIR] [--pg "Host=…;Username=…;Password=…"]

              --people, --cases       registered people (the comparison city) and assistance cases of the PostgreSQL database
              --connections           concurrent keep-alive connections, one row each (closed loop: the next request when the answer is read)
              --duration, --warmup    seconds measured per row, after seconds not recorded; any non-2xx answer fails the run
              --reuse                 drive a database kept with --keep again (no setup)
              --no-bound              skip the raw-SQL bound (Npgsql, same number of workers)

              Minzheng.Bench dataset-import [--provider sqlite|postgres|both] [--rows 1000000] [--kind vehicles] [--keep]
                                            [--data DIR] [--pg "Host=…;Username=…;Password=…"]

              --rows N                rows of the CSV (default 1,000,000; as many registered people, at least 1,000)
              --kind CODE             the dataset kind (deaths, certificates, vehicles, real-estate, businesses, public-payroll,
                                      pensions, detention, poverty; default vehicles)
              --rows 20000 --provider both   smoke run (CI): exit code 1 when the rows in the database or those matching registered people are wrong

            internal (one phase of one case, run by "payroll" in a fresh process so peak memory is per phase):
              Minzheng.Bench payroll-one --phase setup|measure|experiments --provider sqlite|postgres --size N --dir DIR --cs CONNECTION [--county CODE] [--fault lines|sum]
              Minzheng.Bench comparison-one --phase setup|measure --provider sqlite|postgres --people N --rows N --dir DIR --cs CONNECTION [--fault findings]
              Minzheng.Bench http-load-one --phase setup --people N --cases M --dir DIR --cs CONNECTION [--lookups 20000]
              Minzheng.Bench comparison-one --phase explain --provider postgres --people N --rows N --dir DIR --cs CONNECTION [--county CODE] [--rule a,b]
                                                [--fresh] [--set enable_nestloop=on,jit=off]
                                      EXPLAIN (ANALYZE, BUFFERS) of the engine's statements for one county (or the city) on a database kept with --keep;
                                      --fresh deletes the rule's findings first (the first run's plan), --set plans with SET LOCAL settings after the engine's own enable_nestloop=off (all rolled back)
              Minzheng.Bench dataset-import-one --phase setup|bound|measure --provider sqlite|postgres --rows N --kind CODE --dir DIR --cs CONNECTION
            """);
        return 2;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>Where a benchmark keeps its SQLite files and generated inputs (--data, default $TMPDIR/minzheng-bench).</summary>
    public string DataRoot() => Path.GetFullPath(Get("data") ?? Path.Combine(Path.GetTempPath(), "minzheng-bench"));

    /// <summary>The PostgreSQL server without a database (--pg, $MINZHENG_BENCH_POSTGRES, or the local minzheng role).</summary>
    public string PostgresServer() => Get("pg") ?? Environment.GetEnvironmentVariable(PostgresVariable) ?? DefaultPostgres;

    public int? GetInt(string name) => Get(name) is { } v ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public int RequireInt(string name) => int.Parse(Require(name), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A whole number option ("7300000", "7_300_000" or "7,300,000"), or the default.</summary>
    public int Int(string name, int fallback) => Get(name) is { } text
        ? int.Parse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture)
        : fallback;

    public IReadOnlyList<DatabaseProvider> Providers(string fallback = "both") => (Get("provider") ?? fallback).ToLowerInvariant() switch
    {
        "sqlite" => [DatabaseProvider.Sqlite],
        "postgres" or "postgresql" or "pg" => [DatabaseProvider.Postgres],
        "both" => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        var other => throw new ArgumentException($"--provider must be sqlite, postgres or both, not '{other}'"),
    };

    public static DatabaseProvider Provider(string text) => text.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"unknown provider '{text}'"),
    };


    public IReadOnlyList<int> Sizes()
    {
        var sizes = (Get("sizes") ?? "2000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Count == 0 || sizes.Any(s => s is < 1 or > SyntheticCity.MaxPeople)) throw new ArgumentException($"--sizes must be between 1 and {SyntheticCity.MaxPeople}");
        return sizes;
    }
}
