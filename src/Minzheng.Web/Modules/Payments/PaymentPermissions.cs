using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Payments;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class PaymentPermissions
{
    public const string Read = "payments.read";
    public const string Prepare = "payments.prepare";
    public const string Approve = "payments.approve";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看资金发放、追缴与发放月报"),
        new(Prepare, "编制资金发放表、导出银行文件、导入回盘"),
        new(Approve, "审批资金发放（不能审批本人编制的）、维护银行模板和价格补贴规则"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Prepare],
        [Roles.CityOfficer] = [Read],
        [Roles.Finance] = [Read, Prepare, Approve],
        [Roles.Auditor] = [Read],
    };
}
