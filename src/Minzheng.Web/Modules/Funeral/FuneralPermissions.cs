using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class FuneralPermissions
{
    public const string Record = "funeral.record";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Record, "登记死亡、火化信息（停发该人员的各项待遇）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Record],
    };
}
