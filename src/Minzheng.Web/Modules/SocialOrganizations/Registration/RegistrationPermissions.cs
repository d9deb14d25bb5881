using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>
/// Registration: the county and city officers accept, review and decide (who may act on which organisation is the
/// registration authority's level, <see cref="Registry.RegistrationAuthority"/>); an organisation's own account files its
/// change and deregistration online; citizens apply for establishment with the platform's <see cref="Permissions.CitizenApply"/>.
/// </summary>
public static class RegistrationPermissions
{
    public const string Handle = "socorg.registration.handle";
    public const string Decide = "socorg.registration.decide";
    public const string Submit = "socorg.registration.submit";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Handle, "社会组织登记：窗口录入、受理、不予受理、审查"),
        new(Decide, "社会组织登记：准予或不准予登记"),
        new(Submit, "社会组织网上申请变更、注销登记（本组织账号）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Handle, Decide],
        [Roles.CityOfficer] = [Handle, Decide],
        [Roles.OrganizationStaff] = [Submit, SocialOrganizationPermissions.Read],
    };
}
