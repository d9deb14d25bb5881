using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Disability;

/// <summary>
/// The two disability subsidies over the API on SQLite and PostgreSQL, with the demo accounts of 容县: the chain village →
/// township → county 残联 → county civil affairs publishes the subsidy from the next month with its explanation; the overlap
/// rules read the other programs' entitlements (dibao, orphan allowance, extreme-poverty support); termination stops it after
/// the month of the event; scope holds.
/// </summary>
public abstract class DisabilityTests(AppFixture app)
{
    private const string Village = "450921100003";
    private static int _seq = Random.Shared.Next(0, 400);

    private async Task<(Guid Person, Guid Household)> DisabledAsync(string name, int grade, string category = "physical", DateOnly? birth = null)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose("450102", birth ?? new DateOnly(1970, 5, 5), Interlocked.Increment(ref _seq) % 999);
        var code = (int)Enum.Parse<DisabilityCategory>(category, ignoreCase: true);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name,
            divisionCode = Village,
            disabilityCategory = category,
            disabilityGrade = grade,
            disabilityCertificate = $"{id}{code}{grade}",
            bankName = "广西农村信用社",
            bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999),
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = person, address = "测试地址", members = Array.Empty<object>() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        return (person, (await h.JsonAsync()).GetProperty("id").GetGuid());
    }

    private Task<int> PublishAsync(string program, Guid person, Guid? household, bool personal) => app.WithServicesAsync(async sp =>
    {
        await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee(program, Guid.CreateVersion7(), program.ToUpperInvariant() + "-T-" + Random.Shared.Next(1000, 9999), person, household, Village, 1,
            personal ? person : null), new DateOnly(2026, 1, 1), Money.FromYuan(500m), "[]", "测试");
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return 0;
    });

    private static async Task<JsonElement> ApplyAsync(HttpClient clerk, Guid person, string subsidy)
    {
        var r = await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy, channel = "counter" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, JsonElement a, bool agree = true, string opinion = "属实", int? generation = null) =>
        client.PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/step",
            new { agree, opinion, version = a.GetProperty("version").GetInt32(), certificateGeneration = generation, certificateValidUntil = new DateOnly(2030, 1, 1) });

    private async Task<JsonElement> ThroughAsync(JsonElement a, int steps)
    {
        var clients = new[] { "rongzhou.clerk", "rongzhou.approver", "rongxian.dpf", "rongxian.officer" };
        for (var i = 0; i < steps; i++)
        {
            var client = await app.ClientAsync(clients[i]);
            a = await (await StepAsync(client, a, generation: i == 2 ? 3 : null).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        return a;
    }

    [Fact]
    public async Task The_chain_publishes_the_subsidy_from_next_month_and_termination_stops_it_after_the_event_month()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var (person, household) = await DisabledAsync("甘建国", 1);
        await PublishAsync("dibao", person, household, personal: false);
        var living = await ApplyAsync(clerk, person, "living");
        var care = await ApplyAsync(clerk, person, "care");
        await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" }).ExpectProblemAsync(409, "application_exists");

        // each step by its own role: the township approver cannot do the village's check, 残联 must confirm the certificate generation
        await StepAsync(await app.ClientAsync("rongxian.dpf"), care).EnsureStatus(HttpStatusCode.Forbidden);
        care = await ThroughAsync(care, 2);
        await StepAsync(await app.ClientAsync("rongxian.dpf"), care).ExpectProblemAsync(400, "validation_failed");
        care = await ThroughAsync(care, 0);
        var dpf = await app.ClientAsync("rongxian.dpf");
        care = await (await StepAsync(dpf, care, generation: 3).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        care = await (await StepAsync(await app.ClientAsync("rongxian.officer"), care).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("approved", 80m, "2026-12-01"), (care.GetProperty("status").GetString(), care.GetProperty("monthlyAmount").GetDecimal(), care.GetProperty("fromMonth").GetString()));
        Assert.Contains("重度残疾人护理补贴标准", care.GetProperty("explanation").ToString(), StringComparison.Ordinal);
        Assert.Equal(4, care.GetProperty("opinions").GetArrayLength());

        living = await ThroughAsync(living, 4);
        Assert.Equal("approved", living.GetProperty("status").GetString());
        Assert.Contains("低保家庭中的残疾人", living.GetProperty("explanation").ToString(), StringComparison.Ordinal);

        // another township sees neither
        var yangmei = await app.ClientAsync("yangmei.clerk");
        await yangmei.GetAsync($"/api/v1/disability/subsidies/{care.GetProperty("id").GetString()}").EnsureStatus(HttpStatusCode.NotFound);

        // leaving dibao on 2026-11-10: paid for November, stopped from December (when it would have started)
        var officer = await app.ClientAsync("rongxian.officer");
        await officer.PostAsJsonAsync($"/api/v1/disability/subsidies/{living.GetProperty("id").GetString()}/terminate", new { reason = "leftDibao", eventDate = new DateOnly(2026, 11, 10), version = living.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(400, "validation_failed");
        var ended = await (await officer.PostAsJsonAsync($"/api/v1/disability/subsidies/{living.GetProperty("id").GetString()}/terminate",
            new { reason = "leftDibao", eventDate = new DateOnly(2026, 11, 10), note = "该户 2026-11-10 退出低保", version = living.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("terminated", "2026-11-01"), (ended.GetProperty("status").GetString(), ended.GetProperty("lastMonth").GetString()));
        var periods = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.SourceId == living.GetProperty("id").GetGuid()).ToListAsync());
        // it would have started in December: kept as a period that covers no month, so nothing is due and a payroll that
        // had already paid December would reconcile it into a recovery
        var period = Assert.Single(periods);
        Assert.True(period.ToMonth < period.FromMonth, $"{period.FromMonth}..{period.ToMonth}");
    }

    [Fact]
    public async Task Agreeing_needs_no_opinion_and_refusing_needs_a_reason()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var (person, _) = await DisabledAsync("韦明亮", 1);
        var a = await ApplyAsync(clerk, person, "care");
        // the form says 意见（不同意须写明理由）: agreeing with an empty opinion goes through, on both routes
        await StepAsync(clerk, a, agree: false, opinion: "").ExpectProblemAsync(400, "validation_failed");
        a = await (await StepAsync(clerk, a, opinion: "").EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("villageChecked", a.GetProperty("status").GetString());
        var approver = await app.ClientAsync("rongzhou.approver");
        a = await (await approver.PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/actions/township-review", new { version = a.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("townshipReviewed", a.GetProperty("status").GetString());
        var refuse = await (await app.ClientAsync("rongxian.dpf")).PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/actions/refuse", new { version = a.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, refuse.StatusCode);
    }

    [Fact]
    public async Task The_list_opens_on_what_waits_for_the_user_with_counts_and_finds_by_name_or_number()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var (person, _) = await DisabledAsync("覃凤英", 2);
        var a = await ApplyAsync(clerk, person, "care");
        var number = a.GetProperty("number").GetString()!;
        // waiting for the village check: the clerk's (and the village's) work, not yet the township approver's
        var clerkPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await clerk.GetStringAsync("/disability"));
        Assert.Contains(clerkPage.QuerySelectorAll("table tbody a"), x => x.TextContent == number);
        Assert.StartsWith("待我处理（", clerkPage.QuerySelector("#status option[selected]")?.TextContent);
        var approver = await app.ClientAsync("rongzhou.approver");
        Assert.DoesNotContain(number, await approver.GetStringAsync("/disability"), StringComparison.Ordinal);
        Assert.Contains(number, await approver.GetStringAsync("/disability?status=all&q=" + Uri.EscapeDataString("覃凤英")), StringComparison.Ordinal);
        Assert.Contains(number, await approver.GetStringAsync("/disability?status=all&q=" + number[^6..]), StringComparison.Ordinal);
        Assert.DoesNotContain(number, await approver.GetStringAsync("/disability?status=all&q=" + Uri.EscapeDataString("没有这个人")), StringComparison.Ordinal);
        // after the village check it is the approver's
        await StepAsync(clerk, a).EnsureStatus(HttpStatusCode.OK);
        Assert.Contains(number, await approver.GetStringAsync("/disability"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlap_rules_read_the_other_programs()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");

        // an orphan on the orphan allowance: care yes, living no
        var (child, childHousehold) = await DisabledAsync("甘小宝", 2, "intellectual", new DateOnly(2015, 3, 3));
        await PublishAsync("dibao", child, childHousehold, personal: false);
        await PublishAsync("orphan", child, childHousehold, personal: true);
        var living = await ApplyAsync(clerk, child, "living");
        living = await (await StepAsync(clerk, living).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        var problem = await StepAsync(approver, living).ExpectProblemAsync(409, "not_eligible");
        Assert.Contains("孤儿基本生活保障", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var care = await ThroughAsync(await ApplyAsync(clerk, child, "care"), 4);
        Assert.Equal("approved", care.GetProperty("status").GetString());

        // extreme-poverty support: neither
        var (tekun, _) = await DisabledAsync("甘老伯", 1, birth: new DateOnly(1950, 2, 2));
        await PublishAsync("extreme-poverty", tekun, null, personal: true);
        var c2 = await (await StepAsync(clerk, await ApplyAsync(clerk, tekun, "care")).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Contains("特困", (await StepAsync(approver, c2).ExpectProblemAsync(409, "not_eligible")).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // grade 3 physical: no care subsidy; a refusal needs its reason and closes the application
        var (mild, _) = await DisabledAsync("甘大山", 3);
        var c3 = await (await StepAsync(clerk, await ApplyAsync(clerk, mild, "care")).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await StepAsync(approver, c3).ExpectProblemAsync(409, "not_eligible");
        await StepAsync(approver, c3, agree: false, opinion: " ").ExpectProblemAsync(400, "validation_failed");
        var refused = await (await StepAsync(approver, c3, agree: false, opinion: "三级肢体残疾，不属于护理补贴对象").EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("refused", refused.GetProperty("status").GetString());
    }

    /// <summary>网上申请: a mother registers as a citizen and applies for her disabled son's care subsidy; the village checks it next.</summary>
    [Fact]
    public async Task A_citizen_applies_online_for_a_disabled_member_of_her_household()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var motherId = IdNumber.Compose("450102", new DateOnly(1975, 4, 4), Interlocked.Increment(ref _seq) % 999 / 2 * 2);
        var mother = (await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = motherId, name = "网申母亲", divisionCode = Village })).JsonAsync()).GetProperty("id").GetGuid();
        var (son, householdId) = await DisabledAsync("网申儿子", 1, "intellectual", new DateOnly(2001, 1, 1));
        var (stranger, _) = await DisabledAsync("网申他人", 1);
        (await admin.PostAsJsonAsync($"/api/v1/households/{householdId}/members", new { personId = mother, relation = "mother" })).EnsureSuccessStatusCode();

        var anonymous = app.CreateClient();
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reg = await anonymous.PostAsJsonAsync("/api/v1/citizen/register", new { idNumber = motherId, name = "网申母亲", phone, password = "Citizen#2026" });
        Assert.True(reg.StatusCode == HttpStatusCode.Created, await reg.Content.ReadAsStringAsync());
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "Citizen#2026" })).JsonAsync();
        var citizen = app.CreateClient();
        citizen.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());

        // not for someone outside her household, and not through the staff endpoint
        await (await citizen.PostAsJsonAsync("/api/v1/citizen/disability/subsidies", new { personId = stranger, subsidy = "care" })).ExpectProblemAsync(400, "person_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = son, subsidy = "care", channel = "online" })).StatusCode);
        var r = await citizen.PostAsJsonAsync("/api/v1/citizen/disability/subsidies", new { personId = son, subsidy = "care" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var a = await r.JsonAsync();
        Assert.Equal("online", a.GetProperty("channel").GetString());
        Assert.Equal("applied", a.GetProperty("status").GetString());
        Assert.Contains((await citizen.GetJsonAsync("/api/v1/citizen/disability/subsidies")).GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == a.GetProperty("id").GetString());
        // the village checks it like any other
        var checkedByVillage = await (await StepAsync(await app.ClientAsync("rongzhou.clerk"), a).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("villageChecked", checkedByVillage.GetProperty("status").GetString());
        // the township's list pages like every list: {items,total}
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var first = await clerk.GetJsonAsync("/api/v1/disability/subsidies?pageSize=1");
        Assert.True(first.GetProperty("total").GetInt32() >= 1);
        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Contains(await clerk.GetItemsAsync("/api/v1/disability/subsidies?pageSize=200"), x => x.GetProperty("id").GetString() == a.GetProperty("id").GetString());
    }
}

public sealed class DisabilityTestsOnSqlite(SqliteApp app) : DisabilityTests(app), IClassFixture<SqliteApp>;

public sealed class DisabilityTestsOnPostgres(PostgresApp app) : DisabilityTests(app), IClassFixture<PostgresApp>;
