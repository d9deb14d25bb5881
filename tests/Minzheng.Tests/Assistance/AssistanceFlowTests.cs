using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Assistance;

/// <summary>
/// Dibao, extreme-poverty and temporary cases walked end to end over the API with the demo roles
/// (citizen online, xinnan.worker, rongzhou.clerk, rongzhou.approver, rongxian.officer), on SQLite and PostgreSQL.
/// </summary>
public abstract class AssistanceFlowTests(AppFixture app)
{
    private const string Xinnan = "450921100003"; // 容州镇 新南社区 (urban; the demo urban standard is 800 from 2023)
    private static int _phone = Random.Shared.Next(1000, 9000) * 1000;

    private DateOnly Today => app.Services.GetRequiredService<BusinessClock>().Today;

    private async Task<(string HouseholdId, string HeadId, string HeadIdNumber, string HeadName)> HouseholdAsync(int headAge = 40, bool single = false)
    {
        var admin = await app.ClientAsync("admin");
        var birthYear = Today.Year - headAge;
        async Task<string> Person(string name, Sex sex, int year, string? id = null)
        {
            id ??= IdNumber.Compose("450102", new DateOnly(year, 3, 1 + Random.Shared.Next(0, 27)), Random.Shared.Next(0, 499) * 2 + (sex == Sex.Male ? 1 : 0));
            var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name, divisionCode = Xinnan });
            if (r.StatusCode == HttpStatusCode.Conflict) return await Person(name, sex, year);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var json = await r.JsonAsync();
            return json.GetProperty("id").GetString()! + "|" + id;
        }
        var head = (await Person("覃建国", Sex.Male, birthYear)).Split('|');
        var members = new List<object>();
        if (!single)
        {
            members.Add(new { personId = (await Person("黄丽芳", Sex.Female, birthYear + 2)).Split('|')[0], relation = "spouse" });
            members.Add(new { personId = (await Person("覃小宝", Sex.Male, Today.Year - 10)).Split('|')[0], relation = "son" });
        }
        var h = await (await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Xinnan, headPersonId = head[0], address = "容州镇新南社区", members })).JsonAsync();
        return (h.GetProperty("id").GetString()!, head[0], head[1], "覃建国");
    }

    private static async Task<JsonElement> Act(HttpClient client, JsonElement c, string action, string? opinion = null, int expect = 200, string? code = null, decimal? amount = null)
    {
        var r = await client.PostAsJsonAsync($"/api/v1/assistance/cases/{c.GetProperty("id").GetString()}/actions/{action}",
            new { opinion, version = c.GetProperty("version").GetInt32(), amount });
        if (expect != 200)
        {
            await r.ExpectProblemAsync(expect, code!);
            return c;
        }
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task<JsonElement> Investigate(HttpClient client, JsonElement c, decimal income, string check = "passed", string[]? unable = null, decimal? requested = null)
    {
        var r = await client.PutAsJsonAsync($"/api/v1/assistance/cases/{c.GetProperty("id").GetString()}/investigation", new
        {
            investigatedOn = c.GetProperty("appliedOn").GetString(),
            investigators = "黄志明、陈丽娟",
            visitRecord = "入户查看住房和生活情况，核实家庭人口与收入。",
            economicCheck = check,
            income = new[] { new { category = "wage", description = "务工", monthlyAmount = income }, new { category = "excluded", description = "奖励扶助金", monthlyAmount = 80m } },
            houses = 1,
            selfCareUnable = unable,
            supportForm = unable is null ? null : "dispersed",
            requestedAmount = requested,
            version = c.GetProperty("version").GetInt32(),
        });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"investigation: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private async Task<JsonElement> CaseAsync(HttpClient client, string id) => await client.GetJsonAsync($"/api/v1/assistance/cases/{id}");

    private async Task<(HttpClient Citizen, string Phone)> CitizenAsync(string idNumber, string name)
    {
        var phone = "139" + Interlocked.Increment(ref _phone).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var anonymous = app.CreateClient();
        var wrongName = await anonymous.PostAsJsonAsync("/api/v1/citizen/register", new { idNumber, name = "冒名", phone, password = "Citizen#2026" });
        await wrongName.ExpectProblemAsync(400, "citizen_not_verified");
        var reg = await anonymous.PostAsJsonAsync("/api/v1/citizen/register", new { idNumber, name, phone, password = "Citizen#2026" });
        Assert.True(reg.StatusCode == HttpStatusCode.Created, await reg.Content.ReadAsStringAsync());
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "Citizen#2026" })).JsonAsync();
        var citizen = app.CreateClient();
        citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return (citizen, phone);
    }

    [Fact]
    public async Task An_online_application_goes_through_an_objection_to_township_confirmation()
    {
        app.SkipIfUnavailable();
        var (_, _, headId, headName) = await HouseholdAsync();
        var (citizen, phone) = await CitizenAsync(headId, headName);
        var applied = await citizen.PostAsJsonAsync("/api/v1/citizen/applications", new { program = "dibao", reason = "丈夫患病，收入低。", consentToCheck = true });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var id = (await applied.JsonAsync()).GetProperty("id").GetString()!;
        await (await citizen.GetAsync("/api/v1/persons")).ExpectProblemAsync(403, "forbidden"); // citizens see only their own applications

        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var c = await CaseAsync(clerk, id);
        Assert.Equal("online", c.GetProperty("channel").GetString());
        await Act(approver, c, "accept", expect: 403, code: "workflow_forbidden"); // the approver does not accept applications
        c = await Act(clerk, c, "accept");
        Assert.Equal("investigating", c.GetProperty("state").GetString());
        var calendar = app.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(calendar.AddWorkingDays(Today, 30).ToString("yyyy-MM-dd"), c.GetProperty("caseDueDate").GetString()); // 57号: 30 working days
        await Act(clerk, c, "submit-investigation", expect: 409, code: "investigation_missing");
        c = await Investigate(clerk, c, income: 600);
        c = await Act(clerk, c, "submit-investigation");
        c = await Act(approver, c, "propose-approve");
        Assert.Equal("notice", c.GetProperty("state").GetString());
        // the 公示中 list shows when the notice ends, and the applicant's name opens the case (issue 12, item 12)
        var noticeTo = DateOnly.Parse(c.GetProperty("noticeTo").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var list = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await approver.GetStringAsync("/assistance/cases?state=notice&pageSize=200"));
        var row = list.QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains(c.GetProperty("number").GetString()!, StringComparison.Ordinal));
        Assert.Contains($"（至 {noticeTo:MM-dd}）", row.TextContent, StringComparison.Ordinal);
        Assert.All(row.QuerySelectorAll("a").Take(2), a => Assert.Equal($"/assistance/cases/{c.GetProperty("id").GetString()}", a.GetAttribute("href")));

        // the public notice: masked name, size and amount, no ID number and no income
        var notice = await app.CreateClient().GetJsonAsync($"/api/v1/public/notices/{Xinnan}");
        var text = notice.ToString();
        Assert.Contains("覃*国", text, StringComparison.Ordinal);
        Assert.DoesNotContain(headId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(headId[..10], text, StringComparison.Ordinal);
        Assert.DoesNotContain("600", text, StringComparison.Ordinal);
        var page = await app.CreateClient().GetStringAsync($"/public/notice/{Xinnan}");
        Assert.Contains("覃*国", page, StringComparison.Ordinal);
        Assert.DoesNotContain("覃建国", page, StringComparison.Ordinal);

        // an objection sends it back for investigation; then review and a new notice
        c = await Act(clerk, c, "objection", "村民反映其家中有经营性车辆。");
        Assert.Equal("investigating", c.GetProperty("state").GetString());
        Assert.Single(c.GetProperty("objections").EnumerateArray());
        c = await Investigate(clerk, c, income: 600);
        c = await Act(clerk, c, "submit-investigation");
        c = await Act(approver, c, "propose-approve");
        await Act(approver, c, "notice-ended", expect: 409, code: "notice_not_ended");

        app.Clock.Advance(TimeSpan.FromDays(8));
        approver = await app.ClientAsync("rongzhou.approver");
        c = await Act(approver, c, "notice-ended");
        c = await Act(approver, c, "confirm-township");
        Assert.Equal("filing", c.GetProperty("state").GetString());
        // 800 × 3 − 600 + 10 % of 800 for the child (demo figures)
        Assert.True(c.GetProperty("monthlyAmount").GetDecimal() == 1880m, c.GetProperty("amountLines").ToString() + c.GetProperty("members").ToString());
        var nextMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        Assert.Equal(nextMonth.ToString("yyyy-MM-dd"), c.GetProperty("paymentStartMonth").GetString());
        Assert.Contains(c.GetProperty("amountLines").EnumerateArray(), l => l.GetProperty("basis").GetString()!.Contains("演示数据", StringComparison.Ordinal));
        var titles = c.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.Contains("受理通知书", titles);
        Assert.Contains("公示名单", titles);
        Assert.Contains("确认通知书", titles);
        c = await Act(approver, c, "file");
        Assert.Equal("active", c.GetProperty("state").GetString());

        citizen = await CitizenSignInAsync(phone); // the fake clock moved past the first token's hour
        var mine = await citizen.GetItemsAsync("/api/v1/citizen/applications");
        var entry = mine.Single(x => x.GetProperty("id").GetString() == id);
        Assert.Equal("active", entry.GetProperty("state").GetString());
        Assert.Equal(1880m, entry.GetProperty("monthlyAmount").GetDecimal());
    }

    private async Task<HttpClient> CitizenSignInAsync(string phone)
    {
        var token = await (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "Citizen#2026" })).JsonAsync();
        var citizen = app.CreateClient();
        citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return citizen;
    }

    [Fact]
    public async Task A_refusal_carries_written_reasons_and_puts_a_marginal_household_on_the_watch_list()
    {
        app.SkipIfUnavailable();
        var (householdId, _, _, _) = await HouseholdAsync();
        var worker = await app.ClientAsync("xinnan.worker");
        var created = await worker.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "dibao", householdId, channel = "village", reason = "村委会代为申请。", consentToCheck = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.JsonAsync();
        await Act(worker, c, "accept", expect: 403, code: "workflow_forbidden");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        c = await Act(clerk, c, "accept");
        c = await Investigate(clerk, c, income: 3000); // per capita 1000: above 800, below 1.5 × 800
        c = await Act(clerk, c, "submit-investigation");
        await Act(approver, c, "propose-approve", expect: 409, code: "not_eligible");
        c = await Act(approver, c, "propose-refuse", "家庭人均月收入高于当地低保标准。");
        await Act(approver, c, "confirm-township", expect: 409, code: "refusal_proposed");
        await Act(approver, c, "refuse-township", expect: 400, code: "validation_failed"); // written reasons are required
        c = await Act(approver, c, "refuse-township", "家庭人均月收入1000元，高于低保标准800元（社会救助暂行办法第九条）。");
        Assert.Equal("refused", c.GetProperty("state").GetString());
        Assert.Contains("第九条", c.GetProperty("refusalReasons").GetString(), StringComparison.Ordinal);
        Assert.Contains(c.GetProperty("documents").EnumerateArray(), d => d.GetProperty("title").GetString() == "不予确认告知书");

        var watch = await clerk.GetItemsAsync("/api/v1/assistance/watch");
        Assert.Contains(watch, w => w.GetProperty("householdId").GetString() == householdId
            && w.GetProperty("grounds").EnumerateArray().Any(g => g.GetString()!.Contains("低保边缘", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_relative_of_cadres_is_confirmed_only_by_the_county_after_its_home_visit()
    {
        app.SkipIfUnavailable();
        var (householdId, _, _, _) = await HouseholdAsync();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var county = await app.ClientAsync("rongxian.officer");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new
        {
            program = "dibao",
            householdId,
            channel = "counter",
            reason = "窗口申请。",
            consentToCheck = true,
            flaggedRelative = true,
            flaggedDetail = "申请人之兄为本社区居委会主任",
        })).JsonAsync();
        Assert.True(c.GetProperty("flaggedRelative").GetBoolean());
        c = await Act(clerk, c, "accept");
        c = await Investigate(clerk, c, income: 900);
        c = await Act(clerk, c, "submit-investigation");
        c = await Act(approver, c, "propose-approve");
        app.Clock.Advance(TimeSpan.FromDays(8));
        approver = await app.ClientAsync("rongzhou.approver");
        county = await app.ClientAsync("rongxian.officer");
        c = await Act(approver, c, "notice-ended");
        await Act(approver, c, "confirm-township", expect: 403, code: "county_only");
        await Act(county, c, "confirm-county", expect: 409, code: "county_visit_required");
        var visit = await county.PostAsJsonAsync($"/api/v1/assistance/cases/{c.GetProperty("id").GetString()}/county-visit", new { date = Today.ToString("yyyy-MM-dd"), record = "县民政局两人入户核查，情况属实。" });
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        c = await visit.JsonAsync();
        c = await Act(county, c, "confirm-county");
        Assert.Equal("active", c.GetProperty("state").GetString());
        Assert.Equal("county", c.GetProperty("decisionLevel").GetString());
    }

    [Fact]
    public async Task An_overdue_case_shows_on_the_dashboards_and_can_be_extended_once()
    {
        app.SkipIfUnavailable();
        var (householdId, _, _, _) = await HouseholdAsync();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "dibao", householdId, channel = "counter", reason = "窗口申请。", consentToCheck = true })).JsonAsync();
        c = await Act(clerk, c, "accept");
        var id = c.GetProperty("id").GetString();
        var stepDue = DateOnly.Parse(c.GetProperty("stepDueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.Advance(TimeSpan.FromDays(stepDue.DayNumber - Today.DayNumber + 1));
        clerk = await app.ClientAsync("rongzhou.clerk");
        var overdue = await clerk.GetJsonAsync("/api/v1/assistance/cases?overdue=true&pageSize=200");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        var county = await app.ClientAsync("rongxian.officer");
        var countyView = await county.GetJsonAsync("/api/v1/workflow/cases/overdue?pageSize=200");
        Assert.Contains(countyView.GetProperty("items").EnumerateArray(), x => x.GetProperty("title").GetString()!.Contains(c.GetProperty("number").GetString()!, StringComparison.Ordinal));

        var approver = await app.ClientAsync("rongzhou.approver");
        var extended = await approver.PostAsJsonAsync($"/api/v1/assistance/cases/{id}/extend", new { text = "申请人外出，需补充调查。" });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var e = await extended.JsonAsync();
        var calendar = app.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(calendar.AddWorkingDays(DateOnly.Parse(c.GetProperty("acceptedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 45).ToString("yyyy-MM-dd"), e.GetProperty("caseDueDate").GetString());
        await (await approver.PostAsJsonAsync($"/api/v1/assistance/cases/{id}/extend", new { text = "再延长" })).ExpectProblemAsync(409, "workflow_already_extended");

        var yangmei = await app.ClientAsync("yangmei.clerk");
        await (await yangmei.GetAsync($"/api/v1/assistance/cases/{id}")).ExpectProblemAsync(404, "not_found");
        var theirs = await yangmei.GetJsonAsync("/api/v1/assistance/cases?pageSize=200");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Staff_attach_documents_to_the_case_and_only_the_scope_can_download_them()
    {
        app.SkipIfUnavailable();
        var (householdId, _, _, _) = await HouseholdAsync();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "dibao", householdId, channel = "counter", reason = "窗口申请。", consentToCheck = true })).JsonAsync();
        var id = c.GetProperty("id").GetString();
        var page = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        page.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        var html = await page.GetStringAsync($"/assistance/cases/{id}");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("入户调查表"), "note" },
            { new ByteArrayContent("%PDF-1.4 test"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "调查表.pdf" },
        };
        var posted = await page.PostAsync($"/assistance/cases/{id}?handler=Attach", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var detail = await clerk.GetJsonAsync($"/api/v1/workflow/cases/{WorkflowId(await CaseAsync(clerk, id!))}");
        var attachment = detail.GetProperty("timeline").EnumerateArray().SelectMany(t => t.GetProperty("attachments").EnumerateArray()).Single();
        Assert.Equal("调查表.pdf", attachment.GetProperty("fileName").GetString());
        var fileUrl = $"/workflow/attachments/{attachment.GetProperty("fileId").GetString()}";
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(fileUrl)).StatusCode);
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync(fileUrl)).StatusCode);
    }

    private static string WorkflowId(JsonElement c) => c.GetProperty("workflowCaseId").GetString()!;

    [Fact]
    public async Task Extreme_poverty_support_is_assessed_and_confirmed_by_the_county()
    {
        app.SkipIfUnavailable();
        var (householdId, headPersonId, _, _) = await HouseholdAsync(headAge: 72, single: true);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "extremePoverty", householdId, singlePersonId = headPersonId, channel = "counter", reason = "孤寡老人。", consentToCheck = true })).JsonAsync();
        c = await Act(clerk, c, "accept");
        c = await Investigate(clerk, c, income: 100, unable: ["bathing", "dressing"]);
        Assert.Equal("partiallyLost", c.GetProperty("selfCareLevel").GetString());
        c = await Act(clerk, c, "submit-investigation");
        c = await Act(approver, c, "propose-approve");
        app.Clock.Advance(TimeSpan.FromDays(8));
        approver = await app.ClientAsync("rongzhou.approver");
        c = await Act(approver, c, "notice-ended");
        // the extreme-poverty process has no township confirmation at all
        var actions = c.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.DoesNotContain("confirm-township", actions);
        var county = await app.ClientAsync("rongxian.officer");
        c = await Act(county, c, "confirm-county");
        // basic living 1.3 × 800 = 1040 plus partial-care 300 (demo figures)
        Assert.Equal(1340m, c.GetProperty("monthlyAmount").GetDecimal());
    }

    [Fact]
    public async Task Urgent_temporary_assistance_is_paid_first_and_the_paperwork_deadline_is_watched()
    {
        app.SkipIfUnavailable();
        var (householdId, _, _, _) = await HouseholdAsync();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "temporary", householdId, channel = "counter", temporaryType = "urgent", reason = "房屋失火。", consentToCheck = true })).JsonAsync();
        await Act(approver, c, "assist-first", "火灾，先行救助。", expect: 403, code: "above_township_limit", amount: 3000); // above the township's 2,000
        c = await Act(approver, c, "assist-first", "火灾，先行救助。", amount: 1500);
        Assert.Equal("assisted_first", c.GetProperty("state").GetString());
        Assert.Equal(1500m, c.GetProperty("approvedAmount").GetDecimal());
        var id = c.GetProperty("id").GetString();
        app.Clock.Advance(TimeSpan.FromDays(20));
        clerk = await app.ClientAsync("rongzhou.clerk");
        var overdue = await clerk.GetJsonAsync("/api/v1/assistance/cases?overdue=true&pageSize=200");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Standards_are_effective_dated_and_overlaps_are_refused()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        var first = await county.PostAsJsonAsync("/api/v1/assistance/standards", new { program = "dibao", divisionCode = "450921000000", area = "urban", monthlyAmount = 600m, validFrom = "2031-01-01", validTo = "2031-12-31", document = "容政发〔2030〕9号" });
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var overlap = await county.PostAsJsonAsync("/api/v1/assistance/standards", new { program = "dibao", divisionCode = "450921000000", area = "urban", monthlyAmount = 650m, validFrom = "2031-07-01", document = "容政发〔2031〕1号" });
        await overlap.ExpectProblemAsync(409, "figure_overlap");
        var notTheirs = await county.PostAsJsonAsync("/api/v1/assistance/standards", new { program = "dibao", divisionCode = "450981000000", area = "urban", monthlyAmount = 650m, validFrom = "2031-07-01", document = "x" });
        await notTheirs.ExpectProblemAsync(400, "validation_failed");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await (await clerk.PostAsJsonAsync("/api/v1/assistance/standards", new { program = "dibao", divisionCode = "450921000000", area = "urban", monthlyAmount = 1m, validFrom = "2040-01-01", document = "x" })).ExpectProblemAsync(403, "forbidden");

        // the county's own figure wins over the city's on its dates: 600 × 3 − 900 = 900 (three adults, no add-ons)
        var calc = await county.PostAsJsonAsync("/api/v1/assistance/dibao/calculate", new
        {
            divisionCode = Xinnan,
            area = "urban",
            date = "2031-06-01",
            householdMonthlyIncome = 900m,
            members = new[] { new { birthDate = "1990-01-01" }, new { birthDate = "1991-01-01" }, new { birthDate = "1992-01-01" } },
        });
        var r = await calc.JsonAsync();
        Assert.True(r.GetProperty("eligible").GetBoolean(), r.ToString());
        Assert.Equal(900m, r.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(300m, r.GetProperty("perCapitaIncome").GetDecimal());
        Assert.Contains("容政发〔2030〕9号", r.GetProperty("lines")[0].GetProperty("basis").GetString(), StringComparison.Ordinal);

        var missing = await county.PostAsJsonAsync("/api/v1/assistance/dibao/calculate", new { divisionCode = Xinnan, area = "urban", date = "2010-01-01", householdMonthlyIncome = 0m, members = new[] { new { birthDate = "1990-01-01" } } });
        await missing.ExpectProblemAsync(409, "standard_missing");
    }

    [Theory]
    [InlineData(new string[0], "selfCare")]
    [InlineData(new[] { "eating" }, "partiallyLost")]
    [InlineData(new[] { "eating", "bed", "toilet" }, "partiallyLost")]
    [InlineData(new[] { "eating", "bed", "toilet", "bathing" }, "completelyLost")]
    public async Task Self_care_endpoint(string[] unable, string level)
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("rongzhou.clerk");
        var r = await (await client.PostAsJsonAsync("/api/v1/assistance/extreme-poverty/self-care", new { unable })).JsonAsync();
        Assert.Equal(level, r.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Reviews_adjust_from_next_month_give_a_grace_period_and_terminate_with_reasons()
    {
        app.SkipIfUnavailable();
        var (householdId, _, _, _) = await HouseholdAsync();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var county = await app.ClientAsync("rongxian.officer");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "dibao", householdId, channel = "counter", reason = "窗口申请。", consentToCheck = true })).JsonAsync();
        c = await Act(clerk, c, "accept");
        c = await Investigate(clerk, c, income: 900);
        c = await Act(clerk, c, "submit-investigation");
        c = await Act(approver, c, "propose-approve");
        app.Clock.Advance(TimeSpan.FromDays(8));
        approver = await app.ClientAsync("rongzhou.approver");
        clerk = await app.ClientAsync("rongzhou.clerk");
        c = await Act(approver, c, "notice-ended");
        c = await Act(approver, c, "confirm-township");
        c = await Act(approver, c, "file");
        var id = c.GetProperty("id").GetString()!;

        var report = await clerk.PostAsJsonAsync($"/api/v1/assistance/cases/{id}/change-reports", new { text = "户主在县城找到固定工作。" });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var reviews = await approver.GetItemsAsync("/api/v1/assistance/reviews");
        var change = reviews.Single(r => r.GetProperty("caseId").GetString() == id && r.GetProperty("kind").GetString() == "changeReport");
        var grace = await approver.PostAsJsonAsync($"/api/v1/assistance/reviews/{change.GetProperty("id").GetString()}/complete", new { outcome = "grace", reason = "就业增收，给予渐退期。", version = change.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.NoContent, grace.StatusCode);
        var months = 6; // the default grace period (民发〔2020〕69号 as commonly applied; configurable)
        var next = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        var view = await CaseAsync(approver, id);
        Assert.Equal("active", view.GetProperty("state").GetString());
        var scheduled = (await approver.GetItemsAsync("/api/v1/assistance/reviews")).Where(r => r.GetProperty("caseId").GetString() == id).ToList();
        Assert.Contains(scheduled, r => r.GetProperty("dueOn").GetString() == next.AddMonths(months).AddDays(-1).ToString("yyyy-MM-dd"));

        var end = scheduled.OrderBy(r => r.GetProperty("dueOn").GetString()).Last();
        var terminated = await approver.PostAsJsonAsync($"/api/v1/assistance/reviews/{end.GetProperty("id").GetString()}/complete", new { outcome = "terminate", reason = "渐退期满，家庭人均收入超过标准。", version = end.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.NoContent, terminated.StatusCode);
        view = await CaseAsync(approver, id);
        Assert.Equal("terminated", view.GetProperty("state").GetString());
        Assert.Contains(view.GetProperty("documents").EnumerateArray(), d => d.GetProperty("title").GetString() == "终止保障通知书");
        var watch = await approver.GetItemsAsync("/api/v1/assistance/watch");
        Assert.Contains(watch, w => w.GetProperty("householdId").GetString() == householdId);
        _ = county;
    }
}

public sealed class AssistanceFlowTestsOnSqlite(SqliteApp app) : AssistanceFlowTests(app), IClassFixture<SqliteApp>;

public sealed class AssistanceFlowTestsOnPostgres(PostgresApp app) : AssistanceFlowTests(app), IClassFixture<PostgresApp>;
