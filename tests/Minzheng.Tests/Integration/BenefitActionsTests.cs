using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Integration;

/// <summary>
/// <see cref="IBenefitActions"/> as the data-comparison module will call it: a township clerk (who may not suspend or
/// terminate a benefit herself) acts on a confirmed finding through each benefit module, in the caller's own transaction.
/// The module moves its case as its own action would, records the authority, and ends the entitlement after the last month
/// due; a recovery may end it in the past. On SQLite and PostgreSQL, with the demo accounts of 容州镇.
/// </summary>
public abstract class BenefitActionsTests(AppFixture app)
{
    private const string Village = "450921100003"; // 新南社区, 容州镇, 容县
    private const string Authority = "数据比对核实结论 #123（容州镇 张三 2026-11-29）";
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly September = new(2026, 9, 1);
    private static int _seq = Random.Shared.Next(0, 400);

    /// <summary>Runs <paramref name="action"/> in a new scope as a demo account, with that account's role and division.</summary>
    private async Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> action)
    {
        var account = Web.Platform.Demo.DemoAccounts.All.Single(a => a.UserName == userName);
        var userId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var permissions = app.Services.GetRequiredService<Web.Platform.Composition.PermissionCatalog>().DefaultsOf(account.Role);
        return await AsAsync(new ActingIdentity(userId, userName, account.DivisionCode, permissions.ToHashSet()), action);
    }

    private async Task<T> AsAsync<T>(ActingIdentity identity, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(identity);
        return await action(scope.ServiceProvider);
    }

    /// <summary>Every step of an assistance case, in the county (as the demo cases are made).</summary>
    private static readonly ActingIdentity AssistanceStaff = new(null, "县级经办（测试）", "450921000000", new HashSet<string>
    {
        AssistancePermissions.Read, AssistancePermissions.Apply, AssistancePermissions.Accept, AssistancePermissions.Investigate,
        AssistancePermissions.Approve, AssistancePermissions.Confirm, Permissions.RegistryRead, Permissions.WorkflowRead,
    });

    /// <summary>Applies one request as the data-comparison module would: through the module that supports the program, then one save.</summary>
    private Task<string> ApplyAsync(string userName, BenefitActionRequest request) => AsAsync(userName, async sp =>
    {
        var module = sp.GetServices<IBenefitActions>().Single(m => m.Supported.ContainsKey(request.Program));
        var done = await module.ApplyAsync(request, CancellationToken.None);
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return done;
    });

    private Task<List<EntitlementPeriod>> PeriodsAsync(Guid source) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking().Where(e => e.SourceId == source && !e.OneOff).ToListAsync());

    /// <summary>Running cases started some months ago, so that a recovery has paid months to reclaim.</summary>
    private Task<int> BackdateAsync(Guid source, int months) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        foreach (var p in await db.Set<EntitlementPeriod>().Where(e => e.SourceId == source).ToListAsync()) p.FromMonth = p.FromMonth.AddMonths(-months);
        return await db.SaveChangesAsync();
    });

    private async Task<Guid> PersonAsync(string name, DateOnly birth, int? disabilityGrade = null)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose("450102", birth, Interlocked.Increment(ref _seq) % 999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name,
            divisionCode = Village,
            disabilityCategory = disabilityGrade is null ? null : "physical",
            disabilityGrade,
            disabilityCertificate = disabilityGrade is { } g ? $"{id}{(int)DisabilityCategory.Physical}{g}" : null,
            bankName = "广西农村信用社",
            bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999),
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A dibao case (a couple) or an extreme-poverty case (an old man living alone) driven to 在保 through the module's own use
    /// cases by county staff, the notice period moved into the past.
    /// </summary>
    private async Task<AssistanceCase> ActiveCaseAsync(AssistanceProgram program = AssistanceProgram.Dibao)
    {
        var admin = await app.ClientAsync("admin");
        var single = program == AssistanceProgram.ExtremePoverty;
        var head = await PersonAsync("覃建国", single ? new DateOnly(1950, 4, 4) : new DateOnly(1980, 4, 4));
        object[] members = single ? [] : [new { personId = await PersonAsync("黄丽芳", new DateOnly(1982, 6, 6)), relation = "spouse" }];
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = head, address = "容州镇新南社区", members });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        var household = (await h.JsonAsync()).GetProperty("id").GetGuid();

        Task<AssistanceCase> Act(Func<AssistanceCases, Task<AssistanceCase>> step) => AsAsync(AssistanceStaff, sp => step(sp.GetRequiredService<AssistanceCases>()));
        Task<AssistanceCase> Do(AssistanceCase c, string action) => Act(s => s.PerformAsync(c.Id, action, new ActionInput { Opinion = "符合条件", Version = c.Version }));
        var c = await AsAsync(AssistanceStaff, sp => sp.GetRequiredService<ApplyForAssistance>().RunAsync(new ApplyInput
        {
            Program = program,
            HouseholdId = household,
            SinglePersonId = single ? head : null,
            Channel = Channel.Counter,
            Reason = "家庭收入低，生活困难。",
            ConsentToCheck = true,
        }));
        c = await Do(c, "accept");
        c = await AsAsync(AssistanceStaff, sp => sp.GetRequiredService<RecordInvestigation>().RunAsync(c.Id, new InvestigationInput
        {
            InvestigatedOn = c.AppliedOn,
            Investigators = "黄志明、陈丽娟",
            VisitRecord = "入户查看住房和生活情况，核实家庭人口与收入。",
            EconomicCheck = EconomicCheck.Passed,
            Members = [.. c.Members.Select(m => new MemberFacts(m.PersonId))],
            Income = [new IncomeInput(single ? "transfer" : "wage", "收入", single ? 100m : 300m)],
            Houses = 1,
            SelfCareUnable = single ? [SelfCareItem.Bathing] : null,
            SupportForm = single ? SupportForm.Dispersed : null,
            Version = c.Version,
        }));
        c = await Do(c, "submit-investigation");
        c = await Do(c, "propose-approve");
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var tracked = await db.Set<AssistanceCase>().SingleAsync(x => x.Id == c.Id);
            var today = sp.GetRequiredService<BusinessClock>().Today;
            tracked.NoticeFrom = today.AddDays(-9);
            tracked.NoticeTo = today.AddDays(-3);
            return await db.SaveChangesAsync();
        });
        c = await Act(s => s.LoadAsync(c.Id));
        c = await Do(c, "notice-ended");
        c = await Do(c, "confirm-county");
        Assert.Equal(AssistanceProcesses.Active, c.State);
        return c;
    }

    [Fact]
    public async Task Assistance_a_clerk_suspends_dibao_on_a_finding_and_a_recovery_ends_it_in_the_past()
    {
        app.SkipIfUnavailable();
        var c = await ActiveCaseAsync();
        await BackdateAsync(c.Id, 6);
        Assert.False(await AsAsync("rongzhou.clerk", sp => Task.FromResult(sp.GetRequiredService<ICurrentUser>().HasPermission(AssistancePermissions.Approve))));

        // another township cannot reach the case; extreme poverty cannot be terminated on a finding (it needs a public notice)
        var other = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("yangmei.clerk", new("dibao", c.Id, BenefitAction.Suspend, November, "家庭有车辆", Authority)));
        Assert.Equal(404, other.Status);
        var unsupported = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("extreme-poverty", c.Id, BenefitAction.Terminate, November, "x", Authority)));
        Assert.Equal("benefit_action_unsupported", unsupported.Code);

        var done = await ApplyAsync("rongzhou.clerk", new("dibao", c.Id, BenefitAction.Suspend, November, "经比对，家庭成员名下有小型汽车一辆", Authority));
        Assert.Equal($"已暂停发放最低生活保障（{c.Number}），发放至 2026年11月", done);
        var (state, suspendedOn, endReason, events, documents) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var x = await db.Set<AssistanceCase>().AsNoTracking().SingleAsync(a => a.Id == c.Id);
            var e = await db.WorkflowCaseEvents.AsNoTracking().Where(w => w.CaseId == x.WorkflowCaseId).ToListAsync();
            var d = await db.Set<AssistanceDocument>().AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => d.Title).ToListAsync();
            return (x.State, x.SuspendedOn, x.EndReason, e, d);
        });
        Assert.Equal((AssistanceProcesses.Suspended, (DateOnly?)new DateOnly(2026, 11, 30), "经比对，家庭成员名下有小型汽车一辆"), (state, suspendedOn, endReason));
        // the fake clock stands still: every event has the same time
        var suspension = Assert.Single(events, e => e.Action == "suspend");
        Assert.Equal("rongzhou.clerk", suspension.ActorName);
        Assert.Equal($"依据：{Authority}。经比对，家庭成员名下有小型汽车一辆", suspension.Opinion);
        Assert.Contains("暂停发放通知书", documents);
        // the notice prints with its issuing unit, the 制表/审核/负责人 lines and room for the 公章 (issue 12, item 13)
        var noticeId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceDocument>().AsNoTracking()
            .Where(d => d.CaseId == c.Id && d.Title == "暂停发放通知书").Select(d => d.Id).SingleAsync());
        var notice = await (await app.ClientAsync("rongzhou.clerk")).GetStringAsync($"/assistance/documents/{noticeId}");
        Assert.Contains("<strong data-issuing-unit>容州镇人民政府</strong>", notice, StringComparison.Ordinal);
        foreach (var line in new[] { "制表：<span class=\"sign\">容州镇经办员</span>", "审核：", "负责人：", "seal-box" }) Assert.Contains(line, notice, StringComparison.Ordinal);
        Assert.Equal(November, Assert.Single(await PeriodsAsync(c.Id)).ToMonth);

        // suspended already: a second suspension is refused; the clerk's recovery is a termination proposal (she may not end
        // the benefit herself, ADR 022) which the approver decides, with the end moved into the past
        var again = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("dibao", c.Id, BenefitAction.Suspend, November, "x", Authority)));
        Assert.Equal("benefit_not_running", again.Code);
        done = await ApplyAsync("rongzhou.clerk", new("dibao", c.Id, BenefitAction.Recover, September, "2026年9月起家庭成员稳定就业，收入超过标准", Authority));
        Assert.StartsWith($"已提请终止最低生活保障（{c.Number}），拟发放至 2026年9月", done, StringComparison.Ordinal);
        var proposed = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Set<AssistanceCase>().AsNoTracking().SingleAsync(a => a.Id == c.Id)).State);
        Assert.Equal(AssistanceProcesses.Suspended, proposed);
        var change = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Web.Modules.Assistance.Changes.AssistanceChange>().AsNoTracking().SingleAsync(x => x.CaseId == c.Id));
        await AsAsync("rongzhou.approver", sp => sp.GetRequiredService<Web.Modules.Assistance.Changes.DecideChange>()
            .PerformAsync(change.Id, "approve", new Web.Modules.Assistance.Changes.ChangeActionInput("核实属实，终止保障", change.Version)));
        var ended = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceCase>().AsNoTracking().SingleAsync(a => a.Id == c.Id));
        Assert.Equal((AssistanceProcesses.Terminated, (DateOnly?)new DateOnly(2026, 11, 30)), (ended.State, ended.EndedOn));
        Assert.Equal(September, Assert.Single(await PeriodsAsync(c.Id)).ToMonth);
        var closed = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("dibao", c.Id, BenefitAction.Terminate, November, "x", Authority)));
        Assert.Equal("benefit_not_running", closed.Code);
    }

    [Fact]
    public async Task Assistance_extreme_poverty_is_never_terminated_on_a_finding_a_recovery_suspends_it()
    {
        app.SkipIfUnavailable();
        var c = await ActiveCaseAsync(AssistanceProgram.ExtremePoverty);
        await BackdateAsync(c.Id, 6);
        var terminate = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("extreme-poverty", c.Id, BenefitAction.Terminate, November, "x", Authority)));
        Assert.Equal("benefit_action_unsupported", terminate.Code);

        var done = await ApplyAsync("rongzhou.clerk", new("extreme-poverty", c.Id, BenefitAction.Recover, September, "2026年9月起由子女赡养", Authority));
        Assert.Contains("发放至 2026年9月", done, StringComparison.Ordinal);
        Assert.EndsWith("终止供养须经公示后由县级确认", done, StringComparison.Ordinal);
        var state = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceCase>().AsNoTracking().Where(a => a.Id == c.Id).Select(a => a.State).SingleAsync());
        Assert.Equal(AssistanceProcesses.Suspended, state);
        Assert.Equal(September, Assert.Single(await PeriodsAsync(c.Id)).ToMonth);

        // suspended already: a recovery further back moves the end, as a note on the timeline
        done = await ApplyAsync("rongzhou.clerk", new("extreme-poverty", c.Id, BenefitAction.Recover, new DateOnly(2026, 7, 1), "2026年7月起由子女赡养", Authority));
        Assert.Contains("发放至 2026年7月", done, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 7, 1), Assert.Single(await PeriodsAsync(c.Id)).ToMonth);
        var note = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowCaseEvents.AsNoTracking()
            .SingleAsync(e => e.CaseId == c.WorkflowCaseId && e.Action == "note"));
        Assert.Equal("追缴", note.ActionName);
        Assert.StartsWith($"依据：{Authority}。", note.Opinion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disability_a_suspended_subsidy_is_resumed_by_the_county_and_a_recovery_stops_it_in_the_past()
    {
        app.SkipIfUnavailable();
        var person = await PersonAsync("甘建国", new DateOnly(1970, 5, 5), disabilityGrade: 1);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var r = await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var a = await r.JsonAsync();
        string[] chain = ["rongzhou.clerk", "rongzhou.approver", "rongxian.dpf", "rongxian.officer"];
        foreach (var (userName, i) in chain.Select((u, i) => (u, i)))
        {
            a = await (await (await app.ClientAsync(userName)).PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/step",
                new { agree = true, opinion = "属实", version = a.GetProperty("version").GetInt32(), certificateGeneration = i == 2 ? 3 : (int?)null, certificateValidUntil = new DateOnly(2030, 1, 1) })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        Assert.Equal("approved", a.GetProperty("status").GetString());
        var id = a.GetProperty("id").GetGuid();
        await BackdateAsync(id, 6);

        var done = await ApplyAsync("rongzhou.clerk", new("disability-care", id, BenefitAction.Suspend, November, "户籍已迁出本县", Authority));
        Assert.StartsWith("已暂停发放重度残疾人护理补贴", done, StringComparison.Ordinal);
        var officer = await app.ClientAsync("rongxian.officer");
        a = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{id}");
        Assert.Equal(("suspended", "2026-11-01"), (a.GetProperty("status").GetString(), a.GetProperty("lastMonth").GetString()));
        Assert.Contains(Authority, a.GetProperty("endNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(November, Assert.Single(await PeriodsAsync(id)).ToMonth);
        var page = await officer.GetStringAsync($"/disability/{id}");
        Assert.Contains("暂停发放", page, StringComparison.Ordinal);
        Assert.Contains("handler=Resume", page, StringComparison.Ordinal);

        // only the county resumes: from next month, at the current standard, after re-running the rule
        await clerk.PostAsJsonAsync($"/api/v1/disability/subsidies/{id}/resume", new { version = a.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.Forbidden);
        a = await (await officer.PostAsJsonAsync($"/api/v1/disability/subsidies/{id}/resume", new { version = a.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", a.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("lastMonth").ValueKind);
        var periods = await PeriodsAsync(id);
        Assert.Contains(periods, p => p.FromMonth == new DateOnly(2026, 12, 1) && p.ToMonth is null && p.MonthlyAmount == Web.Platform.Money.Money.FromYuan(80m));

        // the township clerk may not stop the subsidy (停发 is the county's, ADR 028): her recovery is a proposal, paid on until decided
        done = await ApplyAsync("rongzhou.clerk", new("disability-care", id, BenefitAction.Recover, September, "2026年9月已纳入特困人员救助供养", Authority));
        Assert.StartsWith("已提请停发重度残疾人护理补贴", done, StringComparison.Ordinal);
        a = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{id}");
        Assert.Equal("approved", a.GetProperty("status").GetString());
        Assert.Contains(await PeriodsAsync(id), p => p.ToMonth is null);
        // the application's page shows what waits, and the decider's list offers the decision
        Assert.Contains("停发提请", await officer.GetStringAsync($"/disability/{id}"), StringComparison.Ordinal);
        var queue = await officer.GetStringAsync("/benefit-proposals");
        Assert.Contains("handler=Decide", queue, StringComparison.Ordinal);
        Assert.Contains("甘建国", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", queue, StringComparison.Ordinal);
        var proposal = await DecideAsync(id, "rongxian.officer", "核实属实，同意停发", "同意停发");
        Assert.Equal(("approved", "2026-09-01"), (proposal.GetProperty("status").GetString(), proposal.GetProperty("lastDueMonth").GetString()));
        await NoticeAsync(proposal, "重度残疾人护理补贴停发通知书", "容县民政局");
        a = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{id}");
        Assert.Equal(("terminated", "2026-09-01", "other"), (a.GetProperty("status").GetString(), a.GetProperty("lastMonth").GetString(), a.GetProperty("endReason").GetString()));
        Assert.All(await PeriodsAsync(id), p => Assert.True(p.ToMonth <= September, $"{p.FromMonth}..{p.ToMonth}"));
        Assert.Contains(await PeriodsAsync(id), p => p.ToMonth == September);
    }

    [Fact]
    public async Task Child_welfare_a_finding_ends_the_allowance_and_cannot_suspend_it()
    {
        app.SkipIfUnavailable();
        var child = await PersonAsync("韦小宝", new DateOnly(2016, 3, 8));
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var r = await clerk.PostAsJsonAsync("/api/v1/children/cases", new
        {
            childPersonId = child,
            kind = "orphan",
            father = new { situation = "dead", evidence = "死亡证明" },
            mother = new { situation = "dead", evidence = "死亡证明" },
            placement = "kinship",
            guardianName = "李桂芳",
            guardianRelation = "祖母",
            inFullTimeEducation = false,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var c = await r.JsonAsync();
        foreach (var (userName, action) in new[] { ("rongzhou.approver", "review"), ("rongxian.officer", "confirm") })
        {
            c = await (await (await app.ClientAsync(userName)).PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/{action}",
                new { agree = true, opinion = "符合条件", version = c.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        var id = c.GetProperty("id").GetGuid();
        await BackdateAsync(id, 6);

        var suspend = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("orphan", id, BenefitAction.Suspend, November, "x", Authority)));
        Assert.Equal("benefit_action_unsupported", suspend.Code);
        // the township clerk proposes; the county that confirms the allowance decides (ADR 028); nothing ends before
        var done = await ApplyAsync("rongzhou.clerk", new("orphan", id, BenefitAction.Terminate, November, "2026年11月已被依法收养", Authority));
        Assert.Equal($"已提请停发孤儿基本生活费（{c.GetProperty("number").GetString()}），拟发放至 2026年11月；待县级民政部门审批，审批前照常发放", done);
        var running = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ChildAllowanceCase>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(ChildCaseStatus.Confirmed, running.Status);
        // a second finding on the same allowance waits for the first decision
        var twice = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("orphan", id, BenefitAction.Terminate, November, "重复", Authority)));
        Assert.Equal("proposal_exists", twice.Code);
        var proposal = await DecideAsync(id, "rongxian.officer", null, "同意停发");
        await NoticeAsync(proposal, "孤儿基本生活费停发通知书", "容县民政局");
        var ended = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ChildAllowanceCase>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((ChildCaseStatus.Ended, (DateOnly?)November, (ChildEndReason?)ChildEndReason.Other), (ended.Status, ended.EndedMonth, ended.EndReason));
        Assert.Contains(Authority, ended.EndNote, StringComparison.Ordinal);
        Assert.Equal(November, Assert.Single(await PeriodsAsync(id)).ToMonth);
        var audited = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .AnyAsync(e => e.EntityId == id.ToString() && e.Action == "end" && e.UserName == "rongxian.officer"));
        Assert.True(audited);
        var closed = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("orphan", id, BenefitAction.Recover, September, "x", Authority)));
        Assert.Equal("benefit_not_running", closed.Code);

        // a recovery ends a running allowance in the past
        var second = await PersonAsync("韦小明", new DateOnly(2015, 5, 5));
        r = await clerk.PostAsJsonAsync("/api/v1/children/cases", new
        {
            childPersonId = second,
            kind = "orphan",
            father = new { situation = "dead", evidence = "死亡证明" },
            mother = new { situation = "dead", evidence = "死亡证明" },
            placement = "kinship",
            guardianName = "李桂芳",
            guardianRelation = "祖母",
            inFullTimeEducation = false,
        });
        c = await r.EnsureSuccessStatusCode().JsonAsync();
        foreach (var (userName, action) in new[] { ("rongzhou.approver", "review"), ("rongxian.officer", "confirm") })
        {
            c = await (await (await app.ClientAsync(userName)).PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/{action}",
                new { agree = true, opinion = "符合条件", version = c.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        var secondId = c.GetProperty("id").GetGuid();
        await BackdateAsync(secondId, 6);
        var wrongProgram = await Assert.ThrowsAsync<AppProblem>(() => ApplyAsync("rongzhou.clerk", new("unsupported-child", secondId, BenefitAction.Recover, September, "x", Authority)));
        Assert.Equal(404, wrongProgram.Status); // the program must be the case's
        // the county itself may end it at once on a finding (it holds the permission that decides 停发)
        done = await ApplyAsync("rongxian.officer", new("orphan", secondId, BenefitAction.Recover, September, "2026年9月父亲经查仍在世", Authority));
        Assert.EndsWith("此后已发放的金额在下次发放时转为追缴", done, StringComparison.Ordinal);
        Assert.Equal(September, Assert.Single(await PeriodsAsync(secondId)).ToMonth);
    }

    /// <summary>
    /// The benefit's one open stop proposal decided through the API: the proposing clerk and the township approver may not decide
    /// it (403), the deciding user approves (or rejects) it. Returns the decided proposal.
    /// </summary>
    private async Task<JsonElement> DecideAsync(Guid sourceId, string decider, string? opinion, string expectedAction)
    {
        var reader = await app.ClientAsync(decider);
        var open = (await reader.GetItemsAsync("/api/v1/benefit-proposals?status=proposed")).Single(p => p.GetProperty("sourceId").GetGuid() == sourceId);
        var id = open.GetProperty("id").GetString();
        var version = open.GetProperty("version").GetInt32();
        Assert.Contains(open.GetProperty("actions").EnumerateArray(), x => x.GetProperty("name").GetString() == expectedAction);
        foreach (var notAllowed in new[] { "rongzhou.clerk", "rongzhou.approver" })
        {
            var clerk = await app.ClientAsync(notAllowed);
            Assert.Empty((await clerk.GetItemsAsync("/api/v1/benefit-proposals?status=proposed")).Single(p => p.GetProperty("id").GetString() == id).GetProperty("actions").EnumerateArray());
            await clerk.PostAsJsonAsync($"/api/v1/benefit-proposals/{id}/actions/approve", new { opinion, version }).ExpectProblemAsync(403, "workflow_forbidden");
        }
        // another county does not see it at all
        await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync($"/api/v1/benefit-proposals/{id}/actions/approve", new { opinion, version }).EnsureStatus(HttpStatusCode.NotFound);
        var decided = await (await reader.PostAsJsonAsync($"/api/v1/benefit-proposals/{id}/actions/approve", new { opinion, version }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(decided.GetProperty("noticeNumber").GetString()));
        // decided once: a second decision on the same version is stale
        await reader.PostAsJsonAsync($"/api/v1/benefit-proposals/{id}/actions/approve", new { opinion, version }).ExpectProblemAsync(409, "concurrency_conflict");
        return decided;
    }

    /// <summary>The 停发通知书 exists, printable, with the issuing unit and the 制表/审核/负责人 lines.</summary>
    private async Task NoticeAsync(JsonElement proposal, string title, string unit)
    {
        var html = await (await app.ClientAsync("rongxian.officer")).GetStringAsync($"/benefit-proposals/{proposal.GetProperty("id").GetString()}/notice");
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(proposal.GetProperty("noticeNumber").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains(unit, html, StringComparison.Ordinal);
        foreach (var line in new[] { "制表：", "审核：", "负责人：", "seal-box" }) Assert.Contains(line, html, StringComparison.Ordinal);
    }
}

public sealed class BenefitActionsTestsOnSqlite(SqliteApp app) : BenefitActionsTests(app), IClassFixture<SqliteApp>;

public sealed class BenefitActionsTestsOnPostgres(PostgresApp app) : BenefitActionsTests(app), IClassFixture<PostgresApp>;
