using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Geography;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class GeographyPermissions
{
    public const string Read = "geography.read";
    public const string Manage = "geography.manage";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看地名、界线界桩（地名库、地名标志、界线、界桩、巡检）"),
        new(Manage, "管理地名（登记、修改、曾用名）、地名标志和界线界桩"),
    ];

    // 地名 and 界线 work is the county and city 民政's (地名管理条例 第四条; 行政区域界线管理条例 第三条); townships read their own
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Manage],
        [Roles.CityOfficer] = [Read, Manage],
        [Roles.TownshipClerk] = [Read],
        [Roles.TownshipApprover] = [Read],
        [Roles.Auditor] = [Read],
    };
}
