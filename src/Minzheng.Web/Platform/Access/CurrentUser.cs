using System.Security.Claims;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// Who is acting, within which division subtree, with which permissions. One per request (scoped);
/// background work, migrations and the seeder run as <see cref="RunAsSystem"/> so their intent is explicit.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string UserName { get; }
    string? DivisionCode { get; }
    DivisionScope Scope { get; }
    bool IsSystem { get; }
    string? IpAddress { get; }
    bool HasPermission(string permission);
}

public static class PlatformClaims
{
    public const string Division = "division";
    public const string DisplayName = "display_name";
    public const string MustChangePassword = "must_change_password";
}

public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private string? _systemReason;

    private ClaimsPrincipal? Principal =>
        _systemReason is null && http.HttpContext?.User is { Identity.IsAuthenticated: true } p ? p : null;

    /// <summary>Switches this scope to system identity: no division restriction, every permission.</summary>
    public void RunAsSystem(string reason) => _systemReason = reason;

    public bool IsSystem => _systemReason is not null;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => _systemReason is not null ? $"system:{_systemReason}" : Principal?.Identity?.Name ?? "anonymous";

    public string? DivisionCode => Principal?.FindFirstValue(PlatformClaims.Division);

    public DivisionScope Scope
    {
        get
        {
            if (IsSystem) return DivisionScope.Everything;
            var code = DivisionCode;
            return code is null || !Divisions.DivisionCodes.IsWellFormed(code) ? DivisionScope.Nothing : DivisionScope.Of(code);
        }
    }

    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool HasPermission(string permission) =>
        IsSystem || (Principal?.HasClaim(Permissions.ClaimType, permission) ?? false);
}

/// <summary>A fixed identity for design-time tools and unit tests that build a context by hand.</summary>
public sealed class SystemUser(string reason) : ICurrentUser
{
    public Guid? UserId => null;
    public string UserName => $"system:{reason}";
    public string? DivisionCode => null;
    public DivisionScope Scope => DivisionScope.Everything;
    public bool IsSystem => true;
    public string? IpAddress => null;
    public bool HasPermission(string permission) => true;
}
