using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using nietras.SeparatedValues;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>What the dataset-import phases report (inside <see cref="PhaseResult.DatasetImport"/>).</summary>
internal sealed class DatasetImportFigures
{
    public string Kind { get; set; } = "";
    public int Rows { get; set; }
    public long FileBytes { get; set; }
    public string Engine { get; set; } = "";

    // setup
    public double SetupSeconds { get; set; }
    public double CsvSeconds { get; set; }

    // measured: the application's validation job, then its commit job
    public double ValidateSeconds { get; set; }
    public double CommitSeconds { get; set; }
    public long? ValidatePeakKb { get; set; }

    /// <summary>CPU time of this process (user + system) for each: on a shared machine, what the wall time would be alone (the database's own CPU not included).</summary>
    public double ValidateCpuSeconds { get; set; }
    public double CommitCpuSeconds { get; set; }
    public long CommittedRows { get; set; }
    public long AllocatedBytes { get; set; }
    public int Gen2Collections { get; set; }

    // bound
    public double BoundSeconds { get; set; }
    public long BoundRows { get; set; }
    public double BoundReadSeconds { get; set; }
}

/// <summary>
/// The dataset import benchmark (issue 19): for each provider a fresh database with N registered people (the comparison
/// city's, their keyed ID hashes made real), a CSV of N rows of one dataset kind (≈ 90 % naming a registered person), then in
/// fresh processes the raw lower bound (the same rows read, hashed and written without validation, rolled back) and the
/// application's own validation and commit jobs exactly as the job queue runs them. Exit code 1 when the rows in the
/// database, the dataset's row count or the rows matching registered people differ from the model.
/// </summary>
internal static class DatasetImportBench
{
    public const int DefaultRows = 1_000_000;
    public const string FileName = "bench-dataset.csv";

    private sealed record CaseResult(BenchCase Case, DatasetKind Kind, PhaseResult? Setup, PhaseResult? Bound, PhaseResult? Measure, List<string> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var total = Stopwatch.StartNew();
        var root = args.DataRoot();
        var pg = args.PostgresServer();
        var rows = args.Int("rows", DefaultRows);
        var kind = KindOf(args.Get("kind") ?? "vehicles");
        var people = People(rows);
        ComparisonCity.Validate(people, rows);
        var results = new List<CaseResult>();
        foreach (var provider in args.Providers(fallback: "both"))
        {
            var name = $"dataset-import-{provider.ToString().ToLowerInvariant()}-{rows}";
            var dir = Path.Combine(root, name);
            var cs = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dir, "minzheng.db")}"
                : new NpgsqlConnectionStringBuilder(pg) { Database = $"minzheng_bench_imp_{rows}" }.ConnectionString;
            results.Add(await RunCaseAsync(new BenchCase(provider, rows, dir, cs, ComparisonCity.City), kind, pg, args.Has("keep")));
        }
        Console.WriteLine();
        Console.WriteLine(Report(results));
        Console.WriteLine(PayrollBench.MachineLine(total.Elapsed));
        var failed = results.Where(r => !r.Ok).ToList();
        foreach (var r in failed) Console.WriteLine($"FAILED dataset-import {r.Case.Provider} {r.Case.Size}: {string.Join("; ", r.Problems)}");
        return failed.Count == 0 ? 0 : 1;
    }

    /// <summary>Registered people: as many as rows (at least the comparison city's minimum), so ≈ 90 % of the rows name one.</summary>
    private static int People(int rows) => Math.Max(rows, 1000);

    private static DatasetKind KindOf(string code) =>
        DatasetKinds.FindCode(code)?.Kind ?? throw new ArgumentException($"--kind must be one of {string.Join(", ", DatasetKinds.All.Select(k => k.Code))}, not '{code}'");

    private static async Task<CaseResult> RunCaseAsync(BenchCase c, DatasetKind kind, string pg, bool keep)
    {
        var problems = new List<string>();
        Log($"== dataset-import {c.Provider}: {c.Size:N0} rows of {DatasetKinds.Of(kind).Code}, fresh database");
        await PayrollBench.DropAsync(c, pg);
        Directory.CreateDirectory(c.Directory);
        PhaseResult? setup = null, bound = null, measure = null;
        string[] Args(string phase) =>
            ["dataset-import-one", "--phase", phase, "--provider", c.Provider.ToString(), "--rows", c.Size.ToString(CultureInfo.InvariantCulture),
             "--kind", DatasetKinds.Of(kind).Code, "--dir", c.Directory, "--cs", c.ConnectionString];
        try
        {
            setup = await PayrollBench.ChildAsync(Args("setup"), "setup", problems);
            if (setup is { Ok: true })
            {
                // the bound first, while the table is as empty as the commit will find it (rolled back or dropped afterwards)
                bound = await PayrollBench.ChildAsync(Args("bound"), "bound", problems);
                measure = await PayrollBench.ChildAsync(Args("measure"), "measure", problems);
                if (measure?.DatasetImport is { } m)
                {
                    Log(string.Create(CultureInfo.InvariantCulture, $"   validate {m.ValidateSeconds:F1} s, commit {m.CommitSeconds:F1} s, peak {PayrollBench.Mb(measure.PeakKb)} MB; bound {bound?.DatasetImport?.BoundSeconds:F1} s"));
                }
            }
        }
        finally
        {
            if (keep) Log($"   kept: {c.Directory}" + (c.Provider == DatabaseProvider.Postgres ? $" and database {new NpgsqlConnectionStringBuilder(c.ConnectionString).Database}" : ""));
            else await PayrollBench.DropAsync(c, pg);
        }
        return new CaseResult(c, kind, setup, bound, measure, problems);
    }

    private static string Report(List<CaseResult> results)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string F(double? s) => s is { } v ? v.ToString("F1", inv) : "—";
        sb.AppendLine("| provider | kind | rows | validate s | commit s | total s | rows/s | peak MB | raw bound s | ratio |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var m = r.Measure?.DatasetImport;
            var b = r.Bound?.DatasetImport;
            var totalSeconds = m is null ? (double?)null : m.ValidateSeconds + m.CommitSeconds;
            sb.AppendLine(inv, $"| {r.Case.Provider} | {DatasetKinds.Of(r.Kind).Code} | {r.Case.Size:N0}{(r.Ok ? "" : " ✗")} | {F(m?.ValidateSeconds)} | {F(m?.CommitSeconds)} | {F(totalSeconds)} | {(totalSeconds is > 0 ? (r.Case.Size / totalSeconds.Value).ToString("N0", inv) : "—")} | {PayrollBench.Mb(r.Measure?.PeakKb)} | {F(b?.BoundSeconds)} | {(m is not null && b is { BoundSeconds: > 0 } ? (m.CommitSeconds / b.BoundSeconds).ToString("F2", inv) + "×" : "—")} |");
        }
        sb.AppendLine();
        sb.AppendLine("validate = the import job's validation (every row read and checked, errors recorded); commit = the commit job (the file read and checked again, every row written in one transaction, the dataset made current, the file deleted); rows/s = rows / (validate + commit); peak MB = VmHWM of the measuring process right after the commit, host start-up included; raw bound = the same file read (Sep, by column), each ID number hashed and masked and each row written with no validation, in one transaction rolled back (SQLite, prepared INSERT) or into an empty copy of the table dropped afterwards (PostgreSQL, binary COPY); ratio = commit / raw bound.");
        sb.AppendLine();
        foreach (var r in results)
        {
            var notes = new List<string>();
            if (r.Setup?.DatasetImport is { } s) notes.Add(string.Create(inv, $"{s.Engine}; setup {s.SetupSeconds:F0} s ({People(r.Case.Size):N0} registered people), CSV {s.FileBytes / 1048576.0:F0} MB written in {s.CsvSeconds:F1} s"));
            if (r.Measure?.DatasetImport is { } m) notes.Add(string.Create(inv, $"host start {r.Measure.HostStartSeconds:F1} s, baseline {PayrollBench.Mb(r.Measure.BaselineRssKb)} MB, peak after validation {PayrollBench.Mb(m.ValidatePeakKb)} MB, process CPU validate {m.ValidateCpuSeconds:F1} s / commit {m.CommitCpuSeconds:F1} s, {m.AllocatedBytes / 1048576.0:F0} MB allocated, {m.Gen2Collections} gen-2 GCs"));
            if (r.Bound?.DatasetImport is { } b) notes.Add(string.Create(inv, $"bound: {b.BoundRows:N0} rows, of which reading the file alone {b.BoundReadSeconds:F1} s; peak {PayrollBench.Mb(r.Bound.PeakKb)} MB"));
            notes.AddRange(r.Measure?.Notes ?? []);
            notes.Add(r.Ok ? "checks: rows in the database = dataset row count = batch committed rows = file rows; rows matching registered people = model; file deleted ✓" : "checks FAILED: " + string.Join("; ", r.Problems));
            foreach (var note in notes) sb.AppendLine(inv, $"- {r.Case.Provider}: {note}");
        }
        return sb.ToString();
    }

    private static void Log(string message) => Console.Error.WriteLine(message);
}

/// <summary>One phase of the dataset-import benchmark, each in its own process: setup (not measured), bound, measure.</summary>
internal static class DatasetImportPhases
{
    private const string Officer = "bench.city.officer";
    private const string Source = "玉林市公安局交警支队（基准测试合成数据）";

    /// <summary>A city officer with the import permission: who uploads, maps and commits; the job queue runs the jobs as them.</summary>
    private static readonly ActingIdentity Identity = new(null, Officer, ComparisonCity.City, new HashSet<string> { ComparisonPermissions.Import, ComparisonPermissions.Read });

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var phase = args.Require("phase");
        var rows = args.RequireInt("rows");
        var kind = DatasetKinds.FindCode(args.Require("kind"))?.Kind ?? throw new ArgumentException("unknown --kind");
        var c = new BenchCase(BenchArgs.Provider(args.Require("provider")), rows, args.Require("dir"), args.Require("cs"), ComparisonCity.City);
        var result = new PhaseResult { Phase = phase, DatasetImport = new DatasetImportFigures { Kind = DatasetKinds.Of(kind).Code, Rows = rows } };
        var ct = CancellationToken.None;
        var start = Stopwatch.StartNew();
        await using var app = await BenchHost.StartAsync(c);
        result.HostStartSeconds = start.Elapsed.TotalSeconds;
        result.BaselineRssKb = ProcessMemory.CurrentKb;
        var divisions = app.Services.GetRequiredService<DivisionDirectory>();
        var city = new ComparisonCity(Math.Max(rows, 1000), rows, divisions.Descendants(ComparisonCity.City, DivisionLevel.Village),
            divisions.Descendants(ComparisonCity.City, DivisionLevel.County).Select(d => d.Code));
        switch (phase)
        {
            case "setup":
                await SetupAsync(app, c, city, kind, result, ct);
                break;
            case "bound":
                await BoundAsync(app, c, kind, result, ct);
                break;
            case "measure":
                await MeasureAsync(app, city, kind, result, ct);
                break;
            default:
                throw new ArgumentException($"unknown phase '{phase}'");
        }
        result.PeakKb ??= ProcessMemory.PeakKb;
        Console.Out.WriteLine(PhaseResult.Marker + JsonSerializer.Serialize(result));
        return result.Ok ? 0 : 1;
    }

    /// <summary>
    /// The registry (the comparison city's people, their ID hashes replaced by the application's keyed hash of the number the
    /// CSV gives them), the CSV in the data directory's file store and the uploaded batch (as the upload step leaves it).
    /// </summary>
    private static async Task SetupAsync(WebApplication app, BenchCase c, ComparisonCity city, DatasetKind kind, PhaseResult result, CancellationToken ct)
    {
        var r = result.DatasetImport!;
        var total = Stopwatch.StartNew();
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        if (await db.Persons.IgnoreQueryFilters().AnyAsync(ct) || await db.Set<ComparisonRecord>().AnyAsync(ct))
        {
            result.Fail("the database is not fresh (people or dataset records already there)");
            return;
        }
        var hasher = scope.ServiceProvider.GetRequiredService<IdentifierProtector>().HasherFor(ProtectedKind.IdNumber);
        var d = SyntheticCity.Dialect.For(c.Provider);
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            r.Engine = await SyntheticCity.ScalarAsync(conn, c.Provider == DatabaseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT version()", ct);
            if (c.Provider == DatabaseProvider.Sqlite) await SyntheticCity.ExecAsync(conn, "PRAGMA cache_size = -524288", ct);
            var sw = Stopwatch.StartNew();
            await SyntheticCity.ExecAsync(conn, city.PeopleSql(d), ct);
            Log($"   registry_person: {city.People:N0} in {sw.Elapsed.TotalSeconds:F1} s");
            sw.Restart();
            await RealHashesAsync(conn, c.Provider, city, hasher, ct);
            Log($"   keyed ID hashes: {sw.Elapsed.TotalSeconds:F1} s");
            await SyntheticCity.ExecAsync(conn, c.Provider == DatabaseProvider.Sqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "VACUUM (ANALYZE) registry_person", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // the file as the department sends it, stored where the upload step stores files; the upload itself is not measured (and a
        // file of a million rows is larger than FileStore.MaxBytes: see docs/benchmarks.md)
        var options = scope.ServiceProvider.GetRequiredService<PlatformOptions>();
        var relative = $"files/bench/{Guid.CreateVersion7():N}";
        var path = Path.Combine(options.DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var csv = Stopwatch.StartNew();
        r.FileBytes = city.WriteCsv(kind, path);
        r.CsvSeconds = csv.Elapsed.TotalSeconds;
        Log(string.Create(CultureInfo.InvariantCulture, $"   CSV: {r.FileBytes / 1048576.0:F0} MB in {r.CsvSeconds:F1} s"));
        string sha;
        await using (var stream = File.OpenRead(path)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        var headers = TabularFile.Headers(path, DatasetImportBench.FileName);
        var file = new StoredFile { FileName = DatasetImportBench.FileName, ContentType = "text/csv", Size = r.FileBytes, Sha256 = sha, RelativePath = relative, CreatedAt = DateTime.UtcNow, CreatedBy = Officer };
        var info = DatasetKinds.Of(kind);
        var batch = new ImportBatch
        {
            Kind = info.ImportKind,
            FileId = file.Id,
            FileName = DatasetImportBench.FileName,
            HeadersJson = JsonSerializer.Serialize(headers),
            MappingJson = JsonSerializer.Serialize(ImportFieldGuess.Guess(info.Fields, headers)),
            ParametersJson = JsonSerializer.Serialize(new DatasetParameters(Source, scope.ServiceProvider.GetRequiredService<BusinessClock>().Today.AddDays(-3)), AuditRecorder.Json),
            DivisionCode = ComparisonCity.City,
            CreatedBy = Officer,
        };
        db.Files.Add(file);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        r.SetupSeconds = total.Elapsed.TotalSeconds;
        var persons = await db.Persons.IgnoreQueryFilters().LongCountAsync(ct);
        if (persons != city.People) result.Fail($"setup wrote {persons} people, expected {city.People}");
        var sample = city.IdNumberOf(0);
        var hash = hasher.Hash(sample);
        if (!await db.Persons.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == hash, ct)) result.Fail("setup: person 0 is not found by the keyed hash of its ID number");
    }

    /// <summary>Replaces the generator's stand-in hashes with the keyed hash of each person's ID number (the registry's real form).</summary>
    private static async Task RealHashesAsync(DbConnection conn, DatabaseProvider provider, ComparisonCity city, KeyedHasher hasher, CancellationToken ct)
    {
        if (conn is NpgsqlConnection npgsql)
        {
            await SyntheticCity.ExecAsync(conn, "CREATE TEMP TABLE bench_id_hash (synthetic bytea NOT NULL, real bytea NOT NULL)", ct);
            await using (var copy = await npgsql.BeginBinaryImportAsync("COPY bench_id_hash (synthetic, real) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (long i = 0; i < city.People; i++)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(ComparisonCity.SyntheticIdHash(i), NpgsqlDbType.Bytea, ct);
                    await copy.WriteAsync(hasher.Hash(city.IdNumberOf(i)), NpgsqlDbType.Bytea, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await SyntheticCity.ExecAsync(conn, "ANALYZE bench_id_hash", ct);
            await SyntheticCity.ExecAsync(conn, "UPDATE registry_person p SET id_number_hash = h.real FROM bench_id_hash h WHERE p.id_number_hash = h.synthetic", ct);
            await SyntheticCity.ExecAsync(conn, "DROP TABLE bench_id_hash", ct);
            return;
        }
        _ = provider;
        await SyntheticCity.ExecAsync(conn, "CREATE TEMP TABLE bench_id_hash (synthetic BLOB PRIMARY KEY, real BLOB NOT NULL) WITHOUT ROWID", ct);
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await using var insert = conn.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO bench_id_hash (synthetic, real) VALUES ($s, $r)";
            var s = insert.CreateParameter();
            s.ParameterName = "$s";
            var h = insert.CreateParameter();
            h.ParameterName = "$r";
            insert.Parameters.Add(s);
            insert.Parameters.Add(h);
            insert.Prepare();
            for (long i = 0; i < city.People; i++)
            {
                s.Value = ComparisonCity.SyntheticIdHash(i);
                h.Value = hasher.Hash(city.IdNumberOf(i));
                insert.ExecuteNonQuery();
            }
            await tx.CommitAsync(ct);
        }
        await SyntheticCity.ExecAsync(conn, "UPDATE registry_person SET id_number_hash = (SELECT h.real FROM bench_id_hash h WHERE h.synthetic = registry_person.id_number_hash)", ct);
        await SyntheticCity.ExecAsync(conn, "DROP TABLE bench_id_hash", ct);
    }

    /// <summary>
    /// The application's validation job and commit job for the uploaded batch, each exactly as the job queue runs it: the mapping
    /// step (ImportService) queues the job, the handler (ImportJob) runs in a fresh scope acting as the officer.
    /// </summary>
    private static async Task MeasureAsync(WebApplication app, ComparisonCity city, DatasetKind kind, PhaseResult result, CancellationToken ct)
    {
        var r = result.DatasetImport!;
        result.Notes.Add("load average before: " + SyntheticCity.LoadAverage());
        Guid batchId;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            batchId = await db.ImportBatches.Where(b => b.FileName == DatasetImportBench.FileName).Select(b => b.Id).SingleAsync(ct);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        await AsOfficerAsync(app, async sp =>
        {
            var imports = sp.GetRequiredService<ImportService>();
            var batch = await imports.LoadAsync(batchId, ct);
            await imports.MapAndValidateAsync(batchId, ImportService.MappingOf(batch).ToDictionary(m => m.Key, m => (string?)m.Value), ct);
        });
        await RunQueuedJobAsync(app, batchId, ct);
        r.ValidateSeconds = sw.Elapsed.TotalSeconds;
        r.ValidatePeakKb = ProcessMemory.PeakKb;
        r.ValidateCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Log(string.Create(CultureInfo.InvariantCulture, $"   validate: {r.ValidateSeconds:F1} s"));

        sw.Restart();
        await AsOfficerAsync(app, sp => sp.GetRequiredService<ImportService>().CommitAsync(batchId, onlyValidRows: false, ct));
        await RunQueuedJobAsync(app, batchId, ct);
        r.CommitSeconds = sw.Elapsed.TotalSeconds;
        result.PeakKb = ProcessMemory.PeakKb;
        r.CommitCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        r.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        r.Gen2Collections = GC.CollectionCount(2) - gen2;
        result.Notes.Add("load average after: " + SyntheticCity.LoadAverage());
        Log(string.Create(CultureInfo.InvariantCulture, $"   commit: {r.CommitSeconds:F1} s"));

        // checks, counted in the database
        await using var check = app.SystemScope();
        var cdb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        cdb.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var done = await cdb.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        if (done.Status != ImportStatus.Committed) result.Fail($"batch {done.Status}: {done.Message}");
        if (done.TotalRows != city.Rows || done.ErrorRows != 0) result.Fail($"batch: {done.TotalRows} rows, {done.ErrorRows} with errors; expected {city.Rows}, 0 ({done.Message})");
        var dataset = await cdb.Set<ComparisonDataset>().AsNoTracking().SingleOrDefaultAsync(x => x.ImportBatchId == batchId, ct);
        if (dataset is null)
        {
            result.Fail("no dataset was recorded");
            return;
        }
        r.CommittedRows = await cdb.Set<ComparisonRecord>().LongCountAsync(x => x.DatasetId == dataset.Id, ct);
        if (r.CommittedRows != city.Rows || dataset.RowCount != city.Rows || done.CommittedRows != city.Rows)
        {
            result.Fail($"rows in the database {r.CommittedRows}, dataset row count {dataset.RowCount}, batch committed rows {done.CommittedRows}; expected {city.Rows}");
        }
        if (dataset.Status != DatasetStatus.Current || dataset.Kind != kind || dataset.Version != 1) result.Fail($"dataset: {dataset.Kind} version {dataset.Version} {dataset.Status}");
        var matched = await cdb.Set<ComparisonRecord>().Where(x => x.DatasetId == dataset.Id)
            .Join(cdb.Persons.IgnoreQueryFilters(), x => x.IdNumberHash, p => p.IdNumberHash, (x, p) => x.Id).LongCountAsync(ct);
        var expected = city.RegisteredRows(kind);
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{matched:N0} rows name a registered person (model: {expected:N0})"));
        if (matched != expected) result.Fail($"{matched} rows match a registered person by the keyed hash, the model says {expected}");
        var first = await cdb.Set<ComparisonRecord>().Where(x => x.DatasetId == dataset.Id).MinAsync(x => x.Line, ct);
        var last = await cdb.Set<ComparisonRecord>().Where(x => x.DatasetId == dataset.Id).MaxAsync(x => x.Line, ct);
        if (first != 2 || last != city.Rows + 1) result.Fail($"lines {first}–{last}, expected 2–{city.Rows + 1}");
        var stored = await cdb.Files.AsNoTracking().SingleAsync(f => f.Id == done.FileId, ct);
        if (File.Exists(check.ServiceProvider.GetRequiredService<FileStore>().PathOf(stored))) result.Fail("the uploaded file (ID numbers in clear) was not deleted after the commit");
    }

    private static async Task AsOfficerAsync(WebApplication app, Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(Identity);
        await work(scope.ServiceProvider);
    }

    /// <summary>What <see cref="JobWorker"/> does with the batch's queued job, less the lease: the handler in a fresh scope as the job's identity.</summary>
    private static async Task RunQueuedJobAsync(WebApplication app, Guid batchId, CancellationToken ct)
    {
        Job job;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            job = await db.Jobs.SingleAsync(j => j.SubjectId == batchId && j.Status == JobStatus.Queued, ct);
            job.Status = JobStatus.Running;
            job.Attempts++;
            await db.SaveChangesAsync(ct);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            JobWorker.EnterJobScope(scope.ServiceProvider, Identity);
            await scope.ServiceProvider.GetRequiredService<ImportJob>().RunAsync(new JobRun(job, Identity), ct);
        }
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded), ct);
        }
    }

    /// <summary>
    /// The raw lower bound: the same file read with Sep by column (no dictionaries, no checks), each ID number hashed (the keyed
    /// hash, key set up once) and masked, each row written: PostgreSQL binary COPY into an empty copy of the table with the same
    /// indexes (dropped afterwards), SQLite a prepared INSERT in one transaction, rolled back.
    /// </summary>
    private static async Task BoundAsync(WebApplication app, BenchCase c, DatasetKind kind, PhaseResult result, CancellationToken ct)
    {
        var r = result.DatasetImport!;
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.FileName == DatasetImportBench.FileName, ct);
        var path = scope.ServiceProvider.GetRequiredService<FileStore>().PathOf(file);
        var hasher = scope.ServiceProvider.GetRequiredService<IdentifierProtector>().HasherFor(ProtectedKind.IdNumber);
        var info = DatasetKinds.Of(kind);

        // reading alone, for scale
        var read = Stopwatch.StartNew();
        long n = 0;
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path))
        {
            foreach (var row in reader) n += row[0].Span.Length > 0 ? 1 : 0;
        }
        r.BoundReadSeconds = read.Elapsed.TotalSeconds;

        var datasetId = Guid.CreateVersion7();
        var sw = Stopwatch.StartNew();
        if (c.Provider == DatabaseProvider.Postgres)
        {
            await using var conn = new NpgsqlConnection(c.ConnectionString);
            await conn.OpenAsync(ct);
            await SyntheticCity.ExecAsync(conn, "DROP TABLE IF EXISTS comparison_record_bound; CREATE TABLE comparison_record_bound (LIKE comparison_record INCLUDING ALL)", ct);
            sw.Restart();
            await using (var tx = await conn.BeginTransactionAsync(ct))
            {
                await using (var copy = await conn.BeginBinaryImportAsync(
                    "COPY comparison_record_bound (dataset_id, line, id_number_hash, id_number_masked, name, event_date, end_date, category, status, grade, amount_fen, reference) FROM STDIN (FORMAT BINARY)", ct))
                {
                    foreach (var v in Values(path, info, hasher))
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(datasetId, NpgsqlDbType.Uuid, ct);
                        await copy.WriteAsync(v.Line, NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(v.Hash, NpgsqlDbType.Bytea, ct);
                        await copy.WriteAsync(v.Masked, NpgsqlDbType.Varchar, ct);
                        await copy.WriteAsync(v.Name, NpgsqlDbType.Varchar, ct);
                        await WriteAsync(copy, v.EventDate, NpgsqlDbType.Date, ct);
                        await WriteAsync(copy, v.EndDate, NpgsqlDbType.Date, ct);
                        await WriteAsync(copy, v.Category, NpgsqlDbType.Varchar, ct);
                        await WriteAsync(copy, v.Status, NpgsqlDbType.Varchar, ct);
                        await WriteAsync(copy, v.Grade, NpgsqlDbType.Integer, ct);
                        await WriteAsync(copy, v.AmountFen, NpgsqlDbType.Bigint, ct);
                        await WriteAsync(copy, v.Reference, NpgsqlDbType.Varchar, ct);
                    }
                    r.BoundRows = (long)await copy.CompleteAsync(ct);
                }
                await tx.CommitAsync(ct);
            }
            r.BoundSeconds = sw.Elapsed.TotalSeconds;
            await SyntheticCity.ExecAsync(conn, "DROP TABLE comparison_record_bound", ct);
        }
        else
        {
            // the application's own connection (its pragmas), as the commit uses it
            var conn = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            sw.Restart();
            await using (var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct))
            {
                await using var insert = conn.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO comparison_record (dataset_id, line, id_number_hash, id_number_masked, name, event_date, end_date, category, status, grade, amount_fen, reference) VALUES ($d, $l, $h, $m, $n, $e, $x, $c, $s, $g, $a, $r)";
                var p = "dlhmnexcsgar".Select(ch => insert.Parameters.Add(new SqliteParameter("$" + ch, null))).ToArray();
                insert.Prepare();
                p[0].Value = datasetId.ToString().ToUpperInvariant();
                foreach (var v in Values(path, info, hasher))
                {
                    p[1].Value = v.Line;
                    p[2].Value = v.Hash;
                    p[3].Value = v.Masked;
                    p[4].Value = v.Name;
                    p[5].Value = (object?)v.EventDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
                    p[6].Value = (object?)v.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
                    p[7].Value = (object?)v.Category ?? DBNull.Value;
                    p[8].Value = (object?)v.Status ?? DBNull.Value;
                    p[9].Value = (object?)v.Grade ?? DBNull.Value;
                    p[10].Value = (object?)v.AmountFen ?? DBNull.Value;
                    p[11].Value = (object?)v.Reference ?? DBNull.Value;
                    r.BoundRows += insert.ExecuteNonQuery();
                }
                await tx.RollbackAsync(ct);
            }
            r.BoundSeconds = sw.Elapsed.TotalSeconds;
        }
        if (r.BoundRows != n) result.Fail($"bound wrote {r.BoundRows} rows of {n}");
        Log(string.Create(CultureInfo.InvariantCulture, $"   bound: {r.BoundSeconds:F1} s ({r.BoundRows:N0} rows; reading alone {r.BoundReadSeconds:F1} s)"));
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);

    private sealed record RowValues(int Line, byte[] Hash, string Masked, string Name, DateOnly? EventDate, DateOnly? EndDate, string? Category, string? Status, int? Grade, long? AmountFen, string? Reference);

    /// <summary>The file's rows as typed values, taken by column position from the header (the file is the benchmark's own: every value is well-formed).</summary>
    private static IEnumerable<RowValues> Values(string path, DatasetKinds.Info info, KeyedHasher hasher)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var columns = new[] { "idNumber", "name", "eventDate", "endDate", "category", "status", "grade", "amount", "reference" }
            .Select(key => info.Fields.FirstOrDefault(f => f.Key == key) is { } f ? reader.Header.IndexOf(f.Synonyms[0]) : -1).ToArray();
        foreach (var row in reader) yield return ValuesOf(row, columns, hasher);
    }

    private static RowValues ValuesOf(SepReader.Row row, int[] c, KeyedHasher hasher)
    {
        var idNumber = row[c[0]].ToString();
        return new RowValues(row.LineNumberFrom, hasher.Hash(idNumber), IdNumber.Mask(idNumber), row[c[1]].ToString(), Date(row, c[2]), Date(row, c[3]),
            Text(row, c[4]), Text(row, c[5]), Text(row, c[6]) is { } g ? int.Parse(g, CultureInfo.InvariantCulture) : null,
            Text(row, c[7]) is { } a ? (long)(decimal.Parse(a, CultureInfo.InvariantCulture) * 100) : null, Text(row, c[8]));

        static string? Text(SepReader.Row row, int c) => c < 0 || row[c].Span.Length == 0 ? null : row[c].ToString();

        static DateOnly? Date(SepReader.Row row, int c) => Text(row, c) is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    private static void Log(string message) => Console.Error.WriteLine(message);
}
