using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Tasks;

/// <summary>Assigns an item to a colleague; <see cref="Version"/> is the item's version as listed (0 when no one acted on it yet).</summary>
public sealed record AssignTaskInput([RequiredInput] Guid? AssigneeId, [RequiredInput] int? Version, [Text(500)] string? Note);

/// <summary>Escalates an item to the parent division; <see cref="Version"/> as in <see cref="AssignTaskInput"/>.</summary>
public sealed record EscalateTaskInput([RequiredInput] int? Version, [Text(500)] string? Note);

public static class TasksSetup
{
    /// <summary>The kernel's part: the use case and the generic workflow source; modules add their own <see cref="IWorkItemSource"/>.</summary>
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<MyTasks>();
        services.AddScoped<IWorkItemSource, WorkflowWorkItems>();
        return services;
    }

    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        // every signed-in user has a list (empty for those who act on nothing); what is in it is decided per item
        var group = app.MapGroup("/api/v1/my/tasks").WithTags("MyTasks").RequireAuthorization();

        group.MapGet("/", async (int? page, int? pageSize, MyTasks tasks, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var list = await tasks.ListAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = list.Page.Items.Select(t => Row(t, divisions)), total = list.Page.Total });
        })
        .WithSummary("我的待办：按角色和管辖范围等待我办理的事项，超期在前、按时限排序");

        group.MapGet("/{key}/colleagues", async (string key, MyTasks tasks, CancellationToken ct) =>
        {
            var task = await tasks.FindAsync(key, ct);
            return TypedResults.Ok(await tasks.ColleaguesAsync(task.Item, ct));
        })
        .WithSummary("可以指派此事项的同事（管辖范围包含该事项并有办理权限）");

        group.MapPost("/{key}/acknowledge", async (string key, MyTasks tasks, CancellationToken ct) =>
        {
            await tasks.AcknowledgeAsync(key, ct);
            return TypedResults.NoContent();
        })
        .WithSummary("知悉：事项变化前不再列出（超期事项只在当天不列出）");

        group.MapPost("/{key}/assign", async (string key, AssignTaskInput input, MyTasks tasks, CancellationToken ct) =>
        {
            await tasks.AssignAsync(key, input.AssigneeId!.Value, input.Version!.Value, input.Note, ct);
            return TypedResults.NoContent();
        })
        .WithSummary("指派给同事（带版本号，已被他人改动时 409）");

        group.MapPost("/{key}/escalate", async (string key, EscalateTaskInput input, MyTasks tasks, CancellationToken ct) =>
        {
            await tasks.EscalateAsync(key, input.Version!.Value, input.Note, ct);
            return TypedResults.NoContent();
        })
        .WithSummary("上报上一级（带版本号，已被他人改动时 409）");
    }

    private static object Row(MyTask t, DivisionDirectory divisions) => new
    {
        t.Item.Key,
        t.Item.Kind,
        t.Item.KindName,
        t.Item.Title,
        t.Item.Subject,
        t.Item.Deadline,
        t.Overdue,
        severity = t.Item.Severity.ToString().ToLowerInvariant(),
        t.Item.Link,
        t.Item.DivisionCode,
        divisionName = divisions.FullName(t.Item.DivisionCode),
        t.Version,
        t.AssignedTo,
        t.AssignedToMe,
        t.EscalatedTo,
        t.EscalatedToMe,
        t.Note,
    };
}
