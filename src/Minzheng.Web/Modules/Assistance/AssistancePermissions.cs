using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class AssistancePermissions
{
    public const string Read = "assistance.read";
    public const string Apply = "assistance.apply";
    public const string Accept = "assistance.accept";
    public const string Investigate = "assistance.investigate";
    public const string Approve = "assistance.approve";
    public const string Confirm = "assistance.confirm";
    public const string Standards = "assistance.standards";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看社会救助业务"),
        new(Apply, "代为提交社会救助申请（村、社区）"),
        new(Accept, "社会救助受理、登记异议"),
        new(Investigate, "社会救助入户调查"),
        new(Approve, "社会救助审核（乡镇）"),
        new(Confirm, "社会救助审批确认（县级）"),
        new(Standards, "维护救助标准"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read, Apply],
        [Roles.TownshipClerk] = [Read, Apply, Accept, Investigate],
        [Roles.TownshipApprover] = [Read, Approve],
        [Roles.CountyOfficer] = [Read, Approve, Confirm, Standards],
        [Roles.CityOfficer] = [Read, Standards],
        [Roles.Finance] = [Read],
        [Roles.Auditor] = [Read],
    };
}
