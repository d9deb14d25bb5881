using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Payments;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class PaymentPermissions
{
    public const string Read = "payments.read";
    public const string Prepare = "payments.prepare";
    public const string Approve = "payments.approve";

    /// <summary>The township's task list of payees not paid for want of a bank account (townships hold no other payments permission).</summary>
    public const string MissingAccounts = "payments.missing-accounts";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看资金发放、追缴与发放月报"),
        new(Prepare, "编制资金发放表、导出银行文件、导入回盘"),
        new(Approve, "审批资金发放（不能审批本人编制的）、维护银行模板和价格补贴规则"),
        new(MissingAccounts, "查看因缺少银行账户未发送的领取人（待补录账户）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.TownshipClerk] = [MissingAccounts],
        [Roles.TownshipApprover] = [MissingAccounts],
        [Roles.CountyOfficer] = [Read, Prepare, MissingAccounts],
        [Roles.CityOfficer] = [Read, MissingAccounts],
        [Roles.Finance] = [Read, Prepare, Approve, MissingAccounts],
        [Roles.Auditor] = [Read],
    };
}
