using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Community;

/// <summary>A villager the scenario registered: the ID number typed in forms and the public query, the person nominated by id.</summary>
public sealed record ElectionPageVillager(Guid Id, string IdNumber, string Name);

/// <summary>An election the scenario drove: its id, the villagers it registered (first two for 主任, next three for 委员) and the roll's size.</summary>
public sealed record ElectionPageCase(Guid Id, IReadOnlyList<ElectionPageVillager> Villagers, int Voters);

/// <summary>
/// Drives an election through the API as the township clerk (and the county officer for the vetting), as far as a page test needs
/// it: a village of 容州镇 with its own adults registered first (the demo population is thin per village), seats 主任 1 and 委员 2,
/// the vote 25 days ahead; the objection window is passed by moving the fixture's clock 6 days on.
/// </summary>
public static class ElectionPageScenario
{
    public const string Preparing = "preparing";
    public const string RollPublished = "roll-published";
    public const string Vetting = "vetting";
    public const string Voting = "voting";

    private const string Surnames = "覃韦黎莫陆蒙梁封庞邓";
    private const string Given = "明华国强建平志伟秀英丽娟海燕春桂芳德胜家荣";

    public static DateOnly Today(AppFixture app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<Guid> CommitteeAsync(AppFixture app, string village) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<Committee>().IgnoreQueryFilters().Where(c => c.DivisionCode == village).Select(c => c.Id).FirstAsync());

    /// <summary>Adults of the village with names no one else in it has (the count compares names).</summary>
    public static async Task<List<ElectionPageVillager>> VillagersAsync(AppFixture app, string village, int count)
    {
        var admin = await app.ClientAsync("admin");
        var list = new List<ElectionPageVillager>();
        var names = new HashSet<string>();
        while (list.Count < count)
        {
            var name = $"{Surnames[Random.Shared.Next(Surnames.Length)]}{Given[Random.Shared.Next(Given.Length)]}{Given[Random.Shared.Next(Given.Length)]}";
            if (!names.Add(name)) continue;
            var birth = new DateOnly(1965, 1, 1).AddDays(Random.Shared.Next(0, 365 * 30));
            var idNumber = IdNumber.Compose("450921", birth, Random.Shared.Next(1, 999));
            var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = village });
            if (r.StatusCode == HttpStatusCode.Conflict) continue;
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            list.Add(new ElectionPageVillager((await r.JsonAsync()).GetProperty("id").GetGuid(), idNumber, name));
        }
        return list;
    }

    public static async Task<JsonElement> DtoAsync(HttpClient client, Guid id) => await client.GetJsonAsync($"/api/v1/community/elections/{id}");

    public static async Task<JsonElement> StepAsync(HttpClient client, Guid id, string action, Dictionary<string, object?>? fields = null)
    {
        var body = new Dictionary<string, object?>(fields ?? []) { ["version"] = (await DtoAsync(client, id)).GetProperty("version").GetInt32() };
        return await (await client.PostAsJsonAsync($"/api/v1/community/elections/{id}/{action}", body).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
    }

    /// <summary>Starts an election of the village and takes it to <paramref name="until"/> (one of the constants).</summary>
    public static async Task<ElectionPageCase> DriveAsync(AppFixture app, string village, string until)
    {
        var villagers = await VillagersAsync(app, village, 6);
        var committee = await CommitteeAsync(app, village);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var vote = Today(app).AddDays(25);
        var created = await (await clerk.PostAsJsonAsync("/api/v1/community/elections", new
        {
            committeeId = committee,
            year = vote.Year,
            seatsDirector = 1,
            seatsDeputy = 0,
            seatsMember = 2,
            voteDate = Iso(vote),
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = created.GetProperty("id").GetGuid();
        if (until == Preparing) return new(id, villagers, 0);
        foreach (var (name, role) in new[] { ("选委甲", "主任"), ("选委乙", "委员"), ("选委丙", "委员") })
        {
            await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/committee", new { name, role, chosenBy = "村民代表会议", chosenOn = Iso(Today(app)) })
                .EnsureStatus(HttpStatusCode.OK);
        }
        await StepAsync(clerk, id, "register");
        await clerk.PostAsync($"/api/v1/community/elections/{id}/voters/generate", null).EnsureStatus(HttpStatusCode.OK);
        var voters = (await StepAsync(clerk, id, "publish-roll", new() { ["voteDate"] = Iso(vote), ["publishedOn"] = Iso(Today(app)) })).GetProperty("voters").GetInt32();
        if (until == RollPublished) return new(id, villagers, voters);

        // the objection window (5 days from publication) is over on the sixth day; tokens expire on the moved clock: new clients
        app.Clock.Advance(TimeSpan.FromDays(6));
        clerk = await app.ClientAsync("rongzhou.clerk");
        await StepAsync(clerk, id, "open-nomination");
        for (var i = 0; i < 5; i++)
        {
            await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/candidates", new { personId = villagers[i].Id, post = i < 2 ? "director" : "member", nominators = 10 })
                .EnsureStatus(HttpStatusCode.OK);
        }
        await StepAsync(clerk, id, "submit-vetting");
        if (until == Vetting) return new(id, villagers, voters);

        await PassVettingAsync(app, id);
        await StepAsync(clerk, id, "publish-candidates", new() { ["publishedOn"] = Iso(Today(app)) });
        return new(id, villagers, voters);
    }

    /// <summary>Every department of the catalogue passes every candidate still waiting for it (as the county officer).</summary>
    public static async Task PassVettingAsync(AppFixture app, Guid id)
    {
        var county = await app.ClientAsync("rongxian.officer");
        foreach (var c in (await DtoAsync(county, id)).GetProperty("candidates").EnumerateArray())
        {
            foreach (var department in c.GetProperty("missingDepartments").EnumerateArray())
            {
                await county.PostAsJsonAsync($"/api/v1/community/elections/candidates/{c.GetProperty("id").GetGuid()}/checks",
                    new { department = department.GetString(), result = "pass" }).EnsureStatus(HttpStatusCode.OK);
            }
        }
    }
}

/// <summary>
/// The election pages over HTTP (no browser validation: the server's messages beside the fields, what was typed kept, nothing
/// saved): the list starts an election for a committee of the clerk's township and shows the township's progress; the working
/// page registers the election committee, takes the steps with the election's version, draws up the roll (generated, a voter
/// refused, one removed on the voters page), refuses a roll published too late with the date kept, and records and decides an
/// objection in its own row's form; the county's vetting form refuses a 不能 without its category beside that candidate's form; a
/// ballot box is refused and then entered and the count marks the elected with “当选”; the anonymous roll query answers yes or no.
/// Without community.manage no forms and 403.
/// </summary>
public abstract partial class ElectionPageTests(AppFixture app)
{
    private const string Pingpo = "450921100206";
    private const string Lixin = "450921100208";
    private const string Ningchong = "450921100210";
    private const string Dalan = "450921100211";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The message beside a field: a single form's (data-valmsg-for) or, inside <paramref name="scope"/>, a repeated form's.</summary>
    private static string Beside(IHtmlDocument doc, string field, string scope = "") =>
        doc.QuerySelector($"{scope} [data-valmsg-for='{field}'], {scope} [data-error-for='{field}']".Trim())?.TextContent ?? "";

    private static string Summary(IHtmlDocument doc) => doc.QuerySelector(".alert[role=alert]")?.TextContent ?? "";

    private static string Value(IHtmlDocument doc, string selector) => doc.QuerySelector(selector)?.GetAttribute("value") ?? "";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static async Task<IHtmlDocument> ShownAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return Parse(html);
    }

    private static void Redirected(HttpResponseMessage response, string startsWith)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.StartsWith(startsWith, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_starts_an_election_of_the_townships_committee_with_errors_beside_the_fields()
    {
        app.SkipIfUnavailable();
        var committee = await ElectionPageScenario.CommitteeAsync(app, Pingpo);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var html = await clerk.GetStringAsync("/community/elections");
        var doc = Parse(html);
        var token = Token(html);
        Assert.NotNull(doc.QuerySelector($"#start-committee option[value='{committee}']"));
        Assert.Contains("容州镇", doc.QuerySelector("#progress")!.TextContent, StringComparison.Ordinal);
        var vote = ElectionPageScenario.Iso(ElectionPageScenario.Today(app).AddDays(30));
        Dictionary<string, string> Start(string committeeId, string members) => new()
        {
            ["Input.CommitteeId"] = committeeId,
            ["Input.Year"] = "2026",
            ["Input.SeatsDirector"] = "1",
            ["Input.SeatsDeputy"] = "0",
            ["Input.SeatsMember"] = members,
            ["Input.VoteDate"] = vote,
        };

        // no committee: beside the select, the rest as typed; too many seats for a 村委会 (第六条: three to seven)
        doc = await ShownAsync(await PostAsync(clerk, "/community/elections", token, Start("", "2")));
        Assert.Contains("请选择村（居）民委员会", Beside(doc, "Input.CommitteeId"), StringComparison.Ordinal);
        Assert.Equal(vote, Value(doc, "#start-vote"));
        Assert.Equal("2026", Value(doc, "#start-year"));
        doc = await ShownAsync(await PostAsync(clerk, "/community/elections", token, Start(committee.ToString(), "8")));
        Assert.Contains("多于 7 人", Beside(doc, "Input.SeatsMember"), StringComparison.Ordinal);
        Assert.Equal("8", Value(doc, "#start-member"));

        var created = await PostAsync(clerk, "/community/elections", token, Start(committee.ToString(), "2"));
        Redirected(created, "/community/elections/");
        var url = created.Headers.Location!.OriginalString;
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Contains("已启动", doc.QuerySelector(".alert.ok")!.TextContent, StringComparison.Ordinal);
        var step = doc.QuerySelector("#step-bar li[aria-current=step]")!.TextContent;
        Assert.Contains("当前环节", step, StringComparison.Ordinal);
        Assert.Contains("推选选举委员会", step, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#step-register"));
        Assert.NotNull(doc.QuerySelector("#seat-form"));
        var number = doc.QuerySelector("h1 small")!.TextContent.Split(' ')[0];

        // the same committee and year again: the conflict in the summary, not a 500
        doc = await ShownAsync(await PostAsync(clerk, "/community/elections", token, Start(committee.ToString(), "2")));
        Assert.Contains("已在办理", Summary(doc), StringComparison.Ordinal);

        Assert.Contains(number, Parse(await clerk.GetStringAsync("/community/elections?state=preparing&year=2026")).QuerySelector("#elections")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(number, Parse(await clerk.GetStringAsync("/community/elections?year=2025")).QuerySelector("#elections")!.TextContent, StringComparison.Ordinal);
        var wrongDivision = await clerk.GetAsync("/community/elections?division=abc");
        Assert.Contains("区划代码应为12位数字", Summary(await ShownAsync(wrongDivision)), StringComparison.Ordinal);

        // read-only: no forms, and a posted form is forbidden
        var auditor = await app.ClientAsync("auditor");
        html = await auditor.GetStringAsync("/community/elections");
        Assert.Null(Parse(html).QuerySelector("#start-form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, "/community/elections", Token(html), Start(committee.ToString(), "2"))).StatusCode);
        doc = Parse(await auditor.GetStringAsync(url));
        Assert.Null(doc.QuerySelector("#steps form"));
        Assert.Null(doc.QuerySelector("#seat-form"));
    }

    [Fact]
    public async Task The_working_page_draws_up_and_publishes_the_roll_and_decides_an_objection_in_its_own_form()
    {
        app.SkipIfUnavailable();
        var villagers = await ElectionPageScenario.VillagersAsync(app, Lixin, 6);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var id = (await (await clerk.PostAsJsonAsync("/api/v1/community/elections", new
        {
            committeeId = await ElectionPageScenario.CommitteeAsync(app, Lixin),
            year = 2026,
            seatsDirector = 1,
            seatsMember = 2,
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync()).GetProperty("id").GetGuid();
        var url = $"/community/elections/{id}";
        var html = await clerk.GetStringAsync(url);
        var token = Token(html);
        var today = ElectionPageScenario.Iso(ElectionPageScenario.Today(app));

        // the election committee: no name and no date beside the fields, the role kept
        var doc = await ShownAsync(await PostAsync(clerk, url + "?handler=Seat", token, new() { ["Seat.Name"] = "", ["Seat.Role"] = "委员（保留）", ["Seat.ChosenOn"] = "" }));
        Assert.Contains("请填写姓名或身份证号", Beside(doc, "Seat.Name"), StringComparison.Ordinal);
        Assert.Contains("请填写推选日期", Beside(doc, "Seat.ChosenOn"), StringComparison.Ordinal);
        Assert.Equal("委员（保留）", Value(doc, "#seat-role"));
        Assert.Equal("", Value(doc, "#seat-chosenon"));
        foreach (var name in new[] { "选委甲", "选委乙", "选委丙" })
        {
            Redirected(await PostAsync(clerk, url + "?handler=Seat", token, new() { ["Seat.Name"] = name, ["Seat.ChosenBy"] = "村民代表会议", ["Seat.ChosenOn"] = today }), url + "#committee");
        }
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Equal(3, doc.QuerySelectorAll("#committee-members tbody tr").Length);

        // a step posts the version it was shown
        Redirected(await PostAsync(clerk, url + "?handler=Step", token, new() { ["Step.Action"] = "register", ["Step.Version"] = Value(doc, "#step-register input[name='Step.Version']") }), url + "#steps");
        Redirected(await PostAsync(clerk, url + "?handler=Generate", token, []), url + "#roll");
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Contains("已从人员库登记", doc.QuerySelector(".alert.ok")!.TextContent, StringComparison.Ordinal);
        var voters = int.Parse(doc.QuerySelector("#voter-count")!.TextContent, CultureInfo.InvariantCulture);
        Assert.True(voters >= 6, $"{voters} voters");
        Assert.Contains("选民登记", doc.QuerySelector("#step-bar li[aria-current=step]")!.TextContent, StringComparison.Ordinal);

        // a voter by a number that is no ID number: beside it, the group kept
        doc = await ShownAsync(await PostAsync(clerk, url + "?handler=Voter", token, new() { ["Voter.IdNumber"] = "45092112345", ["Voter.Basis"] = "Resident", ["Voter.Group"] = "第三组" }));
        Assert.NotEqual("", Beside(doc, "Voter.IdNumber").Trim());
        Assert.Equal("第三组", Value(doc, "#voter-group"));

        // the voters page: removed before publication with a reason, in the row's own form
        var votersUrl = url + "/voters";
        html = await clerk.GetStringAsync(votersUrl + "?q=" + Uri.EscapeDataString(villagers[5].Name));
        doc = Parse(html);
        var voterId = doc.QuerySelector("#voters input[name='Remove.VoterId']")!.GetAttribute("value")!;
        var formId = "#remove-" + Guid.Parse(voterId).ToString("N");
        doc = await ShownAsync(await PostAsync(clerk, votersUrl, Token(html), new() { ["Remove.VoterId"] = voterId, ["Remove.Reason"] = "" }));
        Assert.Contains("请填写除名原因", Beside(doc, "Remove.Reason", formId), StringComparison.Ordinal);
        Redirected(await PostAsync(clerk, votersUrl, Token(html), new() { ["Remove.VoterId"] = voterId, ["Remove.Reason"] = "已迁出本村" }), votersUrl);
        Assert.Contains("已除名", Parse(await clerk.GetStringAsync(votersUrl + "?q=" + Uri.EscapeDataString(villagers[5].Name))).QuerySelector("#voters")!.TextContent, StringComparison.Ordinal);

        // published too late for the vote day chosen: the conflict in the summary, the dates as typed; then in time
        doc = Parse(await clerk.GetStringAsync(url));
        var version = Value(doc, "#step-publish-roll input[name='Step.Version']");
        var early = ElectionPageScenario.Iso(ElectionPageScenario.Today(app).AddDays(10));
        doc = await ShownAsync(await PostAsync(clerk, url + "?handler=Step", token, new()
        {
            ["Step.Action"] = "publish-roll",
            ["Step.Version"] = version,
            ["Step.VoteDate"] = early,
            ["Step.PublishedOn"] = today,
        }));
        Assert.Contains("最迟应于", Summary(doc), StringComparison.Ordinal);
        Assert.Equal(early, Value(doc, "#step-publish-roll-votedate"));
        var vote = ElectionPageScenario.Iso(ElectionPageScenario.Today(app).AddDays(25));
        Redirected(await PostAsync(clerk, url + "?handler=Step", token, new()
        {
            ["Step.Action"] = "publish-roll",
            ["Step.Version"] = version,
            ["Step.VoteDate"] = vote,
            ["Step.PublishedOn"] = today,
        }), url);
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Contains("选民名单已公布", doc.QuerySelector("#step-bar li[aria-current=step]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("#generate-form"));
        Assert.Contains(today + " 已公布", doc.QuerySelector("#deadlines")!.TextContent, StringComparison.Ordinal);

        // an objection: refused without its reason, then filed and decided in its own row
        doc = await ShownAsync(await PostAsync(clerk, url + "?handler=Objection", token, new()
        {
            ["Objection.Kind"] = "Wrong",
            ["Objection.FiledBy"] = "黎某（本村村民）",
            ["Objection.IdNumber"] = villagers[4].IdNumber,
            ["Objection.Reason"] = "",
            ["Objection.FiledOn"] = today,
        }));
        Assert.Contains("请填写异议理由", Beside(doc, "Objection.Reason"), StringComparison.Ordinal);
        Assert.Equal("黎某（本村村民）", Value(doc, "#objection-filedby"));
        Redirected(await PostAsync(clerk, url + "?handler=Objection", token, new()
        {
            ["Objection.Kind"] = "Wrong",
            ["Objection.FiledBy"] = "黎某（本村村民）",
            ["Objection.IdNumber"] = villagers[4].IdNumber,
            ["Objection.Reason"] = "长期在外，户籍已迁出",
            ["Objection.FiledOn"] = today,
        }), url + "#objections");
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.NotNull(doc.QuerySelector("section#objections"));
        Assert.Contains(villagers[4].Name, doc.QuerySelector("#objection-list")!.TextContent, StringComparison.Ordinal);
        var objectionId = doc.QuerySelector("#objection-list input[name='Decide.ObjectionId']")!.GetAttribute("value")!;
        var decide = "#decide-" + Guid.Parse(objectionId).ToString("N");
        var objectionVersion = Value(doc, decide + " input[name='Decide.Version']");
        doc = await ShownAsync(await PostAsync(clerk, url + "?handler=Decide", token, new()
        {
            ["Decide.ObjectionId"] = objectionId,
            ["Decide.Version"] = objectionVersion,
            ["Decide.Upheld"] = "false",
            ["Decide.Decision"] = "",
            ["Decide.DecidedOn"] = today,
        }));
        Assert.Contains("请填写处理意见", Beside(doc, "Decide.Decision", decide), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(decide + " input[name='Decide.Upheld'][value=false][checked]"));
        Redirected(await PostAsync(clerk, url + "?handler=Decide", token, new()
        {
            ["Decide.ObjectionId"] = objectionId,
            ["Decide.Version"] = objectionVersion,
            ["Decide.Upheld"] = "false",
            ["Decide.Decision"] = "经核实仍在本村居住",
            ["Decide.DecidedOn"] = today,
        }), url + "#objections");
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Contains("异议不成立", doc.QuerySelector("#objection-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(voters - 1, (await ElectionPageScenario.DtoAsync(clerk, id)).GetProperty("voters").GetInt32());
    }

    [Fact]
    public async Task The_county_vets_on_the_page_and_a_ballot_box_entered_there_marks_the_elected()
    {
        app.SkipIfUnavailable();
        var e = await ElectionPageScenario.DriveAsync(app, Dalan, ElectionPageScenario.Vetting);
        var url = $"/community/elections/{e.Id}";
        var county = await app.ClientAsync("rongxian.officer");
        var html = await county.GetStringAsync(url);
        var doc = Parse(html);
        var candidates = (await ElectionPageScenario.DtoAsync(county, e.Id)).GetProperty("candidates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetGuid());
        var first = candidates[e.Villagers[0].Name];
        var check = "#check-" + first.ToString("N");
        Assert.NotNull(doc.QuerySelector(check));
        var department = doc.QuerySelector(check + " select[name='Check.Department'] option[value]:not([value=''])")!.GetAttribute("value")!;

        // 不能 without its category and evidence: beside that candidate's form only, what was chosen kept
        doc = await ShownAsync(await PostAsync(county, url + "?handler=Check", Token(html), new()
        {
            ["Check.CandidateId"] = first.ToString(),
            ["Check.Department"] = department,
            ["Check.Result"] = "MustExclude",
            ["Check.CategoryCode"] = "",
            ["Check.Evidence"] = "",
            ["Check.CheckedOn"] = ElectionPageScenario.Iso(ElectionPageScenario.Today(app)),
        }));
        Assert.Contains("不能确定为候选人", Beside(doc, "Check.CategoryCode", check), StringComparison.Ordinal);
        Assert.Contains("请填写依据", Beside(doc, "Check.Evidence", check), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(check + " select[name='Check.Result'] option[value=MustExclude][selected]"));
        var other = "#check-" + candidates[e.Villagers[1].Name].ToString("N");
        Assert.Equal("", Beside(doc, "Check.CategoryCode", other).Trim());

        // passed on the page by one department, the rest through the API
        Redirected(await PostAsync(county, url + "?handler=Check", Token(html), new()
        {
            ["Check.CandidateId"] = first.ToString(),
            ["Check.Department"] = department,
            ["Check.Result"] = "Pass",
            ["Check.CheckedOn"] = ElectionPageScenario.Iso(ElectionPageScenario.Today(app)),
        }), url + "#candidate-" + first);
        Assert.Contains(department, Parse(await county.GetStringAsync(url)).QuerySelector("#candidates-director")!.TextContent, StringComparison.Ordinal);
        await ElectionPageScenario.PassVettingAsync(app, e.Id);

        // the township has no vetting forms; it publishes the candidates on the page
        var clerk = await app.ClientAsync("rongzhou.clerk");
        html = await clerk.GetStringAsync(url);
        doc = Parse(html);
        var token = Token(html);
        Assert.Null(doc.QuerySelector("form[id^=check-]"));
        Redirected(await PostAsync(clerk, url + "?handler=Step", token, new()
        {
            ["Step.Action"] = "publish-candidates",
            ["Step.Version"] = Value(doc, "#step-publish-candidates input[name='Step.Version']"),
            ["Step.PublishedOn"] = ElectionPageScenario.Iso(ElectionPageScenario.Today(app)),
        }), url);
        doc = Parse(await clerk.GetStringAsync(url));
        Assert.Contains("投票计票", doc.QuerySelector("#step-bar li[aria-current=step]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, doc.QuerySelectorAll("#box-new input[name$='.CandidateId']").Length);

        Dictionary<string, string> Box(int issued, int cast)
        {
            var form = new Dictionary<string, string>
            {
                ["Box.Name"] = "中心会场",
                ["Box.BallotsIssued"] = issued.ToString(CultureInfo.InvariantCulture),
                ["Box.BallotsCast"] = cast.ToString(CultureInfo.InvariantCulture),
                ["Box.InvalidBallots"] = "0",
            };
            // 主任: the first takes every ballot; 委员: the third and fourth every ballot, the fifth none
            var votes = new[] { cast, 0, cast, cast, 0 };
            for (var i = 0; i < 5; i++)
            {
                form[$"Box.Votes[{i}].CandidateId"] = candidates[e.Villagers[i].Name].ToString();
                form[$"Box.Votes[{i}].Votes"] = votes[i].ToString(CultureInfo.InvariantCulture);
            }
            return form;
        }

        // more ballots back than given out: beside the field of the new box's form, the name kept, nothing saved
        doc = await ShownAsync(await PostAsync(clerk, url + "?handler=Box", token, Box(e.Voters - 1, e.Voters)));
        Assert.Contains("收回选票数不能多于发出选票数", Beside(doc, "Box.BallotsCast", "#box-new"), StringComparison.Ordinal);
        Assert.Equal("中心会场", Value(doc, "#box-new-name"));
        Assert.Equal(e.Voters.ToString(CultureInfo.InvariantCulture), Value(doc, "#box-new-cast"));
        Assert.Null(doc.QuerySelector("#tally-round-1"));

        Redirected(await PostAsync(clerk, url + "?handler=Box", token, Box(e.Voters, e.Voters)), url + "#tally");
        doc = Parse(await clerk.GetStringAsync(url));
        var director = doc.QuerySelector("#tally-1-director")!;
        Assert.Contains("当选", director.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(e.Villagers[0].Name, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Contains("未当选", director.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(e.Villagers[1].Name, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal(2, doc.QuerySelector("#tally-1-member")!.QuerySelectorAll("tr").Count(r => r.TextContent.Contains("当选", StringComparison.Ordinal) && !r.TextContent.Contains("未当选", StringComparison.Ordinal)));
        Assert.Contains("选举有效", doc.QuerySelector("#tally-round-1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("form[id^=box-]:not(#box-new) input[name='Box.Version']"));
        Assert.NotNull(doc.QuerySelector("#step-close-vote"));

        // read-only: no box form, and a posted one is forbidden
        var auditor = await app.ClientAsync("auditor");
        html = await auditor.GetStringAsync(url);
        Assert.Null(Parse(html).QuerySelector("#box-new"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, url + "?handler=Box", Token(html), Box(e.Voters, e.Voters))).StatusCode);
    }

    [Fact]
    public async Task The_public_roll_query_answers_yes_or_no_and_refuses_a_wrong_number_beside_the_field()
    {
        app.SkipIfUnavailable();
        var e = await ElectionPageScenario.DriveAsync(app, Ningchong, ElectionPageScenario.RollPublished);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await anonymous.GetStringAsync("/public/community/roll");
        var doc = Parse(html);
        Assert.Equal("text", doc.QuerySelector("#roll-idnumber")!.GetAttribute("inputmode"));
        var token = Token(html);
        var voter = e.Villagers[2];

        doc = await ShownAsync(await PostAsync(anonymous, "/public/community/roll", token, new() { ["Input.IdNumber"] = "4509211234", ["Input.Name"] = voter.Name }));
        Assert.NotEqual("", Beside(doc, "Input.IdNumber").Trim());
        Assert.Equal(voter.Name, Value(doc, "#roll-name"));
        Assert.Null(doc.QuerySelector("#roll-result"));

        doc = await ShownAsync(await PostAsync(anonymous, "/public/community/roll", token, new() { ["Input.IdNumber"] = voter.IdNumber, ["Input.Name"] = voter.Name + "某" }));
        Assert.Contains("未查到", doc.QuerySelector("#roll-result")!.TextContent, StringComparison.Ordinal);

        doc = await ShownAsync(await PostAsync(anonymous, "/public/community/roll", token, new() { ["Input.IdNumber"] = voter.IdNumber.ToLowerInvariant(), ["Input.Name"] = " " + voter.Name }));
        var answer = doc.QuerySelector("#roll-result")!.TextContent;
        Assert.Contains("已登记", answer, StringComparison.Ordinal);
        Assert.Contains("宁冲村", answer, StringComparison.Ordinal);
    }
}

public sealed class ElectionPageTestsOnSqlite(SqliteApp app) : ElectionPageTests(app), IClassFixture<SqliteApp>;

public sealed class ElectionPageTestsOnPostgres(PostgresApp app) : ElectionPageTests(app), IClassFixture<PostgresApp>;
