using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Registry;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>党建 on SQLite and PostgreSQL: the party organisation recorded by the registration authority (and on the profile), coverage by kind and county.</summary>
public abstract class PartyBuildingTests(AppFixture app)
{
    private const string Api = "/api/v1/social-organizations/party";

    [Fact]
    public async Task Coverage_counts_the_demo_organisations_by_kind_and_county()
    {
        app.SkipIfUnavailable();
        var beiliu = await app.ClientAsync("beiliu.officer");
        var coverage = await beiliu.GetJsonAsync(Api + "/coverage");
        var total = coverage.GetProperty("total");
        // 北流: 陶瓷行业协会 联合建立, 乡村振兴服务中心 未建立
        Assert.Equal(2, total.GetProperty("total").GetInt32());
        Assert.Equal(1, total.GetProperty("joint").GetInt32());
        Assert.Equal(1, total.GetProperty("none").GetInt32());
        Assert.Equal(50.0m, total.GetProperty("percent").GetDecimal());
        var groups = coverage.GetProperty("byKind").EnumerateArray().ToList();
        Assert.Equal(1, Assert.Single(groups, g => g.GetProperty("code").GetString() == "social-group").GetProperty("covered").GetInt32());
        Assert.Equal(0, Assert.Single(groups, g => g.GetProperty("code").GetString() == "social-service").GetProperty("covered").GetInt32());
        Assert.Equal(["450981000000"], coverage.GetProperty("byCounty").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList());

        var none = await beiliu.GetItemsAsync(Api + "?status=none");
        Assert.Equal([Minzheng.Web.Modules.SocialOrganizations.Cleanup.GovernanceInitializer.ZombieName], none.Select(i => i.GetProperty("name").GetString()).ToList());
    }

    [Fact]
    public async Task An_officer_records_the_party_organisation_with_every_check()
    {
        app.SkipIfUnavailable();
        var id = await GovernanceTestData.OrganizationAsync(app, "容县测试志愿者协会", RegistrationLevel.County, "450921100000");
        var officer = await app.ClientAsync("rongxian.officer");
        var bad = await (await officer.PutAsJsonAsync($"{Api}/{id}", new { status = "own", partyMembers = 2, version = 0 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("establishedOn", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("partyMembers", out _));
        var noName = await (await officer.PutAsJsonAsync($"{Api}/{id}", new { status = "instructor", establishedOn = "2026-01-01", version = 0 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noName.GetProperty("errors").TryGetProperty("instructorName", out _));
        Assert.Equal("unknown", (await officer.GetJsonAsync($"{Api}/{id}")).GetProperty("status").GetString());

        var ok = await officer.PutAsJsonAsync($"{Api}/{id}", new { status = "instructor", establishedOn = "2026-01-01", partyMembers = 1, instructorName = "黄明", version = 0 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var version = (await ok.JsonAsync()).GetProperty("version").GetInt32();
        Assert.Equal(PartyOrganizationStatus.Instructor, await GovernanceTestData.QueryAsync(app, db => db.Set<SocialOrganizationProfile>().Where(p => p.OrganizationId == id).Select(p => p.PartyOrganization).SingleAsync()));

        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{Api}/{id}", new { status = "own", establishedOn = "2026-06-01", partyMembers = 3, version })).StatusCode);
        await (await officer.PutAsJsonAsync($"{Api}/{id}", new { status = "none", version })).ExpectProblemAsync(409, "concurrency_conflict");
        var now = await officer.GetJsonAsync($"{Api}/{id}");
        Assert.Equal("own", now.GetProperty("status").GetString());
        Assert.Equal(3, now.GetProperty("partyMembers").GetInt32());

        await (await (await app.ClientAsync("beiliu.officer")).PutAsJsonAsync($"{Api}/{id}", new { status = "none", version = 0 })).ExpectProblemAsync(404, "not_found");
        var cityRegistered = await GovernanceTestData.OrganizationAsync(app, "容县测试市级联合会", RegistrationLevel.City, "450921100000");
        await (await officer.PutAsJsonAsync($"{Api}/{cityRegistered}", new { status = "none", version = 0 })).ExpectProblemAsync(403, "socorg_not_authority");
        // an organisation's own account reads (its own organisation only) but records nothing
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("yangguang.org")).PutAsJsonAsync($"{Api}/{id}", new { status = "none", version = 0 })).StatusCode);
    }
}

public sealed class PartyBuildingTestsOnSqlite(SqliteApp app) : PartyBuildingTests(app), IClassFixture<SqliteApp>;

public sealed class PartyBuildingTestsOnPostgres(PostgresApp app) : PartyBuildingTests(app), IClassFixture<PostgresApp>;
