using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Certificates;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Volunteers.Dashboard.Pages;

/// <summary>志愿服务概况 (/volunteers/dashboard): the reader's scope in charts; the city officer also queues a star recompute here.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class IndexModel(VolunteerDashboard dashboard, ICurrentUser user) : PageModel
{
    public VolunteerOverview Overview { get; private set; } = null!;

    public bool CanRecompute => user.HasPermission(VolunteerPermissions.FiguresWrite);

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => Overview = await dashboard.LoadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRecomputeAsync([FromServices] StarRecompute.Runner runner)
    {
        if (!CanRecompute) return Forbid();
        var id = await runner.QueueAsync(HttpContext.RequestAborted);
        Message = $"已排入任务队列（任务 {id.ToString()[..8]}），将按今天有效的星级标准重算全部志愿者的累计时长和星级。";
        return RedirectToPage();
    }
}
