using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Bench;

/// <summary>
/// One phase of one case, each in its own process (VmHWM cannot be reset): setup (synthetic county, not measured; its
/// large loading cache stays out of the measured process), measure (the measured scenario: CreateDraftAsync +
/// PayrollGenerator.RunAsync, peak memory read right after it; then the lower bound: the generator's own benefit
/// INSERT … SELECT as one statement for the whole county, another month) and, on request, experiments.
/// </summary>
internal static class PayrollPhases
{
    /// <summary>The measured payroll's month; every synthetic entitlement runs from 2024-01…2026-10, open-ended.</summary>
    public static readonly DateOnly Month = new(2026, 11, 1);

    /// <summary>The raw-SQL bound writes another month (the unique index would otherwise reject every row).</summary>
    public static readonly DateOnly RawMonth = new(2026, 10, 1);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var phase = args.Require("phase");
        var c = new BenchCase(BenchArgs.Provider(args.Require("provider")), args.RequireInt("size"), args.Require("dir"), args.Require("cs"), args.Get("county") ?? PayrollBench.DefaultCounty);
        var result = new PhaseResult { Phase = phase };
        var ct = CancellationToken.None;
        var start = Stopwatch.StartNew();
        await using var app = await BenchHost.StartAsync(c);
        result.HostStartSeconds = start.Elapsed.TotalSeconds;
        result.BaselineRssKb = ProcessMemory.CurrentKb;
        switch (phase)
        {
            case "setup":
                await SetupAsync(app, c, result, args.Get("fault"), ct);
                break;
            case "measure":
                await GenerateAsync(app, c, result, ct);
                // VmHWM only grows: read now, it is the generator's peak (host start-up included), before the raw bound runs
                result.PeakKb = ProcessMemory.PeakKb;
                await RawAsync(app, c, result, ct);
                await LeanFloorAsync(app, c, result, ct);
                result.RawPeakKb = ProcessMemory.PeakKb;
                if (args.GetInt("history") is > 0 and var history) await HistoryAsync(app, c, result, history, ct);
                break;
            case "experiments":
                await Experiments.RunAsync(app, c, result, ct);
                break;
            default:
                throw new ArgumentException($"unknown phase '{phase}'");
        }
        result.PeakKb ??= ProcessMemory.PeakKb;
        Console.Out.WriteLine(PhaseResult.Marker + JsonSerializer.Serialize(result));
        return result.Ok ? 0 : 1;
    }

    private static async Task SetupAsync(WebApplication app, BenchCase c, PhaseResult result, string? fault, CancellationToken ct)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Persons.IgnoreQueryFilters().AnyAsync(ct) || await db.Set<PayrollLine>().AnyAsync(ct))
        {
            result.Fail("the database is not fresh (people or payroll lines already there)");
            return;
        }
        result.Setup = await SyntheticCity.CreateAsync(db, scope.ServiceProvider.GetRequiredService<DivisionDirectory>(), c.Provider, c.County, c.Size, ct);
        // the data must be what SyntheticCity.Expected says, or the payroll check below would prove nothing
        var expected = SyntheticCity.Expected(c.Size);
        var people = await db.Persons.IgnoreQueryFilters().LongCountAsync(ct);
        var entitlements = await db.Set<Minzheng.Web.Platform.Entitlements.EntitlementPeriod>().LongCountAsync(ct);
        if (people != c.Size || entitlements != c.Size) result.Fail($"setup wrote {people} people and {entitlements} entitlements, expected {c.Size} each");
        var withAccount = await db.Persons.IgnoreQueryFilters().LongCountAsync(p => p.BankAccountCipher != null, ct);
        if (withAccount != c.Size - expected.NoAccount) result.Fail($"setup wrote {withAccount} bank accounts, expected {c.Size - expected.NoAccount}");
        // EF reads the rows back (ids, dates, timestamps, blobs written the way EF writes them)
        var sample = await db.Set<Minzheng.Web.Platform.Entitlements.EntitlementPeriod>().AsNoTracking().OrderBy(e => e.SourceNumber).Take(100).ToListAsync(ct);
        var payees = sample.Select(e => e.PayeePersonId).ToList();
        var found = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => payees.Contains(p.Id)).ToListAsync(ct);
        if (found.Count != sample.Count || found.Any(p => p.BirthDate.Year < 1935 || p.CreatedAt.Kind != DateTimeKind.Utc && c.Provider == DatabaseProvider.Sqlite)
            || sample.Any(e => e.FromMonth.Day != 1 || e.FromMonth >= Month || e.MonthlyAmount.Fen != SyntheticCity.AmountFen(long.Parse(e.SourceNumber[6..], CultureInfo.InvariantCulture))))
        {
            result.Fail("setup: EF does not read the synthetic rows back as written");
        }
        if (fault is not null)
        {
            // the smoke check's own test: after the data was verified, one entitlement goes missing or pays a fen more
            var victim = await db.Set<Minzheng.Web.Platform.Entitlements.EntitlementPeriod>().OrderBy(e => e.SourceNumber).FirstAsync(ct);
            if (fault == "lines") db.Remove(victim);
            else if (fault == "sum") victim.MonthlyAmount = new Minzheng.Web.Platform.Money.Money(victim.MonthlyAmount.Fen + 1);
            else throw new ArgumentException($"--fault must be lines or sum, not '{fault}'");
            await db.SaveChangesAsync(ct);
            Console.Error.WriteLine($"   fault injected: {fault}");
        }
    }

    private static async Task GenerateAsync(WebApplication app, BenchCase c, PhaseResult result, CancellationToken ct)
    {
        var expected = SyntheticCity.Expected(c.Size);
        result.ExpectedLines = expected.Lines;
        result.ExpectedFen = expected.Fen;
        result.Notes.Add("load average before the run: " + LoadAverage());
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        Guid id;
        await using (var scope = app.SystemScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PayrollService>().CreateDraftAsync(c.County, SyntheticCity.Program, Month, ct);
        }
        result.CreateSeconds = clock.Elapsed.TotalSeconds;
        var timer = new StepTimer(clock);
        timer.Restart();
        Payroll payroll;
        await using (var scope = app.SystemScope())
        {
            // as the payroll job runs it: a scope of its own with the job's connection, a synchronous progress callback
            JobWorker.UseJobConnection(scope.ServiceProvider);
            payroll = await scope.ServiceProvider.GetRequiredService<PayrollGenerator>().RunAsync(id, timer, ct);
        }
        clock.Stop();
        result.WallSeconds = clock.Elapsed.TotalSeconds;
        result.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        result.Gen2Collections = GC.CollectionCount(2) - gen2;
        result.Notes.Add("load average after the run: " + LoadAverage());
        result.Steps = timer.Steps();
        var (min, max) = timer.TownSpread();
        result.Towns = result.Steps.FirstOrDefault(s => s.Step.StartsWith("benefit", StringComparison.Ordinal))?.Count ?? 0;
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"benefit statements (groups of townships): {result.Towns}, fastest {min:F2} s, slowest {max:F2} s"));

        result.Lines = payroll.LineCount;
        result.TotalFen = payroll.TotalFen;
        if (payroll.Status != PayrollStatus.Generated) result.Fail($"generator: payroll status {payroll.Status}, expected Generated");
        if (payroll.LineCount != expected.Lines) result.Fail($"generator: payroll.LineCount {payroll.LineCount}, expected {expected.Lines}");
        if (payroll.TotalFen != expected.Fen) result.Fail($"generator: payroll.TotalFen {payroll.TotalFen}, expected {expected.Fen}");
        await VerifyLinesAsync(app, id, expected, result, "generator", ct);
    }

    private static async Task RawAsync(WebApplication app, BenchCase c, PhaseResult result, CancellationToken ct)
    {
        var expected = SyntheticCity.Expected(c.Size);
        result.ExpectedLines = expected.Lines;
        result.ExpectedFen = expected.Fen;
        await using var scope = app.SystemScope();
        var id = await scope.ServiceProvider.GetRequiredService<PayrollService>().CreateDraftAsync(c.County, SyntheticCity.Program, RawMonth, ct);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        // as the generator does before it writes a month (PostgreSQL: the month's partition)
        await scope.ServiceProvider.GetRequiredService<PayrollLinePartitions>().EnsureAsync(RawMonth, ct);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var rows = await db.Database.ExecuteSqlRawAsync(GeneratorSql.Benefit, GeneratorSql.BenefitParameters(id, RawMonth, DivisionScope.Of(c.County)), ct);
        clock.Stop();
        result.RawSeconds = clock.Elapsed.TotalSeconds;
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"raw SQL statement allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F1} MB managed"));
        result.RawLines = rows;
        if (rows != expected.Lines) result.Fail($"raw SQL: inserted {rows} rows, expected {expected.Lines}");
        await VerifyLinesAsync(app, id, expected, result, "raw SQL", ct);
    }

    /// <summary>
    /// The lean floor the issue measures against, in the same run on the same data: the very rows of the benefit statement into a
    /// table with a bigint identity key, one unique index on (entitlement, month), one index on (payroll, status), no explanation
    /// and no other index — what any design of the payment line that keeps it exactly-once must at least cost here.
    /// </summary>
    private static async Task LeanFloorAsync(WebApplication app, BenchCase c, PhaseResult result, CancellationToken ct)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        var sqlite = c.Provider == DatabaseProvider.Sqlite;
        var key = sqlite ? "INTEGER PRIMARY KEY" : "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        var (uuid, date, time, bytes) = sqlite ? ("TEXT", "TEXT", "TEXT", "BLOB") : ("uuid", "date", "timestamp with time zone", "bytea");
        await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS bench_lean_line", ct);
        // column types chosen above from the provider, no input
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TABLE bench_lean_line (id {key}, payroll_id {uuid} NOT NULL, entitlement_id {uuid} NOT NULL, program varchar(32) NOT NULL, source_id {uuid} NOT NULL,
              source_number varchar(40) NOT NULL, payee_person_id {uuid}, household_id {uuid}, division_code varchar(12) NOT NULL, service_month {date} NOT NULL,
              amount_fen bigint NOT NULL, person_count integer NOT NULL, bank_name varchar(100), bank_account_cipher {bytes}, bank_account_masked varchar(40),
              status integer NOT NULL, created_at {time} NOT NULL)
            """, ct);
#pragma warning restore EF1002
        await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX ux_bench_lean_line ON bench_lean_line (entitlement_id, service_month)", ct);
        await db.Database.ExecuteSqlRawAsync("CREATE INDEX ix_bench_lean_line_payroll ON bench_lean_line (payroll_id, status)", ct);
        var range = DivisionScope.Of(c.County);
        var clock = Stopwatch.StartNew();
        var rows = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO bench_lean_line (payroll_id, entitlement_id, program, source_id, source_number, payee_person_id, household_id, division_code, service_month, amount_fen, person_count,
              bank_name, bank_account_cipher, bank_account_masked, status, created_at)
            SELECT {0}, e.id, e.program, e.source_id, e.source_number, e.payee_person_id, e.household_id, e.division_code, {1}, e.monthly_amount_fen, e.person_count,
                   p.bank_name, p.bank_account_cipher, p.bank_account_masked, CASE WHEN p.bank_account_cipher IS NULL THEN {2} ELSE {3} END, {4}
            FROM entitlement_period e
            JOIN registry_person p ON p.id = e.payee_person_id
            WHERE e.program = {5} AND e.division_code >= {6} AND e.division_code <= {7}
              AND e.from_month <= {1} AND (e.to_month IS NULL OR e.to_month >= {1})
              AND (p.death_date IS NULL OR p.death_date >= {1})
            ON CONFLICT DO NOTHING
            """, [Guid.CreateVersion7(), Month, (int)LineStatus.NoAccount, (int)LineStatus.Pending, DateTime.UtcNow, SyntheticCity.Program, range.Low, range.High], ct);
        clock.Stop();
        result.LeanSeconds = clock.Elapsed.TotalSeconds;
        result.LeanLines = rows;
        await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_lean_line", ct);
        var expected = SyntheticCity.Expected(c.Size);
        if (rows != expected.Lines) result.Fail($"lean floor: inserted {rows} rows, expected {expected.Lines}");
    }

    /// <summary>
    /// Steady state (issue 19): <paramref name="months"/> more monthly payrolls after the measured one, each generated as the job does
    /// it, then the next one — the measured month's payroll with that many months of lines on file — timed on its own and checked.
    /// </summary>
    private static async Task HistoryAsync(WebApplication app, BenchCase c, PhaseResult result, int months, CancellationToken ct)
    {
        var expected = SyntheticCity.Expected(c.Size);
        var history = Stopwatch.StartNew();
        for (var i = 1; i <= months; i++)
        {
            var month = Month.AddMonths(i);
            var clock = Stopwatch.StartNew();
            Guid id;
            Payroll payroll;
            await using (var scope = app.SystemScope())
            {
                id = await scope.ServiceProvider.GetRequiredService<PayrollService>().CreateDraftAsync(c.County, SyntheticCity.Program, month, ct);
            }
            await using (var scope = app.SystemScope())
            {
                JobWorker.UseJobConnection(scope.ServiceProvider);
                payroll = await scope.ServiceProvider.GetRequiredService<PayrollGenerator>().RunAsync(id, null, ct);
            }
            clock.Stop();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   history {month:yyyy-MM}: {clock.Elapsed.TotalSeconds:F2} s, {payroll.LineCount} lines ({i + 1} months on file after it)"));
            if (payroll.LineCount != expected.Lines || payroll.TotalFen != expected.Fen) result.Fail($"{month:yyyy-MM}: {payroll.LineCount} lines, {payroll.TotalFen} fen, expected {expected.Lines} and {expected.Fen} (no arrears, adjustments or retries are due)");
            if (i < months) continue;
            result.NextMonthSeconds = clock.Elapsed.TotalSeconds;
            result.NextMonthLines = payroll.LineCount;
            result.NextMonthPeakKb = ProcessMemory.PeakKb;
            await VerifyLinesAsync(app, id, expected, result, $"{month:yyyy-MM}", ct);
        }
        result.HistoryMonths = months;
        result.HistorySeconds = history.Elapsed.TotalSeconds;
    }

    /// <summary>Other work on the machine shows here (1, 5, 15 minutes).</summary>
    private static string LoadAverage() => SyntheticCity.LoadAverage();

    /// <summary>Counted and summed in the database, independently of what the generator reported.</summary>
    public static async Task VerifyLinesAsync(WebApplication app, Guid payrollId, (long Lines, long Fen, long NoAccount) expected, PhaseResult result, string what, CancellationToken ct)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var lines = db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payrollId);
        var count = await lines.LongCountAsync(ct);
        var fen = await lines.SumAsync(l => l.AmountFen, ct);
        var sources = await lines.Select(l => l.SourceId).Distinct().LongCountAsync(ct);
        var held = await lines.LongCountAsync(l => l.Status == LineStatus.NoAccount, ct);
        if (count != expected.Lines) result.Fail($"{what}: {count} lines in the database, expected {expected.Lines}");
        if (fen != expected.Fen) result.Fail($"{what}: lines sum to {fen} fen, expected {expected.Fen}");
        if (sources != expected.Lines) result.Fail($"{what}: {sources} distinct sources, expected {expected.Lines}");
        if (held != expected.NoAccount) result.Fail($"{what}: {held} lines held for no account, expected {expected.NoAccount}");
    }
}

/// <summary>The generator's own SQL (internal statements), so the lower bound and the experiments run exactly the statement the generator runs.</summary>
internal static class GeneratorSql
{
    public static readonly string Benefit = PayrollGenerator.BenefitSql;

    public static readonly string Retry = PayrollGenerator.RetrySql;

    public static readonly string MarkRequeued = PayrollGenerator.MarkRequeuedSql;

    /// <summary>The parameters as PayrollGenerator passes them for the benefit lines of one month and one division range.</summary>
    public static object[] BenefitParameters(Guid payrollId, DateOnly month, DivisionScope range) =>
        [payrollId, month, (int)LinePurpose.Benefit, false, (int)LineStatus.NoAccount, (int)LineStatus.Pending, DateTime.UtcNow, SyntheticCity.Program, range.Low, range.High];

    public static object[] RetryParameters(Guid payrollId, DivisionScope range) =>
        [payrollId, (int)LinePurpose.Retry, (int)LineStatus.NoAccount, (int)LineStatus.Pending, DateTime.UtcNow, SyntheticCity.Program, range.Low, range.High, (int)PayrollStatus.Approved];

    public static object[] MarkRequeuedParameters(DivisionScope range) =>
        [(int)LineStatus.Requeued, SyntheticCity.Program, range.Low, range.High];
}
