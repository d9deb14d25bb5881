using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Jobs.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.AdminUsers)]
public sealed class IndexModel(JobQueue jobs, JobCatalog catalog) : PageModel
{
    public static readonly IReadOnlyList<(JobStatus Status, string Label)> StatusLabels =
    [
        (JobStatus.Running, "执行中"), (JobStatus.Queued, "排队"), (JobStatus.Failed, "失败"), (JobStatus.Cancelled, "已取消"), (JobStatus.Succeeded, "已完成"),
    ];

    public JobStatus? Status { get; private set; }
    public string? Kind { get; private set; }
    public IReadOnlyCollection<JobKind> Kinds => catalog.All;
    public Paged<JobView> Result { get; private set; } = new([], 0, 1, 50);

    public static string Label(JobStatus s) => StatusLabels.First(l => l.Status == s).Label;

    public async Task OnGetAsync(string? status, string? kind, [FromQuery] int? page)
    {
        Status = Enum.TryParse<JobStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        Kind = string.IsNullOrEmpty(kind) ? null : kind;
        Result = await jobs.ListAsync(new JobFilter(Status, Kind), PageRequest.From(page, 50), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        TempData["Message"] = await jobs.CancelAsync(id, HttpContext.RequestAborted) ? "已请求取消；执行中的任务会在数秒内停止" : "该任务已结束，无需取消";
        return RedirectToPage();
    }
}
