using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Integration;

/// <summary>The workflow kernel as a module uses it: definitions as data, permissions per action, working-day deadlines, overdue cases, timeline.</summary>
public abstract class WorkflowTests(AppFixture app)
{
    private const string Rongzhou = "450921100003";

    private WorkingCalendar Calendar => app.Services.GetRequiredService<WorkingCalendar>();

    private DateOnly Today() => app.Services.GetRequiredService<BusinessClock>().Today;

    /// <summary>A transition with no module effect (the test process has no module behind it).</summary>
    private static readonly Func<AuthorizedTransition, Task> NoEffect = _ => Task.CompletedTask;

    private async Task<T> AsAsync<T>(string division, string[] permissions, Func<WorkflowEngine, AppDbContext, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(new ActingIdentity(Guid.NewGuid(), "tester", division, permissions.ToHashSet()));
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowEngine>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task A_case_moves_by_the_transition_table_with_deadlines_and_timeline()
    {
        app.SkipIfUnavailable();
        var clerk = new[] { AssistancePermissions.Accept, Permissions.WorkflowRead };
        var caseId = await AsAsync(Rongzhou, clerk, async (engine, db) =>
        {
            var c = await engine.StartAsync(TestProcess.Model.Code, "test", Guid.NewGuid(), "测试申请（流程）", Rongzhou, "群众申请");
            Assert.Equal("submitted", c.State);
            await db.SaveChangesAsync();
            await engine.PerformAsync(c, new("accept", "材料齐全，予以受理"), NoEffect);
            await db.SaveChangesAsync();
            Assert.Equal("accepted", c.State);
            // the step allows 10 working days, the overall clock 30, both counted from the day after acceptance
            var today = Today();
            Assert.Equal(Calendar.AddWorkingDays(today, 10), c.StepDueDate);
            Assert.Equal(today, c.ClockStartedOn);
            Assert.Equal(Calendar.AddWorkingDays(today, 30), c.CaseDueDate);
            await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c, new("approve", null), NoEffect)); // a clerk may not approve
            return c.Id;
        });

        var approver = new[] { AssistancePermissions.Approve, Permissions.WorkflowRead };
        await AsAsync(Rongzhou, approver, async (engine, db) =>
        {
            var c = await db.WorkflowCases.FindAsync(caseId);
            var missingOpinion = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c!, new("reject", " "), NoEffect));
            Assert.True(missingOpinion.Errors.ContainsKey("opinion"));
            var wrongState = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c!, new("accept", null), NoEffect));
            Assert.Equal("workflow_action_not_allowed", wrongState.Code);
            await engine.PerformAsync(c!, new("approve", "同意"), NoEffect);
            await db.SaveChangesAsync();
            Assert.NotNull(c!.ClosedAt);
            return 0;
        });

        var client = await app.ClientAsync("rongzhou.clerk");
        var detail = await client.GetJsonAsync($"/api/v1/workflow/cases/{caseId}");
        var steps = detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("actionName").GetString()).ToList();
        Assert.Equal(["创建", "受理", "批准"], steps);
        var yangmei = await app.ClientAsync("yangmei.clerk");
        await (await yangmei.GetAsync($"/api/v1/workflow/cases/{caseId}")).ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Overdue_cases_appear_once_their_deadline_passes_and_extension_is_once_only()
    {
        app.SkipIfUnavailable();
        var clerk = new[] { AssistancePermissions.Accept, Permissions.WorkflowRead };
        var title = "超期测试 " + Guid.NewGuid().ToString("N")[..6];
        var id = await AsAsync(Rongzhou, clerk, async (engine, db) =>
        {
            var c = await engine.StartAsync(TestProcess.Model.Code, "test", Guid.NewGuid(), title, Rongzhou);
            await db.SaveChangesAsync();
            Assert.Equal(Calendar.AddWorkingDays(Today(), 3), c.StepDueDate);
            return c.Id;
        });
        var client = await app.ClientAsync("rongzhou.clerk");
        async Task<bool> Listed() => (await client.GetJsonAsync("/api/v1/workflow/cases/overdue?pageSize=200")).GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == id.ToString());
        Assert.False(await Listed());

        // jump to the first day after the step deadline (the fake clock only moves forward)
        var due = Calendar.AddWorkingDays(Today(), 3);
        app.Clock.Advance(TimeSpan.FromDays(due.DayNumber - Today().DayNumber + 1));
        client = await app.ClientAsync("rongzhou.clerk"); // tokens issued before the jump have expired
        Assert.True(await Listed());
        var yangmei = await app.ClientAsync("yangmei.clerk");
        var theirs = await yangmei.GetJsonAsync("/api/v1/workflow/cases/overdue?pageSize=200");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id.ToString());

        await AsAsync(Rongzhou, [AssistancePermissions.Accept], async (engine, db) =>
        {
            var c = await db.WorkflowCases.FindAsync(id);
            await engine.PerformAsync(c!, new("accept", null), NoEffect);
            await db.SaveChangesAsync();
            await engine.ExtendAsync(c!, "需补充调查");
            await db.SaveChangesAsync();
            Assert.Equal(Calendar.AddWorkingDays(c!.ClockStartedOn!.Value, 45), c.CaseDueDate);
            var twice = await Assert.ThrowsAsync<AppProblem>(() => engine.ExtendAsync(c, "再延长"));
            Assert.Equal("workflow_already_extended", twice.Code);
            return 0;
        });
        Assert.False(await Listed());
    }

    [Fact]
    public async Task An_action_authorised_elsewhere_needs_its_transition_but_not_the_permission_and_names_the_authority()
    {
        app.SkipIfUnavailable();
        await AsAsync(Rongzhou, [Permissions.WorkflowRead], async (engine, db) =>
        {
            var c = await engine.StartAsync(TestProcess.Model.Code, "test", Guid.NewGuid(), "依据测试", Rongzhou);
            await db.SaveChangesAsync();
            var wrongState = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAuthorizedAsync(c, new("approve", "同意"), "数据比对核实结论 #1", NoEffect));
            Assert.Equal("workflow_action_not_allowed", wrongState.Code);
            var e = await engine.PerformAuthorizedAsync(c, new("accept", "材料齐全"), "数据比对核实结论 #1", NoEffect);
            await db.SaveChangesAsync();
            Assert.Equal(("accepted", "依据：数据比对核实结论 #1。材料齐全", "tester"), (c.State, e.Opinion, e.ActorName));
            return 0;
        });
    }

    [Fact]
    public async Task The_module_effect_runs_only_after_the_engine_allowed_the_transition()
    {
        app.SkipIfUnavailable();
        var ran = new List<string>();
        Task Effect(AuthorizedTransition t)
        {
            ran.Add($"{t.From}->{t.To}");
            return Task.CompletedTask;
        }
        var id = await AsAsync(Rongzhou, [AssistancePermissions.Accept], async (engine, db) =>
        {
            var c = await engine.StartAsync(TestProcess.Model.Code, "test", Guid.NewGuid(), "先检查后生效", Rongzhou);
            await db.SaveChangesAsync();
            var wrongState = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c, new("approve", "同意"), Effect));
            Assert.Equal("workflow_action_not_allowed", wrongState.Code);
            var unknown = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c, new("no-such-action", null), Effect));
            Assert.Equal("workflow_action_not_allowed", unknown.Code);

            // an effect that refuses (a module's own guard) leaves the case where it was and records no event
            var refused = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c, new("accept", null), _ => throw new AppProblem(409, "module_guard", "模块拒绝")));
            Assert.Equal("module_guard", refused.Code);
            Assert.Equal("submitted", c.State);
            Assert.DoesNotContain(db.ChangeTracker.Entries<WorkflowCaseEvent>(), e => e.State == EntityState.Added);

            var accepted = await engine.PerformAsync(c, new("accept", "材料齐全"), Effect);
            await db.SaveChangesAsync();
            Assert.Equal(("accepted", "材料齐全"), (c.State, accepted.Opinion));
            var forbidden = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c, new("approve", "同意"), Effect));
            Assert.Equal("workflow_forbidden", forbidden.Code);
            return c.Id;
        });
        await AsAsync(Rongzhou, [AssistancePermissions.Approve], async (engine, db) =>
        {
            var c = await db.WorkflowCases.SingleAsync(x => x.Id == id);
            var noOpinion = await Assert.ThrowsAsync<AppProblem>(() => engine.PerformAsync(c, new("reject", " "), Effect));
            Assert.True(noOpinion.Errors.ContainsKey("opinion"));
            // an effect may not move the case itself: the event must say where the case came from
            await Assert.ThrowsAsync<InvalidOperationException>(() => engine.PerformAsync(c, new("approve", "同意"), t =>
            {
                t.Case.State = "rejected";
                return Task.CompletedTask;
            }));
            return 0;
        });
        // only the allowed transition reached the effect
        Assert.Equal(["submitted->accepted"], ran);
        var events = await AsAsync(Rongzhou, [Permissions.WorkflowRead], (_, db) => db.WorkflowCaseEvents.CountAsync(e => e.CaseId == id));
        Assert.Equal(2, events); // 创建, 受理
    }

    [Fact]
    public async Task Definitions_are_stored_as_versioned_data()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("rongzhou.clerk");
        var processes = await client.GetJsonAsync("/api/v1/workflow/processes");
        var test = processes.EnumerateArray().Single(p => p.GetProperty("code").GetString() == TestProcess.Model.Code);
        Assert.Equal(1, test.GetProperty("version").GetInt32());
        Assert.Equal(30, test.GetProperty("definition").GetProperty("overallDeadline").GetProperty("workingDays").GetInt32());
    }
}

public sealed class WorkflowTestsOnSqlite(SqliteApp app) : WorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowTestsOnPostgres(PostgresApp app) : WorkflowTests(app), IClassFixture<PostgresApp>;
