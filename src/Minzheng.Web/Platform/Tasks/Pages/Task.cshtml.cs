using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Tasks.Pages;

/// <summary>One of my tasks: where to do it, and 知悉 / 指派 / 上报 (ADR 026). Anyone signed in; the item itself decides who sees it.</summary>
// any signed-in staff member: the list shows only what waits for them (MyTasks scopes every source)
[Authorize]
public sealed class TaskModel(MyTasks tasks, BusinessClock clock) : PageModel
{
    public MyTask Task { get; private set; } = null!;
    public List<Colleague> Colleagues { get; private set; } = [];
    public DateOnly Today => clock.Today;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(string key)
    {
        Task = await tasks.FindAsync(key, HttpContext.RequestAborted);
        Colleagues = await tasks.ColleaguesAsync(Task.Item, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAssignAsync(string key, Guid? assigneeId, int version, string? note)
    {
        if (assigneeId is not { } id) throw Http.AppProblem.Field("assigneeId", "请选择要指派的同事");
        await tasks.AssignAsync(key, id, version, note, HttpContext.RequestAborted);
        return Redirect($"/my/tasks/{key}?done=assigned");
    }

    public async Task<IActionResult> OnPostEscalateAsync(string key, int version, string? note)
    {
        await tasks.EscalateAsync(key, version, note, HttpContext.RequestAborted);
        return Redirect($"/my/tasks/{key}?done=escalated");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(string key)
    {
        await tasks.AcknowledgeAsync(key, HttpContext.RequestAborted);
        return Redirect("/#my-tasks");
    }
}
