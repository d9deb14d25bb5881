using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Npgsql;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP (WebApplicationFactory) on a throw-away database: a temporary SQLite
/// file, or a fresh PostgreSQL database when MINZHENG_TEST_POSTGRES is set. Demo mode with a small
/// population gives the demo accounts and people across the counties. Time is a fake clock.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "MINZHENG_TEST_POSTGRES";

    /// <summary>Monday 2026-11-30 10:00 in China.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "minzheng-tests", Guid.NewGuid().ToString("N"));

    public abstract DatabaseProvider Provider { get; }

    public string? SkipReason { get; protected init; }

    protected internal string ConnectionString { get; init; } = "";

    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = [];
    private readonly SemaphoreSlim _tokenLock = new(1, 1);

    public virtual int DemoPeople => 500;

    public virtual bool DemoSeed => true;

    /// <summary>Demo assistance cases (slower start); only the classes that look at demo cases want them.</summary>
    public virtual bool DemoCases => false;

    public void SkipIfUnavailable() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder, DataDirectory, ConnectionString);

    /// <summary>This fixture's settings on a host over the given data directory and database (its own, or its template's).</summary>
    internal void Configure(IWebHostBuilder builder, string dataDirectory, string connectionString)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Minzheng:DataDirectory", dataDirectory);
        builder.UseSetting("Minzheng:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Minzheng", connectionString);
        builder.UseSetting("Minzheng:Demo:Seed", DemoSeed ? "true" : "false");
        builder.UseSetting("Minzheng:Demo:People", DemoPeople.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Minzheng:Demo:Households", "150");
        builder.UseSetting("Minzheng:Demo:AssistanceCases", DemoCases ? "true" : "false");
        // a payroll's benefit statements in groups of a few entitlements, so every payroll test spans several (200,000 by default)
        builder.UseSetting("Minzheng:Payments:EntitlementsPerStep", "8");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // Npgsql logs a failed connection while Migrate() creates the throw-away database.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
            ["Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware"] = "Error",
        }));
        builder.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            l.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
            l.AddFilter("Minzheng.Crypto", LogLevel.Error);
        });
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(TestProcess.Model);
            ConfigureServices(services);
        });
    }

    /// <summary>Extra settings for special fixtures (e.g. another key file).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// Whether this fixture starts from a copy of a first start with the same settings (<see cref="AppTemplates"/>) rather
    /// than migrating and seeding its own: on by default, off where the fixture adds settings or services of its own (they
    /// may change what a first start writes, or the test is about the first start itself).
    /// </summary>
    protected virtual bool FromTemplate =>
        !ExtraSettings.Any() && GetType().GetMethod(nameof(ConfigureServices), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.DeclaringType == typeof(AppFixture);

    /// <summary>What a first start depends on: fixtures with equal keys may share one template.</summary>
    internal string TemplateKey => string.Join('|', Provider, DemoSeed, DemoPeople, DemoCases, Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    public virtual async ValueTask InitializeAsync()
    {
        if (SkipReason is not null) return;
        if (FromTemplate) await AppTemplates.CopyInto(this);
        StartHost(); // migrations, reference data, demo seed (a restart when copied from a template)
        _started = true;
    }

    private bool _started;

    /// <summary>Starts the in-memory host; browser fixtures start a real socket instead.</summary>
    protected virtual void StartHost() => _ = Server;

    public override async ValueTask DisposeAsync()
    {
        if (_started) AppTemplates.ReleaseFileProviders(Services);
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
        GC.SuppressFinalize(this);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>An API client signed in as a demo account (bearer token).</summary>
    public async Task<HttpClient> ClientAsync(string userName = "admin")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    public async Task<string> TokenAsync(string userName)
    {
        await _tokenLock.WaitAsync();
        try
        {
            // Tokens expire on the (fake) clock: reuse one only while the clock has not moved far.
            var now = Clock.GetUtcNow();
            if (_tokens.TryGetValue(userName, out var cached) && cached.IssuedAt <= now && now - cached.IssuedAt < TimeSpan.FromMinutes(30)) return cached.Token;
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Web.Platform.Demo.DemoAccounts.Password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[userName] = (token, now);
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    /// <summary>
    /// Runs code against the application's services as a demo account would act (its division or organisation scope and the
    /// permissions of its roles), for use cases that have no endpoint or whose service-level result a test inspects.
    /// </summary>
    public async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Platform.Access.AppUser>>();
        var account = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var roleManager = sp.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Web.Platform.Access.AppRole>>();
        var permissions = new HashSet<string>();
        foreach (var r in await users.GetRolesAsync(account))
        {
            var role = await roleManager.FindByNameAsync(r);
            foreach (var c in await roleManager.GetClaimsAsync(role!))
            {
                if (c.Type == Web.Platform.Access.Permissions.ClaimType) permissions.Add(c.Value);
            }
        }
        sp.GetRequiredService<CurrentUser>().RunAs(new Web.Platform.Access.ActingIdentity(account.Id, account.UserName!, account.DivisionCode, permissions, OrganizationId: account.OrganizationId));
        return await action(sp);
    }

    /// <summary>Runs code against the application's services as the system (no scope restriction).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("test");
        return await action(scope.ServiceProvider);
    }
}

public class SqliteApp : AppFixture
{
    public SqliteApp() => ConnectionString = $"Data Source={Path.Combine(DataDirectory, "minzheng.db")}";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public class PostgresApp : AppFixture
{
    private readonly string? _adminConnection;

    public PostgresApp()
    {
        var cs = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(cs))
        {
            SkipReason = $"PostgreSQL 不可用：未设置环境变量 {PostgresVariable}（.ci/run 会安装并启动 PostgreSQL 后设置它）";
            return;
        }
        var b = new NpgsqlConnectionStringBuilder(cs) { Database = "minzheng_t_" + Guid.NewGuid().ToString("N")[..12] };
        ConnectionString = b.ConnectionString;
        _adminConnection = new NpgsqlConnectionStringBuilder(cs) { Database = "postgres" }.ConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task DropDatabaseAsync()
    {
        if (_adminConnection is null) return;
        await DropAsync(_adminConnection, new NpgsqlConnectionStringBuilder(ConnectionString).Database!);
    }

    /// <summary>Drops a throw-away database over an administrative connection (to another database), ending its sessions.</summary>
    public static async Task DropAsync(string adminConnectionString, string name)
    {
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // FORCE cannot end a backend of another role on the database (an autovacuum worker that just started on
                // the throw-away database); it ends on its own within moments
                await Task.Delay(500);
            }
        }
    }
}

/// <summary>A production start (Minzheng:Demo:Seed=false): reference data only.</summary>
public sealed class SqliteProductionApp : SqliteApp
{
    public override bool DemoSeed => false;
}

public sealed class PostgresProductionApp : PostgresApp
{
    public override bool DemoSeed => false;
}
