using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Bench;

/// <summary>
/// NOT the measured scenario: alternatives timed on the same database after it, to find where the time goes.
/// Every variant of the benefit INSERT runs inside a transaction that is rolled back (DROP INDEX included), so each
/// starts from the same table; the last experiment (the next month's payroll) commits.
/// </summary>
internal static partial class Experiments
{
    private static readonly DateOnly ScratchMonth = new(2027, 6, 1);

    public static async Task RunAsync(WebApplication app, BenchCase c, PhaseResult result, CancellationToken ct)
    {
        var county = DivisionScope.Of(c.County);
        var sqlite = c.Provider == DatabaseProvider.Sqlite;
        Guid measured;
        List<(string Name, bool Unique)> indexes;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            measured = await db.Set<Payroll>().Where(p => p.Month == PayrollPhases.Month && p.DivisionCode == c.County).Select(p => p.Id).SingleAsync(ct);

            // FinishAsync's two aggregates, as it runs them, and as one query
            var lines = db.Set<PayrollLine>().Where(l => l.PayrollId == measured);
            var clock = Stopwatch.StartNew();
            var count = await lines.CountAsync(ct);
            result.Experiments.Add(new("finish: COUNT(*) of the payroll's lines (as FinishAsync)", clock.Elapsed.TotalSeconds, count, ""));
            clock.Restart();
            var sum = await lines.SumAsync(l => l.AmountFen, ct);
            result.Experiments.Add(new("finish: SUM(amount_fen) of the payroll's lines (as FinishAsync)", clock.Elapsed.TotalSeconds, count, ""));
            clock.Restart();
            var both = await lines.GroupBy(l => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(l => l.AmountFen) }).FirstAsync(ct);
            result.Experiments.Add(new("finish: COUNT and SUM in one query", clock.Elapsed.TotalSeconds, both.Count, both.Sum == sum ? "" : "sum differs!"));

            indexes = await IndexesAsync(db, sqlite, ct);
            result.Notes.Add("payments_line indexes: " + string.Join(", ", indexes.Select(i => i.Name + (i.Unique ? " (unique)" : ""))));
            result.Notes.AddRange(await SizesAsync(db, sqlite, ct));
            result.Notes.AddRange(await PlansAsync(db, sqlite, county, c.County, app, ct));
        }

        var benefit = GeneratorSql.Benefit;
        await RolledBackAsync(app, result, "raw: one statement for the county, in a transaction (reference for the variants)", benefit, county, null, ct);
        await RolledBackAsync(app, result, "raw: without the non-unique secondary indexes", benefit, county,
            indexes.Where(i => !i.Unique).Select(i => $"DROP INDEX {i.Name}").ToList(), ct);
        await RolledBackAsync(app, result, "raw: without any secondary index (no uniqueness check at all: the floor)", benefit, county,
            indexes.Select(i => $"DROP INDEX {i.Name}").ToList(), ct);
        await RolledBackAsync(app, result, "raw: explanation copied onto every line (as before ADR 076)", benefit.Replace("e.id, NULL, 0,", "NULL, e.explanation, 0,", StringComparison.Ordinal), county, null, ct);
        await RolledBackAsync(app, result, "raw: without ON CONFLICT DO NOTHING", benefit.Replace("ON CONFLICT DO NOTHING", "", StringComparison.Ordinal), county, null, ct);
        if (!sqlite)
        {
            await RolledBackAsync(app, result, "raw: jit = off", benefit, county, ["SET LOCAL jit = off"], ct);
            await RolledBackAsync(app, result, "raw: work_mem = 64MB", benefit, county, ["SET LOCAL work_mem = '64MB'"], ct);
        }
        await TownLoopAsync(app, c, result, ct);
        await RolledBackAsync(app, result, "raw: one statement again (noise check)", benefit, county, null, ct);
        await NextMonthAsync(app, c, result, ct);
        if (sqlite)
        {
            // last: a pooled connection keeps its page cache size
            await RolledBackAsync(app, result, "raw: SQLite page cache 64 MB (PRAGMA cache_size = -65536; default 2 MB)", benefit, county, ["PRAGMA cache_size = -65536"], ct);
            await RolledBackAsync(app, result, "raw: SQLite page cache 256 MB (PRAGMA cache_size = -262144)", benefit, county, ["PRAGMA cache_size = -262144"], ct);
        }
    }

    private static async Task RolledBackAsync(WebApplication app, PhaseResult result, string name, string sql, DivisionScope range, IReadOnlyList<string>? before, CancellationToken ct)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var statement in before ?? []) await db.Database.ExecuteSqlRawAsync(statement, ct);
        var clock = Stopwatch.StartNew();
        var rows = await db.Database.ExecuteSqlRawAsync(sql, GeneratorSql.BenefitParameters(Guid.CreateVersion7(), ScratchMonth, range), ct);
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        await tx.RollbackAsync(ct);
        result.Experiments.Add(new(name, seconds, rows, string.Create(CultureInfo.InvariantCulture, $"rollback {clock.Elapsed.TotalSeconds:F1} s")));
    }

    /// <summary>The generator's township loop alone (same statements, same ranges), in one transaction rolled back.</summary>
    private static async Task TownLoopAsync(WebApplication app, BenchCase c, PhaseResult result, CancellationToken ct)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var towns = scope.ServiceProvider.GetRequiredService<DivisionDirectory>().ChildrenOf(c.County).Where(t => t.Level == DivisionLevel.Town).Select(t => DivisionScope.Of(t.Code)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var clock = Stopwatch.StartNew();
        var rows = 0;
        foreach (var town in towns) rows += await db.Database.ExecuteSqlRawAsync(GeneratorSql.Benefit, GeneratorSql.BenefitParameters(id, ScratchMonth, town), ct);
        var seconds = clock.Elapsed.TotalSeconds;
        await tx.RollbackAsync(ct);
        result.Experiments.Add(new($"raw: the {towns.Count} township statements in one transaction (the generator's loop alone)", seconds, rows, ""));
    }

    /// <summary>
    /// Steady state: the next month's payroll, with two earlier regular payrolls of the county on file (the measured
    /// month and the raw bound's month). The arrears step re-runs the benefit statement for the whole county for each
    /// earlier month of the last 36; every row conflicts. Commits (last experiment).
    /// </summary>
    private static async Task NextMonthAsync(WebApplication app, BenchCase c, PhaseResult result, CancellationToken ct)
    {
        var next = PayrollPhases.Month.AddMonths(1);
        var clock = Stopwatch.StartNew();
        Guid id;
        await using (var scope = app.SystemScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PayrollService>().CreateDraftAsync(c.County, SyntheticCity.Program, next, ct);
        }
        var timer = new StepTimer(clock);
        timer.Restart();
        Payroll payroll;
        await using (var scope = app.SystemScope())
        {
            payroll = await scope.ServiceProvider.GetRequiredService<PayrollGenerator>().RunAsync(id, timer, ct);
        }
        var total = clock.Elapsed.TotalSeconds;
        result.Experiments.Add(new($"next month ({next:yyyy-MM}) through PayrollGenerator, 2 earlier payrolls on file: total", total, payroll.LineCount, ""));
        foreach (var step in timer.Steps())
        {
            result.Experiments.Add(new("  next month: " + step.Step, step.Seconds, step.Count, ""));
        }
    }

    private static async Task<List<(string Name, bool Unique)>> IndexesAsync(AppDbContext db, bool sqlite, CancellationToken ct)
    {
        var rows = await QueryAsync(db, sqlite
            ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payments_line' AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'payments_line' AND indexname <> 'pk_payments_line' ORDER BY indexname", [], ct);
        return rows.Select(r => (r[0], r[1].Contains("UNIQUE", StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static async Task<List<string>> SizesAsync(AppDbContext db, bool sqlite, CancellationToken ct)
    {
        if (sqlite)
        {
            var pages = await QueryAsync(db, "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())", [], ct);
            return [$"database file: {Mb(pages[0][0])} MB (all tables)"];
        }
        var rows = await QueryAsync(db, """
            SELECT c.relname, pg_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND (c.relname IN ('payments_line', 'entitlement_period', 'registry_person') OR c.relname LIKE 'ix_payments_line%' OR c.relname = 'pk_payments_line')
            ORDER BY c.relname
            """, [], ct);
        return rows.Select(r => $"size of {r[0]}: {Mb(r[1])} MB").ToList();
    }

    private static string Mb(string bytes) => (long.Parse(bytes, CultureInfo.InvariantCulture) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static async Task<List<string>> PlansAsync(AppDbContext db, bool sqlite, DivisionScope county, string countyCode, WebApplication app, CancellationToken ct)
    {
        var town = app.Services.GetRequiredService<DivisionDirectory>().ChildrenOf(countyCode).First(t => t.Level == DivisionLevel.Town);
        var explain = sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        var plans = new List<string>();
        foreach (var (name, sql, parameters) in new (string, string, object[])[]
        {
            ("benefit INSERT, one township", GeneratorSql.Benefit, GeneratorSql.BenefitParameters(Guid.CreateVersion7(), ScratchMonth, DivisionScope.Of(town.Code))),
            ("benefit INSERT, whole county", GeneratorSql.Benefit, GeneratorSql.BenefitParameters(Guid.CreateVersion7(), ScratchMonth, county)),
            ("retry INSERT", GeneratorSql.Retry, GeneratorSql.RetryParameters(Guid.CreateVersion7(), county)),
            ("mark requeued UPDATE", GeneratorSql.MarkRequeued, GeneratorSql.MarkRequeuedParameters(county)),
        })
        {
            var rows = await QueryAsync(db, explain + sql, parameters.Select(p => ToAdo(p, sqlite)).ToArray(), ct);
            plans.Add($"plan of {name}:\n      " + string.Join("\n      ", rows.Select(r => sqlite ? r[3] : r[0])));
        }
        return plans;
    }

    /// <summary>ADO parameters valued as EF binds them (SQLite: GUIDs as uppercase text, ISO dates).</summary>
    private static object ToAdo(object value, bool sqlite) => !sqlite ? value : value switch
    {
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static async Task<List<string[]>> QueryAsync(AppDbContext db, string sql, object[] parameters, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = Placeholder().Replace(sql, "@p$1");
            for (var i = 0; i < parameters.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                p.Value = parameters[i];
                cmd.Parameters.Add(p);
            }
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var rows = new List<string[]>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToArray());
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
