using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Community;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class CommunityPermissions
{
    public const string Read = "community.read";
    public const string Manage = "community.manage";
    public const string Vet = "community.vet";
    public const string Publish = "community.publish";
    public const string Certify = "community.certify";
    public const string Oversee = "community.oversee";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看社区治理（村（居）委会及成员、换届选举、村务公开、准入和证明事项、试点和乡镇服务能力评估）"),
        new(Manage, "管理村（居）委会成员、民主评议和审计，办理换届选举（选举委员会、选民登记、提名、投票结果、移交）"),
        new(Vet, "村（居）委会候选人资格联审（县级部门审查意见）"),
        new(Publish, "登记村务（居务）公开记录"),
        new(Certify, "村（居）委会出具证明（只限允许出具的证明事项）"),
        new(Oversee, "县、市级：准入事项清单和部门进村事项审批、证明事项目录、资格审查类别、农村社区试点、乡镇服务能力评估、社区治理参数"),
    ];

    // the township guides and supervises the committees' work and their elections (村委会组织法 第五条、第十二条); the county
    // runs the candidates' joint vetting (PLAN) and approves what departments push to village desks (准入, 居委会组织法 第二十条)
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read, Publish, Certify],
        [Roles.TownshipClerk] = [Read, Manage, Publish, Certify],
        [Roles.TownshipApprover] = [Read, Manage],
        [Roles.CountyOfficer] = [Read, Manage, Vet, Oversee],
        [Roles.CityOfficer] = [Read, Manage, Vet, Oversee],
        [Roles.Auditor] = [Read],
    };
}
