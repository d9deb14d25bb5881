using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Cleanup;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// 僵尸型社会组织清理 on SQLite and PostgreSQL: the flagged list in scope with its reasons, the campaign ledger, 撤销登记 by the
/// registration authority only (ends the registry organisation and lists it on the 失信名单 in one save), 400 per field with
/// nothing saved, 409 on a stale version, 404 outside the scope, 403 for another level.
/// </summary>
public abstract class CleanupTests(AppFixture app)
{
    private const string Api = "/api/v1/social-organizations/cleanup";

    [Fact]
    public async Task The_demo_candidate_is_flagged_with_its_reasons_in_scope_only()
    {
        app.SkipIfUnavailable();
        var beiliu = await app.ClientAsync("beiliu.officer");
        var items = await beiliu.GetItemsAsync(Api + "/flagged");
        var zombie = Assert.Single(items, i => i.GetProperty("name").GetString() == GovernanceInitializer.ZombieName);
        var reasons = zombie.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal([ZombieRules.MissingReports, ZombieRules.Inactive], reasons);
        Assert.Equal("contact", zombie.GetProperty("lastStep").GetProperty("kind").GetString());
        // organisations filing their reports are not flagged
        Assert.DoesNotContain(items, i => i.GetProperty("name").GetString() == "北流市陶瓷行业协会");

        var city = await app.ClientAsync("city.officer");
        Assert.Contains(await city.GetItemsAsync(Api + "/flagged"), i => i.GetProperty("name").GetString() == GovernanceInitializer.ZombieName);
        var rongxian = await app.ClientAsync("rongxian.officer");
        Assert.DoesNotContain(await rongxian.GetItemsAsync(Api + "/flagged"), i => i.GetProperty("name").GetString() == GovernanceInitializer.ZombieName);

        var id = await GovernanceTestData.IdOfAsync(app, GovernanceInitializer.ZombieName);
        await (await rongxian.GetAsync($"{Api}/{id}")).ExpectProblemAsync(404, "not_found");
        await (await rongxian.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "contact", on = "2026-11-01" })).ExpectProblemAsync(404, "not_found");
        // township staff have no part in it; the organisation's own account sees no one else's flags and records nothing
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongzhou.clerk")).GetAsync(Api + "/flagged")).StatusCode);
        var own = await app.ClientAsync("yangguang.org");
        Assert.DoesNotContain(await own.GetItemsAsync(Api + "/flagged"), i => i.GetProperty("name").GetString() == GovernanceInitializer.ZombieName);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "contact", on = "2026-11-01" })).StatusCode);
    }

    [Fact]
    public async Task Measures_then_revocation_end_the_organisation_and_list_it()
    {
        app.SkipIfUnavailable();
        var id = await GovernanceTestData.OrganizationAsync(app, "北流市测试清理协会", RegistrationLevel.County, "450981100000");
        var officer = await app.ClientAsync("beiliu.officer");
        var flagged = await officer.GetItemsAsync(Api + "/flagged");
        Assert.Contains(flagged, i => i.GetProperty("organizationId").GetGuid() == id);

        var contact = await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "contact", on = "2026-10-10", note = "约谈负责人" });
        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "order-rectification", on = "2026-10-20", documentNumber = "北民责〔2026〕1号" })).StatusCode);

        // bad input: every field named, nothing saved
        var bad = await (await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "bribe", on = "2027-01-01" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("on", out _));
        var revokeBad = await (await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "revoked", on = "2026-11-20" })).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "documentNumber", "note", "version" }) Assert.True(revokeBad.GetProperty("errors").TryGetProperty(field, out _), field);

        // a stale organisation version: 409 and nothing half-saved (no step, no credit event, still active)
        var ledger = await officer.GetJsonAsync($"{Api}/{id}");
        var version = ledger.GetProperty("version").GetInt32();
        await (await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "revoked", on = "2026-11-20", documentNumber = "北民撤〔2026〕1号", note = "连续两年未年检", version = version + 1 }))
            .ExpectProblemAsync(409, "concurrency_conflict");
        Assert.Equal(2, await GovernanceTestData.QueryAsync(app, db => db.Set<CleanupStep>().CountAsync(s => s.OrganizationId == id)));
        Assert.False(await GovernanceTestData.QueryAsync(app, db => db.Set<CreditEventRecord>().AnyAsync(e => e.OrganizationId == id)));

        var revoked = await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "revoked", on = "2026-11-20", documentNumber = "北民撤〔2026〕1号", note = "连续两年未年检", version });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var org = await GovernanceTestData.QueryAsync(app, db => db.Set<Organization>().SingleAsync(o => o.Id == id));
        Assert.Equal(OrganizationStatus.Revoked, org.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), org.EndedOn);
        var credit = Assert.Single(await GovernanceTestData.QueryAsync(app, db => db.Set<CreditEventRecord>().Where(e => e.OrganizationId == id).ToListAsync()));
        Assert.Equal(CreditEventKind.RegistrationRevoked, credit.Kind);
        Assert.Equal("北民撤〔2026〕1号", credit.DocumentNumber);

        var after = await officer.GetJsonAsync($"{Api}/{id}");
        Assert.Equal(["contact", "order-rectification", "revoked"], after.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList());
        Assert.DoesNotContain(await officer.GetItemsAsync(Api + "/flagged"), i => i.GetProperty("organizationId").GetGuid() == id);
        await (await officer.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "contact", on = "2026-11-25" })).ExpectProblemAsync(409, "socorg_organization_ended");
    }

    [Fact]
    public async Task A_county_officer_cannot_act_on_a_city_registered_organisation()
    {
        app.SkipIfUnavailable();
        var id = await GovernanceTestData.OrganizationAsync(app, "容县测试市级登记协会", RegistrationLevel.City, "450921100000");
        var county = await app.ClientAsync("rongxian.officer");
        var flagged = Assert.Single(await county.GetItemsAsync(Api + "/flagged"), i => i.GetProperty("organizationId").GetGuid() == id);
        Assert.False(flagged.GetProperty("canAct").GetBoolean());
        await (await county.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "contact", on = "2026-11-01" })).ExpectProblemAsync(403, "socorg_not_authority");
        var city = await app.ClientAsync("city.officer");
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "contact", on = "2026-11-01" })).StatusCode);
        // 自行注销 is recorded only once the registry shows the deregistration
        await (await city.PostAsJsonAsync($"{Api}/{id}/steps", new { kind = "self-deregistered", on = "2026-11-02" })).ExpectProblemAsync(409, "socorg_cleanup_not_deregistered");
    }
}

public sealed class CleanupTestsOnSqlite(SqliteApp app) : CleanupTests(app), IClassFixture<SqliteApp>;

public sealed class CleanupTestsOnPostgres(PostgresApp app) : CleanupTests(app), IClassFixture<PostgresApp>;
