using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// One error code the application can answer with: the stable snake_case <paramref name="Code"/> API clients switch on, the
/// one HTTP status it always travels with, and its Chinese meaning (listed in the OpenAPI document).
/// </summary>
public sealed record ErrorCode(string Code, int Status, string Meaning);

/// <summary>
/// Every error code of the application: the kernel's (<see cref="KernelErrors"/>) and those each module declares in its
/// <c>Contracts/&lt;Module&gt;Errors.cs</c> through <see cref="ModuleDeclaration.Errors"/>. A code means one thing with one
/// status everywhere: the exception handler answers an <see cref="AppProblem"/> with the status catalogued here, and a test
/// finds every code the source can return and fails on any that is missing.
/// </summary>
public sealed class ErrorCatalogue
{
    private readonly Dictionary<string, ErrorCode> _byCode = new(StringComparer.Ordinal);

    public ErrorCatalogue(IEnumerable<ModuleDeclaration> modules)
    {
        foreach (var e in KernelErrors.All) Add(e, "kernel");
        foreach (var m in modules)
        {
            foreach (var e in m.Errors) Add(e, m.Key);
        }
    }

    public IReadOnlyCollection<ErrorCode> All => _byCode.Values;

    public ErrorCode? Find(string code) => _byCode.GetValueOrDefault(code);

    private void Add(ErrorCode e, string owner)
    {
        if (!_byCode.TryAdd(e.Code, e))
        {
            // a second owner of a code would let one code mean two things; a shared condition uses the kernel's code
            throw new InvalidOperationException($"错误代码 {e.Code} 重复声明（{owner}）；通用的代码只在 KernelErrors 中声明一次");
        }
    }
}

/// <summary>The kernel's error codes, and those several modules share for the same condition (a closed case, an ineligible person).</summary>
public static class KernelErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        // request and framework
        new("validation_failed", 400, "提交的内容有误（字段错误见 errors）"),
        new("bad_request", 400, "请求格式不正确"),
        new("unauthenticated", 401, "未登录或登录已过期"),
        new("forbidden", 403, "没有执行此操作的权限"),
        new("not_found", 404, "记录不存在或不在您的管辖范围内"),
        new("method_not_allowed", 405, "不支持该请求方法"),
        new("concurrency_conflict", 409, "记录已被他人修改，请刷新后重试"),
        new("duplicate", 409, "与已有记录重复（可能有人同时提交了相同内容）"),
        new("payload_too_large", 413, "提交的内容过大"),
        new("unsupported_media_type", 415, "不支持的内容类型"),
        new("rate_limited", 429, "请求过于频繁"),
        new("sign_in_throttled", 429, "该账号刚有登录失败，须等待 Retry-After 秒后再试（不计入锁定次数）"),
        new("http_error", 400, "其他 HTTP 错误（状态码见 status）"),
        new("internal_error", 500, "服务器内部错误（凭追踪号联系管理员）"),
        // accounts
        new("invalid_credentials", 401, "用户名或密码错误"),
        new("account_disabled", 401, "账号已停用"),
        new("account_locked", 401, "密码错误次数过多，账号已锁定"),
        // divisions, registry, organisations
        new("division_not_found", 404, "区划代码不存在"),
        new("division_unknown", 400, "未选择或无法识别登记所在地"),
        new("division_change_invalid", 400, "区划变更内容有误（代码、名称、层级或目标区划）"),
        new("division_change_stale", 409, "区划变更到期时已无法按登记内容执行（区划树已被其他变更改动）"),
        new("division_change_blocked", 409, "区划变更未执行：迁移业务记录时与已有记录冲突"),
        new("id_number_invalid", 400, "身份证号码无效"),
        new("id_key_invalid", 400, "身份证号查询链接无效"),
        new("person_not_found", 400, "人员不存在或不在您的管辖范围内"),
        new("person_exists", 409, "该身份证号的人员已登记"),
        new("person_in_other_household", 409, "人员是另一户的成员"),
        new("already_member", 409, "人员已是本户成员"),
        new("head_cannot_leave", 409, "户主须先在原户更换户主"),
        new("person_not_deceased", 409, "人员未登记死亡，无需撤销"),
        new("death_reversal_required", 409, "人员已登记死亡，须由县级撤销死亡登记"),
        new("credit_code_invalid", 400, "统一社会信用代码无效"),
        new("organization_exists", 409, "该统一社会信用代码的组织已登记"),
        // files and imports
        new("file_too_large", 413, "文件超过大小上限"),
        new("file_type_not_allowed", 400, "不支持的文件类型"),
        new("file_content_mismatch", 400, "文件内容与扩展名不符"),
        new("face_not_detected", 400, "照片中未检测到人脸（人脸特征由浏览器计算）"),
        new("face_descriptor_invalid", 400, "人脸特征数据无效"),
        new("face_model_mismatch", 400, "人脸特征由其他版本的模型计算"),
        new("face_photo_too_large", 400, "照片超过大小上限"),
        new("face_match_decided", 409, "该比对候选已确认过"),
        new("import_file_type", 400, "导入文件须为 .xlsx 或 .csv"),
        new("import_file_unreadable", 400, "无法读取导入文件"),
        new("import_no_header", 400, "导入文件第一行不是列标题"),
        new("import_file_not_text", 400, "CSV 文件内容不是 UTF-8 或 GB18030 编码的文本"),
        new("import_csv_quote", 400, "CSV 文件有未配对的引号，几行被读成了一行（指明行号）"),
        new("import_busy", 409, "导入批次正在处理或已导入"),
        new("import_not_validated", 409, "导入批次尚未完成校验"),
        new("import_has_errors", 409, "导入文件有错误行，须修正或选择仅导入无误的行"),
        new("import_nothing_valid", 409, "没有可导入的行"),
        // figures, workflow, jobs
        new("figure_overlap", 409, "与已有标准的有效期重叠"),
        new("standard_missing", 409, "该日期没有生效的标准"),
        new("workflow_action_not_allowed", 409, "当前状态下不能执行该操作"),
        new("workflow_forbidden", 403, "没有执行该流程操作的权限"),
        new("workflow_not_extendable", 409, "该业务没有可延长的办理时限"),
        new("workflow_already_extended", 409, "办理时限只能延长一次"),
        new("job_not_active", 409, "任务已结束或不存在"),
        new("work_item_cannot_escalate", 409, "已是最高一级，待办事项无法再上报"),
        new("work_item_no_escalation_target", 409, "上一级没有可以办理或督办该事项的用户"),
        new("invalid_state", 409, "当前状态下不能执行该操作"),
        // conditions several modules share
        new("case_exists", 409, "已有正在办理或正在保障的同类业务"),
        new("case_closed", 409, "业务已办结"),
        new("not_eligible", 409, "不符合认定条件（原因见 detail）"),
        new("benefit_not_running", 409, "待遇不在保障中"),
        new("benefit_action_unsupported", 409, "该保障项目不支持此操作"),
        new("proposal_exists", 409, "该待遇已有待审批的停发提请"),
    ];
}
