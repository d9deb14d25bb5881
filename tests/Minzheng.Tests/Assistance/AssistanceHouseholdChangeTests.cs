using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Assistance;

/// <summary>
/// Issue 12, items 1 and 2 (ADR 022), on SQLite and PostgreSQL, with the demo accounts of 容州镇 and 容县:
/// one member's death never ends a household's dibao — confirming the 死亡 finding on the head of a five-person household records
/// the death in the registry, and the household's amount is recalculated for the four left, from the month after the death, as a
/// change proposal that the township approver decides (with its notice); the next payroll pays the new amount to the new payee and
/// recovers what was paid for him after his death; the household never shows 退出低保. And a township clerk no longer ends a
/// benefit alone from a finding: her 终止 is a proposal the approver decides.
/// </summary>
public abstract class AssistanceHouseholdChangeTests(AppFixture app)
{
    private const string Rongxian = HouseholdScenario.Rongxian;
    private const string Village = HouseholdScenario.Village;

    private Task<(Guid Id, string IdNumber)> PersonAsync(string name, DateOnly birth, bool account = true) => HouseholdScenario.PersonAsync(app, name, birth, account);

    private Task<AssistanceCase> ActiveDibaoAsync(Guid household, decimal income, params (Guid Earner, decimal Amount)[] earned) => HouseholdScenario.ActiveDibaoAsync(app, household, income, earned);

    private Task<Guid> DatasetAsync(DatasetKind kind, string idNumber, Action<ComparisonRecord> fill) => HouseholdScenario.DatasetAsync(app, kind, idNumber, fill);

    private static Task RunComparisonAsync(HttpClient officer) => HouseholdScenario.RunComparisonAsync(officer);

    private static async Task<JsonElement> PayrollAsync(HttpClient officer, HttpClient finance, DateOnly month)
    {
        var r = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = Rongxian, program = "dibao", month, kind = "regular" });
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        var id = (await r.JsonAsync()).GetProperty("id").GetString()!;
        for (var i = 0; i < 600; i++)
        {
            if ((await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress")).GetProperty("done").GetBoolean()) break;
            await Task.Delay(100);
        }
        var p = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        Assert.True(p.GetProperty("status").GetString() == "generated", p.ToString());
        // the payroll's review flags (ADR 023) are confirmed by the reviewer, as on payroll day
        await Payments.PayrollSteps.ConfirmFlagsAsync(officer, id);
        p = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        p = await (await officer.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/review", new { version = p.GetProperty("version").GetInt32(), opinion = "已核对" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        return await (await finance.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/approve", new { version = p.GetProperty("version").GetInt32(), opinion = "同意" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
    }

    private static async Task<List<JsonElement>> LinesAsync(HttpClient client, JsonElement payroll, Guid household) =>
        (await client.GetJsonAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}/lines?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(l => l.TryGetProperty("householdId", out var h) && h.ValueKind == JsonValueKind.String && h.GetGuid() == household).ToList();

    private static async Task AssertNotLeftDibaoAsync(HttpClient client, Guid household)
    {
        var watch = await client.GetItemsAsync("/api/v1/assistance/watch");
        Assert.DoesNotContain(watch, w => w.GetProperty("householdId").GetGuid() == household
            && w.GetProperty("grounds").EnumerateArray().Any(g => g.GetString()!.Contains("退出低保", StringComparison.Ordinal)));
    }

    private static async Task<List<JsonElement>> ChangesAsync(HttpClient client, Guid caseId) => await client.GetItemsAsync($"/api/v1/assistance/cases/{caseId}/changes");

    [Fact]
    public async Task The_heads_death_confirmed_from_a_finding_recalculates_the_household_for_four_and_the_next_payroll_pays_it_and_recovers_the_difference()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var (head, headId) = await PersonAsync("覃家旺", new DateOnly(1984, 3, 3));
        var (wife, _) = await PersonAsync("黄秀梅", new DateOnly(1986, 5, 5));
        var (grandmother, _) = await PersonAsync("覃老太", new DateOnly(1948, 8, 8), account: false);
        var (son, _) = await PersonAsync("覃小宝", new DateOnly(2021, 6, 1), account: false);     // 5 years old
        var (daughter, _) = await PersonAsync("覃小妹", new DateOnly(2019, 4, 1), account: false); // 7 years old
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = Village,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new object[]
            {
                new { personId = wife, relation = "spouse" }, new { personId = grandmother, relation = "mother" },
                new { personId = son, relation = "son" }, new { personId = daughter, relation = "daughter" },
            },
        });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        var household = (await h.JsonAsync()).GetProperty("id").GetGuid();
        var c = await ActiveDibaoAsync(household, 500m);
        Assert.Equal(5, c.MemberCount);
        var fivePersons = c.MonthlyAmount;

        var officer = await app.ClientAsync("rongxian.officer");
        var finance = await app.ClientAsync("rongxian.finance");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        // October and November are paid for five, to the head, before anyone knows he died on 10 October
        await PayrollAsync(officer, finance, new DateOnly(2026, 10, 1));
        var november = await PayrollAsync(officer, finance, new DateOnly(2026, 11, 1));
        var paid = Assert.Single(await LinesAsync(officer, november, household));
        Assert.Equal((fivePersons.Yuan, head), (paid.GetProperty("amount").GetDecimal(), paid.GetProperty("payeePersonId").GetGuid()));

        // the police's death data reaches the comparison; the finding offers to record the death, not to end the household's dibao
        await DatasetAsync(DatasetKind.Deaths, headId, r => r.EventDate = new DateOnly(2026, 10, 10));
        await RunComparisonAsync(officer);
        var finding = (await clerk.GetItemsAsync("/api/v1/comparison/findings?rule=deceased&status=Open")).Single(f => f.GetProperty("personId").GetGuid() == head);
        var detail = await clerk.GetJsonAsync($"/api/v1/comparison/findings/{finding.GetProperty("id").GetInt64()}");
        Assert.Equal(["recordDeath"], detail.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ToList());
        var confirmed = await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.GetProperty("id").GetInt64()}/confirm",
            new { action = "recordDeath", note = "公安户籍注销信息与村委会核实属实", version = finding.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.StartsWith("人员登记为死亡（2026-10-10）", confirmed.GetProperty("effect").GetString(), StringComparison.Ordinal);
        var registered = await officer.GetJsonAsync($"/api/v1/persons/{head}");
        Assert.Equal(("deceased", "2026-10-10"), (registered.GetProperty("lifeStatus").GetString(), registered.GetProperty("deathDate").GetString()));

        // the household stays on dibao; its new amount waits for the approver, as a proposal with its explanation
        var state = await approver.GetJsonAsync($"/api/v1/assistance/cases/{c.Id}");
        Assert.Equal(AssistanceProcesses.Active, state.GetProperty("state").GetString());
        await AssertNotLeftDibaoAsync(approver, household);
        var proposal = Assert.Single(await ChangesAsync(approver, c.Id));
        Assert.Equal(("adjust", "proposed", "2026-11-01"), (proposal.GetProperty("kind").GetString(), proposal.GetProperty("status").GetString(), proposal.GetProperty("effectiveFrom").GetString()));
        var fourPersons = proposal.GetProperty("amount").GetDecimal();
        Assert.True(fourPersons > 0 && fourPersons < fivePersons.Yuan, $"{fourPersons} for four, {fivePersons} for five");
        var lines = proposal.GetProperty("lines").EnumerateArray().ToList();
        Assert.Contains("× 4 人", lines[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        // the household's income as investigated still counts: only the members changed
        Assert.Equal(-500m, lines.Single(l => l.GetProperty("label").GetString() == "减：家庭月收入").GetProperty("amount").GetDecimal());
        Assert.Equal(fourPersons, lines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.Contains("覃家旺", proposal.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(wife, proposal.GetProperty("newPayeePersonId").GetGuid());
        // the clerk may not decide it; the approver does, with an opinion and the notice
        var id = proposal.GetProperty("id").GetString();
        await clerk.PostAsJsonAsync($"/api/v1/assistance/changes/{id}/actions/approve", new { opinion = "同意", version = proposal.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(403, "workflow_forbidden");
        var decided = await (await approver.PostAsJsonAsync($"/api/v1/assistance/changes/{id}/actions/approve",
            new { opinion = "户主死亡，按四人重新核定", version = proposal.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        var after = await approver.GetJsonAsync($"/api/v1/assistance/cases/{c.Id}");
        Assert.Equal((AssistanceProcesses.Active, fourPersons), (after.GetProperty("state").GetString(), after.GetProperty("monthlyAmount").GetDecimal()));
        var documents = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceDocument>().AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => d.Title).ToListAsync());
        Assert.Contains("保障金额变更通知书", documents);
        Assert.DoesNotContain("终止保障通知书", documents);
        await AssertNotLeftDibaoAsync(approver, household);

        // the next payroll: the four's amount to the wife from December, November's five-person payment recovered down to four
        var december = await PayrollAsync(officer, finance, new DateOnly(2026, 12, 1));
        var decemberLines = await LinesAsync(officer, december, household);
        var benefit = Assert.Single(decemberLines, l => l.GetProperty("purpose").GetString() == "benefit");
        Assert.Equal((fourPersons, wife), (benefit.GetProperty("amount").GetDecimal(), benefit.GetProperty("payeePersonId").GetGuid()));
        var recoveries = (await officer.GetItemsAsync("/api/v1/payments/recoveries")).Where(r => r.GetProperty("sourceNumber").GetString() == c.Number).ToList();
        var recovery = Assert.Single(recoveries);
        Assert.Equal(("2026-11-01", fivePersons.Yuan - fourPersons), (recovery.GetProperty("serviceMonth").GetString(), recovery.GetProperty("amount").GetDecimal()));
        await AssertNotLeftDibaoAsync(officer, household);
    }

    [Fact]
    public async Task A_clerk_can_no_longer_terminate_dibao_from_a_finding_the_approver_decides_with_the_notice()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var (head, headId) = await PersonAsync("陆志强", new DateOnly(1979, 2, 2));
        var (wife, _) = await PersonAsync("梁小红", new DateOnly(1981, 9, 9));
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = head, address = "容州镇新南社区", members = new[] { new { personId = wife, relation = "spouse" } } });
        var household = (await h.EnsureSuccessStatusCode().JsonAsync()).GetProperty("id").GetGuid();
        var c = await ActiveDibaoAsync(household, 300m);
        var officer = await app.ClientAsync("rongxian.officer");
        await DatasetAsync(DatasetKind.Vehicles, headId, r => { r.Reference = "桂K12345"; r.Category = "小型轿车"; r.Status = "正常"; });
        await RunComparisonAsync(officer);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var finding = (await clerk.GetItemsAsync("/api/v1/comparison/findings?rule=vehicle&status=Open")).Single(f => f.GetProperty("personId").GetGuid() == head);
        var confirmed = await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.GetProperty("id").GetInt64()}/confirm",
            new { action = "terminate", note = "入户核实，家庭有小型轿车一辆", version = finding.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Contains("待审核", confirmed.GetProperty("effect").GetString(), StringComparison.Ordinal);

        // nothing ended: the case still pays, the termination is a proposal
        var approver = await app.ClientAsync("rongzhou.approver");
        Assert.Equal(AssistanceProcesses.Active, (await approver.GetJsonAsync($"/api/v1/assistance/cases/{c.Id}")).GetProperty("state").GetString());
        var periods = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking().Where(e => e.SourceId == c.Id).ToListAsync());
        Assert.Contains(periods, p => p.ToMonth is null);
        var proposal = Assert.Single(await ChangesAsync(approver, c.Id));
        Assert.Equal(("terminate", "proposed"), (proposal.GetProperty("kind").GetString(), proposal.GetProperty("status").GetString()));
        var id = proposal.GetProperty("id").GetString();
        var version = proposal.GetProperty("version").GetInt32();
        await clerk.PostAsJsonAsync($"/api/v1/assistance/changes/{id}/actions/approve", new { opinion = "同意", version }).ExpectProblemAsync(403, "workflow_forbidden");
        await clerk.PostAsJsonAsync($"/api/v1/assistance/cases/{c.Id}/actions/terminate", new { opinion = "有车", version = c.Version }).ExpectProblemAsync(403, "workflow_forbidden");
        await approver.PostAsJsonAsync($"/api/v1/assistance/changes/{id}/actions/reject", new { opinion = "", version }).ExpectProblemAsync(400, "validation_failed");

        var decided = await (await approver.PostAsJsonAsync($"/api/v1/assistance/changes/{id}/actions/approve", new { opinion = "核实属实，终止保障", version }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        var ended = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var x = await db.Set<AssistanceCase>().AsNoTracking().SingleAsync(a => a.Id == c.Id);
            var events = await db.WorkflowCaseEvents.AsNoTracking().Where(e => e.CaseId == x.WorkflowCaseId && e.Action == "terminate").ToListAsync();
            var docs = await db.Set<AssistanceDocument>().AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => d.Title).ToListAsync();
            var last = await db.Set<EntitlementPeriod>().AsNoTracking().Where(e => e.SourceId == c.Id).MaxAsync(e => e.ToMonth);
            return (x.State, Event: Assert.Single(events), docs, last);
        });
        Assert.Equal(AssistanceProcesses.Terminated, ended.State);
        Assert.Equal("rongzhou.approver", ended.Event.ActorName);
        Assert.Contains("终止保障通知书", ended.docs);
        Assert.Equal(new DateOnly(2026, 11, 1), ended.last);
    }

    /// <summary>
    /// The dead member's own income ends with him (issue 12 item 1 with item 10's income rows per member): a grandmother's pension
    /// of 600 元 no longer counts against the three who remain, so their amount is not cut by money that no longer comes in.
    /// </summary>
    [Fact]
    public async Task The_dead_members_own_income_no_longer_counts_against_the_rest_of_the_household()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var (head, _) = await PersonAsync("莫志强", new DateOnly(1982, 2, 2));
        var (wife, _) = await PersonAsync("李春燕", new DateOnly(1984, 4, 4), account: false);
        var (grandmother, _) = await PersonAsync("莫阿婆", new DateOnly(1944, 4, 4), account: false);
        var (son, _) = await PersonAsync("莫小龙", new DateOnly(2016, 6, 6), account: false);
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = Village,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new[] { new { personId = wife, relation = "spouse" }, new { personId = grandmother, relation = "mother" }, new { personId = son, relation = "son" } },
        });
        var household = (await h.EnsureSuccessStatusCode().JsonAsync()).GetProperty("id").GetGuid();
        var c = await ActiveDibaoAsync(household, 200m, (grandmother, 600m));
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var version = (await clerk.GetJsonAsync($"/api/v1/persons/{grandmother}")).GetProperty("version").GetInt32();
        await clerk.PutAsJsonAsync($"/api/v1/persons/{grandmother}", new { name = "莫阿婆", divisionCode = Village, lifeStatus = "deceased", deathDate = new DateOnly(2026, 11, 5), version })
            .EnsureStatus(HttpStatusCode.OK);

        var proposal = Assert.Single(await ChangesAsync(approver, c.Id));
        Assert.Equal(("adjust", 3), (proposal.GetProperty("kind").GetString(), proposal.GetProperty("memberCount").GetInt32()));
        var lines = proposal.GetProperty("lines").EnumerateArray().ToList();
        // only the household's 200 元 counts now; her 600 元 pension stopped with her
        Assert.Equal(-200m, lines.Single(l => l.GetProperty("label").GetString() == "减：家庭月收入").GetProperty("amount").GetDecimal());
        Assert.Equal(proposal.GetProperty("amount").GetDecimal(), lines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.Contains("不再计入已故成员本人的收入每月 600.00 元", proposal.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A death from another source (a registry edit by the clerk) is handled alike; its reversal by the county withdraws the
    /// recalculation still waiting and the amount stays; a recalculation the approver rejects sends the township a review task.
    /// </summary>
    [Fact]
    public async Task A_reversed_death_withdraws_the_waiting_recalculation_and_a_rejected_one_becomes_a_review_task()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var (head, _) = await PersonAsync("卢国平", new DateOnly(1978, 7, 7));
        var (wife, _) = await PersonAsync("黎月娥", new DateOnly(1980, 8, 8), account: false);
        var (son, _) = await PersonAsync("卢小军", new DateOnly(2015, 9, 9), account: false);
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = Village,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new[] { new { personId = wife, relation = "spouse" }, new { personId = son, relation = "son" } },
        });
        var household = (await h.EnsureSuccessStatusCode().JsonAsync()).GetProperty("id").GetGuid();
        var c = await ActiveDibaoAsync(household, 300m);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var officer = await app.ClientAsync("rongxian.officer");
        var approver = await app.ClientAsync("rongzhou.approver");
        async Task<JsonElement> DieAsync(Guid person, string name, DateOnly date)
        {
            var version = (await clerk.GetJsonAsync($"/api/v1/persons/{person}")).GetProperty("version").GetInt32();
            return await (await clerk.PutAsJsonAsync($"/api/v1/persons/{person}", new { name, divisionCode = Village, lifeStatus = "deceased", deathDate = date, version })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }

        await DieAsync(son, "卢小军", new DateOnly(2026, 11, 20));
        var waiting = Assert.Single(await ChangesAsync(approver, c.Id));
        Assert.Equal(("adjust", "proposed", "2026-12-01", 2), (waiting.GetProperty("kind").GetString(), waiting.GetProperty("status").GetString(),
            waiting.GetProperty("effectiveFrom").GetString(), waiting.GetProperty("memberCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("newPayeePersonId").ValueKind); // the head, still paid, is alive

        // the county reverses the death: the recalculation is withdrawn, nothing was changed
        var personVersion = (await officer.GetJsonAsync($"/api/v1/persons/{son}")).GetProperty("version").GetInt32();
        var reversal = await (await officer.PostAsJsonAsync($"/api/v1/persons/{son}/death/reverse", new { reason = "派出所误报，经村委会核实本人健在", version = personVersion })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Contains(reversal.GetProperty("effects").EnumerateArray(), e => e.GetString()!.Contains("变更核定已撤回", StringComparison.Ordinal));
        Assert.Equal("withdrawn", Assert.Single(await ChangesAsync(approver, c.Id)).GetProperty("status").GetString());
        var unchanged = await approver.GetJsonAsync($"/api/v1/assistance/cases/{c.Id}");
        Assert.Equal((c.MonthlyAmount.Yuan, 3), (unchanged.GetProperty("monthlyAmount").GetDecimal(), unchanged.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("included").GetBoolean())));

        // the wife dies; the approver does not agree with the recalculation: it is rejected with the reason and the township reviews
        await DieAsync(wife, "黎月娥", new DateOnly(2026, 11, 5));
        var proposal = (await ChangesAsync(approver, c.Id)).Single(x => x.GetProperty("status").GetString() == "proposed");
        var rejected = await (await approver.PostAsJsonAsync($"/api/v1/assistance/changes/{proposal.GetProperty("id").GetString()}/actions/reject",
            new { opinion = "户主本月起务工收入变化，须重新调查收入", version = proposal.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("rejected", "rongzhou.approver"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("decidedBy").GetString()));
        var reviews = await clerk.GetItemsAsync("/api/v1/assistance/reviews");
        Assert.Contains(reviews, r => r.GetProperty("caseId").GetGuid() == c.Id && r.GetProperty("reportedChange").GetString()!.Contains("变更核定未获同意", StringComparison.Ordinal));
        Assert.Equal(AssistanceProcesses.Active, (await approver.GetJsonAsync($"/api/v1/assistance/cases/{c.Id}")).GetProperty("state").GetString());
        await AssertNotLeftDibaoAsync(approver, household);
    }
}

public sealed class AssistanceHouseholdChangeTestsOnSqlite(SqliteApp app) : AssistanceHouseholdChangeTests(app), IClassFixture<SqliteApp>;

public sealed class AssistanceHouseholdChangeTestsOnPostgres(PostgresApp app) : AssistanceHouseholdChangeTests(app), IClassFixture<PostgresApp>;
