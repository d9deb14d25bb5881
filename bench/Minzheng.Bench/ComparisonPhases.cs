using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Bench;

/// <summary>What the comparison phases report (inside <see cref="PhaseResult.Comparison"/>).</summary>
internal sealed class ComparisonFigures
{
    public int People { get; set; }
    public int Rows { get; set; }

    // setup
    public List<StepTime> SetupSteps { get; set; } = [];
    public double SetupSeconds { get; set; }
    public int Villages { get; set; }
    public int Counties { get; set; }
    public long Households { get; set; }
    public long Entitlements { get; set; }
    public long Records { get; set; }
    public long DatabaseMb { get; set; }
    public string Engine { get; set; } = "";

    // measured run
    public double WallSeconds { get; set; }
    public long Findings { get; set; }
    public long ExpectedFindings { get; set; }
    public int Statements { get; set; }
    public long AllocatedBytes { get; set; }
    public int Gen2Collections { get; set; }
    public List<RuleTime> Rules { get; set; } = [];
    public double SlowestStatementMs { get; set; }
    public string SlowestStatement { get; set; } = "";

    // rerun
    public double RerunSeconds { get; set; }
    public long RerunFindings { get; set; }

    // bounds
    public double BoundSeconds { get; set; }
    public long BoundRows { get; set; }
    public double JoinSeconds { get; set; }
    public long JoinRows { get; set; }
}

internal sealed record RuleTime(string Rule, long EngineMs, long Findings, long Expected, long BoundMs, long BoundRows, long JoinMs, long JoinRows);

/// <summary>
/// One phase of the comparison benchmark, each in its own process: setup (the synthetic city, not measured) and measure
/// (a city-wide run exactly as <see cref="ComparisonJob"/> runs a queued job, peak memory read right after it; the checks;
/// a rerun; then the lower bound: each rule's own statement once for the whole city, twice, the faster per rule).
/// </summary>
internal static class ComparisonPhases
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var phase = args.Require("phase");
        var people = args.RequireInt("people");
        var rows = args.RequireInt("rows");
        var c = new BenchCase(BenchArgs.Provider(args.Require("provider")), people, args.Require("dir"), args.Require("cs"), ComparisonCity.City);
        var result = new PhaseResult { Phase = phase, Comparison = new ComparisonFigures { People = people, Rows = rows } };
        var ct = CancellationToken.None;
        var start = Stopwatch.StartNew();
        await using var app = await BenchHost.StartAsync(c);
        result.HostStartSeconds = start.Elapsed.TotalSeconds;
        result.BaselineRssKb = ProcessMemory.CurrentKb;
        var city = Model(app, people, rows);
        switch (phase)
        {
            case "setup":
                await SetupAsync(app, c, city, result, ct);
                break;
            case "measure":
                await MeasureAsync(app, c, city, result, args.Get("fault"), ct);
                break;
            case "reset":
                await ResetAsync(app, c, ct);
                break;
            case "explain":
                await ExplainAsync(app, c, args.Get("county") ?? city.Counties[0], args.Get("rule"), args.Get("set"), args.Has("fresh"), result, ct);
                break;
            default:
                throw new ArgumentException($"unknown phase '{phase}'");
        }
        result.PeakKb ??= ProcessMemory.PeakKb;
        Console.Out.WriteLine(PhaseResult.Marker + JsonSerializer.Serialize(result));
        return result.Ok ? 0 : 1;
    }

    private static ComparisonCity Model(WebApplication app, int people, int rows)
    {
        var divisions = app.Services.GetRequiredService<DivisionDirectory>();
        return new ComparisonCity(people, rows, divisions.Descendants(ComparisonCity.City, DivisionLevel.Village),
            divisions.Descendants(ComparisonCity.City, DivisionLevel.County).Select(d => d.Code));
    }

    private static async Task SetupAsync(WebApplication app, BenchCase c, ComparisonCity city, PhaseResult result, CancellationToken ct)
    {
        var r = result.Comparison!;
        var total = Stopwatch.StartNew();
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Persons.IgnoreQueryFilters().AnyAsync(ct) || await db.Set<ComparisonRecord>().AnyAsync(ct))
        {
            result.Fail("the database is not fresh (people or dataset records already there)");
            return;
        }
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        var sw = Stopwatch.StartNew();
        void Step(string name, long count = 0)
        {
            r.SetupSteps.Add(new StepTime(name, sw.Elapsed.TotalSeconds, (int)Math.Min(count, int.MaxValue)));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {name}: {sw.Elapsed.TotalSeconds:F1} s"));
            sw.Restart();
        }

        // the figures the rules read: the assistance demo figures (the way AssistanceInitializer adds them with demo on) for the
        // dibao standard and the property limits; the disability figures (care up to grade 2) ship on every installation
        string[] kinds = [StandardKinds.DibaoMonthly.Code, StandardKinds.MaxVehicles.Code, StandardKinds.MaxHouses.Code, StandardKinds.BusinessAllowed.Code];
        db.Set<Minzheng.Web.Platform.Figures.Figure>().AddRange(StandardDefaults.DemoFigures().Where(s => kinds.Contains(s.Kind)).Select(s => { s.IsDemo = true; return s; }));
        // every county exempts disabled people's vehicles and motorcycles from the vehicle rule (a county setting, as on the rules page)
        foreach (var county in city.Counties)
        {
            db.Add(new ComparisonRuleSetting { CountyCode = county, RuleCode = "vehicle", Parameter = ComparisonCity.VehicleExempt, UpdatedBy = "bench" });
        }
        var datasets = ComparisonCity.Kinds.Select(k => new ComparisonDataset
        {
            Kind = k,
            Source = $"{DatasetKinds.Of(k).TypicalSource}（{ComparisonCity.Source}）",
            AsOf = clock.Today.AddDays(-3),
            Version = 1,
            Status = DatasetStatus.Current,
            DivisionCode = ComparisonCity.City,
            RowCount = city.Rows,
            FileName = $"{DatasetKinds.Of(k).Code}.xlsx",
            ImportedBy = "bench",
            ImportedAt = clock.UtcNow,
        }).ToList();
        db.AddRange(datasets);
        await db.SaveChangesAsync(ct);
        Step("figures, rule settings, 9 datasets (EF)");

        var d = SyntheticCity.Dialect.For(c.Provider);
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            r.Engine = await ScalarAsync(conn, c.Provider == DatabaseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT version()", ct);
            if (c.Provider == DatabaseProvider.Sqlite) await ExecAsync(conn, "PRAGMA cache_size = -524288", ct);
            await ExecAsync(conn, city.PeopleSql(d), ct);
            Step("registry_person", city.People);
            await ExecAsync(conn, city.HouseholdsSql(d), ct);
            Step("registry_household", city.Households);
            await ExecAsync(conn, city.MembersSql(d), ct);
            Step("registry_household_member", city.People);
            await ExecAsync(conn, city.HouseholdEntitlementsSql(d), ct);
            await ExecAsync(conn, city.PersonEntitlementsSql(d), ct);
            Step("entitlement_period");
            for (var k = 0; k < ComparisonCity.Kinds.Length; k++)
            {
                await ExecAsync(conn, city.RecordsSql(d, k, datasets[k].Id), ct);
                Step($"comparison_record: {DatasetKinds.Of(ComparisonCity.Kinds[k]).Name}", city.Rows);
            }
            if (c.Provider == DatabaseProvider.Sqlite)
            {
                // the application never runs ANALYZE on SQLite, so neither does the benchmark
                await ExecAsync(conn, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
            }
            else
            {
                // what autovacuum does to freshly loaded tables shortly after (statistics, visibility map, hint bits)
                foreach (var table in new[] { "registry_person", "registry_household", "registry_household_member", "entitlement_period", "comparison_record", "comparison_dataset", "comparison_finding", "comparison_rule_setting", "platform_figure" })
                {
                    await ExecAsync(conn, $"VACUUM (ANALYZE) {table}", ct);
                }
            }
            Step(c.Provider == DatabaseProvider.Sqlite ? "WAL checkpoint" : "VACUUM (ANALYZE)");
            r.DatabaseMb = c.Provider == DatabaseProvider.Sqlite
                ? long.Parse(await ScalarAsync(conn, "SELECT page_count * page_size / 1048576 FROM pragma_page_count(), pragma_page_size()", ct), CultureInfo.InvariantCulture)
                : long.Parse(await ScalarAsync(conn, "SELECT pg_database_size(current_database()) / 1048576", ct), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        r.SetupSeconds = total.Elapsed.TotalSeconds;
        r.Villages = city.Villages.Count;
        r.Counties = city.Counties.Count;
        r.Households = city.Households;

        // the data must be what the model says, or the findings check would prove nothing
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var persons = await db.Persons.IgnoreQueryFilters().LongCountAsync(ct);
        var households = await db.Households.IgnoreQueryFilters().LongCountAsync(ct);
        var members = await db.HouseholdMembers.IgnoreQueryFilters().LongCountAsync(ct);
        r.Entitlements = await db.Set<EntitlementPeriod>().IgnoreQueryFilters().LongCountAsync(ct);
        r.Records = await db.Set<ComparisonRecord>().LongCountAsync(ct);
        if (persons != city.People || members != city.People) result.Fail($"setup wrote {persons} people and {members} members, expected {city.People}");
        if (households != city.Households) result.Fail($"setup wrote {households} households, expected {city.Households}");
        var entitlements = city.EntitlementCount();
        if (r.Entitlements != entitlements) result.Fail($"setup wrote {r.Entitlements} entitlements, expected {entitlements}");
        if (r.Records != (long)city.Rows * ComparisonCity.Kinds.Length) result.Fail($"setup wrote {r.Records} dataset records, expected {(long)city.Rows * ComparisonCity.Kinds.Length}");
        // EF reads the rows back (ids, dates, blobs, enums written the way EF writes them)
        var sample = await db.Persons.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id).Take(50).ToListAsync(ct);
        var records = await db.Set<ComparisonRecord>().AsNoTracking().OrderBy(x => x.Id).Take(50).ToListAsync(ct);
        var hashes = records.Select(x => x.IdNumberHash).ToList();
        var periods = await db.Set<EntitlementPeriod>().IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id).Take(50).ToListAsync(ct);
        if (sample.Count != 50 || sample.Any(p => p.IdNumberHash is not { Length: 32 } || p.BirthDate.Year < 1930 || !Enum.IsDefined(p.LifeStatus) || p.DivisionCode.Length != 12)
            || records.Any(x => x.IdNumberHash.Length != 32 || x.DatasetId == Guid.Empty) || periods.Any(e => e.FromMonth != ComparisonCity.From))
        {
            result.Fail("setup: EF does not read the synthetic rows back as written");
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {persons:N0} people, {households:N0} households, {r.Entitlements:N0} entitlements, {r.Records:N0} records; {r.DatabaseMb:N0} MB"));
    }

    private static async Task MeasureAsync(WebApplication app, BenchCase c, ComparisonCity city, PhaseResult result, string? fault, CancellationToken ct)
    {
        var r = result.Comparison!;
        result.Notes.Add("load average before the run: " + LoadAverage());
        var clock = app.Services.GetRequiredService<BusinessClock>();
        // a city officer starts the run (ComparisonRuns.StartAsync), the job queue runs the job as that officer
        var officer = new ActingIdentity(null, "bench.city.officer", ComparisonCity.City, new HashSet<string> { ComparisonPermissions.Run, ComparisonPermissions.Read, ComparisonPermissions.Resolve });

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        var clockRun = Stopwatch.StartNew();
        var runId = await RunAsync(app, officer, clock, ct);
        clockRun.Stop();
        result.PeakKb = ProcessMemory.PeakKb;
        r.WallSeconds = clockRun.Elapsed.TotalSeconds;
        r.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        r.Gen2Collections = GC.CollectionCount(2) - gen2;
        result.Notes.Add("load average after the run: " + LoadAverage());
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   run: {r.WallSeconds:F1} s"));

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        var run = await db.Set<ComparisonRun>().AsNoTracking().SingleAsync(x => x.Id == runId, ct);
        // read as the run page reads it (camelCase): with the default options every field would stay empty and the checks below pass vacuously
        var reports = JsonSerializer.Deserialize<List<RuleReport>>(run.ReportJson, Minzheng.Web.Platform.Audit.AuditRecorder.Json) ?? [];
        if (reports.Count == 0 || reports.Any(x => x.CountyCode is null || x.RuleCode is null)) result.Fail("run: the report has no county and rule lines");
        if (run.Status != RunStatus.Finished) result.Fail($"run: status {run.Status} ({run.Message})");
        foreach (var skipped in reports.Where(x => x.Skipped is not null)) result.Fail($"run: {skipped.CountyCode} {skipped.RuleCode} skipped: {skipped.Skipped}");
        // one statement per rule for every county: each county's line of a rule carries that statement's time
        r.Statements = reports.Where(x => x.Skipped is null).Select(x => x.RuleCode).Distinct().Count();
        r.Findings = run.NewFindings;
        var slowest = reports.MaxBy(x => x.Milliseconds);
        if (slowest is not null)
        {
            r.SlowestStatementMs = slowest.Milliseconds;
            r.SlowestStatement = $"{slowest.RuleCode}, all counties";
        }

        if (fault is not null)
        {
            if (fault != "findings") throw new ArgumentException($"--fault must be findings, not '{fault}'");
            // the check's own test: one finding goes missing after the run; the per-county check and the rerun must both notice
            await db.Database.ExecuteSqlRawAsync("DELETE FROM comparison_finding WHERE id = (SELECT MIN(id) FROM comparison_finding)", ct);
            Console.Error.WriteLine("   fault injected: one finding deleted");
        }

        // expected findings: the rules' meaning over the generator's model, with the figures the application's own lookups return
        var engine = scope.ServiceProvider.GetRequiredService<ComparisonEngine>();
        var today = clock.Today;
        var first = city.Counties[0];
        var limits = scope.ServiceProvider.GetRequiredService<IMeansTestLimits>().For(first, today);
        var book = scope.ServiceProvider.GetRequiredService<FigureBook>();
        var setting = await db.Set<ComparisonRuleSetting>().AsNoTracking().Where(s => s.RuleCode == "vehicle").Select(s => s.Parameter).Distinct().ToListAsync(ct);
        if (setting.Count != 1) result.Fail("the counties' vehicle exemptions differ; the model assumes one setting");
        var figures = new ComparisonCity.Figures(limits.RuralStandard?.Value.Fen, limits.MaxVehicles?.Value, limits.MaxHouses?.Value, limits.BusinessAllowed?.Value,
            book.Find(Minzheng.Web.Modules.Disability.Contracts.DisabilityFigures.CareMaxGrade, first, today)?.Number, book.Find(Minzheng.Web.Modules.Disability.Contracts.DisabilityFigures.CareMild, first, today)?.Yes ?? false,
            (setting.FirstOrDefault() ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var modelClock = Stopwatch.StartNew();
        var expected = city.Expected(today, figures);
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"expected findings computed without the database in {modelClock.Elapsed.TotalSeconds:F1} s"));
        r.ExpectedFindings = expected.Values.Sum();

        // checks: findings per county and rule, counted in the database
        var actual = (await db.Set<ComparisonFinding>().AsNoTracking().Where(f => f.RunId == runId)
            .GroupBy(f => new { f.CountyCode, f.RuleCode }).Select(g => new { g.Key.CountyCode, g.Key.RuleCode, N = g.LongCount() }).ToListAsync(ct))
            .ToDictionary(x => (x.CountyCode, x.RuleCode), x => x.N);
        var differences = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key.County} {e.Key.Rule}: {actual.GetValueOrDefault(e.Key)} findings, expected {e.Value}")
            .Concat(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k.CountyCode} {k.RuleCode}: {actual[k]} unexpected findings")).ToList();
        foreach (var difference in differences.Take(20)) result.Fail("run: " + difference);
        if (differences.Count > 20) result.Fail($"run: {differences.Count - 20} more differences");
        if (run.NewFindings != r.ExpectedFindings) result.Fail($"run: NewFindings {run.NewFindings}, expected {r.ExpectedFindings}");
        foreach (var report in reports.Where(x => x.NewFindings != actual.GetValueOrDefault((x.CountyCode, x.RuleCode))))
        {
            result.Fail($"run: {report.CountyCode} {report.RuleCode} reported {report.NewFindings} new findings, {actual.GetValueOrDefault((report.CountyCode, report.RuleCode))} in the database");
        }

        // a rerun over the same data adds nothing
        var rerunClock = Stopwatch.StartNew();
        var rerunId = await RunAsync(app, officer, clock, ct);
        r.RerunSeconds = rerunClock.Elapsed.TotalSeconds;
        var rerun = await db.Set<ComparisonRun>().AsNoTracking().SingleAsync(x => x.Id == rerunId, ct);
        r.RerunFindings = rerun.NewFindings;
        if (rerun.Status != RunStatus.Finished || rerun.NewFindings != 0) result.Fail($"rerun: status {rerun.Status}, {rerun.NewFindings} new findings, expected 0");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   rerun: {r.RerunSeconds:F1} s, {rerun.NewFindings} new findings"));

        // lower bound: each rule's own statement (ComparisonEngine.Build) once for the whole city as one part (the city's division
        // range, one row in its county list, so nothing is routed by county), on an empty findings table again; first the join
        // alone (COUNT(*) of its SELECT, no write), then the INSERT itself, twice (the findings emptied again in between), the
        // faster time of the two per rule
        var empty = c.Provider == DatabaseProvider.Sqlite ? "DELETE FROM comparison_finding" : "TRUNCATE comparison_finding";
        await db.Database.ExecuteSqlRawAsync(empty, ct);
        var datasets = await db.Set<ComparisonDataset>().AsNoTracking().Where(x => x.Status == DatasetStatus.Current).ToListAsync(ct);
        var settings = await db.Set<ComparisonRuleSetting>().AsNoTracking().ToListAsync(ct);
        var boundRun = Guid.CreateVersion7();
        var statements = ComparisonRules.All.Select(rule =>
        {
            var parts = engine.Prepare(rule, city.Counties, settings, datasets, today).Parts;
            if (parts.Count != city.Counties.Count || parts.Any(x => x with { County = parts[0].County, Exempt = parts[0].Exempt } != parts[0] || !x.Exempt.SequenceEqual(parts[0].Exempt)))
            {
                result.Fail($"bound: {rule.Code} does not run alike in every county; the bound assumes one dataset and one set of figures");
                return (rule.Code, Sql: (string?)null, Parameters: Array.Empty<object>());
            }
            var (sql, parameters) = engine.Build(rule, new ComparisonEngine.Pass(DivisionScope.Of(ComparisonCity.City), today, boundRun, clock.UtcNow, [parts[0] with { County = ComparisonCity.City }]));
            return (rule.Code, Sql: (string?)sql, Parameters: parameters);
        }).ToList();
        // the people benefits cover, gathered once as the engine does for a run (part of the bound: counted in each pass's total)
        var coveredClock = Stopwatch.StartNew();
        await ComparisonEngine.CreateCoveredAsync(db, DivisionScope.Of(ComparisonCity.City), ComparisonEngine.RouteLength([ComparisonCity.City]), ct);
        var coveredMs = coveredClock.ElapsedMilliseconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   covered people gathered in {coveredMs / 1000.0:F1} s"));
        var joins = new Dictionary<string, (long Ms, long Rows)>();
        foreach (var (code, sql, parameters) in statements.Where(s => s.Sql is not null))
        {
            var select = JoinOnly(sql!);
            var sw = Stopwatch.StartNew();
            await using var tx = await ComparisonEngine.HashJoinsOnlyAsync(db, ct);
            var n = (await db.Database.SqlQueryRaw<long>(select, parameters).ToListAsync(ct)).Single();
            if (tx is not null) await tx.CommitAsync(ct);
            joins[code] = (sw.ElapsedMilliseconds, n);
        }
        r.JoinSeconds = (coveredMs + joins.Values.Sum(x => x.Ms)) / 1000.0;
        r.JoinRows = joins.Values.Sum(x => x.Rows);
        var bound = new Dictionary<string, (long Ms, long Rows)>();
        for (var pass = 1; pass <= 2; pass++)
        {
            if (pass == 2) await db.Database.ExecuteSqlRawAsync(empty, ct);
            foreach (var (code, sql, parameters) in statements.Where(s => s.Sql is not null))
            {
                var sw = Stopwatch.StartNew();
                // planned as the engine plans its statements (hash joins only on PostgreSQL, ADR 078)
                await using var tx = await ComparisonEngine.HashJoinsOnlyAsync(db, ct);
                var n = await db.Database.ExecuteSqlRawAsync(sql!, parameters, ct);
                if (tx is not null) await tx.CommitAsync(ct);
                var ms = sw.ElapsedMilliseconds;
                if (bound.TryGetValue(code, out var earlier) && earlier.Rows != n) result.Fail($"bound: {code} inserted {earlier.Rows} findings in the first pass, {n} in the second");
                bound[code] = (bound.TryGetValue(code, out var before) ? Math.Min(before.Ms, ms) : ms, n);
            }
        }
        await ComparisonEngine.DropCoveredAsync(db);
        r.BoundSeconds = (coveredMs + bound.Values.Sum(x => x.Ms)) / 1000.0;
        r.BoundRows = bound.Values.Sum(x => x.Rows);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   bound: {r.BoundSeconds:F1} s ({r.BoundRows} findings), join only {r.JoinSeconds:F1} s"));

        foreach (var rule in ComparisonRules.All)
        {
            var want = expected.Where(e => e.Key.Rule == rule.Code).Sum(e => e.Value);
            var got = actual.Where(a => a.Key.RuleCode == rule.Code).Sum(a => a.Value);
            var (bms, brows) = bound.GetValueOrDefault(rule.Code);
            var (jms, jrows) = joins.GetValueOrDefault(rule.Code);
            r.Rules.Add(new RuleTime(rule.Code, reports.Where(x => x.RuleCode == rule.Code).Select(x => x.Milliseconds).DefaultIfEmpty().Max(), got, want, bms, brows, jms, jrows));
            if (brows != want) result.Fail($"bound: {rule.Code} inserted {brows} findings for the city, expected {want}");
        }
    }

    /// <summary>For --reuse: a kept database back to the state after setup (no findings, no runs; PostgreSQL vacuumed).</summary>
    private static async Task ResetAsync(WebApplication app, BenchCase c, CancellationToken ct)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.ExecuteSqlRawAsync(c.Provider == DatabaseProvider.Sqlite ? "DELETE FROM comparison_finding" : "TRUNCATE comparison_finding", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM comparison_run", ct);
        if (c.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) comparison_finding", ct);
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) comparison_run", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
    }

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of the engine's own statements for one county (PostgreSQL; each in a transaction that is rolled
    /// back, so the database keeps its findings): where a rule's time goes.
    /// </summary>
    /// <paramref name="set"/>: planner settings for the transaction (<c>enable_nestloop=off,jit=off</c>); <paramref name="fresh"/>: the rule's
    /// findings deleted first (in the same transaction), so the plan is the first run's, which inserts them all.
    private static async Task ExplainAsync(WebApplication app, BenchCase c, string county, string? rules, string? set, bool fresh, PhaseResult result, CancellationToken ct)
    {
        if (c.Provider != DatabaseProvider.Postgres) throw new ArgumentException("--phase explain needs PostgreSQL");
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ComparisonEngine>();
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        var datasets = await db.Set<ComparisonDataset>().AsNoTracking().Where(x => x.Status == DatasetStatus.Current).ToListAsync(ct);
        var settings = await db.Set<ComparisonRuleSetting>().AsNoTracking().ToListAsync(ct);
        var wanted = rules?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        // the people benefits cover, as the engine gathers them before its rules
        var counties = engine.CountiesOf(county);
        var coveredClock = Stopwatch.StartNew();
        await ComparisonEngine.CreateCoveredAsync(db, DivisionScope.Of(county), ComparisonEngine.RouteLength(counties), ct);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- covered people gathered in {coveredClock.ElapsedMilliseconds} ms"));
        foreach (var rule in ComparisonRules.All.Where(r => wanted is null || wanted.Contains(r.Code)))
        {
            // the engine's own statement for the division (a county, or the city: all its counties in one statement)
            var plan = engine.Prepare(rule, counties, settings, datasets, clock.Today);
            if (plan.Parts.Count == 0)
            {
                Console.Out.WriteLine($"-- {rule.Code}: skipped ({string.Join("; ", plan.Lines.Select(l => l.Skipped).Distinct())})");
                continue;
            }
            var (sql, parameters) = engine.Build(rule, new ComparisonEngine.Pass(DivisionScope.Of(county), clock.Today, Guid.CreateVersion7(), clock.UtcNow, plan.Parts));
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandTimeout = 0;
            var text = sql;
            for (var i = parameters.Length - 1; i >= 0; i--)
            {
                text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", "@p" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                var p = cmd.CreateParameter();
                p.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
                p.Value = parameters[i];
                cmd.Parameters.Add(p);
            }
            // as the engine plans it (ComparisonEngine.HashJoinsOnlyAsync); --set enable_nestloop=on shows the planner's own choice
            foreach (var setting in ("enable_nestloop=off," + set).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                await using var s = conn.CreateCommand();
                s.Transaction = tx;
                s.CommandText = "SET LOCAL " + setting;
                await s.ExecuteNonQueryAsync(ct);
            }
            if (fresh)
            {
                await using var d = conn.CreateCommand();
                d.Transaction = tx;
                d.CommandTimeout = 0;
                d.CommandText = "DELETE FROM comparison_finding WHERE rule_code = @rule";
                var r = d.CreateParameter();
                r.ParameterName = "rule";
                r.Value = rule.Code;
                d.Parameters.Add(r);
                Console.Out.WriteLine($"-- {await d.ExecuteNonQueryAsync(ct)} findings of {rule.Code} deleted first");
            }
            cmd.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + text;
            Console.Out.WriteLine($"-- {rule.Code} in {county}");
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) Console.Out.WriteLine(reader.GetString(0));
            }
            await tx.RollbackAsync(ct);
            Console.Out.WriteLine();
        }
        result.Notes.Add("plans printed above");
    }

    /// <summary>Starts a run as ComparisonRuns.StartAsync records it and runs the job as the job queue does; returns its id.</summary>
    private static async Task<Guid> RunAsync(WebApplication app, ActingIdentity officer, BusinessClock clock, CancellationToken ct)
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(officer);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var run = new ComparisonRun { DivisionCode = ComparisonCity.City, StartedBy = officer.UserName, StartedAt = clock.UtcNow };
            db.Set<ComparisonRun>().Add(run);
            await db.SaveChangesAsync(ct);
            id = run.Id;
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            JobWorker.EnterJobScope(scope.ServiceProvider, officer);
            await scope.ServiceProvider.GetRequiredService<ComparisonJob>().ExecuteAsync(id, null, ct);
        }
        return id;
    }

    /// <summary>The statement's SELECT alone, counted: its WITH kept, "INSERT INTO comparison_finding (…)" and "ON CONFLICT DO NOTHING" removed.</summary>
    internal static string JoinOnly(string insert)
    {
        var into = insert.IndexOf("INSERT INTO comparison_finding", StringComparison.Ordinal);
        var start = into < 0 ? -1 : insert.IndexOf("SELECT", into, StringComparison.Ordinal);
        var end = insert.LastIndexOf("ON CONFLICT DO NOTHING", StringComparison.Ordinal);
        if (!insert.StartsWith("WITH ", StringComparison.Ordinal) || start < 0 || end < start) throw new InvalidOperationException("unexpected statement shape");
        return $"{insert[..into]}SELECT COUNT(*) AS \"Value\" FROM ({insert[start..end]}) AS joined";
    }

    private static string LoadAverage() => SyntheticCity.LoadAverage();

    private static Task ExecAsync(DbConnection conn, string sql, CancellationToken ct) => SyntheticCity.ExecAsync(conn, sql, ct);

    private static Task<string> ScalarAsync(DbConnection conn, string sql, CancellationToken ct) => SyntheticCity.ScalarAsync(conn, sql, ct);
}
