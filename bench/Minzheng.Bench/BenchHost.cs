using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Minzheng.Web.Modules;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Bench;

/// <summary>One benchmark case: a provider, a number of beneficiaries and where its database lives.</summary>
internal sealed record BenchCase(DatabaseProvider Provider, int Size, string Directory, string ConnectionString, string County)
{
    public string Name => $"{Provider.ToString().ToLowerInvariant()}-{Size}";
}

/// <summary>
/// The application's own service container, built exactly as Program.cs builds it (AddPlatform, AddModules) but
/// without starting Kestrel or the hosted services: PlatformInitializer migrates the database and loads the
/// reference data (the 玉林 division tree), with the demo population off.
/// </summary>
internal static class BenchHost
{
    public static async Task<WebApplication> StartAsync(BenchCase c)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Bench",
            // as Program.cs: the data directory under the content root (the default installation), no reload watcher
            ContentRootPath = c.Directory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Minzheng:DataDirectory"] = c.Directory,
            ["Minzheng:Database:Provider"] = c.Provider.ToString(),
            ["ConnectionStrings:Minzheng"] = c.ConnectionString,
            ["Minzheng:Demo:Seed"] = "false",
            ["Minzheng:Demo:AssistanceCases"] = "false",
        });
        // stdout carries the phase's result line: every log goes to stderr
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Npgsql logs a failed connection while Migrate() creates the fresh database; real failures still throw
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Logging.AddFilter("Minzheng.Crypto", LogLevel.Error);
        builder.AddPlatform();
        builder.AddModules();
        var app = builder.Build();
        await app.Services.GetRequiredService<PlatformInitializer>().InitializeAsync(seedDemo: false);
        return app;
    }

    /// <summary>A service scope acting as the system (no division restriction), as background jobs do.</summary>
    public static AsyncServiceScope SystemScope(this WebApplication app)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("bench");
        return scope;
    }
}
