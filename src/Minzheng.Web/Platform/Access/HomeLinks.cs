using System.Security.Claims;

namespace Minzheng.Web.Platform.Access;

/// <summary>Where "back home" leads: a citizen (网上申请 only) to their applications, staff to 工作台.</summary>
public static class HomeLinks
{
    public static bool IsCitizen(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.HasClaim(Permissions.ClaimType, Permissions.CitizenApply)
        && !user.HasClaim(Permissions.ClaimType, Permissions.RegistryRead);

    public static (string Href, string Name) Of(ClaimsPrincipal user) => IsCitizen(user) ? ("/citizen", "返回我的申请") : ("/", "返回工作台");
}
