using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Issue 14 item 4 on SQLite and PostgreSQL: the anonymous public credit query finds a social organisation by its full credit
/// code or by part of its name, shows its listing with ground and date (the demo warning of 北流市陶瓷行业协会), shows a
/// deregistered one as such, and never anything personal beyond the legal representative's name.
/// </summary>
public abstract class PublicCreditQueryTests(AppFixture app)
{
    private const string Api = "/api/v1/public/social-organizations";

    private Task<Organization> OrgAsync(string name) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<Organization>().IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Name == name));

    [Fact]
    public async Task Anyone_finds_an_organisation_by_code_and_by_name_and_sees_its_listing()
    {
        app.SkipIfUnavailable();
        var ceramics = await OrgAsync(CreditInitializer.CeramicsName);
        using var anonymous = app.CreateClient();

        var byCode = await (await anonymous.GetAsync($"{Api}?q={ceramics.CreditCode!.ToLowerInvariant()}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, byCode.GetProperty("total").GetInt32());
        Assert.Equal(CreditInitializer.CeramicsName, byCode.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("活动异常名录", byCode.GetProperty("items")[0].GetProperty("listName").GetString());

        var byName = await (await anonymous.GetAsync($"{Api}?q={Uri.EscapeDataString("北流市")}")).Content.ReadFromJsonAsync<JsonElement>();
        var names = byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains(CreditInitializer.CeramicsName, names);
        Assert.Contains("北流市新荣镇乡村振兴服务中心", names);
        Assert.DoesNotContain(names, n => !n!.Contains("北流市", StringComparison.Ordinal));

        // only social organisations are found: a care home of the registry is not
        var home = await (await anonymous.GetAsync($"{Api}?q={Uri.EscapeDataString("福寿养老院")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, home.GetProperty("total").GetInt32());

        var detailResponse = await anonymous.GetAsync($"{Api}/{ceramics.CreditCode}");
        Assert.Equal(HttpStatusCode.OK, detailResponse.StatusCode);
        var raw = await detailResponse.Content.ReadAsStringAsync();
        var d = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("active", d.GetProperty("status").GetString());
        Assert.Equal("abnormal", d.GetProperty("list").GetString());
        Assert.Equal("钟瓷", d.GetProperty("legalRepresentative").GetString());
        Assert.Equal("北流市民政局", d.GetProperty("registrationAuthority").GetString());
        var facts = d.GetProperty("facts").EnumerateArray().ToList();
        Assert.Contains(facts, f => f.GetProperty("label").GetString() == "列入情形" && f.GetProperty("value").GetString() == "受到警告或者不满5万元罚款处罚" && f.GetProperty("date").GetString() == "2026-07-15");
        Assert.Contains(facts, f => f.GetProperty("label").GetString() == "列入活动异常名录" && f.GetProperty("date").GetString() == "2026-07-15");
        // nothing personal: no phone, no bank account, no identity number, no recording officer
        foreach (var word in new[] { "phone", "bank", "idNumber", "recordedBy", "system:" })
            Assert.DoesNotContain(word, raw, StringComparison.OrdinalIgnoreCase);

        var lists = await (await anonymous.GetAsync($"{Api}/lists?list=abnormal")).Content.ReadFromJsonAsync<JsonElement>();
        var entry = lists.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("creditCode").GetString() == ceramics.CreditCode);
        Assert.Equal("2026-07-15", entry.GetProperty("effectiveOn").GetString());
        Assert.Contains("警告", entry.GetProperty("grounds").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_work_without_signing_in()
    {
        app.SkipIfUnavailable();
        var ceramics = await OrgAsync(CreditInitializer.CeramicsName);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var search = await anonymous.GetAsync($"/public/social-organizations?q={ceramics.CreditCode}");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains(CreditInitializer.CeramicsName, await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await anonymous.GetAsync($"/public/social-organizations/{ceramics.CreditCode}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("活动异常名录", html, StringComparison.Ordinal);
        Assert.Contains("2026-07-15", html, StringComparison.Ordinal);
        Assert.Contains("存续", html, StringComparison.Ordinal);
        var listsPage = await anonymous.GetAsync("/public/social-organizations/lists");
        Assert.Equal(HttpStatusCode.OK, listsPage.StatusCode);
        Assert.Contains(CreditInitializer.CeramicsName, await listsPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // a bad query is shown beside the box, not as an error page
        var bad = await anonymous.GetAsync("/public/social-organizations?q=x");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("名称至少输入 2 个字", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/social-organizations/91450900MA5L000000")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("ABCDEFGHIJKLMNOPQR")] // code-shaped but not a valid credit code
    public async Task A_bad_query_is_refused_on_q(string q)
    {
        app.SkipIfUnavailable();
        using var anonymous = app.CreateClient();
        var problem = await anonymous.GetAsync($"{Api}?q={q}").ExpectProblemAsync(400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), problem.ToString());
    }

    [Fact]
    public async Task A_deregistered_organisation_shows_as_such()
    {
        app.SkipIfUnavailable();
        var code = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var o = await db.Set<Organization>().SingleAsync(x => x.Name == "北流市新荣镇乡村振兴服务中心");
            o.Status = OrganizationStatus.Deregistered;
            o.EndedOn = new DateOnly(2026, 9, 1);
            await db.SaveChangesAsync();
            return o.CreditCode!;
        });
        using var anonymous = app.CreateClient();
        var d = await (await anonymous.GetAsync($"{Api}/{code}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("deregistered", d.GetProperty("status").GetString());
        Assert.Equal("注销", d.GetProperty("statusName").GetString());
        Assert.Equal("2026-09-01", d.GetProperty("endedOn").GetString());
    }
}

public sealed class PublicCreditQueryTestsOnSqlite(SqliteApp app) : PublicCreditQueryTests(app), IClassFixture<SqliteApp>;

public sealed class PublicCreditQueryTestsOnPostgres(PostgresApp app) : PublicCreditQueryTests(app), IClassFixture<PostgresApp>;
