using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.LeftBehind;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// 农村留守老年人关爱 over HTTP on SQLite and PostgreSQL (issue 13 item 9): an elder of 新南社区 registered by the 容州镇 clerk
/// against the working definition (demo figures), visited by the community's worker, the next due date by risk level (recomputed
/// when the level changes), overdue listed and on 工作台; a clerk of another township sees nothing; bad input → 400 with the field
/// and nothing saved; the export holds the scope's rows only; a death closes the row.
/// </summary>
public abstract class LeftBehindTests(AppFixture app)
{
    private const string Base = "/api/v1/elderly/left-behind";

    private Task<DateOnly> TodayAsync() => app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));

    /// <summary>A person of 新南社区 with a rural hukou (the registry decides age and hukou, not the form).</summary>
    public static async Task<(Guid Id, string IdNumber)> RuralPersonAsync(AppFixture app, DateOnly birth, string name)
    {
        var admin = await app.ClientAsync("admin");
        var idNumber = HomeCareScenario.NextIdNumber(birth);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = HomeCareScenario.Xinnan, hukouType = "rural", address = "容州镇新南社区 8 号" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.JsonAsync()).GetProperty("id").GetGuid(), idNumber);
    }

    public static object Registration(string idNumber, DateOnly registeredOn, string risk = "medium", string living = "alone", DateOnly? childSince = null) => new
    {
        idNumber,
        living,
        childrenAway = new[] { new { name = "韦志强", relation = "儿子", place = "广东省东莞市", since = (childSince ?? registeredOn.AddMonths(-12)).ToString("yyyy-MM-dd") } },
        risk,
        riskReason = "独居，患高血压",
        workerUserName = "xinnan.worker",
        contactName = "韦志强",
        contactRelation = "儿子",
        contactPhone = "13907751234",
        registeredOn = registeredOn.ToString("yyyy-MM-dd"),
    };

    private static object Visit(string mode, DateOnly on, int version, string? health = "血压稳定", string[]? referrals = null, string? needs = null) => new
    {
        mode,
        visitedOn = on.ToString("yyyy-MM-dd"),
        health,
        safety = "住房安全",
        livingCondition = "生活能自理",
        mental = "情绪稳定",
        needs,
        referrals = referrals ?? [],
        version,
    };

    [Fact]
    public async Task Registered_visited_due_by_risk_recomputed_overdue_listed_scoped_exported_and_closed_by_death()
    {
        app.SkipIfUnavailable();
        var today = await TodayAsync();
        var (personId, idNumber) = await RuralPersonAsync(app, today.AddYears(-72), "韦桂兰");
        var clerk = await app.ClientAsync("rongzhou.clerk");

        // registered 40 days ago at medium risk (demo figure: every 30 days) → due 10 days ago: overdue at once
        var registeredOn = today.AddDays(-40);
        var r = await clerk.PostAsJsonAsync(Base, Registration(idNumber, registeredOn));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var elder = await r.JsonAsync();
        var id = elder.GetProperty("id").GetGuid();
        Assert.Equal(personId, elder.GetProperty("personId").GetGuid());
        Assert.Equal(registeredOn.AddDays(30), Day(elder, "nextVisitDue"));
        Assert.True(elder.GetProperty("overdue").GetBoolean());
        Assert.Contains("演示数据", elder.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Equal("139****1234", elder.GetProperty("contactPhone").GetString());
        // the ID number is never stored in the register row: only the registry holds it (encrypted)
        var raw = await app.WithServicesAsync(async sp => JsonSerializer.Serialize(await sp.GetRequiredService<AppDbContext>().Set<LeftBehindElder>().IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id)));
        Assert.DoesNotContain(idNumber, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("13907751234", raw, StringComparison.Ordinal);
        await (await clerk.PostAsJsonAsync(Base, Registration(idNumber, registeredOn))).ExpectProblemAsync(409, "left_behind_registered");

        // overdue: on the township's list, on the clerk's and the worker's 工作台
        Assert.Contains(await clerk.GetItemsAsync($"{Base}/overdue?pageSize=200"), e => e.GetProperty("id").GetGuid() == id);
        Assert.Contains(await clerk.GetItemsAsync($"{Base}?overdue=true&risk=medium&village={HomeCareScenario.Xinnan}&pageSize=200"), e => e.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(await clerk.GetItemsAsync($"{Base}?risk=high&pageSize=200"), e => e.GetProperty("id").GetGuid() == id);
        var key = LeftBehindWorkItems.Prefix + id.ToString("N");
        var worker = await app.ClientAsync("xinnan.worker");
        var task = Assert.Single(await worker.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == key);
        Assert.Equal("留守老人巡访逾期", task.GetProperty("kindName").GetString());
        Assert.Contains(await clerk.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == key);

        // the worker visits by phone two days ago: late for the due date, next due 30 days after it
        var visited = today.AddDays(-2);
        r = await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("phone", visited, elder.GetProperty("version").GetInt32(), referrals: ["home-care", "family"], needs: "希望有人帮忙打扫"));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var answer = await r.JsonAsync();
        Assert.False(answer.GetProperty("visit").GetProperty("onTime").GetBoolean());
        Assert.Equal(registeredOn.AddDays(30), Day(answer.GetProperty("visit"), "dueOn"));
        elder = answer.GetProperty("elder");
        Assert.Equal(visited.AddDays(30), Day(elder, "nextVisitDue"));
        Assert.False(elder.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(await clerk.GetItemsAsync($"{Base}/overdue?pageSize=200"), e => e.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(await worker.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == key);

        // a form opened before that visit is stale: 409, no second visit
        await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, elder.GetProperty("version").GetInt32() - 1))).ExpectProblemAsync(409, "concurrency_conflict");

        // high risk (every 7 days): due 7 days after the last visit; back to low (every 90 days)
        r = await clerk.PostAsJsonAsync($"{Base}/{id}/risk", new { risk = "high", reason = "近期跌倒一次", version = elder.GetProperty("version").GetInt32() });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        elder = await r.JsonAsync();
        Assert.Equal(visited.AddDays(7), Day(elder, "nextVisitDue"));
        Assert.Equal("high", elder.GetProperty("risk").GetString());
        var dueSoon = Assert.Single(await worker.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == key);
        Assert.Equal("留守老人巡访即将到期", dueSoon.GetProperty("kindName").GetString());
        r = await clerk.PostAsJsonAsync($"{Base}/{id}/risk", new { risk = "low", reason = "已康复", version = elder.GetProperty("version").GetInt32() });
        elder = await r.JsonAsync();
        Assert.Equal(visited.AddDays(90), Day(elder, "nextVisitDue"));

        var detail = await clerk.GetJsonAsync($"{Base}/{id}");
        var v = Assert.Single(detail.GetProperty("visits").EnumerateArray());
        Assert.Equal(["home-care", "family"], v.GetProperty("referrals").EnumerateArray().Select(x => x.GetProperty("code").GetString()).ToArray());
        Assert.Equal("新南社区工作人员", v.GetProperty("visitorName").GetString());

        // the dashboard's figures agree with the lists (this month)
        var stats = await clerk.GetJsonAsync($"{Base}/stats");
        Assert.Equal((await clerk.GetJsonAsync($"{Base}?pageSize=1")).GetProperty("total").GetInt32(), stats.GetProperty("inRegister").GetInt32());
        Assert.Equal((await clerk.GetJsonAsync($"{Base}/overdue?pageSize=1")).GetProperty("total").GetInt32(), stats.GetProperty("overdue").GetInt32());

        // another township's clerk sees nothing of 容州镇: not in the list, 404 on the detail, not in the export, cannot visit
        var other = await app.ClientAsync("yangmei.clerk");
        Assert.DoesNotContain(await other.GetItemsAsync($"{Base}?status=all&pageSize=200"), e => e.GetProperty("divisionCode").GetString()!.StartsWith("450921100", StringComparison.Ordinal));
        await other.GetAsync($"{Base}/{id}").EnsureStatus(HttpStatusCode.NotFound);
        await other.GetAsync($"/elderly/left-behind/{id}").EnsureStatus(HttpStatusCode.NotFound);
        await other.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, elder.GetProperty("version").GetInt32())).EnsureStatus(HttpStatusCode.NotFound);
        var otherRows = await ExportAsync(other);
        Assert.DoesNotContain(otherRows, row => (string?)row["姓名"] == "韦桂兰");
        Assert.All(otherRows, row => Assert.Equal("杨梅镇", row["乡镇（街道）"]));

        // the clerk's export: the elder with a masked ID number (no registry.reveal-id), 容州镇 rows only
        var rows = await ExportAsync(clerk);
        var mine = Assert.Single(rows, row => (string?)row["姓名"] == "韦桂兰");
        Assert.NotEqual(idNumber, mine["公民身份号码"]);
        Assert.Equal("低风险", mine["风险等级"]);
        Assert.Equal(visited.ToString("yyyy-MM-dd"), mine["最近巡访日期"]);
        Assert.Contains("广东省东莞市", (string?)mine["外出子女情况"], StringComparison.Ordinal);
        Assert.All(rows, row => Assert.Equal("容州镇", row["乡镇（街道）"]));
        // the county officer may reveal: the full number
        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(idNumber, Assert.Single(await ExportAsync(county), row => (string?)row["姓名"] == "韦桂兰")["公民身份号码"]);

        // death closes the row: no longer in the register nor on anyone's 工作台; visits refused
        var effects = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var person = await db.Persons.SingleAsync(p => p.Id == personId);
            var e = await sp.GetRequiredService<Web.Platform.Registry.PersonDeaths>().RecordAsync(person, today, "测试");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return e;
        });
        Assert.Contains(effects, l => l.StartsWith("农村留守老年人名册退出", StringComparison.Ordinal));
        var closed = (await clerk.GetJsonAsync($"{Base}/{id}")).GetProperty("elder");
        Assert.Equal("exited", closed.GetProperty("status").GetString());
        Assert.Equal("死亡", closed.GetProperty("exitReason").GetString());
        Assert.DoesNotContain(await clerk.GetItemsAsync($"{Base}?pageSize=200"), e => e.GetProperty("id").GetGuid() == id);
        Assert.Contains(await clerk.GetItemsAsync($"{Base}?status=exited&pageSize=200"), e => e.GetProperty("id").GetGuid() == id);
        await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, closed.GetProperty("version").GetInt32()))).ExpectProblemAsync(409, "left_behind_exited");
        Assert.DoesNotContain(await ExportAsync(clerk), row => (string?)row["姓名"] == "韦桂兰");

        // the death was recorded in error: reversed by the county, the row is back in the register
        var personVersion = (await county.GetJsonAsync($"/api/v1/persons/{personId}")).GetProperty("version").GetInt32();
        r = await county.PostAsJsonAsync($"/api/v1/persons/{personId}/death/reverse", new { reason = "殡仪馆误报同名人员，经村委会入户核实本人健在", version = personVersion });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        Assert.Contains((await r.JsonAsync()).GetProperty("effects").EnumerateArray(), e => e.GetString()!.StartsWith("恢复农村留守老年人名册", StringComparison.Ordinal));
        var reopened = (await clerk.GetJsonAsync($"{Base}/{id}")).GetProperty("elder");
        Assert.Equal("inRegister", reopened.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("exitReason").ValueKind);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_saved()
    {
        app.SkipIfUnavailable();
        var today = await TodayAsync();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        int Count() => app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<LeftBehindElder>().IgnoreQueryFilters().CountAsync()).GetAwaiter().GetResult();
        var before = Count();

        // 59 years old: below the figure's age, named on the ID number (age comes from the registry)
        var (_, young) = await RuralPersonAsync(app, today.AddYears(-59), "覃少年");
        var bad = await (await clerk.PostAsJsonAsync(Base, Registration(young, today))).ExpectProblemAsync(400, "validation_failed");
        Assert.Contains("未满 60 周岁", bad.GetProperty("errors").GetProperty("idNumber")[0].GetString(), StringComparison.Ordinal);

        // 60 today qualifies by age; a child away only 5 months, or living with others, does not
        var (_, sixty) = await RuralPersonAsync(app, today.AddYears(-60), "覃满六");
        bad = await (await clerk.PostAsJsonAsync(Base, Registration(sixty, today, childSince: today.AddMonths(-5)))).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("childrenAway", out _));
        Assert.False(bad.GetProperty("errors").TryGetProperty("idNumber", out _));
        bad = await (await clerk.PostAsJsonAsync(Base, Registration(sixty, today, living: "withOthers"))).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("living", out _));

        // an empty form: every missing field named
        bad = await (await clerk.PostAsJsonAsync(Base, new { idNumber = sixty, childrenAway = new[] { new { name = "", relation = "儿子", place = "", since = (string?)null } } })).ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "living", "risk", "riskReason", "workerUserName", "contactName", "contactRelation", "contactPhone", "childrenAway[0].name", "childrenAway[0].place", "childrenAway[0].since" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " in " + errors);
        }

        // a worker of another village, a bad phone, a future registration date, an unknown living value
        var form = JsonSerializer.SerializeToNode(Registration(sixty, today))!.AsObject();
        form["workerUserName"] = "yangmei.clerk";
        form["contactPhone"] = "12345";
        form["registeredOn"] = today.AddDays(3).ToString("yyyy-MM-dd");
        errors = (await (await clerk.PostAsJsonAsync(Base, form)).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("workerUserName", out _));
        Assert.True(errors.TryGetProperty("contactPhone", out _));
        Assert.True(errors.TryGetProperty("registeredOn", out _));
        form = JsonSerializer.SerializeToNode(Registration(sixty, today))!.AsObject();
        form["riskReason"] = new string('险', 501);
        errors = (await (await clerk.PostAsJsonAsync(Base, form)).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("riskReason", out _));

        // a clerk of another township cannot find the person at all
        var other = await app.ClientAsync("yangmei.clerk");
        errors = (await (await other.PostAsJsonAsync(Base, Registration(sixty, today))).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("idNumber", out _));
        Assert.Equal(before, Count());

        // the same person registered properly, then bad visits: nothing saved, the row unchanged
        var r = await clerk.PostAsJsonAsync(Base, Registration(sixty, today));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var elder = await r.JsonAsync();
        var id = elder.GetProperty("id").GetGuid();
        var version = elder.GetProperty("version").GetInt32();
        var worker = await app.ClientAsync("xinnan.worker");
        errors = (await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", new { visitedOn = today.AddDays(1).ToString("yyyy-MM-dd"), version })).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("mode", out _));
        Assert.True(errors.TryGetProperty("visitedOn", out _));
        Assert.True(errors.TryGetProperty("health", out _));
        errors = (await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today.AddDays(-11), version))).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("visitedOn", out _));
        errors = (await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, version, health: new string('康', 501)))).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("health", out _));
        errors = (await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, version, referrals: ["lottery"]))).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("referrals", out _));
        errors = (await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, version, referrals: ["dibao"]))).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("needs", out _));
        errors = (await (await worker.PostAsJsonAsync($"{Base}/{id}/visits", new { mode = "home", visitedOn = today.ToString("yyyy-MM-dd"), health = "好" })).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _));
        errors = (await (await clerk.PostAsJsonAsync($"{Base}/{id}/risk", new { risk = "high", version })).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _));
        errors = (await (await clerk.PostAsJsonAsync($"{Base}/{id}/exit", new { reason = "返乡", exitedOn = today.AddDays(-30).ToString("yyyy-MM-dd"), version })).ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("exitedOn", out _));
        await clerk.GetAsync($"{Base}?risk=extreme").EnsureStatus(HttpStatusCode.BadRequest);

        var after = (await clerk.GetJsonAsync($"{Base}/{id}"));
        Assert.Empty(after.GetProperty("visits").EnumerateArray());
        Assert.Equal(version, after.GetProperty("elder").GetProperty("version").GetInt32());
        Assert.Equal("medium", after.GetProperty("elder").GetProperty("risk").GetString());

        // the auditor and the county read but do not write
        await (await app.ClientAsync("auditor")).PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, version)).EnsureStatus(HttpStatusCode.Forbidden);
        await (await app.ClientAsync("rongxian.officer")).PostAsJsonAsync($"{Base}/{id}/visits", Visit("home", today, version)).EnsureStatus(HttpStatusCode.Forbidden);

        // an exit with a reason closes it
        r = await clerk.PostAsJsonAsync($"{Base}/{id}/exit", new { reason = "子女返乡共同居住", version });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        Assert.Equal("exited", (await r.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_demo_register_of_xinnan_has_visits_and_one_overdue_and_the_pages_show_it()
    {
        app.SkipIfUnavailable();
        var worker = await app.ClientAsync("xinnan.worker");
        var demo = (await worker.GetItemsAsync($"{Base}?pageSize=200")).Where(e => e.GetProperty("isDemo").GetBoolean()).ToList();
        Assert.True(demo.Count >= 4, $"{demo.Count} demo elders");
        Assert.Single(demo, e => e.GetProperty("overdue").GetBoolean());
        Assert.All(demo, e => Assert.Equal(HomeCareScenario.Xinnan, e.GetProperty("divisionCode").GetString()));
        var html = await worker.GetStringAsync("/elderly/left-behind");
        Assert.Contains("农村留守老年人关爱", html, StringComparison.Ordinal);
        Assert.Contains("逾期", html, StringComparison.Ordinal);
        var one = demo[0].GetProperty("id").GetGuid();
        Assert.Contains("登记巡访", await worker.GetStringAsync($"/elderly/left-behind/{one}"), StringComparison.Ordinal);
        Assert.Contains("/elderly/left-behind", await worker.GetStringAsync("/elderly"), StringComparison.Ordinal);
    }

    private static DateOnly Day(JsonElement e, string property) => DateOnly.Parse(e.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client)
    {
        var r = await client.GetAsync($"{Base}/export.xlsx");
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var bytes = await r.Content.ReadAsByteArrayAsync();
        return [.. MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }
}

public sealed class LeftBehindTestsOnSqlite(SqliteApp app) : LeftBehindTests(app), IClassFixture<SqliteApp>;

public sealed class LeftBehindTestsOnPostgres(PostgresApp app) : LeftBehindTests(app), IClassFixture<PostgresApp>;
