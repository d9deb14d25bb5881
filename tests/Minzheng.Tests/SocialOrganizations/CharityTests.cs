using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Cleanup;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// 慈善组织认定, 公开募捐资格 and 税前扣除资格 on SQLite and PostgreSQL: every unmet condition named at acceptance, granted only
/// when none is unmet, refused with reasons, 409 on a stale version or a second pending application, 403/404 by authority and scope.
/// </summary>
public abstract class CharityTests(AppFixture app)
{
    private const string Api = "/api/v1/social-organizations/charity/applications";

    private static object Application(Guid organizationId, string kind, string appliedOn = "2026-10-01") => new
    {
        organizationId,
        kind,
        appliedOn,
        charitablePurpose = true,
        nonProfitCharter = true,
        soundFinance = true,
        noBarredLeader = true,
        boardResolution = true,
        auditedReport = true,
        taxExemption = true,
        lastYearIncome = 500000m,
        lastYearSpending = 300000m,
        lastYearManagementCost = 30000m,
        lastYearTotalSpending = 350000m,
        yearBeforeIncome = 400000m,
        yearBeforeSpending = 300000m,
        threeYearsBeforeIncome = 350000m,
        netAssets = 800000m,
    };

    private static List<string?> Unmet(JsonElement a) => [.. a.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString())];

    [Fact]
    public async Task The_city_charity_federation_is_recognised_with_public_fundraising()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var id = await GovernanceTestData.IdOfAsync(app, GovernanceInitializer.CharityName);
        var granted = await city.GetItemsAsync($"{Api}?organizationId={id}&status=granted");
        Assert.Equal(["public-fundraising", "charity-recognition"], granted.Select(a => a.GetProperty("kind").GetString()).ToList());
        await (await city.GetAsync($"{Api}?status=maybe")).ExpectProblemAsync(400, "validation_failed");

        // published on the public credit query through the module's fact sources
        var facts = await app.WithServicesAsync(async sp =>
        {
            var all = new List<PublicFact>();
            foreach (var source in sp.GetServices<IPublicFactSource>())
                all.AddRange((await source.LoadAsync([id], CancellationToken.None)).GetValueOrDefault(id) ?? []);
            return all;
        });
        Assert.Contains(facts, f => f.Label == "慈善组织认定" && f.Value == "已取得" && f.Date == new DateOnly(2017, 3, 20));
        Assert.Contains(facts, f => f.Label == "公开募捐资格");
    }

    [Fact]
    public async Task Recognition_then_fundraising_then_tax_deduction()
    {
        app.SkipIfUnavailable();
        var id = await GovernanceTestData.OrganizationAsync(app, "容县测试慈善会", RegistrationLevel.County, "450921100000");
        var officer = await app.ClientAsync("rongxian.officer");

        var bad = await (await officer.PostAsJsonAsync(Api, new { organizationId = id, kind = "sainthood", lastYearIncome = -1m, lastYearSpending = 1.001m })).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "kind", "appliedOn", "lastYearIncome", "lastYearSpending" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);

        // fundraising before recognition: accepted, with the unmet condition named
        var early = await (await officer.PostAsJsonAsync(Api, Application(id, "public-fundraising"))).JsonAsync();
        Assert.Equal(["not-charity"], Unmet(early));

        var created = await officer.PostAsJsonAsync(Api, Application(id, "charity-recognition"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recognition = await created.JsonAsync();
        Assert.Empty(Unmet(recognition));
        Assert.StartsWith("SZZG2026", recognition.GetProperty("number").GetString(), StringComparison.Ordinal);
        await (await officer.PostAsJsonAsync(Api, Application(id, "charity-recognition"))).ExpectProblemAsync(409, "socorg_application_pending");

        var rid = recognition.GetProperty("id").GetGuid();
        var version = recognition.GetProperty("version").GetInt32();
        var badDecision = await (await officer.PostAsJsonAsync($"{Api}/{rid}/decision", new { decision = "maybe", version })).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "decision", "on", "documentNumber" }) Assert.True(badDecision.GetProperty("errors").TryGetProperty(f, out _), f);
        await (await officer.PostAsJsonAsync($"{Api}/{rid}/decision", new { decision = "grant", on = "2026-10-20", documentNumber = "容民慈认〔2026〕1号", version = version + 1 }))
            .ExpectProblemAsync(409, "concurrency_conflict");
        var grant = await officer.PostAsJsonAsync($"{Api}/{rid}/decision", new { decision = "grant", on = "2026-10-20", documentNumber = "容民慈认〔2026〕1号", version });
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        Assert.Equal("granted", (await grant.JsonAsync()).GetProperty("status").GetString());
        await (await officer.PostAsJsonAsync($"{Api}/{rid}/decision", new { decision = "refuse", on = "2026-10-21", documentNumber = "x", note = "x", version = version + 1 }))
            .ExpectProblemAsync(409, "socorg_application_decided");

        // now recognised: the earlier fundraising application passes at the decision (registered 2019, 1 year since 2024-09-05)
        var eid = early.GetProperty("id").GetGuid();
        var fundraising = await officer.PostAsJsonAsync($"{Api}/{eid}/decision", new { decision = "grant", on = "2026-10-25", documentNumber = "容民募〔2026〕1号", version = early.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, fundraising.StatusCode);
        Assert.Empty(Unmet(await fundraising.JsonAsync()));

        // tax deduction: never evaluated, so the grade is unmet and granting is refused; a refusal needs written reasons
        var tax = await (await officer.PostAsJsonAsync(Api, Application(id, "tax-deduction"))).JsonAsync();
        Assert.Equal(["grade"], Unmet(tax));
        var tid = tax.GetProperty("id").GetGuid();
        var tv = tax.GetProperty("version").GetInt32();
        var unmet = await (await officer.PostAsJsonAsync($"{Api}/{tid}/decision", new { decision = "grant", on = "2026-10-26", documentNumber = "容民税〔2026〕1号", version = tv }))
            .ExpectProblemAsync(409, "socorg_conditions_unmet");
        Assert.Contains("评估等级", unmet.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var noReason = await (await officer.PostAsJsonAsync($"{Api}/{tid}/decision", new { decision = "refuse", on = "2026-10-26", documentNumber = "容民税〔2026〕1号", version = tv }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("note", out _));
        var refused = await (await officer.PostAsJsonAsync($"{Api}/{tid}/decision", new { decision = "refuse", on = "2026-10-26", documentNumber = "容民税〔2026〕1号", note = "评估等级未达到3A", version = tv })).JsonAsync();
        Assert.Equal("refused", refused.GetProperty("status").GetString());

        // once evaluated 3A, a new application meets every condition
        await GovernanceTestData.QueryAsync(app, async db =>
        {
            var p = db.Set<SocialOrganizationProfile>().Single(x => x.OrganizationId == id);
            p.Grade = 3;
            p.GradeValidUntil = new DateOnly(2030, 12, 31);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(Unmet(await (await officer.PostAsJsonAsync(Api, Application(id, "tax-deduction"))).JsonAsync()));
    }

    [Fact]
    public async Task Credit_facts_and_authority_decide_what_is_unmet_and_who_may_act()
    {
        app.SkipIfUnavailable();
        var id = await GovernanceTestData.OrganizationAsync(app, "容县测试公益基金会", RegistrationLevel.County, "450921100000", Web.Platform.Registry.Organizations.OrganizationKind.Foundation);
        await app.WithServicesAsync(async sp =>
        {
            var authority = sp.GetRequiredService<RegistrationAuthority>();
            var o = await authority.LoadAsync(id);
            await sp.GetRequiredService<CreditLedger>().RecordAsync(o, new CreditEntry(id, new DateOnly(2026, 8, 1), CreditEventKind.WarningOrSmallFine, "罚款1万元", "officer"));
            return await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        var officer = await app.ClientAsync("rongxian.officer");
        var a = await (await officer.PostAsJsonAsync(Api, Application(id, "charity-recognition"))).JsonAsync();
        Assert.Equal(["penalty", "credit-list"], Unmet(a));

        await (await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync(Api, Application(id, "charity-recognition"))).ExpectProblemAsync(404, "not_found");
        var cityRegistered = await GovernanceTestData.OrganizationAsync(app, "容县测试市级慈善会", RegistrationLevel.City, "450921100000");
        await (await officer.PostAsJsonAsync(Api, Application(cityRegistered, "charity-recognition"))).ExpectProblemAsync(403, "socorg_not_authority");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("yangguang.org")).PostAsJsonAsync(Api, Application(id, "charity-recognition"))).StatusCode);
    }
}

public sealed class CharityTestsOnSqlite(SqliteApp app) : CharityTests(app), IClassFixture<SqliteApp>;

public sealed class CharityTestsOnPostgres(PostgresApp app) : CharityTests(app), IClassFixture<PostgresApp>;
