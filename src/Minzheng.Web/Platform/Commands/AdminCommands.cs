using Microsoft.AspNetCore.Identity;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Commands;

/// <summary>
/// Command-line operations run with the same configuration as the web application, e.g.
/// <c>dotnet run --project src/Minzheng.Web -- admin create --user NAME --password PASSWORD</c>.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "admin" or "keys";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            await app.Services.GetRequiredService<PlatformInitializer>().InitializeAsync(seedDemo: false);
            return (args[0], args.ElementAtOrDefault(1)) switch
            {
                ("admin", "create") => await CreateAdminAsync(app.Services, Option(args, "--user"), Option(args, "--password"), Option(args, "--division") ?? "450900000000"),
                ("keys", "rotate") => await KeyRotation.RotateAsync(app.Services, Console.Out),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or Crypto.KeyMismatchException)
        {
            await Console.Error.WriteLineAsync("错误: " + e.Message);
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            用法:
              admin create --user 用户名 --password 密码 [--division 12位区划代码]   创建系统管理员
              keys rotate                                                         生成新的加密密钥并重新加密全部敏感字段
            """);
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static async Task<int> CreateAdminAsync(IServiceProvider services, string? userName, string? password, string division)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return Usage();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("admin-create");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await Console.Error.WriteLineAsync($"错误: 用户“{userName}”已存在");
            return 1;
        }
        var user = new AppUser { UserName = userName, DisplayName = "系统管理员", DivisionCode = division, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("错误: " + string.Join("；", result.Errors.Select(e => e.Description)));
            return 1;
        }
        RoleSeeder.Check(await users.AddToRoleAsync(user, Roles.Administrator));
        Console.WriteLine($"已创建系统管理员“{userName}”，管辖范围 {division}。");
        return 0;
    }
}
