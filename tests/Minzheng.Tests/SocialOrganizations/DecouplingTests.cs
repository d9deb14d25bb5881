using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Registry;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>脱钩 on SQLite and PostgreSQL: the five separations per trade association, progress per county, the checks on every write.</summary>
public abstract class DecouplingTests(AppFixture app)
{
    private const string Api = "/api/v1/social-organizations/decoupling";

    [Fact]
    public async Task The_demo_associations_are_in_progress_and_counted_per_county()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var items = await city.GetItemsAsync(Api);
        var catering = Assert.Single(items, i => i.GetProperty("name").GetString() == "玉林市餐饮行业协会");
        Assert.Equal(3, catering.GetProperty("done").GetInt32());
        Assert.False(catering.GetProperty("complete").GetBoolean());
        var ceramics = Assert.Single(items, i => i.GetProperty("name").GetString() == "北流市陶瓷行业协会");
        Assert.Equal(1, ceramics.GetProperty("done").GetInt32());
        // only trade associations are listed
        Assert.DoesNotContain(items, i => i.GetProperty("name").GetString() == "玉林市慈善总会");

        var progress = (await city.GetJsonAsync(Api + "/progress")).EnumerateArray().ToList();
        var beiliu = Assert.Single(progress, p => p.GetProperty("countyCode").GetString() == "450981000000");
        Assert.Equal(1, beiliu.GetProperty("associations").GetInt32());
        Assert.Equal(1, beiliu.GetProperty("separationsDone").GetInt32());
        Assert.Equal(20.0m, beiliu.GetProperty("percent").GetDecimal());

        // 北流 sees its own association only
        var beiliuOfficer = await app.ClientAsync("beiliu.officer");
        Assert.Equal(["北流市陶瓷行业协会"], (await beiliuOfficer.GetItemsAsync(Api)).Select(i => i.GetProperty("name").GetString()).ToList());
    }

    [Fact]
    public async Task An_officer_records_a_separation_with_every_check()
    {
        app.SkipIfUnavailable();
        var id = await GovernanceTestData.OrganizationAsync(app, "容县测试商会", RegistrationLevel.County, "450921100000", tradeAssociation: true);
        var officer = await app.ClientAsync("rongxian.officer");
        var first = await officer.PutAsJsonAsync($"{Api}/{id}/institution", new { status = "done", on = "2026-03-01", version = 0 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.JsonAsync();
        Assert.Equal(1, body.GetProperty("done").GetInt32());
        var version = body.GetProperty("version").GetInt32();

        var bad = await (await officer.PutAsJsonAsync($"{Api}/{id}/institution", new { status = "half", version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("status", out _));
        var noDate = await (await officer.PutAsJsonAsync($"{Api}/{id}/functions", new { status = "in-progress", version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noDate.GetProperty("errors").TryGetProperty("on", out _));
        var unknown = await (await officer.PutAsJsonAsync($"{Api}/{id}/everything", new { status = "done", on = "2026-03-01", version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("separation", out _));
        Assert.Equal(1, (await officer.GetJsonAsync($"{Api}/{id}")).GetProperty("done").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{Api}/{id}/functions", new { status = "in-progress", on = "2026-04-01", version })).StatusCode);
        // the version the first form was drawn from is stale now
        await (await officer.PutAsJsonAsync($"{Api}/{id}/personnel", new { status = "done", on = "2026-04-01", version })).ExpectProblemAsync(409, "concurrency_conflict");
        var now = await officer.GetJsonAsync($"{Api}/{id}");
        Assert.Equal("not-started", now.GetProperty("separations")[3].GetProperty("status").GetString());

        // not a trade association; out of scope; another level
        var notTrade = await GovernanceTestData.OrganizationAsync(app, "容县测试读书会", RegistrationLevel.County, "450921100000");
        await (await officer.PutAsJsonAsync($"{Api}/{notTrade}/institution", new { status = "done", on = "2026-03-01", version = 0 })).ExpectProblemAsync(409, "socorg_not_trade_association");
        var beiliu = await app.ClientAsync("beiliu.officer");
        await (await beiliu.PutAsJsonAsync($"{Api}/{id}/institution", new { status = "done", on = "2026-03-01", version = 0 })).ExpectProblemAsync(404, "not_found");
        var cityRegistered = await GovernanceTestData.OrganizationAsync(app, "容县测试市级商会", RegistrationLevel.City, "450921100000", tradeAssociation: true);
        await (await officer.PutAsJsonAsync($"{Api}/{cityRegistered}/institution", new { status = "done", on = "2026-03-01", version = 0 })).ExpectProblemAsync(403, "socorg_not_authority");
    }
}

public sealed class DecouplingTestsOnSqlite(SqliteApp app) : DecouplingTests(app), IClassFixture<SqliteApp>;

public sealed class DecouplingTestsOnPostgres(PostgresApp app) : DecouplingTests(app), IClassFixture<PostgresApp>;
