using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class ComparisonPermissions
{
    public const string Read = "comparison.read";
    public const string Import = "comparison.import";
    public const string Run = "comparison.run";
    public const string Resolve = "comparison.resolve";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看数据比对线索及统计"),
        new(Import, "导入外部比对数据（公安、残联、不动产、市场监管等）"),
        new(Run, "执行数据比对、按县启停比对规则"),
        new(Resolve, "核实处理数据比对线索（确认并处置，或排除并说明理由）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read, Resolve],
        [Roles.TownshipClerk] = [Read, Resolve],
        [Roles.TownshipApprover] = [Read, Resolve],
        [Roles.CountyOfficer] = [Read, Import, Run, Resolve],
        [Roles.CityOfficer] = [Read, Import, Run],
        [Roles.Auditor] = [Read],
    };
}
