using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Evaluation;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.SpotChecks;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Spot checks on SQLite and PostgreSQL: the yearly draw at the county's ratio over the organisations it registered, replayable
/// from its seed; findings with a rectification deadline; the daily sweep records the unfinished rectification in the credit
/// ledger once; completion, publication on the public facts; 400 per field, 404 outside the scope, 403 for the organisation, 409.
/// </summary>
public abstract class SpotCheckApiTests(AppFixture app)
{
    private const string Url = "/api/v1/social-organizations/spot-checks";

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_yearly_draw_is_made_once_at_the_ratio_and_replays_the_same()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        await officer.PostAsJsonAsync($"{Url}/draws", new { year = 2026 }).ExpectProblemAsync(409, "socorg_spot_check_drawn"); // the demo's
        var future = await officer.PostAsJsonAsync($"{Url}/draws", new { year = 2030 }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(future.GetProperty("errors").TryGetProperty("year", out _));

        var d = await Json(await officer.PostAsJsonAsync($"{Url}/draws", new { year = 2025 }), HttpStatusCode.Created);
        Assert.Equal(3m, d.GetProperty("ratioPercent").GetDecimal());
        Assert.Equal(3, d.GetProperty("population").GetInt32()); // 容县's three county-registered organisations
        var picks = d.GetProperty("picks").EnumerateArray().ToList();
        Assert.Single(picks); // 3 % of 3, rounded up
        var inspectors = d.GetProperty("snapshot").GetProperty("inspectors").EnumerateArray().ToList();
        foreach (var p in picks)
        {
            var org = p.GetProperty("organizationId").GetGuid();
            var drawn = p.GetProperty("inspectorIds").EnumerateArray().Select(x => x.GetGuid()).ToList();
            Assert.Equal(2, drawn.Distinct().Count());
            Assert.All(drawn, i => Assert.DoesNotContain(org, inspectors.Single(x => x.GetProperty("id").GetGuid() == i).GetProperty("conflicts").EnumerateArray().Select(c => c.GetGuid())));
        }
        var replay = await Json(await officer.GetAsync($"{Url}/draws/{d.GetProperty("id").GetGuid()}/replay"), HttpStatusCode.OK);
        Assert.True(replay.GetProperty("same").GetBoolean());
        Assert.Equal(d.GetProperty("seed").GetString(), replay.GetProperty("seed").GetString());
        await officer.PostAsJsonAsync($"{Url}/draws", new { year = 2025 }).ExpectProblemAsync(409, "socorg_spot_check_drawn");

        // the replay reads the stored snapshot, not today's lists: a new inspector does not change it
        await Json(await officer.PostAsJsonAsync($"{Url}/inspectors", new { name = "新检查员", certificateNumber = "测试-" + Guid.NewGuid().ToString("N")[..8] }), HttpStatusCode.Created);
        Assert.True((await Json(await officer.GetAsync($"{Url}/draws/{d.GetProperty("id").GetGuid()}/replay"), HttpStatusCode.OK)).GetProperty("same").GetBoolean());

        // another county does not see it; the draws of 北流 are its own
        var beiliu = await app.ClientAsync("beiliu.officer");
        await beiliu.GetAsync($"{Url}/draws/{d.GetProperty("id").GetGuid()}/replay").ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task An_unfinished_rectification_becomes_one_credit_event_and_its_completion_a_fulfilment()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        await Json(await officer.PostAsJsonAsync($"{Url}/draws", new { year = 2024 }), HttpStatusCode.Created); // a year of its own
        var list = await Json(await officer.GetAsync($"{Url}?year=2024&pageSize=50"), HttpStatusCode.OK);
        var check = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("drawn", check.GetProperty("state").GetString());
        var id = check.GetProperty("id").GetGuid();
        var version = check.GetProperty("version").GetInt32();

        // every bad field at once, nothing saved
        var bad = await officer.PostAsJsonAsync($"{Url}/{id}/findings", new { version, inspectedOn = "2026-13-01", findings = "", rectify = (bool?)null }).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "inspectedOn", "findings", "rectify" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f + " in " + bad);
        var bad2 = await officer.PostAsJsonAsync($"{Url}/{id}/findings", new { version, inspectedOn = "2026-11-10", findings = "账目不清", rectify = true, requirement = "", rectifyDueOn = "2026-11-01" }).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "requirement", "rectifyDueOn" }) Assert.True(bad2.GetProperty("errors").TryGetProperty(f, out _), f + " in " + bad2);

        // the organisation may not record; another county does not see the check
        var own = await app.ClientAsync("yangguang.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"{Url}/{id}/findings", new { version })).StatusCode);
        await (await app.ClientAsync("beiliu.officer")).GetAsync($"{Url}/{id}").ExpectProblemAsync(404, "not_found");

        var recorded = await Json(await officer.PostAsJsonAsync($"{Url}/{id}/findings", new { version, inspectedOn = "2026-11-10", findings = "财务账目不清", rectify = true, requirement = "建立财务账簿", rectifyDueOn = "2026-11-27" }), HttpStatusCode.OK);
        Assert.Equal("2026-11-27", recorded.GetProperty("rectifyDueOn").GetString());
        await officer.PostAsJsonAsync($"{Url}/{id}/findings", new { version, inspectedOn = "2026-11-10", findings = "再次", rectify = false }).ExpectProblemAsync(409, "concurrency_conflict");
        version = recorded.GetProperty("version").GetInt32();

        // the daily sweep, twice: one credit event, and the organisation is on the 活动异常名录 with that ground
        var orgId = recorded.GetProperty("organizationId").GetGuid();
        var first = await app.WithServicesAsync(sp => sp.GetRequiredService<SpotCheckService>().RecordUnfinishedAsync());
        var second = await app.WithServicesAsync(sp => sp.GetRequiredService<SpotCheckService>().RecordUnfinishedAsync());
        Assert.Equal((1, 0), (first, second));
        var (events, list2) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var rows = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == orgId && e.Source == SpotCheckService.Source).ToListAsync();
            var o = await sp.GetRequiredService<RegistrationAuthority>().LoadAsync(orgId);
            return (rows, (await sp.GetRequiredService<CreditLedger>().StatusAsync(o)).List);
        });
        var unfinished = Assert.Single(events);
        Assert.Equal(CreditEventKind.RectificationUnfinished, unfinished.Kind);
        Assert.Equal(new DateOnly(2026, 11, 28), unfinished.OccurredOn);
        Assert.Equal(CreditList.Abnormal, list2);

        version = (await Json(await officer.GetAsync($"{Url}/{id}"), HttpStatusCode.OK)).GetProperty("version").GetInt32(); // the sweep touched the check
        var badDone = await officer.PostAsJsonAsync($"{Url}/{id}/rectified", new { version, completedOn = "2027-01-01", note = "" }).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "completedOn", "note" }) Assert.True(badDone.GetProperty("errors").TryGetProperty(f, out _), f);
        var done = await Json(await officer.PostAsJsonAsync($"{Url}/{id}/rectified", new { version, completedOn = "2026-11-30", note = "已建立财务账簿，经核实" }), HttpStatusCode.OK);
        Assert.Equal("rectified", done.GetProperty("state").GetString());
        var published = await Json(await officer.PostAsJsonAsync($"{Url}/{id}/publish", new { version = done.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("2026-11-30", published.GetProperty("publishedOn").GetString());
        await officer.PostAsJsonAsync($"{Url}/{id}/publish", new { version = published.GetProperty("version").GetInt32() }).ExpectProblemAsync(409, "socorg_spot_check_state");

        var facts = await app.WithServicesAsync(async sp =>
        {
            var all = await sp.GetRequiredService<AppDbContext>().Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == orgId && e.Source == SpotCheckService.Source).ToListAsync();
            var shown = await sp.GetServices<IPublicFactSource>().OfType<EvaluationPublicFacts>().Single().LoadAsync([orgId], default);
            return (all, shown);
        });
        Assert.Contains(facts.all, e => e.Kind == CreditEventKind.Fulfilled && e.FulfilsKind == CreditEventKind.RectificationUnfinished);
        Assert.Contains(facts.shown[orgId], f => f.Section == "抽查结果" && f.Value.Contains("已于2026年11月30日完成", StringComparison.Ordinal));
    }
}

public sealed class SpotCheckApiTestsOnSqlite(SqliteApp app) : SpotCheckApiTests(app), IClassFixture<SqliteApp>;

public sealed class SpotCheckApiTestsOnPostgres(PostgresApp app) : SpotCheckApiTests(app), IClassFixture<PostgresApp>;
