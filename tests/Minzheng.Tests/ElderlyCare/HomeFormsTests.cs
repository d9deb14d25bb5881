using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// Issue 13 items 1–2 through the clerk's forms on SQLite and PostgreSQL (posted as the browser posts them, antiforgery token
/// included): a home registered at /elderly/homes/new (a 2019 home with a licence number is refused beside the field and leaves
/// no organisation behind), filed with its materials to the 回执, checked with a conclusion, its staff and a resident handled, a
/// stale form refused; an assessment form names each bad item and saves nothing, a good one shows the level; the 敬老院 survey
/// adds up per county and in its workbook; another township's clerk gets 404 on the home.
/// </summary>
public abstract partial class HomeFormsTests(AppFixture app)
{
    private const string Xinnan = "450921100003";   // 容县 容州镇 新南社区
    private const string Xinrong = "450981101000";  // 北流市 新荣镇
    private static int _seq = Random.Shared.Next(0, 90000);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string NextCode() =>
        CreditCode.Compose('5', '2', "450921", "HF" + Interlocked.Increment(ref _seq).ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>Posts a form of <paramref name="url"/> as its page does: the antiforgery token read from the page first.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string? handler, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {page.StatusCode} {html[..Math.Min(500, html.Length)]}");
        fields["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value;
        var target = handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    private static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form again, got {(int)response.StatusCode} {response.Headers.Location}: {html[..Math.Min(500, html.Length)]}");
        return new HtmlParser().ParseDocument(html);
    }

    private static string ErrorBeside(IHtmlDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static string Redirected(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    private static Dictionary<string, string> HomeForm(string name, string code, string openedOn, string? licence = null) => new()
    {
        ["Input.Organization.Name"] = name,
        ["Input.Organization.CreditCode"] = code,
        ["Input.Organization.Kind"] = "SocialServiceAgency",
        ["Input.Organization.DivisionCode"] = Xinnan,
        ["Input.Organization.LegalRepresentativeName"] = "韦院长",
        ["Input.Home.Kind"] = "care_home",
        ["Input.Home.Private"] = "true",
        ["Input.Home.OpenedOn"] = openedOn,
        ["Input.Home.LicenceNumber"] = licence ?? "",
        ["Input.Home.Beds"] = "30",
        ["Input.Home.NursingBeds"] = "12",
        ["Input.Home.PremisesOwnership"] = "租赁",
    };

    private async Task<(Guid Id, string IdNumber)> ElderAsync(string name, string division)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose(division[..6], new DateOnly(1945, 5, 5), Interlocked.Increment(ref _seq) % 999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name, divisionCode = division });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.JsonAsync()).GetProperty("id").GetGuid(), id);
    }

    [Fact]
    public async Task A_home_is_registered_filed_and_checked_through_the_forms_and_bad_input_is_refused_beside_the_field_with_nothing_saved()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var code = NextCode();
        var name = "容县新南康养院" + _seq;

        // a home opened in 2019 is never asked for a licence: one given is refused beside the field, and neither the home nor the
        // organisation is saved
        var licensed = await RefusedAsync(await PostFormAsync(officer, "/elderly/homes/new", null, HomeForm(name, code, "2019-05-06", "容民许字001")));
        Assert.Contains("无需设立许可", ErrorBeside(licensed, "Input.Home.LicenceNumber"), StringComparison.Ordinal);
        Assert.Equal(name, licensed.QuerySelector("input[name='Input.Organization.Name']")?.GetAttribute("value"));
        Assert.Equal(0, (await officer.GetJsonAsync($"/api/v1/organizations?search={code}")).GetProperty("total").GetInt32());
        // a 养老机构 without its credit code, with too few beds: each beside its field
        var bad = HomeForm(name, "", "2019-05-06");
        bad["Input.Home.Beds"] = "8";
        var missing = await RefusedAsync(await PostFormAsync(officer, "/elderly/homes/new", null, bad));
        Assert.Contains("统一社会信用代码", ErrorBeside(missing, "Input.Organization.CreditCode"), StringComparison.Ordinal);
        Assert.Contains("不少于 10 张", ErrorBeside(missing, "Input.Home.Beds"), StringComparison.Ordinal);
        // a home licensed in 2015 must carry its licence
        var unlicensed = await RefusedAsync(await PostFormAsync(officer, "/elderly/homes/new", null, HomeForm(name, code, "2015-03-02")));
        Assert.Contains("设立许可证号", ErrorBeside(unlicensed, "Input.Home.LicenceNumber"), StringComparison.Ordinal);
        Assert.Equal(0, (await officer.GetJsonAsync($"/api/v1/organizations?search={code}")).GetProperty("total").GetInt32());

        var created = Redirected(await PostFormAsync(officer, "/elderly/homes/new", null, HomeForm(name, code, "2019-05-06")));
        Assert.Matches("^/elderly/homes/[0-9a-f-]{36}$", created);
        var homeId = Guid.Parse(created[(created.LastIndexOf('/') + 1)..]);
        var home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal(name, home.GetProperty("name").GetString());
        Assert.Equal(code, home.GetProperty("displayNumber").GetString());
        Assert.Equal("filed2019", home.GetProperty("regime").GetString());
        Assert.Equal(JsonValueKind.Null, home.GetProperty("licenceNumber").ValueKind);
        Assert.Equal(30, home.GetProperty("beds").GetInt32());
        // the same organisation again: linked by its code, refused as already a home
        var twice = await RefusedAsync(await PostFormAsync(officer, "/elderly/homes/new", null, HomeForm(name, code, "2019-05-06")));
        Assert.Contains("已登记为养老机构", twice.QuerySelector(".alert[role=alert]")?.TextContent, StringComparison.Ordinal);

        // another township's clerk: the home does not exist for them
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/elderly/homes/{homeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/api/v1/elderly/homes/{homeId}")).StatusCode);

        var url = $"/elderly/homes/{homeId}";
        var version = home.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);
        // beds before filing: fewer nursing beds than beds, versioned
        var beds = await RefusedAsync(await PostFormAsync(officer, url, "Beds", new() { ["Version"] = version, ["EditBeds.Beds"] = "20", ["EditBeds.NursingBeds"] = "25" }));
        Assert.Contains("护理型床位不能多于总床位", ErrorBeside(beds, "EditBeds.NursingBeds"), StringComparison.Ordinal);
        Redirected(await PostFormAsync(officer, url, "Beds", new() { ["Version"] = version, ["EditBeds.Beds"] = "36", ["EditBeds.NursingBeds"] = "12" }));
        // the form drawn before that save is now stale: a clear message, the page reloaded with the current beds
        var stale = await RefusedAsync(await PostFormAsync(officer, url, "Beds", new() { ["Version"] = version, ["EditBeds.Beds"] = "40", ["EditBeds.NursingBeds"] = "12" }));
        Assert.Contains("已被他人修改", stale.QuerySelector(".alert[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("36 张", stale.Body!.TextContent, StringComparison.Ordinal);
        home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal(36, home.GetProperty("beds").GetInt32());
        version = home.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);

        // 备案: a missing material is named beside the checklist and nothing is filed; complete materials open the 回执
        var incomplete = await RefusedAsync(await PostFormAsync(officer, url, "File", new() { ["Version"] = version, ["Filing.FiledOn"] = "2026-11-20", ["Filing.Materials"] = "application" }));
        Assert.Contains("承诺书", ErrorBeside(incomplete, "Filing.Materials"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}")).GetProperty("filedOn").ValueKind);
        var filing = new FormUrlEncodedContent([
            new("Version", version), new("Filing.FiledOn", "2026-11-20"),
            new("Filing.Materials", "application"), new("Filing.Materials", "registration"), new("Filing.Materials", "commitment"),
            new("__RequestVerificationToken", TokenPattern().Match(await officer.GetStringAsync(url)).Groups[1].Value),
        ]);
        var receiptUrl = Redirected(await officer.PostAsync(url + "?handler=File", filing));
        Assert.StartsWith("/elderly/filings/", receiptUrl, StringComparison.Ordinal);
        var receipt = await officer.GetStringAsync(receiptUrl);
        Assert.Contains("养老机构备案回执", receipt, StringComparison.Ordinal);
        Assert.Contains(name, receipt, StringComparison.Ordinal);
        home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal("filed", home.GetProperty("status").GetString());
        Assert.Contains(home.GetProperty("filingNumber").GetString()!, receipt, StringComparison.Ordinal);
        version = home.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);

        // 现场检查: the conclusion must be chosen and the findings written; then the home is checked with both
        var noResult = await RefusedAsync(await PostFormAsync(officer, url, "Check", new() { ["Version"] = version, ["Check.CheckedOn"] = "2026-11-25", ["Check.Findings"] = "" }));
        Assert.Contains("请选择检查结论", ErrorBeside(noResult, "Check.Result"), StringComparison.Ordinal);
        Assert.Contains("请填写现场检查情况", ErrorBeside(noResult, "Check.Findings"), StringComparison.Ordinal);
        Redirected(await PostFormAsync(officer, url, "Check", new() { ["Version"] = version, ["Check.CheckedOn"] = "2026-11-25", ["Check.Findings"] = "消防通道畅通，护理员持证上岗", ["Check.Result"] = "compliant" }));
        home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal("checked", home.GetProperty("status").GetString());
        Assert.Equal("【符合要求】消防通道畅通，护理员持证上岗", home.GetProperty("checkFindings").GetString());
        version = home.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);

        // 变更备案 of the beds: what changed is required; then a change receipt
        var nochange = await RefusedAsync(await PostFormAsync(officer, url, "Change", new() { ["Version"] = version, ["Change.Beds"] = "40", ["Change.NursingBeds"] = "12", ["Change.Changes"] = "" }));
        Assert.Contains("请写明变更事项", ErrorBeside(nochange, "Change.Changes"), StringComparison.Ordinal);
        var changeReceipt = Redirected(await PostFormAsync(officer, url, "Change", new() { ["Version"] = version, ["Change.Beds"] = "40", ["Change.NursingBeds"] = "12", ["Change.Changes"] = "二楼新增床位" }));
        Assert.Contains("变更备案回执", await officer.GetStringAsync(changeReceipt), StringComparison.Ordinal);
        Assert.Equal(40, (await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}")).GetProperty("beds").GetInt32());

        // staff: a 护理员 without a qualification is refused beside it
        var nurse = await RefusedAsync(await PostFormAsync(officer, url, "Staff", new() { ["NewStaff.Name"] = "黄护理", ["NewStaff.Post"] = "护理员" }));
        Assert.Contains("培训合格", ErrorBeside(nurse, "NewStaff.Qualification"), StringComparison.Ordinal);
        Redirected(await PostFormAsync(officer, url, "Staff", new() { ["NewStaff.Name"] = "黄护理", ["NewStaff.Post"] = "护理员", ["NewStaff.Qualification"] = "养老护理员（四级）", ["NewStaff.HiredOn"] = "2026-11-02" }));
        Assert.Contains((await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}/staff")).EnumerateArray(), s => s.GetProperty("name").GetString() == "黄护理");

        // a resident admitted, then discharged through the row's form (a reason is required); then the home can close
        var (_, elderId) = await ElderAsync("覃入住", Xinnan);
        Redirected(await PostFormAsync(officer, url, "Admit", new() { ["Input.IdNumber"] = elderId, ["Input.AdmittedOn"] = "2026-11-23" }));
        var resident = Assert.Single(await officer.GetItemsAsync($"/api/v1/elderly/homes/{homeId}/residents"));
        var residentId = resident.GetProperty("id").GetGuid();
        var notClosed = await RefusedAsync(await PostFormAsync(officer, url, "Close", new() { ["Version"] = (await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}")).GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture), ["Close.ClosedOn"] = "2026-11-27", ["Close.Reason"] = "停止经营" }));
        Assert.Contains("在住老人", ErrorBeside(notClosed, "Close.ClosedOn"), StringComparison.Ordinal);
        var residentVersion = resident.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);
        var noReason = await RefusedAsync(await PostFormAsync(officer, url, $"Discharge&residentId={residentId}", new() { ["Discharge.Version"] = residentVersion, ["Discharge.DischargedOn"] = "2026-11-26", ["Discharge.Reason"] = "" }));
        Assert.Contains("请填写退住原因", ErrorBeside(noReason, "Discharge.Reason"), StringComparison.Ordinal);
        Redirected(await PostFormAsync(officer, url, $"Discharge&residentId={residentId}", new() { ["Discharge.Version"] = residentVersion, ["Discharge.DischargedOn"] = "2026-11-26", ["Discharge.Reason"] = "回家居住" }));
        Assert.Empty(await officer.GetItemsAsync($"/api/v1/elderly/homes/{homeId}/residents?current=true"));
        version = (await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}")).GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);
        Redirected(await PostFormAsync(officer, url, "Close", new() { ["Version"] = version, ["Close.ClosedOn"] = "2026-11-27", ["Close.Reason"] = "停止经营" }));
        Assert.Equal("closed", (await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}")).GetProperty("status").GetString());

        // a township clerk may read the home but not act on it
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var page = await clerk.GetStringAsync(url);
        Assert.DoesNotContain("id=\"filing-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/elderly/homes/new")).StatusCode);
    }

    [Fact]
    public async Task The_assessment_form_names_each_bad_item_saves_nothing_and_a_good_sheet_opens_the_report_with_the_level()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var (personId, idNumber) = await ElderAsync("莫评估", Xinnan);
        var url = $"/elderly/assessments/new?personId={personId}";
        Assert.Contains("莫评估", await clerk.GetStringAsync(url), StringComparison.Ordinal);

        Dictionary<string, string> Form(Dictionary<string, int?> sheet, string assessor2 = "乙评估")
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.PersonId"] = personId.ToString(),
                ["Input.Reason"] = "First",
                ["Input.Assessor1"] = "甲评估",
                ["Input.Assessor2"] = assessor2,
                ["Input.AssessedOn"] = "2026-11-27",
                ["Input.DementiaDiagnosis"] = "true",
                ["Input.RiskEvents30Days"] = "0",
            };
            foreach (var (code, value) in sheet) fields["item-" + code] = value?.ToString(CultureInfo.InvariantCulture) ?? "";
            return fields;
        }

        // B2.4 上下楼梯 scores 0–3: a 4 is out of range; B4.5 left unanswered; the same person twice as assessor
        var bad = AbilityRulesTests.Sheet(60);
        bad["B2.4"] = 4;
        bad["B4.5"] = null;
        var refused = await RefusedAsync(await PostFormAsync(clerk, url, null, Form(bad, "甲评估")));
        var errors = refused.QuerySelectorAll(".field-error[data-item]").ToDictionary(e => e.GetAttribute("data-item")!, e => e.TextContent);
        Assert.Equal(["B2.4", "B4.5"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("超出范围（0–3 分）", errors["B2.4"], StringComparison.Ordinal);
        Assert.Contains("未评分", errors["B4.5"], StringComparison.Ordinal);
        Assert.Contains("不能是同一人", refused.Body!.TextContent, StringComparison.Ordinal);
        // what was chosen is kept
        Assert.Equal("0", refused.QuerySelector("#item-B1\\.1 option[selected]")?.GetAttribute("value"));
        Assert.Equal("2", refused.QuerySelector("#item-B4\\.1 option[selected]")?.GetAttribute("value"));
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/elderly/ability/assessments?personId={personId}")).GetProperty("total").GetInt32());

        // 60 points → 2 级 by the total, dementia raises it to 3 级; the report shows it
        var report = Redirected(await PostFormAsync(clerk, url, null, Form(AbilityRulesTests.Sheet(60))));
        Assert.Matches("^/elderly/assessments/[0-9a-f-]{36}$", report);
        var html = await clerk.GetStringAsync(report);
        Assert.Contains("3 级：" + AbilityRules.LevelName(3), html, StringComparison.Ordinal);
        Assert.Contains("总分 60 / 90", html, StringComparison.Ordinal);
        var saved = Assert.Single(await clerk.GetItemsAsync($"/api/v1/elderly/ability/assessments?personId={personId}"));
        Assert.Equal(60, saved.GetProperty("total").GetInt32());
        Assert.Equal(3, saved.GetProperty("level").GetInt32());

        // the form without a person finds them by ID number (and refuses one outside the clerk's township)
        var byId = Form(AbilityRulesTests.Sheet(90));
        byId.Remove("Input.PersonId");
        byId["Input.IdNumber"] = idNumber;
        byId["Input.Reason"] = "Immediate";
        Redirected(await PostFormAsync(clerk, "/elderly/assessments/new", null, byId));
        var (_, elsewhere) = await ElderAsync("梁外镇", "450921102001");
        byId["Input.IdNumber"] = elsewhere;
        var outside = await RefusedAsync(await PostFormAsync(clerk, "/elderly/assessments/new", null, byId));
        Assert.Contains("不在您的管辖范围内", outside.QuerySelector("#IdNumber + .field-error")?.TextContent, StringComparison.Ordinal);

        // the list: both of the person's assessments; the due filter keeps only latest ones past their date (not these)
        var list = await clerk.GetStringAsync("/elderly/assessments");
        Assert.Contains("莫评估", list, StringComparison.Ordinal);
        var due = new HtmlParser().ParseDocument(await clerk.GetStringAsync("/elderly/assessments?due=true"));
        Assert.DoesNotContain("莫评估", due.QuerySelector("#assessments")!.TextContent, StringComparison.Ordinal);
        // another township's clerk cannot open the form for this person
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("yangmei.clerk")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_homes_own_account_admits_and_assesses_its_residents_through_the_forms_and_nothing_else()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var admin = await app.ClientAsync("admin");
        // a 敬老院 already in the registry without a credit code (no 法人登记): the form links it by its name instead of
        // registering it a second time
        var name = "容县新南敬老院" + Interlocked.Increment(ref _seq).ToString(CultureInfo.InvariantCulture);
        var org = await (await admin.PostAsJsonAsync("/api/v1/organizations", new { name, kind = "publicInstitution", divisionCode = Xinnan }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var organizationId = org.GetProperty("id").GetGuid();
        var form = HomeForm(name, "", "2020-03-02");
        form["Input.Organization.Kind"] = "PublicInstitution";
        form["Input.Home.Kind"] = "special_care_facility";
        form["Input.Home.Private"] = "false";
        form["Input.Home.LegalPersonRegistered"] = "false";
        var created = Redirected(await PostFormAsync(officer, "/elderly/homes/new", null, form));
        var homeId = Guid.Parse(created[(created.LastIndexOf('/') + 1)..]);
        var home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal(organizationId, home.GetProperty("organizationId").GetGuid());
        Assert.False(home.GetProperty("legalPersonRegistered").GetBoolean());
        Assert.Equal(1, (await officer.GetJsonAsync($"/api/v1/organizations?search={Uri.EscapeDataString(name)}")).GetProperty("total").GetInt32());

        var userName = "jly" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().CreateAsync(new UserInput
            {
                UserName = userName,
                DisplayName = "敬老院工作人员",
                DivisionCode = "450921000000",
                OrganizationId = organizationId,
                Roles = [Roles.OrganizationStaff],
                Password = Web.Platform.Demo.DemoAccounts.Password,
            });
            user.MustChangePassword = false;
            await sp.GetRequiredService<UserManager<AppUser>>().UpdateAsync(user);
            return 0;
        });
        var account = await app.ClientAsync(userName);
        var url = $"/elderly/homes/{homeId}";
        var page = await account.GetStringAsync(url);
        Assert.DoesNotContain("id=\"manage\"", page, StringComparison.Ordinal); // 备案, 检查, 关闭 are the county's
        Assert.Contains("id=\"staff-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.GetAsync("/elderly/homes/new")).StatusCode);

        var (elder, elderIdNumber) = await ElderAsync("蒙五保", Xinnan);
        var (stranger, _) = await ElderAsync("龙外人", Xinnan);
        Redirected(await PostFormAsync(account, url, "Admit", new() { ["Input.IdNumber"] = elderIdNumber, ["Input.AdmittedOn"] = "2026-11-24" }));
        Assert.Contains("能力评估", await account.GetStringAsync(url), StringComparison.Ordinal);

        // its resident is assessed from the row's link; a person who does not live there is not found
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/elderly/assessments/new?personId={stranger}")).StatusCode);
        var assessUrl = $"/elderly/assessments/new?personId={elder}";
        Assert.Contains("蒙五保", await account.GetStringAsync(assessUrl), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.PersonId"] = elder.ToString(),
            ["Input.Reason"] = "First",
            ["Input.Assessor1"] = "院内评估员甲",
            ["Input.Assessor2"] = "院内评估员乙",
            ["Input.AssessedOn"] = "2026-11-25",
            ["Input.RiskEvents30Days"] = "2",
        };
        foreach (var (code, value) in AbilityRulesTests.Sheet(28)) fields["item-" + code] = value!.Value.ToString(CultureInfo.InvariantCulture);
        var report = Redirected(await PostFormAsync(account, assessUrl, null, fields));
        Assert.Contains("4 级：" + AbilityRules.LevelName(4), await account.GetStringAsync(report), StringComparison.Ordinal);
        var resident = Assert.Single(await account.GetItemsAsync($"/api/v1/elderly/homes/{homeId}/residents?current=true"));
        Assert.Equal(4, resident.GetProperty("abilityLevel").GetInt32());
        Assert.Contains("蒙五保", await account.GetStringAsync("/elderly/assessments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_survey_adds_up_each_county_and_the_workbook_says_the_same()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("beiliu.officer");
        var admin = await app.ClientAsync("admin");

        async Task<Dictionary<string, int>> TotalsAsync()
        {
            var doc = new HtmlParser().ParseDocument(await officer.GetStringAsync("/elderly/homes/survey"));
            var row = doc.QuerySelectorAll("#counties tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).FirstOrDefault(c => c[0] == "北流市");
            var cells = row ?? ["北流市", "0", "0", "0", "0", "0", "0"];
            return new()
            {
                ["facilities"] = int.Parse(cells[1], CultureInfo.InvariantCulture),
                ["registered"] = int.Parse(cells[2], CultureInfo.InvariantCulture),
                ["beds"] = int.Parse(cells[3], CultureInfo.InvariantCulture),
                ["occupied"] = int.Parse(cells[4], CultureInfo.InvariantCulture),
                ["idle"] = int.Parse(cells[6], CultureInfo.InvariantCulture),
                ["total-beds"] = int.Parse(doc.QuerySelector("#total-beds")!.TextContent, CultureInfo.InvariantCulture),
            };
        }

        var before = await TotalsAsync();
        // two 敬老院 of 北流市 新荣镇: one with 法人登记 (30 beds, one resident), one without (20 beds)
        var ids = new List<Guid>();
        var suffix = Interlocked.Increment(ref _seq).ToString(CultureInfo.InvariantCulture);
        foreach (var (name, registered, beds) in new[] { ("北流市甲敬老院" + suffix, true, 30), ("北流市乙敬老院" + suffix, false, 20) })
        {
            var org = await (await admin.PostAsJsonAsync("/api/v1/organizations", new { name, kind = "publicInstitution", divisionCode = Xinrong }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
            var home = await (await officer.PostAsJsonAsync("/api/v1/elderly/homes", new
            {
                organizationId = org.GetProperty("id").GetGuid(),
                kind = "special_care_facility",
                openedOn = new DateOnly(2019, 1, 7),
                beds,
                legalPersonRegistered = registered,
            }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
            ids.Add(home.GetProperty("id").GetGuid());
        }
        var (_, elder) = await ElderAsync("陈敬老", "450981101201");
        await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{ids[0]}/residents", new { idNumber = elder, admittedOn = new DateOnly(2026, 11, 2) }).EnsureStatus(HttpStatusCode.Created);

        var after = await TotalsAsync();
        Assert.Equal(before["facilities"] + 2, after["facilities"]);
        Assert.Equal(before["registered"] + 1, after["registered"]);
        Assert.Equal(before["beds"] + 50, after["beds"]);
        Assert.Equal(before["occupied"] + 1, after["occupied"]);
        Assert.Equal(before["idle"] + 49, after["idle"]);
        // 北流's officer sees 北流 only: the scope total is the county's line
        Assert.Equal(after["beds"], after["total-beds"]);

        var workbook = await officer.GetAsync("/elderly/homes/survey?handler=Export");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var facilities = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "敬老院").Cast<IDictionary<string, object>>().ToList();
        var mine = facilities.Single(r => r["敬老院名称"]?.ToString() == "北流市甲敬老院" + suffix);
        Assert.Equal("已登记", mine["法人登记"]?.ToString());
        Assert.Equal(29, Convert.ToInt32(mine["闲置床位"], CultureInfo.InvariantCulture));
        stream.Position = 0;
        var counties = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按县汇总").Cast<IDictionary<string, object>>().ToList();
        var total = counties.Single(r => r["县（市、区）"]?.ToString() == "合计");
        Assert.Equal(after["beds"], Convert.ToInt32(total["床位数"], CultureInfo.InvariantCulture));
        Assert.Equal(after["idle"], Convert.ToInt32(total["闲置床位"], CultureInfo.InvariantCulture));

        // a township clerk of 容县 sees none of 北流's facilities
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.DoesNotContain("北流市甲敬老院", await yangmei.GetStringAsync("/elderly/homes/survey"), StringComparison.Ordinal);
    }
}

public sealed class HomeFormsTestsOnSqlite(SqliteApp app) : HomeFormsTests(app), IClassFixture<SqliteApp>;

public sealed class HomeFormsTestsOnPostgres(PostgresApp app) : HomeFormsTests(app), IClassFixture<PostgresApp>;
