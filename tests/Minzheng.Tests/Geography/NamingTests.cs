using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Geography.Naming;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Tests.Geography;

/// <summary>The filing and announcement deadline rule (地名管理条例 2022 第十三条、第十四条): 15 calendar days from approval, none before 2022-05-01.</summary>
public sealed class NamingDeadlineRuleTests
{
    [Theory]
    [InlineData("2022-05-01", 15, "2022-05-16")]
    [InlineData("2026-11-20", 15, "2026-12-05")]
    [InlineData("2026-12-31", 15, "2027-01-15")]
    [InlineData("2022-04-30", null, null)]
    [InlineData("2020-06-01", null, null)]
    public void Due_is_the_approval_day_plus_the_period_in_force(string approved, int? days, string? due) =>
        Assert.Equal(due is null ? null : DateOnly.Parse(due), NamingDeadlines.Due(DateOnly.Parse(approved), days));

    [Theory]
    [InlineData("2022-05-16", null, "2022-05-16", false)] // the last day itself is in time
    [InlineData("2022-05-16", null, "2022-05-17", true)]
    [InlineData("2022-05-16", "2022-05-17", "2022-06-01", false)] // done (late) is no longer an alert
    [InlineData(null, null, "2026-11-30", false)] // no deadline before 2022-05-01
    public void Overdue_only_after_the_last_day_and_while_not_done(string? due, string? done, string today, bool overdue) =>
        Assert.Equal(overdue, NamingDeadlines.IsOverdue(due is null ? null : DateOnly.Parse(due), done is null ? null : DateOnly.Parse(done), DateOnly.Parse(today)));
}

/// <summary>
/// Naming applications through the API: a street named from proposal to announcement creating the standard name with its
/// approval and announcement; a conflicting proposal blocked at approval and sent back; stale version 409; another county 404;
/// the filing and announcement periods found in the figure book from 2022-05-01 only.
/// </summary>
public abstract partial class NamingTests(AppFixture app)
{
    private const string Rongzhou = "450921100000";
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>A name no other test proposes: three characters of distinct readings, so neither a duplicate nor a homophone of another.</summary>
    private static string Unique(string generic = "路")
    {
        const string readings = "琨璟瑛珩琰瑾璞桦枫柏梧桐杉樟楠槐棠荷兰菊梅竹松霞虹翠碧溪泉潭涛鹏骏德嘉康宁泰";
        return "澄" + string.Concat(Enumerable.Range(0, 3).Select(_ => readings[Random.Shared.Next(readings.Length)])) + generic;
    }

    [Fact]
    public async Task The_periods_are_figures_in_force_from_2022_05_01()
    {
        app.SkipIfUnavailable();
        var (before, after) = await app.WithServicesAsync(sp =>
        {
            var book = sp.GetRequiredService<FigureBook>();
            return Task.FromResult((book.Find(NamingFigures.FilingDays, Rongzhou, new DateOnly(2022, 4, 30)), book.Find(NamingFigures.AnnouncementDays, Rongzhou, new DateOnly(2022, 5, 1))));
        });
        Assert.Null(before);
        Assert.Equal(15, after?.Row.Number);
    }

    [Fact]
    public async Task A_street_is_named_from_proposal_to_announcement()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var beiliu = await app.ClientAsync("beiliu.officer");
        var name = Unique();
        var created = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming",
            proposedName = name,
            category = "street",
            divisionCode = Rongzhou,
            location = "容州镇城东，东起环城路，西至人民路",
            size = "长约800米",
            nature = "城市支路",
            plan = "新建道路命名",
            reasons = "新建道路尚无名称",
            applicant = "容县住房和城乡建设局",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.Equal("submitted", created.GetProperty("state").GetString());
        Assert.False(created.GetProperty("blocked").GetBoolean());
        Assert.StartsWith("DM450921", created.GetProperty("number").GetString());

        // another county: 404, on read and on action
        await beiliu.GetAsync($"/api/v1/place-names/applications/{id}").ExpectProblemAsync(404, "not_found");
        await beiliu.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/review", new { version = 0, opinion = "x" }).ExpectProblemAsync(404, "not_found");

        var a = await Step(officer, id, "review", new { version = created.GetProperty("version").GetInt32(), opinion = "专家论证：名称含义明确，同意", consultationFrom = "2026-10-01", consultationUntil = "2026-10-15" });
        Assert.Equal("consultation", a.GetProperty("state").GetString());
        // stale version
        await officer.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/close-consultation", new { version = 0 }).ExpectProblemAsync(409, "concurrency_conflict");
        a = await Step(officer, id, "close-consultation", new { version = a.GetProperty("version").GetInt32(), opinion = "无异议" });
        a = await Step(officer, id, "approve", new { version = a.GetProperty("version").GetInt32(), approvingAuthority = "容县人民政府", approvalDocument = "容政函〔2026〕88号", approvedOn = "2026-11-20" });
        Assert.Equal("approved", a.GetProperty("state").GetString());
        Assert.Equal("2026-12-05", a.GetProperty("filingDue").GetString());
        Assert.Equal("2026-12-05", a.GetProperty("announcementDue").GetString());
        // both deadlines are the county's tasks until done (the clerk, who may only read, has none)
        var key = Guid.Parse(id!).ToString("N");
        async Task<List<string>> TasksAsync(HttpClient c) => (await c.GetItemsAsync("/api/v1/my/tasks?pageSize=200"))
            .Select(t => t.GetProperty("key").GetString()!).Where(k => k.EndsWith(key, StringComparison.Ordinal)).ToList();
        var tasks = await (await app.ClientAsync("rongxian.officer")).GetItemsAsync("/api/v1/my/tasks?pageSize=200");
        var filing = tasks.Single(t => t.GetProperty("key").GetString() == "geo-filing-" + key);
        Assert.Equal("2026-12-05", filing.GetProperty("deadline").GetString());
        Assert.Contains(tasks, t => t.GetProperty("key").GetString() == "geo-announce-" + key);
        Assert.Empty(await TasksAsync(await app.ClientAsync("rongzhou.clerk")));
        a = await Step(officer, id, "announce", new { version = a.GetProperty("version").GetInt32(), announcedOn = "2026-11-25" });
        Assert.Equal(["geo-filing-" + key], await TasksAsync(await app.ClientAsync("rongxian.officer")));
        Assert.Equal("announced", a.GetProperty("state").GetString());
        var placeId = a.GetProperty("placeNameId").GetString();
        var place = await officer.GetJsonAsync($"/api/v1/place-names/{placeId}");
        Assert.Equal(name, place.GetProperty("name").GetString());
        Assert.Equal("standard", place.GetProperty("status").GetString());
        Assert.Equal("2026-11-20", place.GetProperty("approvedOn").GetString());
        Assert.Equal("容政函〔2026〕88号", place.GetProperty("approvalDocument").GetString());
        Assert.Equal("2026-11-25", place.GetProperty("announcedOn").GetString());
        a = await Step(officer, id, "file", new { version = a.GetProperty("version").GetInt32(), filedOn = "2026-11-30", filedWith = "玉林市人民政府" });
        Assert.Equal("done", a.GetProperty("state").GetString());
        Assert.Empty(a.GetProperty("actions").EnumerateArray());
        Assert.Empty(await TasksAsync(await app.ClientAsync("rongxian.officer")));
    }

    [Fact]
    public async Task A_conflicting_proposal_is_blocked_at_approval_and_sent_back()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var seat = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PlaceName>().IgnoreQueryFilters()
            .Where(n => n.NamedDivisionCode == Xinnan && n.Category == PlaceNameCategory.VillageSeat).Select(n => n.Name).FirstAsync());
        var created = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming",
            proposedName = seat,
            category = "villageSeat",
            divisionCode = Rongzhou,
            location = "容州镇",
            plan = "新设社区驻地命名",
            reasons = "新设社区",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.True(created.GetProperty("blocked").GetBoolean());
        Assert.Contains(created.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("name").GetString() == seat && c.GetProperty("kind").GetString() == "duplicate");

        var a = await Step(officer, id, "review", new { version = created.GetProperty("version").GetInt32(), opinion = "专家论证：与现有地名重名", consultationFrom = "2026-10-01", consultationUntil = "2026-10-15" });
        a = await Step(officer, id, "close-consultation", new { version = a.GetProperty("version").GetInt32() });
        await officer.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/approve", new { version = a.GetProperty("version").GetInt32(), approvalDocument = "容政函〔2026〕89号", approvedOn = "2026-11-20" })
            .ExpectProblemAsync(409, "geo_naming_blocked");
        a = await Step(officer, id, "send-back", new { version = a.GetProperty("version").GetInt32(), opinion = "重名，请重新拟名" });
        Assert.Equal("returned", a.GetProperty("state").GetString());
        a = await Step(officer, id, "resubmit", new { version = a.GetProperty("version").GetInt32(), proposedName = Unique("社区") });
        Assert.Equal("submitted", a.GetProperty("state").GetString());
        Assert.False(a.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task Consultation_cannot_close_before_its_end()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var created = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming",
            proposedName = Unique(),
            category = "street",
            divisionCode = Rongzhou,
            location = "容州镇",
            plan = "命名",
            reasons = "新建道路",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var a = await Step(officer, id, "review", new { version = created.GetProperty("version").GetInt32(), opinion = "同意", consultationFrom = "2026-11-30", consultationUntil = "2026-12-30" });
        await officer.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/close-consultation", new { version = a.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "geo_consultation_open");
        var list = await officer.GetJsonAsync("/api/v1/place-names/applications?state=consultation");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Theory]
    [InlineData("2022-04-30", null)] // the 1986 条例: no period, no deadline
    [InlineData("2022-05-01", "2022-05-16")] // the first day of the 2022 条例
    [InlineData("2026-11-15", "2026-11-30")] // due today (the fixture's clock): not yet overdue
    public async Task The_deadline_is_the_period_in_force_on_the_approval_day(string approved, string? due)
    {
        app.SkipIfUnavailable();
        var on = DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture);
        var (filing, announcement) = await app.WithServicesAsync(sp =>
        {
            var book = sp.GetRequiredService<FigureBook>();
            return Task.FromResult((NamingDeadlines.Due(on, book.Find(NamingFigures.FilingDays, Rongzhou, on)?.Row.Number),
                NamingDeadlines.Due(on, book.Find(NamingFigures.AnnouncementDays, Rongzhou, on)?.Row.Number)));
        });
        var expected = due is null ? (DateOnly?)null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, filing);
        Assert.Equal(expected, announcement);
    }

    [Fact]
    public async Task Overdue_filing_and_announcement_are_listed_and_counted_and_an_approval_before_2022_has_no_deadline()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var late = await Approved(officer, Unique(), "2026-10-01", "2026-10-10", "2026-11-01"); // due 2026-11-16, today 2026-11-30
        Assert.True(late.GetProperty("filingOverdue").GetBoolean());
        Assert.True(late.GetProperty("announcementOverdue").GetBoolean());
        var old = await Approved(officer, Unique(), "2022-03-01", "2022-03-15", "2022-04-01");
        Assert.Equal(JsonValueKind.Null, old.GetProperty("filingDue").ValueKind);
        Assert.False(old.GetProperty("filingOverdue").GetBoolean());
        Assert.Contains("1986年", old.GetProperty("deadlineNote").GetString());

        var overdue = await officer.GetJsonAsync("/api/v1/place-names/applications?overdue=true&pageSize=100");
        var ids = overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(late.GetProperty("id").GetString(), ids);
        Assert.DoesNotContain(old.GetProperty("id").GetString(), ids);
        var alerts = await officer.GetJsonAsync("/api/v1/place-names/applications/alerts");
        Assert.True(alerts.GetProperty("filingOverdue").GetInt32() >= 1);
        Assert.Equal(overdue.GetProperty("total").GetInt32(), alerts.GetProperty("total").GetInt32());

        // filed: no longer a filing alert, still an announcement one
        var filed = await Step(officer, late.GetProperty("id").GetString(), "file", new { version = late.GetProperty("version").GetInt32(), filedOn = "2026-11-30" });
        Assert.False(filed.GetProperty("filingOverdue").GetBoolean());
        Assert.True(filed.GetProperty("announcementOverdue").GetBoolean());

        var page = new HtmlParser().ParseDocument(await officer.GetStringAsync("/geography/applications?overdue=true"));
        Assert.Contains(page.QuerySelectorAll("#applications a"), a => a.TextContent == late.GetProperty("number").GetString());
        Assert.Equal(alerts.GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#naming-alerts .n")!.TextContent.Trim());
        var oldPage = await officer.GetStringAsync($"/geography/applications/{old.GetProperty("id").GetString()}");
        Assert.Contains("1986年《地名管理条例》未规定备案、公告期限", oldPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_apply_show_errors_beside_the_field_show_the_check_and_take_a_step()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var list = await officer.GetStringAsync("/geography/applications");
        var token = TokenPattern().Match(list).Groups[1].Value;
        Assert.NotEmpty(token);
        var name = Unique();
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Kind"] = "Naming",
            ["Input.ProposedName"] = name,
            ["Input.Category"] = "Street",
            ["Input.DivisionCode"] = Rongzhou,
            ["Input.Location"] = "保留我填写的位置",
            ["Input.Reasons"] = "新建道路",
        };
        var refused = await officer.PostAsync("/geography/applications", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("请填写命名、更名方案", doc.QuerySelector("#apply-form [data-valmsg-for='Input.Plan']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("保留我填写的位置", doc.QuerySelector("#Location")!.GetAttribute("value"));

        // a renaming of a name that is not there: beside the current name
        var renaming = new Dictionary<string, string>(form) { ["Input.Kind"] = "Renaming", ["Input.CurrentName"] = "没有这个地名路", ["Input.Plan"] = "更名" };
        doc = new HtmlParser().ParseDocument(await (await officer.PostAsync("/geography/applications", new FormUrlEncodedContent(renaming))).Content.ReadAsStringAsync());
        Assert.Contains("没有名为", doc.QuerySelector("#apply-form [data-valmsg-for='Input.PlaceNameId']")!.TextContent, StringComparison.Ordinal);

        form["Input.Plan"] = "新建道路命名";
        var created = await officer.PostAsync("/geography/applications", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/geography/applications/", url, StringComparison.Ordinal);
        var id = url["/geography/applications/".Length..];
        doc = new HtmlParser().ParseDocument(await officer.GetStringAsync(url));
        Assert.Contains("无重名、同音", doc.QuerySelector("#check-result")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#review-form"));
        Assert.Null(doc.QuerySelector("#approve-form"));

        // a stale form: 409 shown, what was typed kept, nothing done
        var review = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Review.Version"] = "99",
            ["Review.Opinion"] = "专家意见：同意这个名称",
            ["Review.ConsultationFrom"] = "2026-10-01",
            ["Review.ConsultationUntil"] = "2026-10-20",
        };
        var stale = await officer.PostAsync(url + "?handler=Review", new FormUrlEncodedContent(review));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("已被他人修改", staleHtml, StringComparison.Ordinal);
        Assert.Contains("专家意见：同意这个名称", staleHtml, StringComparison.Ordinal);
        Assert.Equal("submitted", (await officer.GetJsonAsync($"/api/v1/place-names/applications/{id}")).GetProperty("state").GetString());

        // no opinion: beside the opinion of its own form
        review["Review.Version"] = (await officer.GetJsonAsync($"/api/v1/place-names/applications/{id}")).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        review["Review.Opinion"] = "";
        doc = new HtmlParser().ParseDocument(await (await officer.PostAsync(url + "?handler=Review", new FormUrlEncodedContent(review))).Content.ReadAsStringAsync());
        Assert.Contains("必须填写意见", doc.QuerySelector("#review-form [data-valmsg-for='Review.Opinion']")!.TextContent, StringComparison.Ordinal);

        review["Review.Opinion"] = "专家意见：同意这个名称";
        var done = await officer.PostAsync(url + "?handler=Review", new FormUrlEncodedContent(review));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("consultation", (await officer.GetJsonAsync($"/api/v1/place-names/applications/{id}")).GetProperty("state").GetString());
        doc = new HtmlParser().ParseDocument(await officer.GetStringAsync(url));
        Assert.NotNull(doc.QuerySelector("#close-form"));

        // another county
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(name, await beiliu.GetStringAsync("/geography/applications"), StringComparison.Ordinal);
        Assert.Contains("/geography/applications", await officer.GetStringAsync("/geography"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renaming_named_by_its_current_name_keeps_the_old_name_as_a_former_name()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var old = Unique("街");
        await officer.PostAsJsonAsync("/api/v1/place-names", new
        {
            name = old,
            category = "street",
            divisionCode = Rongzhou,
            status = "nonStandard",
        }).EnsureStatus(HttpStatusCode.Created);
        var token = TokenPattern().Match(await officer.GetStringAsync("/geography/applications")).Groups[1].Value;
        var renamed = Unique();
        var created = await officer.PostAsync("/geography/applications", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Kind"] = "Renaming",
            ["Input.CurrentName"] = old,
            ["Input.ProposedName"] = renamed,
            ["Input.Category"] = "Street",
            ["Input.DivisionCode"] = Rongzhou,
            ["Input.Location"] = "容州镇",
            ["Input.Plan"] = "不规范地名更名",
            ["Input.Reasons"] = "原名不规范",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString["/geography/applications/".Length..];
        var a = await officer.GetJsonAsync($"/api/v1/place-names/applications/{id}");
        Assert.Equal("renaming", a.GetProperty("kind").GetString());
        Assert.Equal(old, a.GetProperty("formerName").GetString());
        var placeId = a.GetProperty("placeNameId").GetString();

        a = await Step(officer, id, "review", new { version = a.GetProperty("version").GetInt32(), opinion = "同意更名", consultationFrom = "2026-10-01", consultationUntil = "2026-10-15" });
        a = await Step(officer, id, "close-consultation", new { version = a.GetProperty("version").GetInt32() });
        a = await Step(officer, id, "approve", new { version = a.GetProperty("version").GetInt32(), approvalDocument = "容政函〔2026〕91号", approvedOn = "2026-11-20" });
        a = await Step(officer, id, "announce", new { version = a.GetProperty("version").GetInt32(), announcedOn = "2026-11-28" });
        Assert.Equal(placeId, a.GetProperty("placeNameId").GetString());
        var place = await officer.GetJsonAsync($"/api/v1/place-names/{placeId}");
        Assert.Equal(renamed, place.GetProperty("name").GetString());
        Assert.Equal("standard", place.GetProperty("status").GetString());
        Assert.Equal("2026-11-28", place.GetProperty("announcedOn").GetString());
        Assert.Contains(place.GetProperty("formerNames").EnumerateArray(), f => f.GetProperty("name").GetString() == old);
    }

    private static async Task<JsonElement> Approved(HttpClient officer, string name, string from, string until, string approvedOn)
    {
        var a = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming",
            proposedName = name,
            category = "street",
            divisionCode = Rongzhou,
            location = "容州镇",
            plan = "命名",
            reasons = "新建道路",
        }), HttpStatusCode.Created);
        var id = a.GetProperty("id").GetString();
        a = await Step(officer, id, "review", new { version = a.GetProperty("version").GetInt32(), opinion = "同意", consultationFrom = from, consultationUntil = until });
        a = await Step(officer, id, "close-consultation", new { version = a.GetProperty("version").GetInt32() });
        return await Step(officer, id, "approve", new { version = a.GetProperty("version").GetInt32(), approvalDocument = "容政函〔2026〕90号", approvedOn });
    }

    private static async Task<JsonElement> Step(HttpClient client, string? id, string action, object body) =>
        await Send(client.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/{action}", body), System.Net.HttpStatusCode.OK);

    private static async Task<JsonElement> Send(Task<HttpResponseMessage> pending, System.Net.HttpStatusCode status) =>
        await (await pending.EnsureStatus(status)).JsonAsync();
}

public sealed class NamingTestsOnSqlite(SqliteApp app) : NamingTests(app), IClassFixture<SqliteApp>;

public sealed class NamingTestsOnPostgres(PostgresApp app) : NamingTests(app), IClassFixture<PostgresApp>;
