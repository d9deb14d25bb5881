using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Modules.ChildWelfare;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Npgsql;

namespace Minzheng.Tests.Figures;

/// <summary>
/// The K11Figures data migration: a database at the migration before it (SuspendedSubsidyStaysOpen), filled in the old shape
/// with what the demo seeds (assistance defaults and demo figures in assistance_standard, the child-welfare figures in
/// child_standard, the disability figures in platform_figure) plus a county row with an area, an end date and a note, is
/// upgraded to the latest migration: the figure book holds exactly the old rows, and the old tables are gone.
/// </summary>
public abstract class FigureBookUpgradeTests
{
    private const string Previous = "Baseline";
    private static readonly DateTime Stamp = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    protected abstract bool IsSqlite { get; }

    /// <summary>A fresh, empty database (null: the provider is not available here, with the reason).</summary>
    protected abstract (string? ConnectionString, string? SkipReason) NewDatabase();

    protected abstract AppDbContext Create(string connectionString);

    protected abstract Task DropAsync(string connectionString);

    private sealed record Old(string Table, Figure Row);

    private static List<Old> OldRows()
    {
        var assistance = StandardDefaults.Rules().Concat(StandardDefaults.DemoFigures().Select(r => { r.IsDemo = true; return r; })).ToList();
        assistance.Add(new Figure
        {
            Module = StandardKinds.Dibao,
            Kind = StandardKinds.DibaoMonthly.Code,
            DivisionCode = "450921000000",
            Area = FigureArea.Rural,
            Amount = Money.FromYuan(433.5m),
            ValidFrom = new DateOnly(2021, 3, 1),
            ValidTo = new DateOnly(2021, 12, 31),
            Document = "容政发〔2021〕3号",
            Note = "县级提标（测试）",
            CreatedBy = "rongxian.officer",
        });
        assistance.Add(new Figure
        {
            Module = StandardKinds.Dibao,
            Kind = StandardKinds.DibaoAddOn.Code,
            DivisionCode = "450921000000",
            Area = FigureArea.Urban,
            Category = "minor",
            Amount = Money.FromYuan(55m),
            ValidFrom = new DateOnly(2022, 1, 1),
            Document = "容政发〔2022〕1号",
            CreatedBy = "rongxian.officer",
        });
        var child = ChildWelfareInitializer.StandardRows(demo: true);
        var disability = DisabilityInitializer.FigureRows(demo: true);
        return [.. assistance.Select(r => new Old("assistance_standard", r)), .. child.Select(r => new Old("child_standard", r)), .. disability.Select(r => new Old("platform_figure", r))];
    }

    [Fact]
    public async Task Upgrading_moves_every_standard_into_the_figure_book_with_its_values_dates_and_document()
    {
        var (cs, skip) = NewDatabase();
        Assert.SkipWhen(cs is null, skip ?? "");
        try
        {
            var old = OldRows();
            Assert.Contains(old, o => o.Table == "child_standard");
            Assert.Contains(old, o => o.Row.Factor is not null);
            Assert.Contains(old, o => o.Row.Percent is not null);
            await using (var db = Create(cs!))
            {
                await db.GetService<IMigrator>().MigrateAsync(Previous, TestContext.Current.CancellationToken);
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync(TestContext.Current.CancellationToken);
                foreach (var o in old) await InsertAsync(conn, o);
            }

            await using (var db = Create(cs!))
            {
                await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
                var rows = await db.Set<Figure>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal(old.Count, rows.Count);
                var byId = rows.ToDictionary(r => r.Id);
                foreach (var o in old)
                {
                    var e = o.Row;
                    Assert.True(byId.TryGetValue(e.Id, out var a), $"{o.Table} {e.Module}/{e.Kind} {e.ValidFrom} missing");
                    var module = o.Table == "child_standard" ? ChildStandardKinds.Module : e.Module;
                    Assert.Equal(
                        (module, e.Kind, e.DivisionCode, e.Area, e.Category, e.Amount, e.Factor, e.Percent, e.Number, e.Choice, e.ValidFrom, e.ValidTo, e.Document, e.Note, e.IsDemo, e.CreatedBy, Stamp),
                        (a!.Module, a.Kind, a.DivisionCode, a.Area, a.Category, a.Amount, a.Factor, a.Percent, a.Number, a.Choice, a.ValidFrom, a.ValidTo, a.Document, a.Note, a.IsDemo, a.CreatedBy, a.CreatedAt));
                }
                // the old tables are gone
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync(TestContext.Current.CancellationToken);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = IsSqlite
                    ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('assistance_standard', 'child_standard')"
                    : "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('assistance_standard', 'child_standard')";
                Assert.Equal(0L, Convert.ToInt64(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            await DropAsync(cs!);
        }
    }

    /// <summary>One row in the shape its table had at the previous migration (plain SQL: the entities of that shape are gone).</summary>
    private async Task InsertAsync(DbConnection conn, Old o)
    {
        var r = o.Row;
        var columns = new List<(string Name, object? Value)> { ("id", IsSqlite ? r.Id.ToString().ToUpperInvariant() : r.Id) };
        if (o.Table == "assistance_standard") columns.Add(("program", r.Module));
        if (o.Table == "platform_figure") columns.Add(("module", r.Module));
        columns.Add(("kind", r.Kind));
        columns.Add(("division_code", r.DivisionCode));
        if (o.Table == "assistance_standard") columns.Add(("area", (int)r.Area));
        columns.Add(("category", r.Category));
        columns.Add(("amount_fen", r.Amount?.Fen));
        if (o.Table == "assistance_standard")
        {
            columns.Add(("factor", r.Factor));
            columns.Add(("\"percent\"", r.Percent));
        }
        columns.Add(("number", r.Number));
        columns.Add(("choice", r.Choice));
        columns.Add(("valid_from", IsSqlite ? r.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : r.ValidFrom));
        columns.Add(("valid_to", r.ValidTo is { } to ? IsSqlite ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : to : null));
        columns.Add(("document", r.Document));
        if (o.Table == "assistance_standard") columns.Add(("note", r.Note));
        columns.Add(("is_demo", r.IsDemo));
        columns.Add(("created_by", r.CreatedBy));
        columns.Add(("created_at", IsSqlite ? Stamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : Stamp));
        columns.Add(("updated_at", IsSqlite ? Stamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : Stamp));
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO {o.Table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        foreach (var (c, i) in columns.Select((c, i) => (c, i)))
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "p" + i;
            p.Value = c.Value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class FigureBookUpgradeTestsOnSqlite : FigureBookUpgradeTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "minzheng-tests", Guid.NewGuid().ToString("N"));

    protected override bool IsSqlite => true;

    protected override (string?, string?) NewDatabase()
    {
        Directory.CreateDirectory(_folder);
        return ($"Data Source={Path.Combine(_folder, "upgrade.db")}", null);
    }

    protected override AppDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Sqlite, connectionString);
        return new SqliteAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
    }

    protected override Task DropAsync(string connectionString)
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
        return Task.CompletedTask;
    }
}

public sealed class FigureBookUpgradeTestsOnPostgres : FigureBookUpgradeTests
{
    protected override bool IsSqlite => false;

    protected override (string?, string?) NewDatabase()
    {
        var cs = Environment.GetEnvironmentVariable(AppFixture.PostgresVariable);
        if (string.IsNullOrWhiteSpace(cs)) return (null, $"PostgreSQL 不可用：未设置环境变量 {AppFixture.PostgresVariable}");
        return (new NpgsqlConnectionStringBuilder(cs) { Database = "minzheng_u_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString, null);
    }

    protected override AppDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Postgres, connectionString);
        return new PostgresAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
    }

    protected override Task DropAsync(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var name = b.Database!;
        b.Database = "postgres";
        return PostgresApp.DropAsync(b.ConnectionString, name);
    }
}
