using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Charity;
using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.SocialOrganizations.Charity;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Charity;

/// <summary>
/// Charity supervision over HTTP on the demo data: a charity's own account files a plan and books gifts and spending; bad input
/// is a 400 naming the field with nothing saved; a stale version and an overspend are 409s; another county's officer and another
/// organisation get 404; the yearly ratios list a body falling short; a late trust filing is flagged; the anonymous public page
/// shows the project's totals.
/// </summary>
public abstract partial class CharityFundsTests(AppFixture app)
{
    private const string Centre = "yangguang.org";

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenPattern();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_charity_forms_file_a_plan_book_entries_and_show_errors_beside_the_fields()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var (federationId, foundationId) = await app.WithServicesAsync(async sp =>
        {
            var orgs = sp.GetRequiredService<AppDbContext>().Organizations;
            return (await orgs.Where(o => o.Name == CharityInitializer.FederationName).Select(o => o.Id).SingleAsync(),
                await orgs.Where(o => o.Name == CharityInitializer.FoundationName).Select(o => o.Id).SingleAsync());
        });
        var today = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Plan(Guid org, string target) => new()
        {
            ["Input.OrganizationId"] = org.ToString(),
            ["Input.Title"] = "页面测试募捐",
            ["Input.Purpose"] = "为社区老人募集冬衣",
            ["Input.StartsOn"] = today,
            ["Input.EndsOn"] = Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Channel"] = "on-site",
            ["Input.Place"] = "玉州区",
            ["Input.Target"] = target,
        };
        var before = await PlanCountAsync();

        // a field error beside the field, and what was typed kept
        var bad = await PostFormAsync(city, "/charity/plans", Plan(federationId, "十万"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("金额应为数字", badHtml);
        Assert.Contains("为社区老人募集冬衣", badHtml);
        Assert.Contains("value=\"十万\"", badHtml);
        // a body without the 公开募捐资格: the reason at the top, nothing filed
        var unqualified = await (await PostFormAsync(city, "/charity/plans", Plan(foundationId, "1000"))).Content.ReadAsStringAsync();
        Assert.Contains("不具有有效的公开募捐资格", unqualified);
        Assert.Equal(before, await PlanCountAsync());

        var filed = await PostFormAsync(city, "/charity/plans", Plan(federationId, "1000"));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var url = filed.Headers.Location!.OriginalString;
        Assert.StartsWith("/charity/plans/", url, StringComparison.Ordinal);
        var version = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<FundraisingPlan>().Where(p => p.Title == "页面测试募捐").Select(p => p.Version).SingleAsync());

        var gift = await PostFormAsync(city, url + "?handler=Donate", new() { ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "200.50", ["Input.ReceivedOn"] = today });
        Assert.Equal(HttpStatusCode.Redirect, gift.StatusCode);
        Assert.Contains("200.50 元", await city.GetStringAsync(url));

        // the stale version: the 409 message, nothing booked, the typed purpose kept
        var stale = await (await PostFormAsync(city, url + "?handler=Spend", new() { ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Purpose"] = "购置冬衣", ["Input.Amount"] = "50", ["Input.SpentOn"] = today })).Content.ReadAsStringAsync();
        Assert.Contains("该记录已被他人修改", stale);
        Assert.Contains("购置冬衣", stale);
        var spentBad = await (await PostFormAsync(city, url + "?handler=Spend", new() { ["Input.Version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Purpose"] = "购置冬衣", ["Input.Amount"] = "50", ["Input.SpentOn"] = "2026-13-40" })).Content.ReadAsStringAsync();
        Assert.Contains("日期格式应为", spentBad);
        var page = await city.GetStringAsync(url);
        Assert.Contains("0.00 元", page);

        // a trust and a yearly report by form; a field error each
        var county = await app.ClientAsync("rongxian.officer");
        var trustBad = await (await PostFormAsync(county, "/charity/trusts", new() { ["Input.Name"] = "页面信托", ["Input.Purpose"] = "助学", ["Input.TrusteeKind"] = "charity", ["Input.TrusteeName"] = "玉林市慈善总会", ["Input.Settlor"] = "某企业", ["Input.Property"] = "-5", ["Input.EstablishedOn"] = today })).Content.ReadAsStringAsync();
        Assert.Contains("金额应大于零", trustBad);
        Assert.Contains("页面信托", trustBad);
        var trust = await PostFormAsync(county, "/charity/trusts", new() { ["Input.Name"] = "页面信托", ["Input.Purpose"] = "助学", ["Input.TrusteeKind"] = "charity", ["Input.TrusteeName"] = "玉林市慈善总会", ["Input.Settlor"] = "某企业", ["Input.Property"] = "5000", ["Input.EstablishedOn"] = today });
        Assert.Equal(HttpStatusCode.Redirect, trust.StatusCode);
        Assert.Contains("页面信托", await county.GetStringAsync("/charity/trusts"));

        Dictionary<string, string> Year(string income) => new()
        {
            ["Input.OrganizationId"] = foundationId.ToString(),
            ["Input.Year"] = "2019",
            ["Input.Income"] = income,
            ["Input.CharitableSpending"] = "100000",
            ["Input.ManagementCost"] = "10000",
            ["Input.TotalSpending"] = "120000",
            ["Input.PreviousYearEndNetAssets"] = "1000000",
            ["Input.PreviousYearIncome"] = "150000",
        };
        Assert.Contains("金额不能为负数", await (await PostFormAsync(city, "/charity/yearly", Year("-1"))).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(city, "/charity/yearly", Year("150000"))).StatusCode);
        Assert.Contains("2019", await city.GetStringAsync("/charity/yearly"));

        // the public page lists the recognised charity with its qualifications
        var publicHtml = await app.CreateClient().GetStringAsync("/public/charity");
        Assert.Contains(CharityInitializer.FederationName, publicHtml);
        Assert.Contains("公开募捐资格", publicHtml);
        Assert.Contains("玉民社募字〔2017〕1号（演示）", publicHtml);
    }

    private static DateOnly Today => new(2026, 11, 30);

    /// <summary>Records the 公开募捐资格 granted to an organisation on a date (what the registry's decision leaves behind).</summary>
    private Task<int> GrantPublicFundraisingAsync(string organizationName, DateOnly decidedOn) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var o = await db.Organizations.SingleAsync(x => x.Name == organizationName);
        db.Add(new QualificationApplication
        {
            OrganizationId = o.Id,
            DivisionCode = o.DivisionCode,
            Number = "SZZG-T" + decidedOn.DayNumber,
            Kind = QualificationKind.PublicFundraising,
            AppliedOn = decidedOn,
            Status = QualificationStatus.Granted,
            DecidedOn = decidedOn,
            DecisionNumber = "测试募字〔" + decidedOn.Year + "〕1号",
            RecordedBy = "test",
        });
        await db.SaveChangesAsync();
        return 0;
    });

    private Task<int> PlanCountAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<FundraisingPlan>().CountAsync());

    [Fact]
    public async Task A_charity_files_a_plan_books_gifts_and_spending_and_the_public_page_shows_the_totals()
    {
        app.SkipIfUnavailable();
        var centre = await app.ClientAsync(Centre);

        // 400 naming each bad field, nothing saved
        var before = await PlanCountAsync();
        var bad = await centre.PostAsJsonAsync("/api/v1/charity/plans", new { title = "", purpose = "助老", startsOn = Today.AddDays(-1), endsOn = Today.AddDays(10), channel = "door-to-door", target = 100.001m });
        var problem = await bad.ExpectProblemAsync(400, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "startsOn", "channel", "target" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        var online = await centre.PostAsJsonAsync("/api/v1/charity/plans", new { title = "网络募捐", purpose = "助老", startsOn = Today, endsOn = Today.AddDays(10), channel = "online", platform = "not-designated", target = 100m });
        Assert.True((await online.ExpectProblemAsync(400, "validation_failed")).GetProperty("errors").TryGetProperty("platform", out _));
        Assert.Equal(before, await PlanCountAsync());

        // without the 公开募捐资格 in force on the plan's first day: 409, nothing saved
        var warmWinter = new { title = "“暖冬助老”测试募捐", purpose = "为独居老人购置过冬物资", startsOn = Today, endsOn = Today.AddDays(30), channel = "on-site", place = "容州镇", target = 20000m };
        var unqualified = await (await centre.PostAsJsonAsync("/api/v1/charity/plans", warmWinter)).ExpectProblemAsync(409, "charity_no_public_fundraising");
        Assert.Contains("公开募捐资格", unqualified.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await PlanCountAsync());
        // a qualification granted after the plan's first day does not count; one in force on it does
        await GrantPublicFundraisingAsync(CharityInitializer.CentreName, Today.AddDays(1));
        await (await centre.PostAsJsonAsync("/api/v1/charity/plans", warmWinter)).ExpectProblemAsync(409, "charity_no_public_fundraising");
        await GrantPublicFundraisingAsync(CharityInitializer.CentreName, Today.AddYears(-1));

        // filed before it starts (today), by the centre's own account for its own organisation
        var filed = await centre.PostAsJsonAsync("/api/v1/charity/plans", new { title = "“暖冬助老”测试募捐", purpose = "为独居老人购置过冬物资", startsOn = Today, endsOn = Today.AddDays(30), channel = "on-site", place = "容州镇", target = 20000m });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var plan = await filed.JsonAsync();
        var id = plan.GetProperty("id").GetGuid();
        var v0 = plan.GetProperty("version").GetInt32();

        var gift = await (await centre.PostAsJsonAsync($"/api/v1/charity/plans/{id}/donations", new { amount = 1000.50m, receivedOn = Today, version = v0 })).JsonAsync();
        Assert.Equal(1000.50m, gift.GetProperty("raised").GetDecimal());
        var v1 = gift.GetProperty("version").GetInt32();
        Assert.NotEqual(v0, v1);

        // a stale version: 409, and nothing booked
        (await (await centre.PostAsJsonAsync($"/api/v1/charity/plans/{id}/spending", new { purpose = "物资", amount = 300m, spentOn = Today, version = v0 })).ExpectProblemAsync(409, "concurrency_conflict")).ToString();
        // more than the balance: 409
        await (await centre.PostAsJsonAsync($"/api/v1/charity/plans/{id}/spending", new { purpose = "物资", amount = 1000.51m, spentOn = Today, version = v1 })).ExpectProblemAsync(409, "charity_insufficient_funds");
        var spent = await (await centre.PostAsJsonAsync($"/api/v1/charity/plans/{id}/spending", new { purpose = "购置棉被", amount = 300m, spentOn = Today, version = v1 })).JsonAsync();
        Assert.Equal((1000.50m, 300m, 700.50m), (spent.GetProperty("raised").GetDecimal(), spent.GetProperty("spent").GetDecimal(), spent.GetProperty("balance").GetDecimal()));
        var entries = await centre.GetItemsAsync($"/api/v1/charity/plans/{id}/entries");
        Assert.Equal(["donation", "spending"], entries.Select(e => e.GetProperty("kind").GetString()).Order());
        Assert.Contains(entries, e => e.GetProperty("text").GetString() == "匿名");

        // the county sees it; another county and another organisation do not, and cannot write to it
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("rongxian.officer")).GetAsync($"/api/v1/charity/plans/{id}")).StatusCode);
        foreach (var other in new[] { "beiliu.officer", "xinnan.committee" })
        {
            var client = await app.ClientAsync(other);
            await (await client.GetAsync($"/api/v1/charity/plans/{id}")).ExpectProblemAsync(404, "not_found");
            await (await client.PostAsJsonAsync($"/api/v1/charity/plans/{id}/donations", new { amount = 1m, receivedOn = Today, version = v1 + 1 })).ExpectProblemAsync(404, "not_found");
            Assert.DoesNotContain(await client.GetItemsAsync("/api/v1/charity/plans"), p => p.GetProperty("id").GetGuid() == id);
        }
        var centreId = plan.GetProperty("organizationId").GetGuid();
        await (await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync("/api/v1/charity/plans", new { organizationId = centreId, title = "越权", purpose = "x", startsOn = Today, endsOn = Today, channel = "on-site", place = "x", target = 1m }))
            .ExpectProblemAsync(404, "not_found");

        // the anonymous public page shows the project's totals and no donor
        using var anonymous = app.CreateClient();
        var html = await anonymous.GetStringAsync("/public/charity?q=" + Uri.EscapeDataString("暖冬助老"));
        Assert.Contains("“暖冬助老”测试募捐", html);
        Assert.Contains("1,000.50 元", html);
        Assert.Contains("300.00 元", html);
        Assert.Contains("700.50 元", html);
        Assert.Contains("容县阳光社会工作服务中心", html);
    }

    [Fact]
    public async Task The_yearly_ratios_list_bodies_falling_short_and_a_late_trust_is_flagged()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        var centreId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Name == CharityInitializer.CentreName).Select(o => o.Id).SingleAsync());

        // the demo foundation falls short (5 % of its net assets where 8 % is due): on the city's alert list
        var city = await app.ClientAsync("city.officer");
        var alerts = await city.GetItemsAsync("/api/v1/charity/yearly?shortOnly=true");
        Assert.Contains(alerts, a => a.GetProperty("organizationName").GetString() == CharityInitializer.FoundationName);

        // 400 by field, nothing saved
        var bad = await county.PostAsJsonAsync("/api/v1/charity/yearly", new { organizationId = centreId, year = 2025, income = -1m, charitableSpending = 10m, managementCost = 1m, totalSpending = 5m, previousYearEndNetAssets = 1m });
        var errors = (await bad.ExpectProblemAsync(400, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "income", "charitableSpending", "previousYearIncome" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        // the centre (a small 社会服务机构) spends 1万 of 3万 net assets (33 %) but not half its previous income of 4万: short
        var r = await (await county.PostAsJsonAsync("/api/v1/charity/yearly", new { organizationId = centreId, year = 2025, income = 50000m, charitableSpending = 10000m, managementCost = 5000m, totalSpending = 20000m, previousYearEndNetAssets = 30000m, previousYearIncome = 40000m })).JsonAsync();
        Assert.Equal("short", r.GetProperty("verdict").GetString());
        Assert.Equal(["income-share"], r.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        await (await county.PostAsJsonAsync("/api/v1/charity/yearly", new { organizationId = centreId, year = 2025, income = 1m, charitableSpending = 1m, managementCost = 0m, totalSpending = 1m, previousYearEndNetAssets = 1m, previousYearIncome = 1m }))
            .ExpectProblemAsync(409, "charity_year_reported");
        Assert.Contains(await (await app.ClientAsync(Centre)).GetItemsAsync("/api/v1/charity/yearly?shortOnly=true"), a => a.GetProperty("year").GetInt32() == 2025);
        Assert.DoesNotContain(await (await app.ClientAsync("beiliu.officer")).GetItemsAsync("/api/v1/charity/yearly"), a => a.GetProperty("organizationId").GetGuid() == centreId);

        // a trust signed 8 days ago and filed today is late (7 days); another county does not see it
        var trust = await (await county.PostAsJsonAsync("/api/v1/charity/trusts", new { name = "测试慈善信托", purpose = "助学", trusteeKind = "trust-company", trusteeName = "某信托公司", settlor = "某企业", property = 500000m, establishedOn = Today.AddDays(-8) })).JsonAsync();
        Assert.True(trust.GetProperty("late").GetBoolean());
        Assert.Equal("450921000000", trust.GetProperty("divisionCode").GetString());
        var onTime = await (await county.PostAsJsonAsync("/api/v1/charity/trusts", new { name = "按期信托", purpose = "助老", trusteeKind = "charity", trusteeName = "玉林市慈善总会", settlor = "某人", property = 1000m, establishedOn = Today.AddDays(-7) })).JsonAsync();
        Assert.False(onTime.GetProperty("late").GetBoolean());
        Assert.DoesNotContain(await (await app.ClientAsync("beiliu.officer")).GetItemsAsync("/api/v1/charity/trusts"), t => t.GetProperty("name").GetString() == "测试慈善信托");
        await (await (await app.ClientAsync(Centre)).PostAsJsonAsync("/api/v1/charity/trusts", new { name = "x" })).ExpectProblemAsync(403, "forbidden");

        // the dashboard renders with its alerts
        var page = await city.GetStringAsync("/charity");
        Assert.Contains(CharityInitializer.FoundationName, page);
    }
}

public sealed class CharityFundsTestsOnSqlite(SqliteApp app) : CharityFundsTests(app), IClassFixture<SqliteApp>;

public sealed class CharityFundsTestsOnPostgres(PostgresApp app) : CharityFundsTests(app), IClassFixture<PostgresApp>;
