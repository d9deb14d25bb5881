using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
[RequestSizeLimit(Platform.Files.FileStore.MaxBytes + 1024 * 1024)]
public sealed class PayrollModel(PaymentsQueries queries, PayrollService payrolls, PayrollReview review, BankFiles files, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public PayrollDetail Detail { get; private set; } = null!;
    public Paged<LineRow> Lines { get; private set; } = new([], 0, 1, 50);
    public LineFilter Filter { get; private set; } = new();
    public List<BankTemplate> Templates { get; private set; } = [];
    public ReturnResult? Returned { get; private set; }

    /// <summary>The review's flags (ADR 023), listed and counted before review and approval.</summary>
    public ReviewFlags? Flags { get; private set; }
    public IReadOnlyDictionary<string, string[]> ReturnErrors { get; private set; } = new Dictionary<string, string[]>();

    public Payroll P => Detail.Payroll;
    public bool CanPrepare => user.HasPermission(PaymentPermissions.Prepare);
    public bool CanApprove => user.HasPermission(PaymentPermissions.Approve);
    public bool IsGenerator => string.Equals(P.GeneratedBy, user.UserName, StringComparison.OrdinalIgnoreCase);
    public IEnumerable<Division> Towns => divisions.ChildrenOf(P.DivisionCode).Where(d => d.Level == DivisionLevel.Town);

    public async Task<IActionResult> OnGetAsync(Guid id, string? status, string? purpose, string? divisionCode, string? search, [FromQuery] int? page)
    {
        await LoadAsync(id);
        Filter = new LineFilter(Enum.TryParse<LineStatus>(status, true, out var s) ? s : null, Enum.TryParse<LinePurpose>(purpose, true, out var p) ? p : null, divisionCode, search);
        Lines = await queries.LinesAsync(id, Filter, PageRequest.From(page, 50), HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        Detail = await queries.DetailAsync(id, HttpContext.RequestAborted);
        Templates = await queries.TemplatesAsync(HttpContext.RequestAborted);
        if (P.Status != PayrollStatus.Generating)
        {
            var flags = await review.FlagsAsync(id, HttpContext.RequestAborted);
            // once approved, the record of what was decided; risks found later belong to the next payroll's review
            Flags = P.Status >= PayrollStatus.Approved ? flags with { Items = flags.Items.Where(f => f.Decision is not null).ToList(), Open = 0 } : flags;
        }
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string done)
    {
        if (!CanPrepare && !CanApprove) return Forbid();
        await action();
        TempData["Message"] = done;
        return Redirect($"/payments/payrolls/{id}");
    }

    public Task<IActionResult> OnPostRegenerateAsync(Guid id, int version) => CanPrepare
        ? ActAsync(id, () => payrolls.RegenerateAsync(id, new PayrollActionInput(version, null), HttpContext.RequestAborted), "已开始生成")
        : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostStopAsync(Guid id) => CanPrepare
        ? ActAsync(id, () => payrolls.StopAsync(id, HttpContext.RequestAborted), "已请求停止；已生成的明细保留")
        : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostReviewAsync(Guid id, int version, string? opinion) => CanPrepare
        ? ActAsync(id, () => payrolls.ReviewAsync(id, new PayrollActionInput(version, opinion), HttpContext.RequestAborted), "已审核，等待审批")
        : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostSendBackAsync(Guid id, int version, string? opinion) => CanApprove
        ? ActAsync(id, () => payrolls.SendBackAsync(id, new PayrollActionInput(version, opinion), HttpContext.RequestAborted), "已退回")
        : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostApproveAsync(Guid id, int version, string? opinion) => CanApprove
        ? ActAsync(id, () => payrolls.ApproveAsync(id, new PayrollActionInput(version, opinion), HttpContext.RequestAborted), "已审批，可以导出银行文件")
        : Task.FromResult<IActionResult>(Forbid());

    /// <summary>Each checked flag ("lineId:Kind") confirmed or held, with the one reason given.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, string[]? flags, string? decision, string? reason)
    {
        if (!CanPrepare) return Forbid();
        var refs = (flags ?? []).Select(f => f.Split(':')).Where(p => p.Length == 2 && long.TryParse(p[0], out _) && Enum.TryParse<ReviewFlagKind>(p[1], out _))
            .Select(p => new FlagRef(long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<ReviewFlagKind>(p[1]))).ToList();
        ReviewDecisionKind? kind = Enum.TryParse<ReviewDecisionKind>(decision, out var k) ? k : null;
        await review.DecideAsync(id, new ReviewDecisionInput(refs, kind, reason), HttpContext.RequestAborted);
        TempData["Message"] = kind == ReviewDecisionKind.Hold ? $"已暂缓 {refs.Count} 条提示涉及的明细，不进入银行文件" : $"已确认 {refs.Count} 条提示";
        return Redirect($"/payments/payrolls/{id}#review-flags");
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, long lineId, string? reason)
    {
        if (!CanPrepare) return Forbid();
        await review.ReleaseAsync(lineId, new ReleaseInput(reason), HttpContext.RequestAborted);
        TempData["Message"] = "已放行：下一张发放表或补发批次将重发该明细（审核时再次提示）";
        return Redirect($"/payments/payrolls/{id}?status=Released");
    }

    /// <summary>The first export marks the lines as sent to the bank; later ones download the same file again.</summary>
    public async Task<IActionResult> OnPostExportAsync(Guid id, Guid? templateId, int? version)
    {
        if (!CanPrepare) return Forbid();
        var file = await files.ExportAsync(id, templateId, version, HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, IFormFile? upload)
    {
        if (!CanPrepare) return Forbid();
        try
        {
            if (upload is null || upload.Length == 0) throw AppProblem.Field("file", "请选择银行回盘文件（.xlsx 或 .csv）");
            await using var stream = upload.OpenReadStream();
            Returned = await files.ImportReturnAsync(id, upload.FileName, stream, HttpContext.RequestAborted);
            TempData["Message"] = $"回盘已导入：到账 {Returned.Paid} 笔，失败 {Returned.Failed} 笔，未变化 {Returned.Unchanged} 笔" + (Returned.Reconciled ? "，本发放表已对账完毕" : $"，仍有 {Returned.Outstanding} 笔待回盘");
            return Redirect($"/payments/payrolls/{id}");
        }
        catch (AppProblem e)
        {
            // The one page that does more with a problem than show it (ADR 021): a refused return file lists every bad row in
            // a table of its own, so this handler catches the problem itself instead of leaving it to ProblemPageFilter.
            if (e.Code == "return_file_invalid")
            {
                ReturnErrors = e.Errors;
                ModelState.AddModelError("", $"回盘文件有 {e.Errors.Count} 行问题，全部未导入。请与银行核实后重新上传。");
            }
            else
            {
                ModelState.AddProblem(e, "");
            }
            return await OnGetAsync(id, null, null, null, null, null);
        }
    }
}
