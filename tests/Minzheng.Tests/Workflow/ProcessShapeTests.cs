using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Workflow;

/// <summary>
/// Disability subsidies and child allowances on the workflow kernel through the one transition shape
/// (<c>POST …/{id}/actions/{action}</c> with <c>{opinion, version, …}</c>): the engine answers wrong state (409) and wrong role
/// (403) before any effect, an effect that fails (a missing certificate check, 400) leaves neither state nor timeline changed,
/// every step is a timeline event with its user and opinion, and open cases past their step deadline show in the kernel's
/// overdue listing within scope.
/// </summary>
public abstract class ProcessShapeTests(AppFixture app)
{
    private const string Village = "450921100003"; // 新南社区, 容州镇, 容县
    private static int _seq = Random.Shared.Next(0, 400);

    private async Task<Guid> PersonAsync(string name, DateOnly birth, int? grade)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose("450102", birth, Interlocked.Increment(ref _seq) % 999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", grade is { } g
            ? new { idNumber = id, name, divisionCode = Village, disabilityCategory = (string?)"physical", disabilityGrade = (int?)g, disabilityCertificate = (string?)$"{id}{(int)DisabilityCategory.Physical}{g}", bankName = "广西农村信用社", bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999) }
            : new { idNumber = id, name, divisionCode = Village, disabilityCategory = (string?)null, disabilityGrade = (int?)null, disabilityCertificate = (string?)null, bankName = "广西农村信用社", bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999) });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Act(HttpClient client, string resource, JsonElement e, string action, object? extra = null, string? opinion = "属实")
    {
        var body = new Dictionary<string, object?> { ["opinion"] = opinion, ["version"] = e.GetProperty("version").GetInt32() };
        if (extra is not null) foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        return client.PostAsJsonAsync($"{resource}/{e.GetProperty("id").GetString()}/actions/{action}", body);
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> pending)
    {
        var r = await pending;
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static List<(string Actor, string Action, string? Opinion)> Timeline(JsonElement e) =>
        e.GetProperty("timeline").EnumerateArray()
            .Select(t => (t.GetProperty("actorName").GetString()!, t.GetProperty("action").GetString()!, t.GetProperty("opinion").GetString())).ToList();

    [Fact]
    public async Task A_disability_subsidy_moves_through_its_actions_with_the_engine_deciding_before_any_effect()
    {
        app.SkipIfUnavailable();
        const string Subsidies = "/api/v1/disability/subsidies";
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var dpf = await app.ClientAsync("rongxian.dpf");
        var officer = await app.ClientAsync("rongxian.officer");
        var person = await PersonAsync("覃大力", new DateOnly(1968, 4, 4), 1);
        var r = await clerk.PostAsJsonAsync(Subsidies, new { personId = person, subsidy = "care", channel = "counter" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var a = await r.JsonAsync();
        Assert.Equal([("rongzhou.clerk", "start", (string?)null)], Timeline(a));

        // wrong state, wrong role, missing opinion: the engine's answers
        await Act(clerk, Subsidies, a, "approve").ExpectProblemAsync(409, "workflow_action_not_allowed");
        await Act(dpf, Subsidies, a, "village-check").ExpectProblemAsync(403, "workflow_forbidden");
        await Act(clerk, Subsidies, a, "refuse", opinion: null).ExpectProblemAsync(400, "validation_failed"); // agreeing needs no opinion; refusing does
        await Act(clerk, Subsidies, a, "suspend").ExpectProblemAsync(409, "workflow_action_not_allowed"); // only on a confirmed finding

        a = await OkAsync(Act(clerk, Subsidies, a, "village-check", opinion: "入户核实属实"));
        a = await OkAsync(Act(approver, Subsidies, a, "township-review", opinion: "符合条件"));
        // 残联 without the certificate check: refused after the engine accepted, and nothing of it stays
        await Act(dpf, Subsidies, a, "verify").ExpectProblemAsync(400, "validation_failed");
        var unchanged = await clerk.GetJsonAsync($"{Subsidies}/{a.GetProperty("id").GetString()}");
        Assert.Equal(("townshipReviewed", 3), (unchanged.GetProperty("status").GetString(), Timeline(unchanged).Count));
        a = await OkAsync(Act(dpf, Subsidies, a, "verify", new { certificateGeneration = 3, certificateValidUntil = new DateOnly(2030, 1, 1) }, "三代证有效"));
        a = await OkAsync(Act(officer, Subsidies, a, "approve", opinion: "批准"));
        Assert.Equal(("approved", 80m), (a.GetProperty("status").GetString(), a.GetProperty("monthlyAmount").GetDecimal()));
        Assert.Equal(
            [("rongzhou.clerk", "start", null), ("rongzhou.clerk", "village-check", "入户核实属实"), ("rongzhou.approver", "township-review", "符合条件"),
                ("rongxian.dpf", "verify", "三代证有效"), ("rongxian.officer", "approve", "批准")],
            Timeline(a));
        // the old one-line-per-step form, kept for one release
        Assert.StartsWith("村级核实（", a.GetProperty("opinions")[0].GetString(), StringComparison.Ordinal);
        Assert.EndsWith("rongzhou.clerk）：入户核实属实", a.GetProperty("opinions")[0].GetString(), StringComparison.Ordinal);

        // 停发 through the same shape: its fields beside the opinion
        await Act(officer, Subsidies, a, "terminate", opinion: "户籍迁出").ExpectProblemAsync(400, "validation_failed");
        await Act(clerk, Subsidies, a, "terminate", new { reason = "hukouMovedOut", eventDate = new DateOnly(2026, 11, 20) }, "户籍迁出").ExpectProblemAsync(403, "workflow_forbidden");
        a = await OkAsync(Act(officer, Subsidies, a, "terminate", new { reason = "hukouMovedOut", eventDate = new DateOnly(2026, 11, 20) }, "户籍迁出至南宁"));
        Assert.Equal(("terminated", "hukouMovedOut"), (a.GetProperty("status").GetString(), a.GetProperty("endReason").GetString()));
        Assert.Equal(("rongxian.officer", "terminate", "户籍迁出至南宁"), Timeline(a)[^1]);
        await Act(officer, Subsidies, a, "resume").ExpectProblemAsync(409, "workflow_action_not_allowed");
    }

    [Fact]
    public async Task A_child_allowance_moves_through_its_actions_and_open_cases_past_their_step_deadline_are_listed_as_overdue()
    {
        app.SkipIfUnavailable();
        const string Cases = "/api/v1/children/cases";
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var county = await app.ClientAsync("rongxian.officer");
        async Task<JsonElement> ApplyAsync(string name)
        {
            var child = await PersonAsync(name, new DateOnly(2017, 6, 6), null);
            var dead = new { situation = "dead", evidence = "死亡证明（测试）" };
            var r = await clerk.PostAsJsonAsync(Cases, new { childPersonId = child, kind = "orphan", father = dead, mother = dead, placement = "kinship", guardianName = "覃桂芳", guardianRelation = "祖母", inFullTimeEducation = false });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            return await r.JsonAsync();
        }

        var c = await ApplyAsync("覃小燕");
        await Act(county, Cases, c, "confirm").ExpectProblemAsync(409, "workflow_action_not_allowed");
        await Act(clerk, Cases, c, "review").ExpectProblemAsync(403, "workflow_forbidden");
        c = await OkAsync(Act(approver, Cases, c, "review", opinion: "父母双亡，情况属实"));
        c = await OkAsync(Act(county, Cases, c, "confirm", opinion: "同意认定"));
        Assert.Equal("confirmed", c.GetProperty("status").GetString());
        var timeline = Timeline(c);
        Assert.Equal(["start", "review", "confirm"], timeline.Select(t => t.Action));
        Assert.Equal(("rongzhou.approver", "父母双亡，情况属实"), (timeline[1].Actor, timeline[1].Opinion));
        Assert.StartsWith("同意认定（每月 ", timeline[2].Opinion, StringComparison.Ordinal);

        // open cases of both processes: listed once their step deadline (working days) has passed, for their township only
        var open = await ApplyAsync("覃小军");
        var person = await PersonAsync("覃二力", new DateOnly(1969, 4, 4), 2);
        var s = await (await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var titles = new[] { "孤儿 " + open.GetProperty("number").GetString(), "重度残疾人护理补贴 " + s.GetProperty("number").GetString() };
        async Task<List<string>> OverdueAsync(string user) =>
            (await (await app.ClientAsync(user)).GetJsonAsync("/api/v1/workflow/cases/overdue?pageSize=200")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("title").GetString()!).ToList();
        Assert.DoesNotContain(titles[0], await OverdueAsync("rongzhou.clerk"));
        app.Clock.Advance(TimeSpan.FromDays(40)); // past 15 working days (child) and 5 (disability) whatever the holidays
        var listed = await OverdueAsync("rongzhou.clerk");
        Assert.Contains(titles[0], listed);
        Assert.Contains(titles[1], listed);
        Assert.DoesNotContain(titles[0], await OverdueAsync("yangmei.clerk"));
        Assert.DoesNotContain("孤儿 " + c.GetProperty("number").GetString(), listed); // confirmed: no step deadline
    }
}

public sealed class ProcessShapeTestsOnSqlite(SqliteApp app) : ProcessShapeTests(app), IClassFixture<SqliteApp>;

public sealed class ProcessShapeTestsOnPostgres(PostgresApp app) : ProcessShapeTests(app), IClassFixture<PostgresApp>;
