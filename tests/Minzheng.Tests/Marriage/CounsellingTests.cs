using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Marriage.Counselling;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// Issue 15 item 3 on SQLite and PostgreSQL: a 容县 counselling contract, anonymised sessions, the monthly settlement published
/// as a one-off entitlement to the provider (organisation payee), idempotent per month, refused beyond the remaining budget
/// (409), a settled month closed to new sessions, bad input on its field, and another county's officer gets 404.
/// </summary>
public abstract class CounsellingTests(AppFixture app)
{
    [Fact]
    public async Task A_month_is_settled_once_to_the_provider_within_the_budget()
    {
        app.SkipIfUnavailable();
        var providerId = await app.WithServicesAsync(async sp =>
        {
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                Name = "容县测试婚姻家庭辅导中心" + Guid.NewGuid().ToString("N")[..6],
                Kind = OrganizationKind.SocialServiceAgency,
                DivisionCode = "450921100000",
                LegalRepresentativeName = "测试",
                RegisteredOn = new DateOnly(2020, 1, 1),
            });
            return org.Id;
        });
        var officer = await app.ClientAsync("rongxian.marriage");
        // clock: 2026-11-30; a budget of 1,000 元 at 300 元 a session
        var created = await officer.PostAsJsonAsync("/api/v1/marriage/counselling/contracts", new
        {
            providerId,
            divisionCode = "450921000000",
            validFrom = "2026-01-01",
            validTo = "2026-12-31",
            budget = 1000m,
            unitPrice = 300m,
            document = "容民购〔2026〕测试号",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contract = await created.JsonAsync();
        var id = contract.GetProperty("id").GetString();
        Assert.Equal(1000m, contract.GetProperty("remaining").GetDecimal());

        async Task Session(string date, string type = "cooling-off") =>
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/sessions",
                new { heldOn = date, counsellor = "辅导员丙", type, topic = "communication", minutes = 60, participants = 2 })).StatusCode);
        await Session("2026-11-03");
        await Session("2026-11-10", "premarital");
        await Session("2026-11-20", "婚姻危机干预");

        // bad input is refused on its field
        await (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/sessions", new { heldOn = "2026-11-21", counsellor = "辅导员丙", type = "cooling-off", topic = "communication", minutes = 5 }))
            .ExpectProblemAsync(400, "validation_failed");
        await (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/sessions", new { heldOn = "2027-01-02", counsellor = "辅导员丙", type = "x", topic = "communication", minutes = 60 }))
            .ExpectProblemAsync(400, "validation_failed");

        var settled = await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/settlements", new { month = "2026-11-01" });
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        var settlement = await settled.JsonAsync();
        Assert.Equal(900m, settlement.GetProperty("amount").GetDecimal());
        Assert.Equal(3, settlement.GetProperty("sessionCount").GetInt32());
        Assert.False(settlement.GetProperty("alreadySettled").GetBoolean());
        var settlementId = Guid.Parse(settlement.GetProperty("id").GetString()!);

        // published to payments: one one-off entitlement to the provider, nothing to a person
        var entitlements = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>()
            .Where(e => e.Program == CounsellingPurchase.Program && e.SourceId == settlementId).ToListAsync());
        var e = Assert.Single(entitlements);
        Assert.True(e.OneOff);
        Assert.Equal(providerId, e.PayeeOrganizationId);
        Assert.Null(e.PayeePersonId);
        Assert.Equal(90_000, e.MonthlyAmount.Fen);
        Assert.Equal(new DateOnly(2026, 11, 1), e.FromMonth);

        // asking again answers the same settlement and publishes nothing more
        var again = await (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/settlements", new { month = "2026-11-15" })).JsonAsync();
        Assert.True(again.GetProperty("alreadySettled").GetBoolean());
        Assert.Equal(settlementId.ToString(), again.GetProperty("id").GetString());
        Assert.Equal(1, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().CountAsync(x => x.Program == CounsellingPurchase.Program && x.PayeeOrganizationId == providerId)));
        // the settled month takes no more sessions
        await (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/sessions", new { heldOn = "2026-11-25", counsellor = "辅导员丙", type = "crisis", topic = "law", minutes = 60 }))
            .ExpectProblemAsync(409, "marriage_counselling_month_settled");

        // October: one more session would be 300 元 against 100 元 remaining: refused, nothing written
        await Session("2026-10-12");
        await (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/settlements", new { month = "2026-10-01" })).ExpectProblemAsync(409, "marriage_counselling_over_budget");
        await (await officer.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/settlements", new { month = "2026-12-01" })).ExpectProblemAsync(409, "marriage_counselling_month_open");
        var view = await officer.GetJsonAsync($"/api/v1/marriage/counselling/contracts/{id}");
        Assert.Equal(900m, view.GetProperty("settled").GetDecimal());
        Assert.Equal(100m, view.GetProperty("remaining").GetDecimal());
        Assert.Equal(1, view.GetProperty("unsettledSessions").GetInt32());
        var sessions = await officer.GetItemsAsync($"/api/v1/marriage/counselling/contracts/{id}/sessions");
        Assert.Equal(4, sessions.Count);
        // anonymised: no person, no party name in a session
        Assert.All(sessions, s => Assert.False(s.TryGetProperty("personId", out _)));

        // the page shows the budget used and remaining
        var page = await officer.GetStringAsync($"/marriage/counselling?contractId={id}");
        Assert.Contains("剩余 <strong>100.00 元</strong>", page, StringComparison.Ordinal);

        // another county's officer: 404 on reads and writes
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/marriage/counselling/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/sessions",
            new { heldOn = "2026-10-13", counsellor = "x", type = "crisis", topic = "law", minutes = 60 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/marriage/counselling/contracts/{id}/settlements", new { month = "2026-10-01" })).StatusCode);
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/marriage/counselling/contracts"), c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task The_demo_contract_of_200000_yuan_is_in_rongxian()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.marriage");
        var demo = (await officer.GetItemsAsync("/api/v1/marriage/counselling/contracts")).Single(c => c.GetProperty("isDemo").GetBoolean());
        Assert.Equal(200_000m, demo.GetProperty("budget").GetDecimal());
        Assert.Equal("450921000000", demo.GetProperty("divisionCode").GetString());
        Assert.True(demo.GetProperty("sessions").GetInt32() > 0);
    }
}

public sealed class CounsellingTestsOnSqlite(SqliteApp app) : CounsellingTests(app), IClassFixture<SqliteApp>;

public sealed class CounsellingTestsOnPostgres(PostgresApp app) : CounsellingTests(app), IClassFixture<PostgresApp>;
