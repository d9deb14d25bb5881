using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Minzheng.Web.Platform.Data;

/// <summary>
/// The database of read-only use cases: reports, exports, dashboards, statistics and the pages that show comparison results
/// (ADR 071). <see cref="Context"/> is an <see cref="AppDbContext"/> of the same model and the same division scope (the same
/// <see cref="Access.ICurrentUser"/>, so the same query filters), that tracks nothing and refuses to write. On PostgreSQL
/// with <c>ConnectionStrings:MinzhengRead</c> it reads from a standby, falling back to the primary when the connection
/// string lists it after the standby (Npgsql's multiple hosts with <c>Target Session Attributes=prefer-standby</c>);
/// otherwise, and always on SQLite, it reads over the primary's connection string.
/// A use case that reads what it has just written keeps <see cref="AppDbContext"/>: a standby replays the primary's
/// writes a moment later, so it may not have them yet.
/// </summary>
public sealed class ReadOnlyDb : IDisposable, IAsyncDisposable
{
    public ReadOnlyDb(IServiceProvider services, PlatformOptions options)
    {
        Context = options.Provider switch
        {
            DatabaseProvider.Sqlite => ActivatorUtilities.CreateInstance<SqliteAppDbContext>(services),
            _ => ActivatorUtilities.CreateInstance<PostgresAppDbContext>(services),
        };
        // The primary's options (one model, one set of interceptors), over the read connection string when there is one.
        if (options.ReadConnectionString is { } read) Context.Database.SetConnectionString(read);
        Context.MakeReadOnly();
        // reads connect as the scope's own context does (JobWorker.UseJobConnection): a job's long command timeout and, on
        // PostgreSQL, a connection that prepares nothing
        if (services.GetService<AppDbContext>()?.Database is { } scoped)
        {
            if (scoped.GetCommandTimeout() is { } timeout) Context.Database.SetCommandTimeout(timeout);
            if (options.Provider == DatabaseProvider.Postgres && !DbContextSetup.PreparesStatements(scoped.GetConnectionString()!))
            {
                Context.Database.SetConnectionString(DbContextSetup.WithoutPreparedStatements(Context.Database.GetConnectionString()!));
            }
        }
    }

    public AppDbContext Context { get; }

    public void Dispose() => Context.Dispose();

    public ValueTask DisposeAsync() => Context.DisposeAsync();

    /// <summary>
    /// The read connection string from <c>ConnectionStrings:MinzhengRead</c>, or null to read over the primary's: always on
    /// SQLite (one file, no standby). Its sessions are read-only (<c>default_transaction_read_only</c>), so a write through
    /// it fails on the primary it may fall back to exactly as it does on a standby.
    /// </summary>
    public static string? ReadConnectionString(IConfiguration config, DatabaseProvider provider)
    {
        var read = config.GetConnectionString("MinzhengRead");
        if (provider != DatabaseProvider.Postgres || string.IsNullOrWhiteSpace(read)) return null;
        var b = new NpgsqlConnectionStringBuilder(read);
        b.Options = string.IsNullOrWhiteSpace(b.Options) ? "-c default_transaction_read_only=on" : b.Options + " -c default_transaction_read_only=on";
        return DbContextSetup.WithPreparedStatements(b.ConnectionString);
    }

    /// <summary>Says at start where reports read (hosts only, never the password), and warns when nothing falls back.</summary>
    public static void LogTarget(ILogger log, string readConnectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(readConnectionString);
        log.LogInformation("Read-only use cases read from {Hosts} (Target Session Attributes={Target}, Load Balance Hosts={Balance})",
            b.Host, b.TargetSessionAttributes ?? "any", b.LoadBalanceHosts);
        if (b.Host is not { } hosts || !hosts.Contains(','))
        {
            log.LogWarning("ConnectionStrings:MinzhengRead names one host ({Host}): reports, exports and dashboards fail while it is down. " +
                "List the primary after the standby with Target Session Attributes=prefer-standby (docs/operations.md)", b.Host);
        }
    }
}

/// <summary>
/// Refuses every write through a read-only <see cref="AppDbContext"/> (<see cref="ReadOnlyDb"/>): a save, <c>ExecuteUpdate</c>,
/// <c>ExecuteDelete</c>, raw SQL and migrations. A standby would refuse them too, but the same context may read from the
/// primary (no standby configured, SQLite, or a fallback), where a write would succeed outside the use case's transaction.
/// </summary>
internal sealed class ReadOnlyGuard : DbCommandInterceptor
{
    public static readonly ReadOnlyGuard Instance = new();

    public static InvalidOperationException Refused(string what) =>
        new($"只读数据库上下文（ReadOnlyDb）不能写入（{what}）：写入请使用 AppDbContext，它连接主库");

    private static void Check(CommandEventData eventData)
    {
        if (eventData.Context is AppDbContext { IsReadOnly: true }
            && eventData.CommandSource is CommandSource.SaveChanges or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw or CommandSource.Migrations)
        {
            throw Refused(eventData.CommandSource.ToString());
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(eventData);
        return ValueTask.FromResult(result);
    }
}
