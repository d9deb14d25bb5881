using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>孵化中心 libraries on SQLite and PostgreSQL: programmes, projects, experts (phone masked), the matching list, 400 per field, 409 stale.</summary>
public abstract class IncubationTests(AppFixture app)
{
    private const string Api = "/api/v1/social-organizations/incubation";

    [Fact]
    public async Task The_demo_project_matches_the_foundation_programme()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var matches = await city.GetItemsAsync(Api + "/matches");
        var m = Assert.Single(matches);
        Assert.Equal(SocialOrganizationsInitializer.DemoOrganizationName, m.GetProperty("project").GetProperty("organizationName").GetString());
        Assert.Equal("玉林市助学基金会", m.GetProperty("programme").GetProperty("funderName").GetString());
        Assert.Empty(await city.GetItemsAsync(Api + "/matches?field=agriculture"));
        var experts = await city.GetItemsAsync(Api + "/experts");
        Assert.All(experts, e => Assert.Contains("****", e.GetProperty("phoneMasked").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("xinnan.worker")).GetAsync(Api + "/programmes")).StatusCode);
    }

    [Fact]
    public async Task Library_rows_are_checked_on_every_field_and_version()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var fund = await GovernanceTestData.IdOfAsync(app, "玉林市助学基金会");
        var sun = await GovernanceTestData.IdOfAsync(app, SocialOrganizationsInitializer.DemoOrganizationName);
        var bad = await (await city.PostAsJsonAsync(Api + "/programmes", new { funderOrganizationId = fund, title = "", field = "magic", minAmount = 100.001m, maxAmount = 10m, startsOn = "2026-12-01", endsOn = "2026-01-01" }))
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "title", "field", "minAmount", "endsOn" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        var notFoundation = await (await city.PostAsJsonAsync(Api + "/programmes", new { funderOrganizationId = sun, title = "x", field = "health", minAmount = 1, maxAmount = 10, startsOn = "2026-01-01", endsOn = "2026-12-31" }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(notFoundation.GetProperty("errors").TryGetProperty("funderOrganizationId", out _));

        var created = await city.PostAsJsonAsync(Api + "/programmes", new { funderOrganizationId = fund, title = "社区健康小额资助", field = "health", minAmount = 1000, maxAmount = 20000, startsOn = "2026-01-01", endsOn = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var programme = await created.JsonAsync();
        var project = await (await city.PostAsJsonAsync(Api + "/projects", new { organizationId = sun, title = "独居老人健康探访", field = "health", budget = 15000, beneficiaries = 40 })).JsonAsync();
        Assert.Contains(await city.GetItemsAsync(Api + "/matches?field=health"), x => x.GetProperty("project").GetProperty("id").GetGuid() == project.GetProperty("id").GetGuid());

        // the budget raised beyond the range: no longer a match; then a stale edit is refused
        var version = project.GetProperty("version").GetInt32();
        var put = await city.PutAsJsonAsync($"{Api}/projects/{project.GetProperty("id").GetGuid()}", new { organizationId = sun, title = "独居老人健康探访", field = "health", budget = 25000, beneficiaries = 40, version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Empty(await city.GetItemsAsync(Api + "/matches?field=health"));
        await (await city.PutAsJsonAsync($"{Api}/projects/{project.GetProperty("id").GetGuid()}", new { organizationId = sun, title = "改名", field = "health", budget = 15000, beneficiaries = 40, version }))
            .ExpectProblemAsync(409, "concurrency_conflict");
        await (await city.PutAsJsonAsync($"{Api}/programmes/{programme.GetProperty("id").GetGuid()}", new { funderOrganizationId = fund, title = "x", field = "health", minAmount = 1, maxAmount = 2, startsOn = "2026-01-01", endsOn = "2026-12-31" }))
            .ExpectProblemAsync(400, "validation_failed");

        var expert = await (await city.PostAsJsonAsync(Api + "/experts", new { name = "测试专家", field = "health", phone = "13900001234" })).JsonAsync();
        Assert.Equal("139****1234", expert.GetProperty("phoneMasked").GetString());
        var badExpert = await (await city.PostAsJsonAsync(Api + "/experts", new { name = "", field = "health", phone = "12345" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(badExpert.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.True(badExpert.GetProperty("errors").TryGetProperty("name", out _));

        // a county officer cannot name an organisation outside the county
        await (await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync(Api + "/projects", new { organizationId = sun, title = "x", field = "health", budget = 1, beneficiaries = 1 }))
            .ExpectProblemAsync(404, "not_found");
    }
}

public sealed class IncubationTestsOnSqlite(SqliteApp app) : IncubationTests(app), IClassFixture<SqliteApp>;

public sealed class IncubationTestsOnPostgres(PostgresApp app) : IncubationTests(app), IClassFixture<PostgresApp>;
