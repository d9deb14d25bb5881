using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Web.Platform.Data;
using Npgsql;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// First starts made once per distinct set of settings and copied into each fixture, so that a test class starts the way the
/// application restarts (migrations already applied, reference data and demo data already there) instead of migrating and
/// seeding anew: the first start was most of the suite's time (about 15 s of CPU per fixture, two fixtures per class).
/// A template is a whole first start of a separate host, stopped before it is copied: its data directory (keys, files) and its
/// database (a SQLite file; a PostgreSQL database cloned with CREATE DATABASE … TEMPLATE). Templates live as long as the test
/// process and are removed when it exits.
/// </summary>
internal static class AppTemplates
{
    private sealed record Template(string DataDirectory, string ConnectionString);

    private static readonly ConcurrentDictionary<string, Lazy<Task<Template>>> Built = new();
    private static readonly ConcurrentBag<string> PostgresTemplates = [];
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "minzheng-tests", "templates-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..6]);
    private static int _count;

    static AppTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

    /// <summary>Copies the template for the fixture's settings (made now if it is the first) into the fixture's data directory and database.</summary>
    public static async Task CopyInto(AppFixture fixture)
    {
        var key = fixture.TemplateKey;
        var lazy = Built.GetOrAdd(key, _ => new Lazy<Task<Template>>(() => BuildAsync(fixture)));
        Template template;
        try
        {
            template = await lazy.Value;
        }
        catch
        {
            Built.TryRemove(new KeyValuePair<string, Lazy<Task<Template>>>(key, lazy)); // the next fixture tries again
            throw;
        }
        CopyDirectory(template.DataDirectory, fixture.DataDirectory);
        if (fixture.Provider == DatabaseProvider.Postgres) await ClonePostgresAsync(template.ConnectionString, fixture.ConnectionString);
    }

    private static async Task<Template> BuildAsync(AppFixture fixture)
    {
        var n = Interlocked.Increment(ref _count);
        var directory = Path.Combine(Root, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var connectionString = fixture.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = $"minzheng_tmpl_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}_{n}" }.ConnectionString
            : $"Data Source={Path.Combine(directory, "minzheng.db")}";
        if (fixture.Provider == DatabaseProvider.Postgres) PostgresTemplates.Add(connectionString);
        await using (var host = new TemplateHost(fixture, directory, connectionString))
        {
            _ = host.Server;
            ReleaseFileProviders(host.Services);
        }
        // no pooled connection may stay on the template: SQLite checkpoints its journal into the file on the last close, and
        // PostgreSQL refuses to copy a database someone is connected to
        SqliteConnection.ClearAllPools();
        if (fixture.Provider == DatabaseProvider.Postgres)
        {
            // the application's pool is keyed by its connection string, which adds the prepared-statement settings (ADR 080)
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
            NpgsqlConnection.ClearPool(new NpgsqlConnection(DbContextSetup.WithPreparedStatements(connectionString)));
            await AdminAsync(connectionString, $"ALTER DATABASE \"{Database(connectionString)}\" ALLOW_CONNECTIONS false");
        }
        return new Template(directory, connectionString);
    }

    private static async Task ClonePostgresAsync(string template, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AdminAsync(template, $"CREATE DATABASE \"{Database(target)}\" TEMPLATE \"{Database(template)}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // another fixture's copy of the same template is in progress, or a backend is still leaving it
                await Task.Delay(250);
            }
        }
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    /// <summary>
    /// The host does not dispose the environment's file providers, and each one that watched a file (asp-append-version does)
    /// keeps an inotify instance: some 200 hosts in one process reached the limit of 128 and pages failed with 500.
    /// </summary>
    public static void ReleaseFileProviders(IServiceProvider services)
    {
        var environment = services.GetService<IWebHostEnvironment>();
        (environment?.WebRootFileProvider as IDisposable)?.Dispose();
        (environment?.ContentRootFileProvider as IDisposable)?.Dispose();
    }

    private static void RemoveAll()
    {
        foreach (var connectionString in PostgresTemplates)
        {
            try
            {
                using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database(connectionString)}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // a template left behind is dropped by the next cluster clean-up; the test results stand
            }
        }
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A host with the fixture's settings over the template's data directory and database.</summary>
    private sealed class TemplateHost(AppFixture fixture, string dataDirectory, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => fixture.Configure(builder, dataDirectory, connectionString);
    }
}
