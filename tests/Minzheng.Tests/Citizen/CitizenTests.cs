using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Citizen;

/// <summary>
/// Issue 12 item 7 and 8 as the citizen and the staff meet them: the household's size on the apply page, every registration
/// error at once, an upload field that takes what its page offers, an oversized upload answered on its page, the deadline to
/// accept, a way home from the 404 and denial pages; and the citizen's phone never in clear where staff look.
/// </summary>
public abstract partial class CitizenTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string Password = "Citizen#2026";

    /// <summary>A one-person household in 新南社区 and its head registered as a citizen; returns the phone and the name.</summary>
    private async Task<(string Phone, string Name, string IdNumber)> CitizenAsync()
    {
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        var name = "韦" + (char)('甲' + Random.Shared.Next(0, 9)) + "英";
        var person = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = Xinnan })).JsonAsync();
        var household = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Xinnan, headPersonId = person.GetProperty("id").GetString(), address = "容州镇新南社区一巷" });
        Assert.True(household.IsSuccessStatusCode, await household.Content.ReadAsStringAsync());
        var phone = NewPhone();
        var registered = await app.CreateClient().PostAsJsonAsync("/api/v1/citizen/register", new { idNumber, name, phone, password = Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return (phone, name, idNumber);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<HttpClient> StaffAsync(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user));
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;

    private async Task<(HttpClient Citizen, string CaseId, string Phone, string Name)> ApplicationAsync()
    {
        var (phone, name, _) = await CitizenAsync();
        var citizen = await SignedInAsync(phone, Password);
        var applied = await citizen.PostAsJsonAsync("/api/v1/citizen/applications", new { program = "dibao", reason = "独自生活，无固定收入。", consentToCheck = true });
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        return (citizen, (await applied.JsonAsync()).GetProperty("id").GetString()!, phone, name);
    }

    private static string Masked(string phone) => phone[..3] + "****" + phone[7..];

    [Fact]
    public async Task The_apply_page_counts_a_one_person_household_as_one_person()
    {
        app.SkipIfUnavailable();
        var (phone, _, _) = await CitizenAsync();
        var citizen = await SignedInAsync(phone, Password);
        var html = await citizen.GetStringAsync("/citizen/apply");
        Assert.Contains("（1 人）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_reports_every_field_error_at_once_and_keeps_what_was_typed_but_the_password()
    {
        app.SkipIfUnavailable();
        // the API: a bad phone and a too simple password, both in one answer
        var api = await app.CreateClient().PostAsJsonAsync("/api/v1/citizen/register", new { idNumber = TestIds.Next(), name = "", phone = "12345", password = "abcdefgh" });
        var problem = await api.ExpectProblemAsync(400, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("phone", fields);
        Assert.Contains("password", fields);

        // the page: every field's error beside it in one try, what was typed kept, and it says the password must be typed again
        var client = app.CreateClient();
        var idNumber = TestIds.Next();
        var response = await client.PostAsync("/citizen/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(client, "/citizen/register"),
            ["Input.IdNumber"] = idNumber,
            ["Input.Name"] = "蒙小英",
            ["Input.Phone"] = "1390000",
            ["Input.Password"] = "short",
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("[data-valmsg-for='Input.Phone']")?.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent));
        Assert.Equal(idNumber, doc.QuerySelector("input[name='Input.IdNumber']")?.GetAttribute("value"));
        Assert.Equal("蒙小英", doc.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal("1390000", doc.QuerySelector("input[name='Input.Phone']")?.GetAttribute("value"));
        Assert.Contains("请重新输入", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_field_takes_only_what_its_page_offers()
    {
        app.SkipIfUnavailable();
        var (citizen, caseId, _, _) = await ApplicationAsync();
        var page = await citizen.GetStringAsync($"/citizen/cases/{caseId}");
        var accept = new HtmlParser().ParseDocument(page).QuerySelector("input[type=file][name=file]")?.GetAttribute("accept");
        Assert.Equal(".pdf,.jpg,.jpeg,.png", accept);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent("收入证明"u8.ToArray()), "file", "证明.txt" },
        };
        var response = await citizen.PostAsync($"/citizen/cases/{caseId}?handler=Upload", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains(".txt", new HtmlParser().ParseDocument(html).QuerySelector("[data-valmsg-for='File']")?.TextContent ?? "", StringComparison.Ordinal);
        var timeline = await citizen.GetStringAsync($"/citizen/cases/{caseId}");
        Assert.DoesNotContain("申请人上传", timeline, StringComparison.Ordinal); // nothing was attached
    }

    [Fact]
    public async Task An_oversized_upload_is_answered_with_the_page_and_a_message_beside_the_field_for_citizens_and_staff()
    {
        app.SkipIfUnavailable();
        var (citizen, caseId, _, _) = await ApplicationAsync();
        var page = await citizen.GetStringAsync($"/citizen/cases/{caseId}");
        var big = new byte[25 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(big);
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(big), "file", "病历.pdf" },
        })
        {
            var response = await citizen.PostAsync($"/citizen/cases/{caseId}?handler=Upload", form);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
            var doc = new HtmlParser().ParseDocument(html);
            Assert.Contains("20 MB", doc.QuerySelector("[data-valmsg-for='File']")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("input[type=file][name=file]")); // the page, not a bare error
        }

        // staff: the registry import page, the same answer
        var clerk = await StaffAsync("rongzhou.clerk");
        var imports = await clerk.GetStringAsync("/imports");
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(imports).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("persons"), "kind" },
            { new ByteArrayContent(big), "upload", "人员.csv" },
        })
        {
            var response = await clerk.PostAsync("/imports", form);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
            Assert.Contains("超过 20 MB 上限", html, StringComparison.Ordinal);
            Assert.NotNull(new HtmlParser().ParseDocument(html).QuerySelector("input[type=file][name=upload]"));
        }
    }

    [Fact]
    public async Task The_citizen_sees_by_when_the_township_must_accept()
    {
        app.SkipIfUnavailable();
        var (citizen, caseId, _, _) = await ApplicationAsync();
        var html = await citizen.GetStringAsync($"/citizen/cases/{caseId}");
        var admin = await app.ClientAsync("admin");
        var due = (await admin.GetJsonAsync($"/api/v1/assistance/cases/{caseId}")).GetProperty("stepDueDate").GetString()!;
        var date = DateOnly.ParseExact(due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"应受理或告知不予受理：{date:yyyy年M月d日}前", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_not_found_and_denial_pages_lead_a_citizen_to_the_citizen_home()
    {
        app.SkipIfUnavailable();
        var (phone, _, _) = await CitizenAsync();
        var citizen = await SignedInAsync(phone, Password);
        var missing = await citizen.GetAsync($"/citizen/cases/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.Contains(notFound.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/citizen");
        Assert.DoesNotContain(notFound.QuerySelectorAll("a"), a => a.TextContent.Contains("工作台", StringComparison.Ordinal));

        var denied = new HtmlParser().ParseDocument(await citizen.GetStringAsync("/account/denied"));
        Assert.Contains(denied.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/citizen");
        Assert.DoesNotContain(denied.QuerySelectorAll("main a"), a => a.TextContent.Contains("工作台", StringComparison.Ordinal));

        // staff keep 工作台
        var clerk = await StaffAsync("rongzhou.clerk");
        var staffMissing = await clerk.GetAsync($"/assistance/cases/{Guid.NewGuid()}");
        Assert.Contains("返回工作台", await staffMissing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_citizen_by_name_with_the_phone_masked_in_the_timeline_the_user_list_and_the_audit_log()
    {
        app.SkipIfUnavailable();
        var (_, caseId, phone, name) = await ApplicationAsync();
        var masked = Masked(phone);

        // the township clerk's case page and the API's timeline
        var clerk = await StaffAsync("rongzhou.clerk");
        var casePage = await clerk.GetStringAsync($"/assistance/cases/{caseId}");
        Assert.DoesNotContain(phone, casePage, StringComparison.Ordinal);
        Assert.Contains($"{name}（{masked}）", casePage, StringComparison.Ordinal);
        var detail = await clerk.GetStringAsync($"/api/v1/assistance/cases/{caseId}");
        Assert.DoesNotContain(phone, detail, StringComparison.Ordinal);

        // the user administration
        var admin = await StaffAsync("admin");
        var users = await admin.GetStringAsync("/admin/users");
        Assert.DoesNotContain(phone, users, StringComparison.Ordinal);
        Assert.Contains(masked, users, StringComparison.Ordinal);
        Assert.Contains(name, users, StringComparison.Ordinal);

        // the audit log: page and API name the citizen, the API keeps the account id
        var auditor = await StaffAsync("auditor");
        var audit = await auditor.GetStringAsync("/audit");
        Assert.DoesNotContain(phone, audit, StringComparison.Ordinal);
        Assert.Contains($"{name}（{masked}）", audit, StringComparison.Ordinal);
        var items = await auditor.GetItemsAsync($"/api/v1/audit?userName={phone}");
        Assert.NotEmpty(items);
        Assert.DoesNotContain(phone, JsonSerializer.Serialize(items), StringComparison.Ordinal);
        Assert.All(items.Where(i => i.GetProperty("action").GetString() != "sign_in_failed"), i =>
        {
            Assert.Equal($"{name}（{masked}）", i.GetProperty("userName").GetString());
            Assert.Equal(JsonValueKind.String, i.GetProperty("userId").ValueKind);
        });
    }
}

public sealed class CitizenTestsOnSqlite(SqliteApp app) : CitizenTests(app), IClassFixture<SqliteApp>;

public sealed class CitizenTestsOnPostgres(PostgresApp app) : CitizenTests(app), IClassFixture<PostgresApp>;
