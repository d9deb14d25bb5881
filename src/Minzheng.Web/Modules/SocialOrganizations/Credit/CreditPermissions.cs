using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>
/// Credit lists: the registration authorities (county and city officers) check a case against 60号令; the auditor reads
/// (the check changes nothing, so reading is all it needs).
/// </summary>
public static class CreditPermissions
{
    public const string Read = "socorg.credit.read";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看社会组织信用状态，按民政部令第60号核验活动异常名录、严重违法失信名单"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read],
        [Roles.CityOfficer] = [Read],
        [Roles.Auditor] = [Read],
    };
}
