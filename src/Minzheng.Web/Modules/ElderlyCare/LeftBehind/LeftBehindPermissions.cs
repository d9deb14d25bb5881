using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>
/// 农村留守老年人关爱: the village (村委会, its worker) surveys, registers and visits, the township clerk does the same and watches
/// the overdue list; county and city read and set the figures; the auditor reads.
/// </summary>
public static class LeftBehindPermissions
{
    public const string Read = "elderly.left-behind.read";
    public const string Write = "elderly.left-behind.write";
    public const string Manage = "elderly.left-behind.manage";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看农村留守老年人名册、巡访记录，导出名册"),
        new(Write, "登记农村留守老年人、登记巡访、调整风险等级、退出名册"),
        new(Manage, "农村留守老年人认定条件与巡访频次（标准台账）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read, Write],
        [Roles.TownshipClerk] = [Read, Write],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, Manage],
        [Roles.CityOfficer] = [Read, Manage],
        [Roles.Auditor] = [Read],
    };
}
