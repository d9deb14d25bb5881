using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class StandardsModel(StandardsQueries queries, StandardsService standards, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public string? Kind { get; set; }
        public string? DivisionCode { get; set; }
        public string? Area { get; set; }
        public string? Category { get; set; }
        public decimal? Amount { get; set; }
        public decimal? MonthlyAmount { get; set; }
        public decimal? Multiple { get; set; }
        public decimal? Percent { get; set; }
        public int? Number { get; set; }
        public string? Choice { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? Document { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<StandardsQueries.Row> Rows { get; private set; } = [];
    public bool CanEdit => user.HasPermission(AssistancePermissions.Standards);
    public string DefaultDivision => user.DivisionCode is { } d && d[6..] == "000000" ? d : "450900000000";

    public async Task OnGetAsync() => Rows = await queries.ListAsync(null, null, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!CanEdit) return Forbid();
        var (program, kind) = (Input.Kind ?? "/").Split('/') is [var p, var k] ? (p, k) : ("", "");
        try
        {
            await standards.CreateAsync(new StandardInput
            {
                Program = program,
                Kind = kind,
                DivisionCode = Input.DivisionCode,
                Area = Input.Area,
                Category = Input.Category,
                Amount = Input.Amount,
                Multiple = Input.Multiple,
                Percent = Input.Percent,
                Number = Input.Number,
                Choice = string.IsNullOrEmpty(Input.Choice) ? null : Input.Choice,
                ValidFrom = Input.ValidFrom,
                ValidTo = Input.ValidTo,
                Document = Input.Document,
            }, ct: HttpContext.RequestAborted);
            TempData["Message"] = "标准已保存";
            return RedirectToPage();
        }
        catch (AppProblem e)
        {
            ModelState.AddProblem(e);
            await OnGetAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, DateOnly? validTo)
    {
        if (!CanEdit) return Forbid();
        try
        {
            if (validTo is null) throw AppProblem.Field("validTo", "请选择截止日期");
            await standards.EndAsync(id, validTo.Value, HttpContext.RequestAborted);
            TempData["Message"] = "已设置截止日期";
            return RedirectToPage();
        }
        catch (AppProblem e)
        {
            ModelState.AddProblem(e, "");
            await OnGetAsync();
            return Page();
        }
    }
}
