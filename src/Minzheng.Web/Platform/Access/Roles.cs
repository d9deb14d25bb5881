using static Minzheng.Web.Platform.Access.Permissions;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// The roles shipped with the platform and the permissions they start with. Roles are data:
/// an administrator may change what a role grants; these are only the first-start defaults.
/// </summary>
public static class Roles
{
    public const string VillageWorker = "village-worker";
    public const string TownshipClerk = "township-clerk";
    public const string TownshipApprover = "township-approver";
    public const string CountyOfficer = "county-officer";
    public const string CityOfficer = "city-officer";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";
    public const string Citizen = "citizen";
    public const string DisabledPersonsFederation = "dpf-officer";

    /// <summary>Staff of an organisation (a care home, a home-care provider): the account is bound to it (AppUser.OrganizationId) and sees its records only.</summary>
    public const string OrganizationStaff = "organization-staff";

    public sealed record RoleDefinition(string Name, string DisplayName, string[] Permissions);

    public static readonly IReadOnlyList<RoleDefinition> Defaults =
    [
        new(VillageWorker, "村（社区）工作人员", [RegistryRead, WorkflowRead]),
        new(TownshipClerk, "乡镇经办人员（受理/调查）", [RegistryRead, RegistryWrite, RegistryImport, RegistryExport, OrganizationsRead, OrganizationsWrite, WorkflowRead]),
        new(TownshipApprover, "乡镇审核人员（审核确认）", [RegistryRead, RegistryExport, WorkflowRead]),
        new(CountyOfficer, "县级民政干部", [RegistryRead, RegistryWrite, RegistryRevealId, RegistryImport, RegistryExport, RegistryDeathReverse, OrganizationsRead, OrganizationsWrite, WorkflowRead]),
        new(CityOfficer, "市级民政干部", [RegistryRead, RegistryWrite, RegistryRevealId, RegistryImport, RegistryExport, OrganizationsRead, OrganizationsWrite, DivisionsWrite, CalendarWrite, WorkflowRead]),
        new(Finance, "财务人员", [RegistryRead, OrganizationsRead, WorkflowRead]),
        new(Auditor, "审计人员（只读）", [RegistryRead, OrganizationsRead, WorkflowRead, AuditRead]),
        new(Administrator, "系统管理员", []), // everything declared: see PermissionCatalog
        new(Citizen, "群众", [CitizenApply]),
        new(DisabledPersonsFederation, "县级残联工作人员", [RegistryRead]),
        new(OrganizationStaff, "机构工作人员（养老机构、服务机构等，账号绑定机构，只见本机构）", [OrganizationsRead]),
    ];
}
