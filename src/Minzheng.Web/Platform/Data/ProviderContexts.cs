using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Platform.Data;

/// <summary>The embedded default. Migrations: Platform/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ICurrentUser user, TimeProvider time)
    : AppDbContext(options, user, time)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone: every DateTime we store is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The production provider. Migrations: Platform/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ICurrentUser user, TimeProvider time)
    : AppDbContext(options, user, time);

public static class DbContextSetup
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName));
                options.AddInterceptors(SqliteConnectionTuning.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName));
                break;
        }
        options.UseSnakeCaseNamingConvention();
        options.AddInterceptors(ScopeLeakGuard.Instance, ReadOnlyGuard.Instance);
    }

    /// <summary>
    /// The application's options, built once (ADR 080): registered as a singleton and carrying the model built once, so that a
    /// request's context neither rebuilds its options nor searches the assembly for a compiled model (EF does both per context
    /// otherwise: about 10 µs of a context's set-up each, measured in docs/benchmarks.md).
    /// </summary>
    public static void ConfigureOnce<TContext>(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        Func<DbContextOptions<TContext>, TContext> create) where TContext : AppDbContext
    {
        Configure(options, provider, connectionString);
        var probe = new DbContextOptionsBuilder<TContext>();
        Configure(probe, provider, connectionString);
        using var context = create(probe.Options);
        options.UseModel(context.Model);
    }

    /// <summary>
    /// PostgreSQL (ADR 080): Npgsql prepares the statements a connection runs repeatedly (<c>Max Auto Prepare</c>), so PostgreSQL
    /// parses and plans a person lookup once per connection instead of on every request — planning was two thirds of the lookup's
    /// time in the database; and a connection going back to the pool is not reset (<c>No Reset On Close</c>: the reset was a
    /// further round of statements per request), which is safe because the application keeps no session state — settings are
    /// <c>SET LOCAL</c> (a transaction's), the one temporary table is dropped by its run, and a test refuses a session-level
    /// <c>SET</c> in the source. Values the operator sets in the connection string are kept.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string key) => given.ContainsKey(key) || given.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal));
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("Max Auto Prepare")) b.MaxAutoPrepare = 64;
        if (!Given("Auto Prepare Min Usages")) b.AutoPrepareMinUsages = 2;
        if (!Given("No Reset On Close")) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    /// <summary>Whether a PostgreSQL connection string prepares the statements it repeats (a request's does, a job's not).</summary>
    public static bool PreparesStatements(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare > 0;

    /// <summary>The same connection with nothing prepared: a job's large statements, planned for their own ranges on every run (ADR 080).</summary>
    public static string WithoutPreparedStatements(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 }.ConnectionString;
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options, new SystemUser("design-time"), TimeProvider.System);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=minzheng_design");
        return new PostgresAppDbContext(options.Options, new SystemUser("design-time"), TimeProvider.System);
    }
}

/// <summary>
/// A 64 MiB page cache per SQLite connection instead of the 2 MiB default: a payroll inserts into several indexes keyed
/// by random GUIDs, and with the default cache SQLite spills dirty index pages to the WAL again and again (100,000
/// lines: 5.9 s → 3.9 s, docs/benchmarks.md). The cache is allocated as pages are used, so idle connections stay small.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    private const string Pragmas = "PRAGMA cache_size = -65536;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
