using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>The time bank's permissions: the service points that book withdrawals, the city that grants, the officers who reverse.</summary>
public static class TimeBankPermissions
{
    /// <summary>时间银行服务网点: withdraw for a service received (any township of the city: 通存通兑).</summary>
    public const string Operate = "volunteers.timebank.operate";

    /// <summary>赠与: the city grants pool time to priority elders.</summary>
    public const string Grant = "volunteers.timebank.grant";

    /// <summary>冲正 a transaction, with the reason.</summary>
    public const string Reverse = "volunteers.timebank.reverse";

    /// <summary>对账: the whole ledger's sums (aggregates of the city).</summary>
    public const string Reconcile = "volunteers.timebank.reconcile";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Operate, "时间银行服务网点办理兑换（全市通存通兑）"),
        new(Grant, "从时间银行捐赠池向优先对象赠与时长"),
        new(Reverse, "冲正时间银行交易（须说明理由，不删除）"),
        new(Reconcile, "时间银行全市对账"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.TownshipClerk] = [Operate],
        [Roles.CountyOfficer] = [Operate, Reverse],
        [Roles.CityOfficer] = [Operate, Grant, Reverse, Reconcile],
        [Roles.Auditor] = [Reconcile],
    };
}
