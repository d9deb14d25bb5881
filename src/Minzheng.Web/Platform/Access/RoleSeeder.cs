using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// Creates the shipped roles and grants their default permissions. A permission that a later release
/// adds to a role's defaults is granted once; what an administrator removed stays removed.
/// </summary>
public static class RoleSeeder
{
    public const string SettingKey = "access.role_defaults";

    public static async Task EnsureAsync(AppDbContext db, RoleManager<AppRole> roles, Composition.PermissionCatalog catalog, CancellationToken ct = default)
    {
        var setting = await db.Settings.FindAsync([SettingKey], ct);
        var applied = setting is null
            ? new Dictionary<string, string[]>()
            : JsonSerializer.Deserialize<Dictionary<string, string[]>>(setting.Value) ?? [];

        foreach (var def in catalog.Defaults)
        {
            var role = await roles.FindByNameAsync(def.Name);
            if (role is null)
            {
                role = new AppRole(def.Name, def.DisplayName);
                Check(await roles.CreateAsync(role));
            }
            var already = applied.GetValueOrDefault(def.Name) ?? [];
            var claims = await roles.GetClaimsAsync(role);
            foreach (var permission in def.Permissions.Except(already))
            {
                if (!claims.Any(c => c.Type == Permissions.ClaimType && c.Value == permission))
                {
                    Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission)));
                }
            }
            applied[def.Name] = def.Permissions;
        }
        var json = JsonSerializer.Serialize(applied);
        if (setting is null) db.Settings.Add(new PlatformSetting { Key = SettingKey, Value = json, UpdatedAt = DateTime.UtcNow });
        else setting.Value = json;
        await db.SaveChangesAsync(ct);
    }

    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
