using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Citizen;

/// <summary>Issue 12 items 14 and 15: the home page's counts kept briefly per scope, API docs without outside fonts, the
/// 区划地名 entry marked as what it is, and the division of a new account picked from the tree.</summary>
public abstract partial class StaffPagesTests(AppFixture app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private async Task<HttpClient> StaffAsync(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user));
        return client;
    }

    private static int Households(string html) =>
        int.Parse(new HtmlParser().ParseDocument(html).QuerySelector("a.stat[href='/registry/households'] .n")!.TextContent.Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_city_home_page_keeps_its_counts_for_a_minute_per_scope_and_says_so()
    {
        app.SkipIfUnavailable();
        var city = await StaffAsync("city.officer");
        var first = await city.GetStringAsync("/");
        Assert.Contains("每 60 秒更新", first, StringComparison.Ordinal);
        var before = Households(first);

        // a new household in 新南社区
        var admin = await app.ClientAsync("admin");
        var person = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "黄一户", divisionCode = "450921100003" })).JsonAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = "450921100003", headPersonId = person.GetProperty("id").GetString(), address = "新南社区二巷" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        // within the minute the city's page shows what it counted; another scope counts its own
        Assert.Equal(before, Households(await city.GetStringAsync("/")));
        var county = await StaffAsync("rongxian.officer");
        var countyCount = Households(await county.GetStringAsync("/"));
        Assert.True(countyCount < before + 1);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(before + 1, Households(await city.GetStringAsync("/")));
    }

    [Fact]
    public async Task The_api_documentation_loads_no_fonts_from_outside()
    {
        app.SkipIfUnavailable();
        var response = await app.CreateClient().GetAsync("/scalar");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
        Assert.Matches("\"withDefaultFonts\":\\s*false", html);
    }

    [Fact]
    public async Task The_place_names_entry_is_live_and_leads_there()
    {
        app.SkipIfUnavailable();
        var clerk = await StaffAsync("rongzhou.clerk");
        var home = new HtmlParser().ParseDocument(await clerk.GetStringAsync("/"));
        var row = home.QuerySelectorAll("table tr").Single(r => r.TextContent.Contains("区划地名", StringComparison.Ordinal));
        Assert.Contains("已上线", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("部分上线", row.TextContent, StringComparison.Ordinal);
        var nav = home.QuerySelectorAll("nav a").Single(a => a.TextContent.Contains("区划地名", StringComparison.Ordinal));
        Assert.Equal("/geography", nav.GetAttribute("href"));
        Assert.DoesNotContain("部分上线", nav.TextContent, StringComparison.Ordinal);

        var page = await clerk.GetAsync("/modules/place-names");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/geography", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_administrator_picks_a_new_accounts_division_from_the_tree()
    {
        app.SkipIfUnavailable();
        var admin = await StaffAsync("admin");
        var page = await admin.GetStringAsync("/admin/users");
        var doc = new HtmlParser().ParseDocument(page);
        var picker = doc.QuerySelector("select[name='Input.DivisionCode']");
        Assert.NotNull(picker);
        Assert.Null(doc.QuerySelector("input[name='Input.DivisionCode']"));
        var options = picker!.QuerySelectorAll("option").Select(o => (Code: o.GetAttribute("value"), Name: o.TextContent.Trim())).ToList();
        Assert.Contains(options, o => o.Code == "450921100000" && o.Name == "容州镇");
        Assert.Contains(options, o => o.Code == "450921000000" && o.Name == "容县");
        Assert.NotNull(doc.QuerySelector("select[name='Input.VillageCode']"));

        // a township and one of its villages, as the two selects send them
        var userName = "xn" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", TokenPattern().Match(page).Groups[1].Value),
            new("Input.UserName", userName),
            new("Input.DisplayName", "新南社区新同事"),
            new("Input.DivisionCode", "450921100000"),
            new("Input.VillageCode", "450921100003"),
            new("Input.Password", "Start#2026a"),
            new("Input.Roles", "village-worker"),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var account = new HtmlParser().ParseDocument(await admin.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal("450921100000", account.QuerySelector("select[name='Input.DivisionCode'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("450921100003", account.QuerySelector("select[name='Input.VillageCode'] option[selected]")?.GetAttribute("value"));
    }
}

public sealed class StaffPagesTestsOnSqlite(SqliteApp app) : StaffPagesTests(app), IClassFixture<SqliteApp>;

public sealed class StaffPagesTestsOnPostgres(PostgresApp app) : StaffPagesTests(app), IClassFixture<PostgresApp>;
