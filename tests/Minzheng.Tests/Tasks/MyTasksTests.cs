using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Tasks;

/// <summary>
/// A process registered only for these tests, with a village step (村级核实, assistance.apply, which village workers hold), a
/// township step that can send the case back to the village (so a step is entered again), and the usual end.
/// </summary>
public static class VillageCheckProcess
{
    public static readonly ProcessModel Model = new(
        Code: "test-village-check",
        Name: "测试村级核实",
        InitialState: "reported",
        States:
        [
            new StateModel("reported", "待村级核实", DeadlineWorkingDays: 2),
            new StateModel("checked", "待乡镇受理", DeadlineWorkingDays: 5),
            new StateModel("done", "已办结", Terminal: true),
        ],
        Transitions:
        [
            new TransitionModel("reported", "check", "村级核实", "checked", AssistancePermissions.Apply),
            new TransitionModel("checked", "send-back", "退回村级重新核实", "reported", AssistancePermissions.Accept),
            new TransitionModel("checked", "close", "办结", "done", AssistancePermissions.Accept),
        ]);
}

public sealed class TasksSqliteApp : SqliteApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(VillageCheckProcess.Model);
}

public sealed class TasksPostgresApp : PostgresApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(VillageCheckProcess.Model);
}

/// <summary>
/// Issue 12 item 9 (ADR 026): "my tasks" lists, per user, the workflow steps that wait on their permissions within their scope —
/// a township clerk their township's accepts and not another township's, an approver approvals and not accepts, a village worker
/// their own village only — overdue first; and acknowledge / assign / escalate work with permission, scope and version checks.
/// </summary>
public abstract class MyTasksTests(AppFixture app)
{
    private const string Xinnan = "450921100003";      // 新南社区, 容州镇
    private const string Yangmei = "450921102000";     // 杨梅镇
    private static readonly Func<AuthorizedTransition, Task> NoEffect = _ => Task.CompletedTask;

    private DateOnly Today() => app.Services.GetRequiredService<BusinessClock>().Today;

    private static string Key(Guid caseId) => WorkflowWorkItems.Prefix + caseId.ToString("N");

    private async Task<Guid> StartAsync(string process, string division, string title, int? overdueDays = null) =>
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var c = await sp.GetRequiredService<WorkflowEngine>().StartAsync(process, "test", Guid.NewGuid(), title, division);
            if (overdueDays is { } days) c.StepDueDate = sp.GetRequiredService<BusinessClock>().Today.AddDays(-days);
            await db.SaveChangesAsync();
            return c.Id;
        });

    private async Task PerformAsync(Guid caseId, string action) =>
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var c = await db.WorkflowCases.SingleAsync(c => c.Id == caseId);
            await sp.GetRequiredService<WorkflowEngine>().PerformAsync(c, new TransitionRequest(action, null), NoEffect);
            await db.SaveChangesAsync();
            return 0;
        });

    private async Task<List<JsonElement>> TasksOfAsync(string user) => await (await app.ClientAsync(user)).GetItemsAsync("/api/v1/my/tasks");

    private static JsonElement? Find(List<JsonElement> items, Guid caseId) =>
        items.Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("key").GetString() == Key(caseId));

    private Task<Guid> UserIdAsync(string userName) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_township_clerk_sees_the_accept_task_of_their_township_with_its_deadline_and_a_masked_subject_but_not_another_townships()
    {
        app.SkipIfUnavailable();
        var own = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 张三 450921198001011237 13912345678");
        var other = await StartAsync(TestProcess.Model.Code, Yangmei, "测试申请 李四（杨梅镇）");

        var clerk = await TasksOfAsync("rongzhou.clerk");
        var item = Find(clerk, own) ?? throw new Xunit.Sdk.XunitException("容州镇经办员的待办中没有本镇的受理件");
        Assert.Null(Find(clerk, other));
        var due = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowCases.Where(c => c.Id == own).Select(c => c.StepDueDate).SingleAsync());
        Assert.Equal(due!.Value.ToString("yyyy-MM-dd"), item.GetProperty("deadline").GetString());
        Assert.Equal($"/workflow/cases/{own}", item.GetProperty("link").GetString()); // a subject type without a module link opens the kernel's case page
        Assert.Contains("已申请", item.GetProperty("kindName").GetString());
        var subject = item.GetProperty("subject").GetString()!;
        Assert.DoesNotContain("450921198001011237", subject);
        Assert.DoesNotContain("13912345678", subject);
        Assert.Contains("张三", subject);
        Assert.False(item.GetProperty("overdue").GetBoolean());

        Assert.NotNull(Find(await TasksOfAsync("yangmei.clerk"), other));
        Assert.Null(Find(await TasksOfAsync("yangmei.clerk"), own));
        // the link the list gives opens for the clerk
        var page = await (await app.ClientAsync("rongzhou.clerk")).GetAsync(item.GetProperty("link").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_approver_sees_approvals_and_not_accepts_and_the_clerk_the_reverse()
    {
        app.SkipIfUnavailable();
        var toAccept = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 待受理");
        var toApprove = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 待审批");
        await PerformAsync(toApprove, "accept");

        var approver = await TasksOfAsync("rongzhou.approver");
        Assert.NotNull(Find(approver, toApprove));
        Assert.Null(Find(approver, toAccept));
        var clerk = await TasksOfAsync("rongzhou.clerk");
        Assert.NotNull(Find(clerk, toAccept));
        Assert.Null(Find(clerk, toApprove));
        // once approved (a final state) it is no one's task
        await PerformAsync(toApprove, "approve");
        Assert.Null(Find(await TasksOfAsync("rongzhou.approver"), toApprove));
    }

    [Fact]
    public async Task Overdue_tasks_come_first_then_by_deadline()
    {
        app.SkipIfUnavailable();
        var fresh = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 未超期");
        var late = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 已超期", overdueDays: 4);
        var later = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 超期更久", overdueDays: 9);

        var items = await TasksOfAsync("rongzhou.clerk");
        int IndexOf(Guid id) => items.FindIndex(i => i.GetProperty("key").GetString() == Key(id));
        Assert.True(IndexOf(later) >= 0 && IndexOf(late) >= 0 && IndexOf(fresh) >= 0);
        Assert.True(IndexOf(later) < IndexOf(late) && IndexOf(late) < IndexOf(fresh), "最早到期的超期件在前，未超期的在后");
        Assert.True(items[IndexOf(late)].GetProperty("overdue").GetBoolean());
        Assert.Equal("overdue", items[IndexOf(late)].GetProperty("severity").GetString());
        // every overdue item precedes every item that is not
        var flags = items.Select(i => i.GetProperty("overdue").GetBoolean()).ToList();
        Assert.Equal(flags.OrderByDescending(f => f), flags);
        var deadlines = items.Where(i => !i.GetProperty("overdue").GetBoolean() && i.GetProperty("deadline").ValueKind == JsonValueKind.String)
            .Select(i => i.GetProperty("deadline").GetString()!).ToList();
        Assert.Equal(deadlines.Order(StringComparer.Ordinal), deadlines);
    }

    [Fact]
    public async Task A_village_worker_sees_their_own_villages_step_and_nothing_of_other_villages_and_an_acknowledgement_lasts_until_the_step_is_entered_again()
    {
        app.SkipIfUnavailable();
        var sibling = app.Services.GetRequiredService<DivisionDirectory>().ChildrenOf("450921100000").First(d => d.Code != Xinnan).Code;
        var own = await StartAsync(VillageCheckProcess.Model.Code, Xinnan, "村级核实 本社区");
        var other = await StartAsync(VillageCheckProcess.Model.Code, sibling, "村级核实 邻村");
        var township = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 乡镇受理");

        var worker = await TasksOfAsync("xinnan.worker");
        Assert.NotNull(Find(worker, own));
        Assert.Null(Find(worker, other));
        Assert.Null(Find(worker, township)); // the township's step is not the village's
        Assert.NotNull(Find(await TasksOfAsync("rongzhou.clerk"), other)); // the township sees both villages' steps (clerks hold assistance.apply)

        var client = await app.ClientAsync("xinnan.worker");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/my/tasks/{Key(own)}/acknowledge", null)).StatusCode);
        Assert.Null(Find(await TasksOfAsync("xinnan.worker"), own));
        Assert.NotNull(Find(await TasksOfAsync("rongzhou.clerk"), own)); // 知悉 is the worker's own, not everyone's
        // another village's item cannot be acknowledged by this worker: it is not theirs to see
        await (await client.PostAsync($"/api/v1/my/tasks/{Key(other)}/acknowledge", null)).ExpectProblemAsync(404, "not_found");

        // the township sends it back: the village step is entered again, a change, so it is listed again
        await PerformAsync(own, "check");
        await PerformAsync(own, "send-back");
        Assert.NotNull(Find(await TasksOfAsync("xinnan.worker"), own));
    }

    [Fact]
    public async Task Acknowledging_an_overdue_task_hides_it_for_the_day_only()
    {
        app.SkipIfUnavailable();
        var late = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 超期知悉", overdueDays: 2);
        var client = await app.ClientAsync("rongzhou.clerk");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/my/tasks/{Key(late)}/acknowledge", null)).StatusCode);
        Assert.Null(Find(await TasksOfAsync("rongzhou.clerk"), late));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(Find(await TasksOfAsync("rongzhou.clerk"), late));
    }

    [Fact]
    public async Task An_approver_assigns_a_task_to_a_colleague_whose_scope_covers_it_with_version_409_and_permission_checks()
    {
        app.SkipIfUnavailable();
        var id = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 指派");
        await PerformAsync(id, "accept");
        var key = Key(id);
        var approver = await app.ClientAsync("rongzhou.approver");

        var colleagues = (await approver.GetJsonAsync($"/api/v1/my/tasks/{key}/colleagues")).EnumerateArray().ToList();
        var officerId = await UserIdAsync("rongxian.officer");
        Assert.Contains(colleagues, c => c.GetProperty("id").GetGuid() == officerId); // 容县 covers 容州镇 and holds assistance.approve
        var beiliuId = await UserIdAsync("beiliu.officer");
        Assert.DoesNotContain(colleagues, c => c.GetProperty("id").GetGuid() == beiliuId);

        // not a colleague for this item: another county (approve, but not in scope), a clerk (in scope, but no approve)
        foreach (var wrong in new[] { "beiliu.officer", "rongzhou.clerk" })
        {
            var r = await approver.PostAsJsonAsync($"/api/v1/my/tasks/{key}/assign", new { assigneeId = await UserIdAsync(wrong), version = 0 });
            var problem = await r.ExpectProblemAsync(400, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("assigneeId", out _));
        }
        // a body without the fields names them
        var empty = await (await approver.PostAsJsonAsync($"/api/v1/my/tasks/{key}/assign", new { })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(empty.GetProperty("errors").TryGetProperty("assigneeId", out _) && empty.GetProperty("errors").TryGetProperty("version", out _), empty.ToString());
        // the clerk does not see the approval step, so may not assign it
        await (await (await app.ClientAsync("rongzhou.clerk")).PostAsJsonAsync($"/api/v1/my/tasks/{key}/assign", new { assigneeId = officerId, version = 0 })).ExpectProblemAsync(404, "not_found");
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<WorkItemMark>().CountAsync(m => m.Key == key)));

        var ok = await approver.PostAsJsonAsync($"/api/v1/my/tasks/{key}/assign", new { assigneeId = officerId, version = 0, note = "请县里协助审批" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        // a second assignment from the version the first one also saw is stale
        await (await approver.PostAsJsonAsync($"/api/v1/my/tasks/{key}/assign", new { assigneeId = officerId, version = 0 })).ExpectProblemAsync(409, "concurrency_conflict");

        var officerItem = Find(await TasksOfAsync("rongxian.officer"), id) ?? throw new Xunit.Sdk.XunitException("被指派人的待办中没有该事项");
        Assert.True(officerItem.GetProperty("assignedToMe").GetBoolean());
        Assert.Equal("请县里协助审批", officerItem.GetProperty("note").GetString());
        var approverItem = Find(await TasksOfAsync("rongzhou.approver"), id)!.Value;
        Assert.False(approverItem.GetProperty("assignedToMe").GetBoolean());
        Assert.Contains("容县民政局干部", approverItem.GetProperty("assignedTo").GetString());
        Assert.Equal(1, approverItem.GetProperty("version").GetInt32());

        // the change is audited
        var audited = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.EntityType == "platform_work_item"));
        Assert.True(audited > 0);
    }

    [Fact]
    public async Task A_clerk_escalates_to_the_county_whose_officer_then_sees_it_marked_escalated()
    {
        app.SkipIfUnavailable();
        var id = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 上报", overdueDays: 3);
        var key = Key(id);
        Assert.Null(Find(await TasksOfAsync("rongxian.officer"), id)); // the county does not accept applications
        var clerk = await app.ClientAsync("rongzhou.clerk");

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/my/tasks/{key}/escalate", new { version = 0, note = "材料无法核实，请县里协调" })).StatusCode);
        await (await clerk.PostAsJsonAsync($"/api/v1/my/tasks/{key}/escalate", new { version = 0 })).ExpectProblemAsync(409, "concurrency_conflict");

        var officerItem = Find(await TasksOfAsync("rongxian.officer"), id) ?? throw new Xunit.Sdk.XunitException("县级的待办中没有上报的事项");
        Assert.True(officerItem.GetProperty("escalatedToMe").GetBoolean());
        Assert.True(officerItem.GetProperty("overdue").GetBoolean());
        Assert.Null(Find(await TasksOfAsync("beiliu.officer"), id));
        var clerkItem = Find(await TasksOfAsync("rongzhou.clerk"), id)!.Value;
        Assert.False(clerkItem.GetProperty("escalatedToMe").GetBoolean());
        Assert.Equal("容县", clerkItem.GetProperty("escalatedTo").GetString());

        // once the step is done, the escalation no longer routes it: the county officer does not accept applications
        await PerformAsync(id, "accept");
        var after = Find(await TasksOfAsync("rongxian.officer"), id);
        Assert.True(after is null || !after.Value.GetProperty("escalatedToMe").GetBoolean());
    }

    [Fact]
    public async Task The_home_page_lists_the_users_tasks_and_reflects_their_own_acknowledgement_at_once()
    {
        app.SkipIfUnavailable();
        var id = await StartAsync(TestProcess.Model.Code, Xinnan, "测试申请 工作台");
        var client = await app.ClientAsync("rongzhou.clerk");
        Assert.Contains($"data-task=\"{Key(id)}\"", await client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/my/tasks/{Key(id)}/acknowledge", null)).StatusCode);
        Assert.DoesNotContain($"data-task=\"{Key(id)}\"", await client.GetStringAsync("/"));
    }
}

public sealed class MyTasksTestsOnSqlite(TasksSqliteApp app) : MyTasksTests(app), IClassFixture<TasksSqliteApp>;

public sealed class MyTasksTestsOnPostgres(TasksPostgresApp app) : MyTasksTests(app), IClassFixture<TasksPostgresApp>;
