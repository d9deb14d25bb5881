using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>
/// The permissions of government-purchased home care. Orders are placed by the township (the elder's division); contracts,
/// settlements and sampling audits are the purchaser's (county civil affairs); check-in and check-out are the provider's staff
/// (organisation accounts of role <see cref="Roles.OrganizationStaff"/>, who see only their own organisation's orders).
/// </summary>
public static class HomeCarePermissions
{
    public const string Read = "elderly.homecare.read";
    public const string Order = "elderly.homecare.order";
    public const string Manage = "elderly.homecare.manage";
    public const string Visit = "elderly.homecare.visit";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看政府购买居家养老服务（合同、订单、服务记录、结算）"),
        new(Order, "居家养老服务对象认定、下达服务订单"),
        new(Manage, "居家养老服务合同、月度结算、服务记录抽查"),
        new(Visit, "居家养老服务签到、签退（服务机构人员）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read],
        [Roles.TownshipClerk] = [Read, Order],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, Order, Manage],
        [Roles.CityOfficer] = [Read, Manage],
        [Roles.Finance] = [Read],
        [Roles.Auditor] = [Read],
        [Roles.OrganizationStaff] = [Read, Visit],
    };
}
