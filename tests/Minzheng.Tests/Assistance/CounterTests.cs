using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Assistance;

/// <summary>
/// Issue 12, items 10–12: the clerk's day at the counter. 办理… from the household and person pages (only what the user may
/// start), an application filed at the counter accepted in the same step, the form showing only the chosen program's fields,
/// the investigation saved and submitted from one place with income rows added and removed (also without script), destructive
/// actions asking first, the trial calculation called a trial, village filters, and the proposed amount of a case in notice on
/// the person view.
/// </summary>
public abstract partial class CounterTests(AppFixture app)
{
    private const string Village = HouseholdScenario.Village;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static readonly HtmlParser Parser = new();

    private async Task<HttpClient> PagesAsync(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user));
        return client;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {html}");
        return Parser.ParseDocument(html);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> form)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(pageUrl)).Groups[1].Value;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. form]));
    }

    /// <summary>A household of 新南社区: the head (disabled, grade 2), his wife and a son of nine.</summary>
    private async Task<(Guid Household, Guid Head, Guid Wife, Guid Son)> HouseholdAsync()
    {
        var (head, _) = await HouseholdScenario.PersonAsync(app, "覃国强", new DateOnly(1980, 4, 4));
        var (wife, _) = await HouseholdScenario.PersonAsync(app, "黄秀梅", new DateOnly(1982, 5, 5));
        var (son, _) = await HouseholdScenario.PersonAsync(app, "覃小宝", new DateOnly(2017, 6, 6), account: false);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Persons.SingleAsync(p => p.Id == head)).SetDisability(null, DisabilityCategory.Physical, 2, sp.GetRequiredService<IdentifierProtector>());
            return await db.SaveChangesAsync();
        });
        var admin = await app.ClientAsync("admin");
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = Village,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new[] { new { personId = wife, relation = "spouse" }, new { personId = son, relation = "son" } },
        });
        var household = (await h.EnsureSuccessStatusCode().JsonAsync()).GetProperty("id").GetGuid();
        return (household, head, wife, son);
    }

    private static Dictionary<string, string> Application(Guid household, string program = "Dibao", string channel = "Counter") => new()
    {
        ["HouseholdId"] = household.ToString(),
        ["Program"] = program,
        ["Channel"] = channel,
        ["Reason"] = "户主二级肢体残疾，妻子务农，孩子上学，生活困难。",
        ["ConsentToCheck"] = "true",
    };

    /// <summary>Files an application on the page and returns the case id from the redirect.</summary>
    private async Task<Guid> FileAsync(HttpClient client, Guid household, string program = "Dibao", string channel = "Counter")
    {
        var url = $"/assistance/cases/new?householdId={household}&program={program}";
        var response = await PostAsync(client, url, url, Application(household, program, channel));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<AssistanceCase> CaseAsync(Guid id) => app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceCase>().AsNoTracking()
        .Include(c => c.IncomeItems).SingleAsync(c => c.Id == id));

    [Fact]
    public async Task The_household_and_person_pages_offer_the_programs_the_user_may_start_with_the_household_filled_in()
    {
        app.SkipIfUnavailable();
        var (household, head, _, son) = await HouseholdAsync();
        var clerk = await PagesAsync("rongzhou.clerk");

        var page = await PageAsync(clerk, $"/registry/households/{household}");
        var actions = page.QuerySelectorAll("#start-actions a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal($"/assistance/cases/new?householdId={household}&program=Dibao", actions["办理低保"]);
        Assert.Equal($"/assistance/cases/new?householdId={household}&program=Temporary", actions["办理临时救助"]);
        Assert.Equal($"/assistance/cases/new?householdId={household}&program=ExtremePoverty", actions["办理特困"]);
        // a member's own programs in the member's row: the son's child allowance, the head's disability subsidies
        var links = page.QuerySelectorAll("table a.btn").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("办理儿童保障", $"/children/cases/new?personId={son}"), links);
        Assert.Contains(("办理残疾人补贴", $"/disability?personId={head}#apply"), links);
        Assert.DoesNotContain(("办理儿童保障", $"/children/cases/new?personId={head}"), links);

        // the person page: the head as the applicant
        var person = await PageAsync(clerk, $"/registry/persons/{head}");
        var mine = person.QuerySelectorAll("#start-actions a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal($"/assistance/cases/new?householdId={household}&program=Dibao&applicant={head}", mine["办理低保"]);
        Assert.Equal($"/disability?personId={head}#apply", mine["办理残疾人补贴"]);
        Assert.False(mine.ContainsKey("办理儿童保障"));

        // the application opens with the household and the applicant chosen, no 户编号 to type
        var form = await PageAsync(clerk, mine["办理低保"]!);
        Assert.Equal(household.ToString(), form.QuerySelector("#application input[name=HouseholdId]")?.GetAttribute("value"));
        Assert.Equal(head.ToString(), form.QuerySelector("#Applicant option[selected]")?.GetAttribute("value"));
        Assert.Null(form.QuerySelector("input[name=HouseholdNumber]"));
        // disability and children: their own forms, the person filled in
        var disability = await PageAsync(clerk, $"/disability?personId={head}");
        Assert.Equal(head.ToString(), disability.QuerySelector("#apply input[name='Input.PersonId']")?.GetAttribute("value"));
        Assert.Equal("覃国强", disability.QuerySelector("#chosen-person")?.TextContent.Trim());
        var child = await PageAsync(clerk, $"/children/cases/new?personId={son}");
        Assert.Equal(son.ToString(), child.QuerySelector("input[name='Input.ChildPersonId']")?.GetAttribute("value"));

        // the approver may not start an application: no 办理 on the same pages
        var approver = await PagesAsync("rongzhou.approver");
        Assert.Empty((await PageAsync(approver, $"/registry/households/{household}")).QuerySelectorAll("#start-actions a, table a.btn"));
        Assert.Empty((await PageAsync(approver, $"/registry/persons/{head}")).QuerySelectorAll("#start-actions a"));
    }

    [Fact]
    public async Task The_application_form_shows_only_the_chosen_programs_fields_and_the_server_still_checks_them()
    {
        app.SkipIfUnavailable();
        var (household, _, _, _) = await HouseholdAsync();
        var clerk = await PagesAsync("rongzhou.clerk");
        var dibao = await PageAsync(clerk, $"/assistance/cases/new?householdId={household}&program=Dibao");
        Assert.NotNull(dibao.QuerySelector("#application [name=SinglePersonGround]"));
        Assert.Null(dibao.QuerySelector("#application [name=TemporaryType]"));
        Assert.Null(dibao.QuerySelector("#application [name=RequestedAmount]"));
        var temporary = await PageAsync(clerk, $"/assistance/cases/new?householdId={household}&program=Temporary");
        Assert.NotNull(temporary.QuerySelector("#application [name=TemporaryType]"));
        Assert.NotNull(temporary.QuerySelector("#application [name=RequestedAmount]"));
        Assert.Null(temporary.QuerySelector("#application [name=SinglePersonGround]"));
        Assert.Null(temporary.QuerySelector("#application [name=SinglePersonId]"));
        // after the household is found the focus is on the form's first field, not back in the lookup box
        Assert.NotNull(temporary.QuerySelector("#application #Channel[autofocus]"));

        // temporary assistance without its type: refused beside the field, nothing saved
        var url = $"/assistance/cases/new?householdId={household}&program=Temporary";
        var refused = await PostAsync(clerk, url, url, Application(household, "Temporary"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("请选择急难型或支出型", Parser.ParseDocument(html).QuerySelector("[data-valmsg-for=TemporaryType]")?.TextContent.Trim());
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceCase>().AnyAsync(c => c.HouseholdId == household)));
    }

    [Fact]
    public async Task An_application_filed_at_the_counter_is_accepted_in_the_same_step_and_the_workflow_records_both()
    {
        app.SkipIfUnavailable();
        var (household, _, _, _) = await HouseholdAsync();
        var clerk = await PagesAsync("rongzhou.clerk");
        var id = await FileAsync(clerk, household);
        var c = await CaseAsync(id);
        Assert.Equal((AssistanceProcesses.Investigating, Channel.Counter), (c.State, c.Channel));
        Assert.NotNull(c.AcceptedOn);
        var events = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowCaseEvents.AsNoTracking()
            .Where(e => e.CaseId == c.WorkflowCaseId).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.ToState).ToListAsync());
        Assert.Equal([AssistanceProcesses.Submitted, AssistanceProcesses.Investigating], events);
        var documents = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceDocument>().Where(d => d.CaseId == id).Select(d => d.Title).ToListAsync());
        Assert.Contains("受理通知书", documents);

        // filed by the village on the household's behalf: the township still accepts it
        var (other, _, _, _) = await HouseholdAsync();
        var worker = await PagesAsync("xinnan.worker");
        var form = await PageAsync(worker, $"/assistance/cases/new?householdId={other}&program=Dibao");
        Assert.Null(form.QuerySelector("#Channel option[value=Counter]"));
        var villageCase = await CaseAsync(await FileAsync(worker, other, channel: "Village"));
        Assert.Equal(AssistanceProcesses.Submitted, villageCase.State);

        // the API: acceptAtCounter only with the counter channel
        var api = await app.ClientAsync("rongzhou.clerk");
        var bad = await api.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "Temporary", householdId = other, channel = "Village", reason = "急病住院", consentToCheck = true, temporaryType = "Urgent", acceptAtCounter = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("acceptAtCounter", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_investigation_saves_a_draft_or_saves_and_submits_from_one_form_with_income_rows_added_and_removed()
    {
        app.SkipIfUnavailable();
        var (household, head, wife, son) = await HouseholdAsync();
        var clerk = await PagesAsync("rongzhou.clerk");
        var id = await FileAsync(clerk, household);
        var url = $"/assistance/cases/{id}";

        var page = await PageAsync(clerk, url);
        // no fixed number of blank rows: one to start with; the trial calculation is called a trial
        Assert.Single(page.QuerySelectorAll("#income-rows tbody tr"));
        Assert.Contains("试算（按目前录入的数据，非认定结论）", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("符合条件", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // the investigation form submits itself: the actions card does not offer 提交调查结果 a second time
        Assert.Null(page.QuerySelector("form input[name=action][value=submit-investigation]"));

        var version = (await CaseAsync(id)).Version;
        List<KeyValuePair<string, string>> Form(params (string Category, string Amount, Guid? Earner)[] income)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("Investigation.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Investigation.InvestigatedOn", "2026-11-30"),
                new("Investigation.Investigators", "黄志明、陈丽娟"),
                new("Investigation.VisitRecord", "入户查看住房和生活情况。"),
                new("Investigation.EconomicCheck", "Passed"),
                new("Investigation.Houses", "1"),
            };
            foreach (var (m, i) in new[] { head, wife, son }.Select((m, i) => (m, i)))
            {
                form.Add(new($"Investigation.Members[{i}].PersonId", m.ToString()));
                form.Add(new($"Investigation.Members[{i}].Included", "true"));
            }
            foreach (var ((category, amount, earner), i) in income.Select((x, i) => (x, i)))
            {
                form.Add(new($"Investigation.Income[{i}].PersonId", earner?.ToString() ?? ""));
                form.Add(new($"Investigation.Income[{i}].Category", category));
                form.Add(new($"Investigation.Income[{i}].MonthlyAmount", amount));
            }
            return form;
        }

        // without script: 添加一行 and 删除 redraw the form, saving nothing
        var added = await PostAsync(clerk, url, url + "?handler=Investigation", [.. Form(("wage", "300", head), ("transfer", "100", null)), new("addRow", "1")]);
        var addedPage = Parser.ParseDocument(await added.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(3, addedPage.QuerySelectorAll("#income-rows tbody tr").Length);
        Assert.Equal("transfer", addedPage.QuerySelector("select[name='Investigation.Income[1].Category'] option[selected]")?.GetAttribute("value"));
        var removed = await PostAsync(clerk, url, url + "?handler=Investigation", [.. Form(("wage", "300", head), ("transfer", "100", null)), new("removeRow", "0")]);
        var removedPage = Parser.ParseDocument(await removed.Content.ReadAsStringAsync());
        Assert.Single(removedPage.QuerySelectorAll("#income-rows tbody tr"));
        Assert.Equal("transfer", removedPage.QuerySelector("select[name='Investigation.Income[0].Category'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(head.ToString(), addedPage.QuerySelector("select[name='Investigation.Income[0].PersonId'] option[selected]")?.GetAttribute("value"));

        // income per member: someone outside the household is refused beside the row, nothing saved
        var stranger = await PostAsync(clerk, url, url + "?handler=Investigation", [.. Form(("wage", "300", head), ("transfer", "100", Guid.NewGuid())), new("submit", "false")]);
        var strangerPage = Parser.ParseDocument(await stranger.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Contains("收入人须是本申请的家庭成员", strangerPage.QuerySelector("#income-rows tbody tr:nth-child(2)")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal((version, 0), ((await CaseAsync(id)).Version, (await CaseAsync(id)).IncomeItems.Count));

        // 保存草稿: saved, still in investigation
        var draft = await PostAsync(clerk, url, url + "?handler=Investigation", [.. Form(("wage", "300", head), ("transfer", "100", null)), new("submit", "false")]);
        Assert.True(draft.StatusCode == HttpStatusCode.Redirect, await draft.Content.ReadAsStringAsync());
        var saved = await CaseAsync(id);
        Assert.Equal((AssistanceProcesses.Investigating, 2), (saved.State, saved.IncomeItems.Count));
        Assert.Equal(head, saved.IncomeItems.Single(i => i.Category == "wage").PersonId);
        Assert.Null(saved.IncomeItems.Single(i => i.Category == "transfer").PersonId);

        // 保存并提交审核: saved and handed to the township's review in the same post
        version = saved.Version;
        var submitted = await PostAsync(clerk, url, url + "?handler=Investigation", [.. Form(("wage", "300", wife)), new("submit", "true")]);
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var reviewing = await CaseAsync(id);
        Assert.Equal((AssistanceProcesses.Reviewing, 1), (reviewing.State, reviewing.IncomeItems.Count));
        Assert.Equal(wife, reviewing.IncomeItems.Single().PersonId);
    }

    [Fact]
    public async Task Destructive_actions_are_secondary_buttons_that_ask_for_confirmation()
    {
        app.SkipIfUnavailable();
        var (household, _, _, _) = await HouseholdAsync();
        var id = await FileAsync(await PagesAsync("xinnan.worker"), household, channel: "Village");
        var page = await PageAsync(await PagesAsync("rongzhou.clerk"), $"/assistance/cases/{id}");
        IElement FormOf(string action) => page.QuerySelector($"form input[name=action][value={action}]")!.Closest("form")!;
        foreach (var action in new[] { "not-accept", "record-withdrawal" })
        {
            var form = FormOf(action);
            Assert.False(string.IsNullOrEmpty(form.GetAttribute("data-confirm")), action);
            var button = form.QuerySelector("button[type=submit]")!;
            Assert.DoesNotContain("primary", button.ClassList);
            Assert.Contains("destructive", button.ClassList);
        }
        var accept = FormOf("accept");
        Assert.True(string.IsNullOrEmpty(accept.GetAttribute("data-confirm"))); // site.js asks only for a non-empty message
        Assert.Contains("primary", accept.QuerySelector("button")!.ClassList);
    }

    [Fact]
    public async Task A_review_concluded_with_suspension_or_termination_asks_for_confirmation()
    {
        app.SkipIfUnavailable();
        var (household, _, _, _) = await HouseholdAsync();
        var c = await HouseholdScenario.ActiveDibaoAsync(app, household, 300m);
        await HouseholdScenario.AsAsync(app, HouseholdScenario.AssistanceStaff, sp => sp.GetRequiredService<Web.Modules.Assistance.Reviews.ReviewService>().ReportChangeAsync(c.Id, "户主外出务工，收入增加"));
        var page = await PageAsync(await PagesAsync("rongzhou.approver"), "/assistance/reviews");
        var row = page.QuerySelectorAll("tr").First(r => r.TextContent.Contains("户主外出务工，收入增加", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(row.QuerySelector("option[value=Terminate]")?.GetAttribute("data-confirm")));
        Assert.False(string.IsNullOrEmpty(row.QuerySelector("option[value=Suspend]")?.GetAttribute("data-confirm")));
        Assert.True(string.IsNullOrEmpty(row.QuerySelector("option[value=Continue]")?.GetAttribute("data-confirm")));
    }

    [Fact]
    public async Task List_filters_offer_the_villages_under_the_users_township()
    {
        app.SkipIfUnavailable();
        var clerk = await PagesAsync("rongzhou.clerk");
        foreach (var (url, field) in new[] { ("/assistance/cases", "DivisionCode"), ("/registry/persons", "DivisionCode"), ("/registry/households", "DivisionCode"), ("/registry/organizations", "divisionCode") })
        {
            var options = (await PageAsync(clerk, url)).QuerySelectorAll($"select#{field} option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Contains("450921100000", options); // 容州镇 itself
            Assert.Contains(Village, options); // 新南社区, one of its villages
            Assert.DoesNotContain("450921102001", options); // not another township's village
        }
        // a county officer sees the villages of the township chosen
        var officer = await PagesAsync("rongxian.officer");
        var county = (await PageAsync(officer, "/assistance/cases?DivisionCode=450921100000")).QuerySelectorAll("select#DivisionCode option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(Village, county);
    }

    [Fact]
    public async Task The_person_view_shows_the_proposed_amount_and_the_notice_end_of_a_case_in_notice()
    {
        app.SkipIfUnavailable();
        var (household, head, _, _) = await HouseholdAsync();
        Task<AssistanceCase> Act(Func<IServiceProvider, Task<AssistanceCase>> step) => HouseholdScenario.AsAsync(app, HouseholdScenario.AssistanceStaff, step);
        var c = await Act(sp => sp.GetRequiredService<ApplyForAssistance>().RunAsync(new ApplyInput
        {
            Program = AssistanceProgram.Dibao,
            HouseholdId = household,
            Reason = "生活困难",
            ConsentToCheck = true,
        }));
        c = await Act(sp => sp.GetRequiredService<AssistanceCases>().PerformAsync(c.Id, "accept", new ActionInput { Version = c.Version }));
        c = await Act(sp => sp.GetRequiredService<RecordInvestigation>().RunAsync(c.Id, new InvestigationInput
        {
            InvestigatedOn = c.AppliedOn,
            Investigators = "黄志明、陈丽娟",
            VisitRecord = "入户查看。",
            EconomicCheck = EconomicCheck.Passed,
            Members = [.. c.Members.Select(m => new MemberFacts(m.PersonId))],
            Income = [new IncomeInput("wage", "务工", 300m)],
            Houses = 1,
            Version = c.Version,
        }));
        c = await Act(sp => sp.GetRequiredService<AssistanceCases>().PerformAsync(c.Id, "submit-investigation", new ActionInput { Version = c.Version }));
        c = await Act(sp => sp.GetRequiredService<AssistanceCases>().PerformAsync(c.Id, "propose-approve", new ActionInput { Version = c.Version }));
        Assert.Equal(AssistanceProcesses.Notice, c.State);

        var page = await PageAsync(await PagesAsync("rongzhou.clerk"), $"/registry/persons/{head}");
        var row = page.QuerySelectorAll(".person-panel tr").Single(r => r.TextContent.Contains(c.Number, StringComparison.Ordinal));
        Assert.Contains($"公示中：拟核定金额 {c.ProposedAmount.ToYuanString()}/月，公示至 {c.NoticeTo:yyyy-MM-dd}", row.TextContent, StringComparison.Ordinal);
        Assert.True(c.ProposedAmount.Fen > 0);
    }
}

public sealed class CounterTestsOnSqlite(SqliteApp app) : CounterTests(app), IClassFixture<SqliteApp>;

public sealed class CounterTestsOnPostgres(PostgresApp app) : CounterTests(app), IClassFixture<PostgresApp>;
