using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare;

/// <summary>The permissions elderly care introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class ElderlyCarePermissions
{
    public const string Read = "elderly.read";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看养老服务"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read],
        [Roles.TownshipClerk] = [Read],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read],
        [Roles.CityOfficer] = [Read],
        [Roles.Finance] = [Read],
        [Roles.Auditor] = [Read],
    };
}
