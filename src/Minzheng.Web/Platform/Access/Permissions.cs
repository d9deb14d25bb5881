namespace Minzheng.Web.Platform.Access;

/// <summary>
/// Named permissions. Endpoints and pages declare the one they need; roles (data) grant them.
/// A permission is a claim of type <see cref="ClaimType"/> carried by the role.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "permission";
    public const string PolicyPrefix = "perm:";

    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";
    public const string RegistryRevealId = "registry.reveal-id";
    public const string RegistryImport = "registry.import";
    public const string RegistryExport = "registry.export";

    /// <summary>Reverses a death recorded in error (every module restores what the death stopped): a county decision.</summary>
    public const string RegistryDeathReverse = "registry.death-reverse";
    public const string OrganizationsRead = "organizations.read";
    public const string OrganizationsWrite = "organizations.write";
    public const string DivisionsWrite = "divisions.write";
    public const string CalendarWrite = "calendar.write";
    public const string WorkflowRead = "workflow.read";
    public const string AuditRead = "audit.read";
    public const string AdminUsers = "admin.users";
    public const string CitizenApply = "citizen.apply";

    /// <summary>The kernel's own permissions; modules declare theirs (see <see cref="Composition.PermissionCatalog"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Kernel = new Dictionary<string, string>
    {
        [RegistryRead] = "查看人员、家庭登记信息",
        [RegistryWrite] = "新增、修改人员和家庭信息",
        [RegistryRevealId] = "查看完整身份证号等敏感号码（留痕）",
        [RegistryImport] = "从 Excel/CSV 批量导入人员和家庭",
        [RegistryExport] = "导出人员、家庭名单",
        [RegistryDeathReverse] = "撤销误登记的死亡（恢复被停发的各项待遇，县级）",
        [OrganizationsRead] = "查看组织（社会组织、养老机构、服务商等）登记信息",
        [OrganizationsWrite] = "登记、变更、注销组织，批量导入组织",
        [DivisionsWrite] = "维护行政区划信息",
        [CalendarWrite] = "维护节假日与调休工作日",
        [WorkflowRead] = "查看业务流程、待办与超期件",
        [AuditRead] = "查阅审计日志",
        [AdminUsers] = "管理用户、角色和管辖范围",
        [CitizenApply] = "群众网上申请",
    };

    public static string Policy(string permission) => PolicyPrefix + permission;
}
