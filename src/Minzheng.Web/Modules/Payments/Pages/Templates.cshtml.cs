using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class TemplatesModel(PaymentsQueries queries, BankTemplates templates, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public Guid? Id { get; set; }
        public string? Name { get; set; }
        public string? Format { get; set; }
        public string? Encoding { get; set; }

        /// <summary>One column per line: 表头=字段.</summary>
        public string? Columns { get; set; }
        public string? ReturnReferenceHeader { get; set; }
        public string? ReturnResultHeader { get; set; }
        public string? ReturnSuccessValues { get; set; }
        public string? ReturnReasonHeader { get; set; }
        public bool IsDefault { get; set; }
        public string? HeaderRow { get; set; }
        public string? TrailerRow { get; set; }

        /// <summary>The version read when the form was opened for a change.</summary>
        public int? Version { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<BankTemplate> Templates { get; private set; } = [];
    public List<BankFailureReason> FailureReasons { get; private set; } = [];
    public bool CanEdit => user.HasPermission(PaymentPermissions.Approve);

    public static string ColumnsText(BankTemplate t) => string.Join("\n", BankFiles.ColumnsOf(t).Select(c => $"{c.Header}={c.Field}"));

    public async Task OnGetAsync(Guid? edit)
    {
        Templates = await queries.TemplatesAsync(HttpContext.RequestAborted);
        FailureReasons = await templates.FailureReasonsAsync(HttpContext.RequestAborted);
        if (edit is { } id && Templates.FirstOrDefault(t => t.Id == id) is { } t)
        {
            Input = new FormInput
            {
                Id = t.Id,
                Name = t.Name,
                Format = t.Format,
                Encoding = t.Encoding,
                Columns = ColumnsText(t),
                ReturnReferenceHeader = t.ReturnReferenceHeader,
                ReturnResultHeader = t.ReturnResultHeader,
                ReturnSuccessValues = t.ReturnSuccessValues,
                ReturnReasonHeader = t.ReturnReasonHeader,
                IsDefault = t.IsDefault,
                HeaderRow = t.HeaderRow,
                TrailerRow = t.TrailerRow,
                Version = t.Version,
            };
        }
        else
        {
            Input.Columns ??= "业务编号=reference\n账号=account\n户名=name\n金额=amount";
            Input.ReturnReferenceHeader ??= "业务编号";
            Input.ReturnResultHeader ??= "处理结果";
            Input.ReturnSuccessValues ??= "成功";
            Input.ReturnReasonHeader ??= "失败原因";
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        var columns = new List<BankColumn>();
        foreach (var (line, n) in (Input.Columns ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i + 1)))
        {
            if (line.Split('=', 2) is not [var header, var field]) throw AppProblem.Field("columns", $"第 {n} 行应写成“表头=字段”，如 账号=account");
            columns.Add(new BankColumn(header.Trim(), field.Trim()));
        }
        await templates.SaveAsync(Input.Id, new PaymentsApi.TemplateInput(Input.Name, Input.Format, Input.Encoding, columns, Input.ReturnReferenceHeader, Input.ReturnResultHeader,
            Input.ReturnSuccessValues, Input.ReturnReasonHeader, Input.IsDefault, Input.HeaderRow, Input.TrailerRow, Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "模板已保存";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReasonAsync(string? keyword, bool permanent, string? note)
    {
        if (!CanEdit) return Forbid();
        await templates.SaveFailureReasonAsync(new PaymentsApi.FailureReasonInput(keyword, permanent, note), HttpContext.RequestAborted);
        TempData["Message"] = "退回原因分类已保存";
        return RedirectToPage();
    }
}
