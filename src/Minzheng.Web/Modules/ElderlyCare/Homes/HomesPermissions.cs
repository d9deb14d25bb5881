using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare.Homes;

/// <summary>The permissions of care homes, ability assessment and home subsidies, and the roles they start with.</summary>
public static class HomesPermissions
{
    public const string Read = "elderly.homes.read";
    public const string Manage = "elderly.homes.manage";
    public const string Residents = "elderly.homes.residents";
    public const string Assess = "elderly.ability.assess";
    public const string SubsidyApply = "elderly.subsidies.apply";
    public const string SubsidyApprove = "elderly.subsidies.approve";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看养老机构、入住老人、工作人员、能力评估"),
        new(Manage, "养老机构登记、备案、变更备案、现场检查"),
        new(Residents, "养老机构入住、退住老人和工作人员登记"),
        new(Assess, "录入老年人能力评估"),
        new(SubsidyApply, "申请民办养老机构建设、运营补贴"),
        new(SubsidyApprove, "审核、审批民办养老机构补贴"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read],
        [Roles.TownshipClerk] = [Read, Assess],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, Manage, Residents, Assess, SubsidyApprove],
        [Roles.CityOfficer] = [Read],
        [Roles.Finance] = [Read],
        [Roles.Auditor] = [Read],
        // a home's own accounts (bound to the organisation): residents, staff, assessments and its subsidy applications
        [Roles.OrganizationStaff] = [ElderlyCarePermissions.Read, Read, Residents, Assess, SubsidyApply],
    };
}
