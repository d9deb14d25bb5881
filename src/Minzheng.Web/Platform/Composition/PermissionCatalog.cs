using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Platform.Composition;

/// <summary>
/// Every permission of the application: the kernel's own (<see cref="Permissions.Kernel"/>) and those the modules declare, each
/// with its description, and the roles' first-start grants. A permission declared twice is a startup error.
/// </summary>
public sealed class PermissionCatalog
{
    public PermissionCatalog(IEnumerable<ModuleDeclaration> modules)
    {
        var descriptions = new Dictionary<string, string>(Permissions.Kernel);
        var grants = Roles.Defaults.ToDictionary(r => r.Name, r => r.Permissions.ToList());
        foreach (var module in modules)
        {
            foreach (var p in module.Permissions)
            {
                if (!descriptions.TryAdd(p.Name, p.Description)) throw new InvalidOperationException($"permission {p.Name} is declared twice (module {module.Key})");
            }
            foreach (var (role, permissions) in module.RoleGrants)
            {
                if (!grants.TryGetValue(role, out var list)) throw new InvalidOperationException($"module {module.Key} grants to unknown role {role}");
                var undeclared = permissions.Where(p => module.Permissions.All(d => d.Name != p)).ToList();
                if (undeclared.Count > 0) throw new InvalidOperationException($"module {module.Key} grants permissions it does not declare: {string.Join(", ", undeclared)}");
                list.AddRange(permissions);
            }
        }
        Descriptions = descriptions;
        // administrators hold everything but acting as a citizen
        grants[Roles.Administrator] = [.. descriptions.Keys.Where(p => p != Permissions.CitizenApply)];
        Defaults = Roles.Defaults.Select(r => r with { Permissions = [.. grants[r.Name].Distinct()] }).ToList();
    }

    /// <summary>Permission → Chinese description, kernel first, then the modules in registration order.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; }

    /// <summary>The shipped roles with the kernel's and every module's default grants.</summary>
    public IReadOnlyList<Roles.RoleDefinition> Defaults { get; }

    public IReadOnlyList<string> DefaultsOf(string role) => Defaults.FirstOrDefault(r => r.Name == role)?.Permissions ?? [];
}

/// <summary>One authorization policy per declared permission ("perm:xxx"), built when the options are first read.</summary>
internal sealed class PermissionPolicies(PermissionCatalog catalog) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions options)
    {
        foreach (var permission in catalog.Descriptions.Keys)
        {
            options.AddPolicy(Permissions.Policy(permission), p => p.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, permission));
        }
    }
}
