using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Community;

/// <summary>
/// The committee pages and the module's dashboard (today is 2026-11-30): /community renders for a county officer, a township clerk
/// and the auditor with its blocks and links; 容州镇's clerk sees 新南社区 with its demo members and edits it by the forms — a bad
/// date beside its field with what was typed kept and nothing saved, a stale facts form refused, two consecutive 不称职 reviews
/// ending a 村委会 member's office with the article said — while 杨梅镇's clerk gets 404 and the auditor sees no form and gets 403.
/// </summary>
public abstract partial class CommitteePageTests(AppFixture app)
{
    private const string Xinnan = "450921100003";
    private const string Hongguang = "450921100202";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Beside(IParentNode node, string field) => node.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static async Task<Guid> CommitteeIdAsync(HttpClient client, string village) =>
        (await client.GetItemsAsync($"/api/v1/community/committees?divisionCode={village}")).Single().GetProperty("id").GetGuid();

    private static Task<JsonElement> DtoAsync(HttpClient client, Guid id) => client.GetJsonAsync($"/api/v1/community/committees/{id}");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> form) =>
        await client.PostAsync(url, new FormUrlEncodedContent(form));

    [Fact]
    public async Task A_form_posted_to_a_handler_the_page_does_not_have_is_not_found()
    {
        // the kernel's page filter answers it for every page (a page without the handler would render without its data: a 500);
        // a page with an unnamed OnPost takes such a post itself, as Razor Pages do
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var id = await CommitteeIdAsync(clerk, Xinnan);
        foreach (var url in new[] { "/community", $"/community/committees/{id}", "/divisions" })
        {
            var html = await clerk.GetStringAsync(url);
            var response = await PostAsync(clerk, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=nope", new() { ["__RequestVerificationToken"] = Token(html) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_dashboard_renders_for_county_township_and_auditor_with_its_blocks_and_links()
    {
        app.SkipIfUnavailable();
        foreach (var (account, area) in new[] { ("rongxian.officer", "容州镇"), ("rongzhou.clerk", "容州镇"), ("auditor", "容县") })
        {
            var client = await app.ClientAsync(account);
            var response = await client.GetAsync("/community");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{account}: {response.StatusCode}");
            var doc = Parse(await response.Content.ReadAsStringAsync());
            var links = doc.QuerySelectorAll("#community-parts a").Select(a => a.GetAttribute("href")).ToList();
            foreach (var href in new[] { "/community/committees", "/community/elections", "/community/publicity", "/community/admission", "/community/certificates", "/community/pilots", "/community/capacity", "/public/community/roll" })
                Assert.Contains(href, links);
            // committees by county (by township below the city), each linking to the list of its committees
            var areaLink = doc.QuerySelectorAll("#committees-by-area a").FirstOrDefault(a => a.TextContent == area);
            Assert.True(areaLink is not null, $"{account}: {area} missing from #committees-by-area");
            Assert.StartsWith("/community/committees?divisionCode=", areaLink.GetAttribute("href"), StringComparison.Ordinal);
            // elections by step for this year and the 2021 round, as bar charts linking to the elections of that step
            var rounds = doc.QuerySelectorAll("#election-progress .card").Select(c => c.QuerySelector("h3")!.TextContent).ToList();
            Assert.Equal(["2026 年换届", "2021 年换届"], rounds);
            Assert.Contains(doc.QuerySelectorAll("#election-progress a.hbar-row"), a => a.GetAttribute("href") == "/community/elections?year=2026&state=vetting");
            foreach (var block in new[] { "#vetting", "#publicity", "#certificates", "#pilots" }) Assert.NotNull(doc.QuerySelector(block + " h2 a"));
            Assert.Contains("不能确定为候选人", doc.QuerySelector("#vetting")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_committee_page_shows_the_demo_members_and_is_404_for_another_township()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var id = await CommitteeIdAsync(clerk, Xinnan);
        var dto = await DtoAsync(clerk, id);

        var list = Parse(await clerk.GetStringAsync("/community/committees?divisionCode=450921100000&q=新南"));
        Assert.Contains(list.QuerySelectorAll("#committees a"), a => a.GetAttribute("href") == $"/community/committees/{id}");

        var doc = Parse(await clerk.GetStringAsync($"/community/committees/{id}"));
        Assert.Contains("新南社区", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var members = doc.QuerySelector("#members")!.TextContent;
        var names = dto.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        Assert.True(names.Count >= 3, "the demo gives 新南社区 its members");
        foreach (var name in names) Assert.Contains(name, members, StringComparison.Ordinal);
        Assert.Contains("主任", members, StringComparison.Ordinal);
        Assert.Equal($"/community/elections?divisionCode={Xinnan}", doc.QuerySelector("#elections-link")!.GetAttribute("href"));
        Assert.Equal($"/community/publicity?divisionCode={Xinnan}", doc.QuerySelector("#publicity-link")!.GetAttribute("href"));
        Assert.Equal(dto.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture), doc.QuerySelector("#facts-form input[name='Facts.Version']")!.GetAttribute("value"));
        foreach (var form in new[] { "#member-form", "#audit-form", ".review-form", ".end-form" }) Assert.NotNull(doc.QuerySelector(form));

        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/community/committees/{id}")).StatusCode);
        var token = Token(await yangmei.GetStringAsync("/community/committees"));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(yangmei, $"/community/committees/{id}?handler=Member", new()
        {
            ["__RequestVerificationToken"] = token,
            ["Member.Name"] = "杨梅镇登记的人",
            ["Member.Sex"] = "Male",
            ["Member.Post"] = "Member",
            ["Member.TermFrom"] = "2026-06-01",
        })).StatusCode);
        Assert.Equal(names.Count, (await DtoAsync(clerk, id)).GetProperty("members").GetArrayLength());

        // a post no handler answers is not found, rather than the page rendered without its data
        var clerkToken = Token(await clerk.GetStringAsync($"/community/committees/{id}"));
        foreach (var url in new[] { $"/community/committees/{id}?handler=Nope", $"/community/committees/{id}", "/community", "/community/committees" })
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(clerk, url, new() { ["__RequestVerificationToken"] = clerkToken })).StatusCode);
    }

    [Fact]
    public async Task Forms_show_errors_beside_their_fields_keep_what_was_typed_and_end_an_office_after_two_failures()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var id = await CommitteeIdAsync(clerk, Hongguang);
        var url = $"/community/committees/{id}";
        var page = await clerk.GetStringAsync(url);
        var token = Token(page);
        var before = (await DtoAsync(clerk, id)).GetProperty("members").GetArrayLength();
        var name = "表单测试" + Guid.NewGuid().ToString("N")[..4];
        Dictionary<string, string> Member(string termFrom) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Member.Name"] = name,
            ["Member.Sex"] = "Female",
            ["Member.Ethnicity"] = "壮族",
            ["Member.Post"] = "Member",
            ["Member.Detail"] = "妇女委员",
            ["Member.TermFrom"] = termFrom,
        };

        // a date that is no date: beside the field, as typed, the rest kept, nothing saved
        var bad = await PostAsync(clerk, url + "?handler=Member", Member("2026-13-45"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = Parse(await bad.Content.ReadAsStringAsync());
        Assert.NotEqual("", Beside(doc, "Member.TermFrom").Trim());
        Assert.Equal("2026-13-45", doc.QuerySelector("#member-termfrom")!.GetAttribute("value"));
        Assert.Equal(name, doc.QuerySelector("#member-name")!.GetAttribute("value"));
        Assert.Equal("妇女委员", doc.QuerySelector("#member-detail")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector(".alert[role=alert]"));
        // a date after today: the use case's message beside the field
        var future = await PostAsync(clerk, url + "?handler=Member", Member("2027-01-05"));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        doc = Parse(await future.Content.ReadAsStringAsync());
        Assert.Contains("不能晚于今天", Beside(doc, "Member.TermFrom"), StringComparison.Ordinal);
        Assert.Equal("2027-01-05", doc.QuerySelector("#member-termfrom")!.GetAttribute("value"));
        Assert.Equal(before, (await DtoAsync(clerk, id)).GetProperty("members").GetArrayLength());

        var added = await PostAsync(clerk, url + "?handler=Member", Member("2021-05-10"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var dto = await DtoAsync(clerk, id);
        var member = dto.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);
        var memberId = member.GetProperty("id").GetGuid();
        Assert.Contains(name, Parse(await clerk.GetStringAsync(url)).QuerySelector("#members")!.TextContent, StringComparison.Ordinal);

        // the facts with their version: saved once, then the same version is stale
        var version = dto.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);
        Dictionary<string, string> Facts(string households) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Facts.Households"] = households,
            ["Facts.MinorityGroups"] = "壮族、瑶族",
            ["Facts.MonthlyFinance"] = "false",
            ["Facts.Version"] = version,
        };
        doc = Parse(await (await PostAsync(clerk, url + "?handler=Facts", Facts("很多"))).Content.ReadAsStringAsync());
        Assert.NotEqual("", Beside(doc, "Facts.Households").Trim());
        Assert.Equal("很多", doc.QuerySelector("#facts-households")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, url + "?handler=Facts", Facts("420"))).StatusCode);
        Assert.Equal(420, (await DtoAsync(clerk, id)).GetProperty("households").GetInt32());
        var stale = await PostAsync(clerk, url + "?handler=Facts", Facts("500"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("已被他人修改", Parse(await stale.Content.ReadAsStringAsync()).QuerySelector(".alert[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(420, (await DtoAsync(clerk, id)).GetProperty("households").GetInt32());

        // the end-of-office form of one member: its error beside its own field only
        var noReason = await PostAsync(clerk, url + "?handler=End", new()
        {
            ["__RequestVerificationToken"] = token,
            ["End.MemberId"] = memberId.ToString(),
            ["End.Version"] = member.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["End.EndedOn"] = "2026-11-01",
        });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        doc = Parse(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("离任原因", Beside(doc.QuerySelector($"#end-{memberId}")!, "End.Reason"), StringComparison.Ordinal);
        Assert.Equal("2026-11-01", doc.QuerySelector($"#end-date-{memberId}")!.GetAttribute("value"));
        Assert.Equal(1, doc.QuerySelectorAll("[data-valmsg-for='End.Reason'].field-validation-error").Length);

        // two consecutive 不称职: the second ends the office (第三十三条) and the page says so
        Dictionary<string, string> Review(string year, string on) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Review.MemberId"] = memberId.ToString(),
            ["Review.Year"] = year,
            ["Review.Result"] = "Incompetent",
            ["Review.ReviewedOn"] = on,
            ["Review.Note"] = "村民代表会议",
        };
        var early = await PostAsync(clerk, url + "?handler=Review", Review("2025", "2024-12-20"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        doc = Parse(await early.Content.ReadAsStringAsync());
        Assert.NotEqual("", Beside(doc.QuerySelector($"#review-{memberId}")!, "Review.ReviewedOn").Trim());
        Assert.Equal("2024-12-20", doc.QuerySelector($"#review-date-{memberId}")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, url + "?handler=Review", Review("2025", "2025-12-20"))).StatusCode);
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Contains("第三十三条", doc.QuerySelector($"#review-{memberId}")!.TextContent, StringComparison.Ordinal);
        var second = await PostAsync(clerk, url + "?handler=Review", Review("2026", "2026-11-20"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        doc = Parse(await clerk.GetStringAsync(second.Headers.Location!.OriginalString));
        Assert.Contains("第三十三条", doc.QuerySelector("#office-ended")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, doc.QuerySelector("#office-ended")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector($"#member-{memberId}"));
        Assert.Contains("第三十三条", doc.QuerySelector($"#former-{memberId}")!.TextContent, StringComparison.Ordinal);

        // an audit without its auditor: beside the field; then recorded
        Dictionary<string, string> Audit(string auditor) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Audit.Kind"] = "Departure",
            ["Audit.MemberId"] = memberId.ToString(),
            ["Audit.PeriodFrom"] = "2021-05-10",
            ["Audit.PeriodUntil"] = "2026-11-20",
            ["Audit.AuditedOn"] = "2026-11-25",
            ["Audit.Auditor"] = auditor,
        };
        doc = Parse(await (await PostAsync(clerk, url + "?handler=Audit", Audit(""))).Content.ReadAsStringAsync());
        Assert.Contains("审计机构", Beside(doc, "Audit.Auditor"), StringComparison.Ordinal);
        Assert.Equal("2026-11-25", doc.QuerySelector("#audit-auditedon")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, url + "?handler=Audit", Audit("容州镇农村经济经营管理站"))).StatusCode);
        Assert.Contains((await DtoAsync(clerk, id)).GetProperty("audits").EnumerateArray(), a => a.GetProperty("subject").GetString() == name);
    }

    [Fact]
    public async Task The_auditor_sees_no_form_and_a_post_is_403()
    {
        app.SkipIfUnavailable();
        var auditor = await app.ClientAsync("auditor");
        var id = await CommitteeIdAsync(auditor, Xinnan);
        var url = $"/community/committees/{id}";
        var page = await auditor.GetStringAsync(url);
        var doc = Parse(page);
        Assert.Contains("新南社区", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(doc.QuerySelectorAll("#members tr[id^='member-']"));
        foreach (var form in new[] { "#facts-form", "#member-form", "#audit-form", ".review-form", ".end-form" }) Assert.Null(doc.QuerySelector(form));
        var token = Token(page);
        Assert.NotEqual("", token);
        var before = (await DtoAsync(auditor, id)).GetProperty("members").GetArrayLength();
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, url + "?handler=Member", new()
        {
            ["__RequestVerificationToken"] = token,
            ["Member.Name"] = "审计员登记的人",
            ["Member.Sex"] = "Male",
            ["Member.Post"] = "Member",
            ["Member.TermFrom"] = "2026-06-01",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, url + "?handler=Facts", new() { ["__RequestVerificationToken"] = token, ["Facts.Households"] = "1", ["Facts.Version"] = "0" })).StatusCode);
        Assert.Equal(before, (await DtoAsync(auditor, id)).GetProperty("members").GetArrayLength());
    }
}

public sealed class CommitteePageTestsOnSqlite(SqliteApp app) : CommitteePageTests(app), IClassFixture<SqliteApp>;

public sealed class CommitteePageTestsOnPostgres(PostgresApp app) : CommitteePageTests(app), IClassFixture<PostgresApp>;
