using System.Security.Claims;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// Who is acting, within which division subtree, with which permissions. One per request (scoped);
/// background work runs either as the user who queued it (<see cref="CurrentUser.RunAs"/>, so imports
/// stay within that user's scope) or, for startup and maintenance, as <see cref="CurrentUser.RunAsSystem"/>.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string UserName { get; }
    string? DivisionCode { get; }

    /// <summary>
    /// Set for accounts bound to an organisation (a care home, a provider) instead of a division: they see that
    /// organisation's records only, and their <see cref="Scope"/> is <see cref="DivisionScope.Nothing"/>.
    /// </summary>
    Guid? OrganizationId => null;

    /// <summary>The account's display name (a citizen's name), where known; see <see cref="AccountLabels"/>.</summary>
    string? DisplayName => null;

    DivisionScope Scope { get; }
    bool IsSystem { get; }
    string? IpAddress { get; }
    bool HasPermission(string permission);
}

public static class PlatformClaims
{
    public const string Division = "division";
    public const string Organization = "organization";
    public const string DisplayName = "display_name";
    public const string MustChangePassword = "must_change_password";
}

/// <summary>A snapshot of a user's identity, carried by background jobs they queue.</summary>
public sealed record ActingIdentity(Guid? UserId, string UserName, string? DivisionCode, IReadOnlySet<string> Permissions, bool IsSystem = false, string? IpAddress = null, Guid? OrganizationId = null)
{
    public static ActingIdentity System(string reason) => new(null, $"system:{reason}", null, new HashSet<string>(), IsSystem: true);

    public static ActingIdentity Of(ICurrentUser user, IEnumerable<string> permissions) =>
        new(user.UserId, user.UserName, user.DivisionCode, permissions.ToHashSet(), user.IsSystem, user.IpAddress, user.OrganizationId);
}

public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ActingIdentity? _acting;

    private ClaimsPrincipal? Principal =>
        _acting is null && http.HttpContext?.User is { Identity.IsAuthenticated: true } p ? p : null;

    /// <summary>Switches this scope to system identity: no division restriction, every permission.</summary>
    public void RunAsSystem(string reason) => _acting = ActingIdentity.System(reason);

    /// <summary>Acts as the given user (a background job on their behalf): their scope and permissions apply.</summary>
    public void RunAs(ActingIdentity identity) => _acting = identity;

    public bool IsSystem => _acting?.IsSystem ?? false;

    public Guid? UserId => _acting is not null ? _acting.UserId
        : Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => _acting?.UserName ?? Principal?.Identity?.Name ?? "anonymous";

    public string? DivisionCode => _acting is not null ? _acting.DivisionCode : Principal?.FindFirstValue(PlatformClaims.Division);

    public string? DisplayName => _acting is not null ? null : Principal?.FindFirstValue(PlatformClaims.DisplayName);

    public Guid? OrganizationId => _acting is not null ? _acting.OrganizationId
        : Guid.TryParse(Principal?.FindFirstValue(PlatformClaims.Organization), out var id) ? id : null;

    public DivisionScope Scope
    {
        get
        {
            if (IsSystem) return DivisionScope.Everything;
            // An organisation account sees no division's records, only its organisation's (AppDbContext's organisation scope).
            if (OrganizationId is not null) return DivisionScope.Nothing;
            var code = DivisionCode;
            return code is null || !Divisions.DivisionCodes.IsWellFormed(code) ? DivisionScope.Nothing : DivisionScope.Of(code);
        }
    }

    public string? IpAddress => _acting is not null ? _acting.IpAddress : http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool HasPermission(string permission) =>
        _acting is not null
            ? _acting.IsSystem || _acting.Permissions.Contains(permission)
            : Principal?.HasClaim(Permissions.ClaimType, permission) ?? false;

    /// <summary>The permissions of the signed-in principal (to hand to a background job).</summary>
    public IEnumerable<string> PermissionList =>
        _acting?.Permissions ?? Principal?.FindAll(Permissions.ClaimType).Select(c => c.Value) ?? [];
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
