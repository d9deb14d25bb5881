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

    public sealed record RoleDefinition(string Name, string DisplayName, string[] Permissions);

    public static readonly IReadOnlyList<RoleDefinition> Defaults =
    [
        new(VillageWorker, "村（社区）工作人员", [RegistryRead, WorkflowRead, AssistanceRead, AssistanceApply, ChildRead, ChildApply, ChildVisit, DisabilityRead, DisabilityApply, ComparisonRead, ComparisonResolve]),
        new(TownshipClerk, "乡镇经办人员（受理/调查）", [RegistryRead, RegistryWrite, RegistryImport, RegistryExport, OrganizationsRead, OrganizationsWrite, WorkflowRead, AssistanceRead, AssistanceApply, AssistanceAccept, AssistanceInvestigate, ChildRead, ChildApply, ChildVisit, DisabilityRead, DisabilityApply, ComparisonRead, ComparisonResolve]),
        new(TownshipApprover, "乡镇审核人员（审核确认）", [RegistryRead, RegistryExport, WorkflowRead, AssistanceRead, AssistanceApprove, ChildRead, ChildReview, ChildVisit, DisabilityRead, DisabilityReview, ComparisonRead, ComparisonResolve]),
        new(CountyOfficer, "县级民政干部", [RegistryRead, RegistryWrite, RegistryRevealId, RegistryImport, RegistryExport, OrganizationsRead, OrganizationsWrite, WorkflowRead, AssistanceRead, AssistanceApprove, AssistanceConfirm, AssistanceStandards, PaymentsRead, PaymentsPrepare, ChildRead, ChildReview, ChildConfirm, ChildStandards, ChildProtection, DisabilityRead, DisabilityApprove, FuneralRecord, ComparisonRead, ComparisonImport, ComparisonRun, ComparisonResolve]),
        new(CityOfficer, "市级民政干部", [RegistryRead, RegistryWrite, RegistryRevealId, RegistryImport, RegistryExport, OrganizationsRead, OrganizationsWrite, DivisionsWrite, CalendarWrite, WorkflowRead, AssistanceRead, AssistanceStandards, PaymentsRead, ChildRead, ChildStandards, DisabilityRead, ComparisonRead, ComparisonImport, ComparisonRun]),
        new(Finance, "财务人员", [RegistryRead, OrganizationsRead, WorkflowRead, AssistanceRead, PaymentsRead, PaymentsPrepare, PaymentsApprove]),
        new(Auditor, "审计人员（只读）", [RegistryRead, OrganizationsRead, WorkflowRead, AssistanceRead, PaymentsRead, ChildRead, DisabilityRead, ComparisonRead, AuditRead]),
        new(Administrator, "系统管理员", [.. Descriptions.Keys.Where(p => p != CitizenApply)]),
        new(Citizen, "群众", [CitizenApply]),
        new(DisabledPersonsFederation, "县级残联工作人员", [RegistryRead, DisabilityRead, DisabilityVerify]),
    ];
}
