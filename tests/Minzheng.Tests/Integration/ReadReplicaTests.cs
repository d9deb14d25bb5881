using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Funeral;
using Minzheng.Web.Modules.Funeral.Dashboard;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Npgsql;

namespace Minzheng.Tests.Integration;

/// <summary>
/// The read-only context of reports (ADR 071) on both providers without a standby: it reads over the primary's connection,
/// sees exactly what AppDbContext sees in the user's scope, tracks nothing and refuses every kind of write.
/// </summary>
public abstract class ReadOnlyDbTests(AppFixture app)
{
    [Fact]
    public async Task Reads_in_the_same_scope_tracks_nothing_and_refuses_writes()
    {
        app.SkipIfUnavailable();
        var (primary, read, tracked) = await app.AsUserAsync("rongzhou.clerk", async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var r = sp.GetRequiredService<ReadOnlyDb>().Context;
            var p = await db.Persons.CountAsync(TestContext.Current.CancellationToken);
            var q = await r.Persons.CountAsync(TestContext.Current.CancellationToken);
            _ = await r.Persons.OrderBy(x => x.Id).Take(5).ToListAsync(TestContext.Current.CancellationToken);
            return (p, q, r.ChangeTracker.Entries().Count());
        });
        var everyone = await app.WithServicesAsync(sp => sp.GetRequiredService<ReadOnlyDb>().Context.Persons.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(read > 0, "the township has demo people");
        Assert.Equal(primary, read); // the same division filter as AppDbContext
        Assert.True(everyone > read, $"the system sees the whole city ({everyone}), the township clerk only the township ({read})");
        Assert.Equal(0, tracked);

        await app.WithServicesAsync(async sp =>
        {
            var r = sp.GetRequiredService<ReadOnlyDb>().Context;
            Assert.True(r.IsReadOnly);
            Assert.False(sp.GetRequiredService<AppDbContext>().IsReadOnly);
            r.Settings.Add(new PlatformSetting { Key = "read-only-test", Value = "x" });
            var save = await Assert.ThrowsAsync<InvalidOperationException>(() => r.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Contains("只读", save.Message);
            await Assert.ThrowsAsync<InvalidOperationException>(() => r.Settings.Where(s => s.Key == "read-only-test").ExecuteDeleteAsync(TestContext.Current.CancellationToken));
            await Assert.ThrowsAsync<InvalidOperationException>(() => r.Settings.Where(s => s.Key == "read-only-test")
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, "y"), TestContext.Current.CancellationToken));
            await Assert.ThrowsAsync<InvalidOperationException>(() => r.Database.ExecuteSqlRawAsync("DELETE FROM platform_setting WHERE key = 'read-only-test'", TestContext.Current.CancellationToken));
            return 0;
        });
    }
}

public sealed class ReadOnlyDbTestsOnSqlite(SqliteApp app) : ReadOnlyDbTests(app), IClassFixture<SqliteApp>;

public sealed class ReadOnlyDbTestsOnPostgres(PostgresApp app) : ReadOnlyDbTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The application on PostgreSQL with <c>ConnectionStrings:MinzhengRead</c> listing a standby first and the primary after it
/// (<c>Target Session Attributes=prefer-standby</c>), as docs/operations.md configures it.
/// </summary>
public abstract class ReplicaApp : PostgresApp
{
    /// <summary>The standby's connection string (.ci/standby starts one on port 5433 and .ci/run sets this).</summary>
    public const string StandbyVariable = "MINZHENG_TEST_POSTGRES_STANDBY";

    /// <summary>host:port of the standby this fixture's reports read from.</summary>
    protected abstract string? StandbyHost { get; }

    public string ReadConnectionString
    {
        get
        {
            var primary = new NpgsqlConnectionStringBuilder(ConnectionString);
            return new NpgsqlConnectionStringBuilder(ConnectionString)
            {
                Host = $"{StandbyHost},{primary.Host}:{primary.Port}",
                TargetSessionAttributes = "prefer-standby",
                LoadBalanceHosts = false,
            }.ConnectionString;
        }
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        SkipReason is null ? [new("ConnectionStrings:MinzhengRead", ReadConnectionString)] : [];

    // The read connection changes nothing a first start writes (initializers write through AppDbContext), so the fixture starts
    // from the shared template like a plain PostgreSQL one.
    protected override bool FromTemplate => true;

    /// <summary>(port, in recovery, default_transaction_read_only) of the server behind a context's connection.</summary>
    public static async Task<(int Port, bool Standby, string ReadOnly)> ServerAsync(AppDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = await db.Database.SqlQueryRaw<int>("SELECT inet_server_port() AS \"Value\"").SingleAsync(ct);
        var standby = await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(ct);
        var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('default_transaction_read_only') AS \"Value\"").SingleAsync(ct);
        return (port, standby, readOnly);
    }
}

/// <summary>A standby that streams from the primary (MINZHENG_TEST_POSTGRES_STANDBY).</summary>
public sealed class StandbyApp : ReplicaApp
{
    public StandbyApp()
    {
        if (SkipReason is not null) return;
        var cs = Environment.GetEnvironmentVariable(StandbyVariable);
        if (string.IsNullOrWhiteSpace(cs))
        {
            SkipReason = $"PostgreSQL 备库不可用：未设置环境变量 {StandbyVariable}（.ci/run 用 .ci/standby 启动流复制备库后设置它）";
            return;
        }
        Standby = new NpgsqlConnectionStringBuilder(cs);
    }

    public NpgsqlConnectionStringBuilder? Standby { get; }

    protected override string? StandbyHost => Standby is null ? null : $"{Standby.Host}:{Standby.Port}";

    /// <summary>
    /// A connection to the standby's postgres database, for the test's own replay control: replay is the whole cluster's, and
    /// .ci/run grants pg_wal_replay_pause() and pg_wal_replay_resume() there (a function's grant is per database).
    /// </summary>
    public NpgsqlConnection StandbyConnection() =>
        new(new NpgsqlConnectionStringBuilder(Standby!.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);

    public NpgsqlConnection PrimaryConnection() => new(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    /// <summary>Waits until the standby has replayed everything the primary has written so far (its own throw-away database included).</summary>
    public async Task WaitForReplayAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        string lsn;
        await using (var primary = PrimaryConnection())
        {
            await primary.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
            lsn = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        // the cluster's postgres database exists on the standby before this fixture's database is replayed
        var deadline = DateTime.UtcNow.AddMinutes(3); // a loaded machine replays a template copy slowly
        while (true)
        {
            await using (var standby = StandbyConnection())
            {
                await standby.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= @lsn::pg_lsn", standby);
                cmd.Parameters.AddWithValue("lsn", lsn);
                if (await cmd.ExecuteScalarAsync(ct) is true) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the standby did not replay up to {lsn} within 3 minutes");
            await Task.Delay(100, ct);
        }
    }
}

/// <summary>A standby that is down: its address refuses connections (a port nothing listens on).</summary>
public sealed class StandbyDownApp : ReplicaApp
{
    private static readonly int DeadPort = FreePort();

    protected override string? StandbyHost => $"127.0.0.1:{DeadPort}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Reports read from the standby while writes go to the primary: with replay paused on the standby, a death recorded on the
/// primary is in the primary's count at once and not in the funeral dashboard's, and it reaches the dashboard once replay
/// resumes and catches up.
/// </summary>
public sealed class ReadReplicaTests(StandbyApp app) : IClassFixture<StandbyApp>
{
    [Fact]
    public async Task A_report_reads_the_standby_and_a_write_goes_to_the_primary()
    {
        app.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await app.WaitForReplayAsync();

        var (readServer, writeServer) = await app.WithServicesAsync(async sp =>
            (await ReplicaApp.ServerAsync(sp.GetRequiredService<ReadOnlyDb>().Context), await ReplicaApp.ServerAsync(sp.GetRequiredService<AppDbContext>())));
        Assert.Equal((app.Standby!.Port, true), (readServer.Port, readServer.Standby));
        Assert.Equal("on", readServer.ReadOnly);
        Assert.Equal((new NpgsqlConnectionStringBuilder(app.PrimaryConnection().ConnectionString).Port, false, "off"), writeServer);

        var year = app.Clock.GetUtcNow().Year;
        var before = await DeathsOnDashboardAsync(year);
        var primaryBefore = await DeathsOnPrimaryAsync(year);
        Assert.Equal(primaryBefore, before);

        await using var standby = app.StandbyConnection();
        await standby.OpenAsync(ct);
        await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        try
        {
            // pausing takes effect at the next record replayed; wait until the standby says so
            for (var i = 0; i < 100 && await ScalarAsync<string>(standby, "SELECT pg_get_wal_replay_pause_state()") != "paused"; i++) await Task.Delay(100, ct);
            await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var person = await db.Persons.AsNoTracking().Where(p => p.LifeStatus == LifeStatus.Alive).OrderBy(p => p.Id).FirstAsync(ct);
                db.Set<DeathRecord>().Add(new DeathRecord
                {
                    PersonId = person.Id,
                    DivisionCode = person.DivisionCode,
                    DeathDate = new DateOnly(year, 6, 1),
                    Place = "住所",
                    Reporter = "只读副本测试",
                    RecordedBy = "test",
                    RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(ct);
                return 0;
            });
            Assert.Equal(primaryBefore + 1, await DeathsOnPrimaryAsync(year));
            Assert.Equal(before, await DeathsOnDashboardAsync(year)); // the standby has not replayed it
        }
        finally
        {
            await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        }
        await app.WaitForReplayAsync();
        Assert.Equal(before + 1, await DeathsOnDashboardAsync(year));

        // and the page itself answers from there
        var admin = await app.ClientAsync();
        var page = await admin.GetAsync($"/funeral?year={year}", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private Task<int> DeathsOnDashboardAsync(int year) =>
        app.WithServicesAsync(async sp => (await sp.GetRequiredService<FuneralDashboard>().LoadAsync(year, TestContext.Current.CancellationToken)).Deaths);

    private Task<int> DeathsOnPrimaryAsync(int year) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<DeathRecord>()
            .CountAsync(d => d.DeathDate >= new DateOnly(year, 1, 1) && d.DeathDate < new DateOnly(year + 1, 1, 1), TestContext.Current.CancellationToken));

    private static async Task ExecuteAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}

/// <summary>
/// The standby is down: reports fall back to the primary (the second host of the read connection string), read-only, and the
/// dashboard answers as before.
/// </summary>
public sealed class ReadReplicaFallbackTests(StandbyDownApp app) : IClassFixture<StandbyDownApp>
{
    [Fact]
    public async Task Reports_read_the_primary_when_the_standby_is_down()
    {
        app.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var read = await app.WithServicesAsync(sp => ReplicaApp.ServerAsync(sp.GetRequiredService<ReadOnlyDb>().Context));
        Assert.Equal((new NpgsqlConnectionStringBuilder(app.ReadConnectionString).Host!.Split(',')[1].Split(':')[1], false, "on"),
            (read.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Standby, read.ReadOnly));

        var year = app.Clock.GetUtcNow().Year;
        var overview = await app.WithServicesAsync(sp => sp.GetRequiredService<FuneralDashboard>().LoadAsync(year, ct));
        var onPrimary = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<DeathRecord>()
            .CountAsync(d => d.DeathDate >= new DateOnly(year, 1, 1) && d.DeathDate < new DateOnly(year + 1, 1, 1), ct));
        Assert.Equal(onPrimary, overview.Deaths);

        var admin = await app.ClientAsync();
        foreach (var path in new[] { "/", $"/funeral?year={year}", "/comparison" })
        {
            var page = await admin.GetAsync(path, ct);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} → {(int)page.StatusCode}");
        }
    }
}
