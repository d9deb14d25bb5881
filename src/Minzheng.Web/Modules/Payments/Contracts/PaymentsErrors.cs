using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Payments.Contracts;

/// <summary>The error codes only payments return (registered through its module declaration).</summary>
public static class PaymentsErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("generation_running", 409, "发放表正在生成"),
        new("no_template", 409, "尚未配置银行文件模板"),
        new("payroll_exists", 409, "该县该月该项目的发放表已经编制"),
        new("payroll_locked", 409, "发放表已审核或审批，不能重新生成"),
        new("period_overlap", 409, "与已有规则的有效期重叠"),
        new("recovery_exists", 409, "该事项该月已有追缴记录"),
        new("return_columns_missing", 400, "回盘文件缺少模板要求的列"),
        new("return_file_invalid", 400, "回盘文件有错误行"),
        new("review_flags_open", 409, "发放表有未处理的审核提示（须逐条确认发放或暂缓发放）"),
        new("separation_of_duties", 403, "不能审批自己编制的发放表"),
        new("template_exists", 409, "已有同名银行文件模板"),
    ];
}
