using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

/// <summary>Spot checks are the registration authority's (county and city officers); the auditor reads through socorg.read.</summary>
public static class SpotCheckPermissions
{
    public const string Manage = "socorg.spot-checks.manage";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Manage, "社会组织抽查：检查人员名录、年度随机抽取、检查记录、整改、公开"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Manage],
        [Roles.CityOfficer] = [Manage],
    };
}
