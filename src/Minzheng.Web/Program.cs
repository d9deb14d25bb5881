using Minzheng.Web.Modules;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Commands;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Demo;

// No reload watcher on appsettings: the content root is the working directory, which holds data/ by default, and a
// recursive watcher there wakes on every database write (it halved payroll generation speed on SQLite, see
// docs/benchmarks.md). Settings are read at start-up; an operator restarts the service after changing them.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddPlatform();
builder.AddModules();

var app = builder.Build();

if (AdminCommands.IsCommand(args))
{
    return await AdminCommands.RunAsync(app, args);
}

var options = app.Services.GetRequiredService<PlatformOptions>();
await app.Services.GetRequiredService<PlatformInitializer>().InitializeAsync(options.DemoSeed);

app.UsePlatform();
app.MapModules();

if (!app.Environment.IsEnvironment("Testing"))
{
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var urls = string.Join(" ", app.Urls);
        Console.WriteLine($"""

            民政一体化业务平台已启动（{(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalSeconds:F1} 秒）: {urls}
            数据目录: {options.DataDirectory}  数据库: {options.Provider}
            """);
        if (options.DemoSeed)
        {
            Console.WriteLine($"演示账号（密码均为 {DemoAccounts.Password}）:");
            foreach (var a in DemoAccounts.All) Console.WriteLine($"  {a.UserName,-18} {a.Description}");
        }
    });
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory in tests.</summary>
public partial class Program;
