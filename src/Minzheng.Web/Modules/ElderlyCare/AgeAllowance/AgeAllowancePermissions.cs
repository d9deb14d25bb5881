using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

/// <summary>
/// 高龄津贴: the township clerk runs the month's eligibility over the registry and confirms or refuses each candidate; the
/// county sets the standards in the figure book (county civil affairs decide the local amounts).
/// </summary>
public static class AgeAllowancePermissions
{
    public const string Read = "elderly.allowance.read";
    public const string Confirm = "elderly.allowance.confirm";
    public const string Manage = "elderly.allowance.manage";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看高龄津贴名单"),
        new(Confirm, "高龄津贴：生成本月名单、确认或不予享受"),
        new(Manage, "高龄津贴标准（档次、金额、是否限低收入、起发月份）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read],
        [Roles.TownshipClerk] = [Read, Confirm],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, Manage],
        [Roles.CityOfficer] = [Read, Manage],
        [Roles.Finance] = [Read],
        [Roles.Auditor] = [Read],
    };
}
