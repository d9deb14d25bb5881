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
    public const string OrganizationsRead = "organizations.read";
    public const string OrganizationsWrite = "organizations.write";
    public const string DivisionsWrite = "divisions.write";
    public const string CalendarWrite = "calendar.write";
    public const string WorkflowRead = "workflow.read";
    public const string AssistanceRead = "assistance.read";
    public const string AssistanceApply = "assistance.apply";
    public const string AssistanceAccept = "assistance.accept";
    public const string AssistanceInvestigate = "assistance.investigate";
    public const string AssistanceApprove = "assistance.approve";
    public const string AssistanceConfirm = "assistance.confirm";
    public const string AssistanceStandards = "assistance.standards";
    public const string PaymentsRead = "payments.read";
    public const string PaymentsPrepare = "payments.prepare";
    public const string PaymentsApprove = "payments.approve";
    public const string ChildRead = "child.read";
    public const string ChildApply = "child.apply";
    public const string ChildReview = "child.review";
    public const string ChildConfirm = "child.confirm";
    public const string ChildVisit = "child.visit";
    public const string ChildProtection = "child.protection";
    public const string ChildStandards = "child.standards";
    public const string DisabilityRead = "disability.read";
    public const string DisabilityApply = "disability.apply";
    public const string DisabilityReview = "disability.review";
    public const string DisabilityVerify = "disability.verify";
    public const string DisabilityApprove = "disability.approve";
    public const string FuneralRecord = "funeral.record";
    public const string ComparisonRead = "comparison.read";
    public const string ComparisonImport = "comparison.import";
    public const string ComparisonRun = "comparison.run";
    public const string ComparisonResolve = "comparison.resolve";
    public const string AuditRead = "audit.read";
    public const string AdminUsers = "admin.users";
    public const string CitizenApply = "citizen.apply";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [RegistryRead] = "查看人员、家庭登记信息",
        [RegistryWrite] = "新增、修改人员和家庭信息",
        [RegistryRevealId] = "查看完整身份证号等敏感号码（留痕）",
        [RegistryImport] = "从 Excel/CSV 批量导入人员和家庭",
        [RegistryExport] = "导出人员、家庭名单",
        [OrganizationsRead] = "查看组织（社会组织、养老机构、服务商等）登记信息",
        [OrganizationsWrite] = "登记、变更、注销组织，批量导入组织",
        [DivisionsWrite] = "维护行政区划信息",
        [CalendarWrite] = "维护节假日与调休工作日",
        [WorkflowRead] = "查看业务流程、待办与超期件",
        [AssistanceRead] = "查看社会救助业务",
        [AssistanceApply] = "代为提交社会救助申请（村、社区）",
        [AssistanceAccept] = "社会救助受理、登记异议",
        [AssistanceInvestigate] = "社会救助入户调查",
        [AssistanceApprove] = "社会救助审核（乡镇）",
        [AssistanceConfirm] = "社会救助审批确认（县级）",
        [AssistanceStandards] = "维护救助标准",
        [PaymentsRead] = "查看资金发放、追缴与发放月报",
        [PaymentsPrepare] = "编制资金发放表、导出银行文件、导入回盘",
        [PaymentsApprove] = "审批资金发放（不能审批本人编制的）、维护银行模板和价格补贴规则",
        [ChildRead] = "查看儿童福利业务（孤儿、事实无人抚养儿童、留守和困境儿童）",
        [ChildApply] = "登记孤儿、事实无人抚养儿童申请，登记留守和困境儿童",
        [ChildReview] = "儿童福利审核（乡镇）",
        [ChildConfirm] = "孤儿、事实无人抚养儿童认定（县级）及停发",
        [ChildVisit] = "儿童主任、儿童督导员走访记录",
        [ChildProtection] = "未成年人保护个案（受限信息）",
        [ChildStandards] = "维护儿童福利标准",
        [DisabilityRead] = "查看残疾人两项补贴",
        [DisabilityApply] = "受理两项补贴申请、村级核实",
        [DisabilityReview] = "两项补贴乡镇审核",
        [DisabilityVerify] = "两项补贴残联审核（残疾人证）",
        [DisabilityApprove] = "两项补贴县级民政审批、停发",
        [FuneralRecord] = "登记死亡、火化信息（停发该人员的各项待遇）",
        [ComparisonRead] = "查看数据比对线索及统计",
        [ComparisonImport] = "导入外部比对数据（公安、残联、不动产、市场监管等）",
        [ComparisonRun] = "执行数据比对、按县启停比对规则",
        [ComparisonResolve] = "核实处理数据比对线索（确认并处置，或排除并说明理由）",
        [AuditRead] = "查阅审计日志",
        [AdminUsers] = "管理用户、角色和管辖范围",
        [CitizenApply] = "群众网上申请",
    };

    public static string Policy(string permission) => PolicyPrefix + permission;
}
