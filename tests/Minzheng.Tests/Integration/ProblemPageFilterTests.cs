using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Integration;

/// <summary>
/// ADR 021: page models leave <c>AppProblem</c> to one page filter, which shows it beside the fields, reloads the page's data
/// and keeps what was typed; a record that is gone still answers 404.
/// </summary>
public abstract partial class ProblemPageFilterTests(AppFixture app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private async Task<HttpClient> ClientAsync(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user));
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;

    [Fact]
    public async Task A_refused_form_shows_the_problem_beside_its_field_with_the_page_reloaded_and_the_input_kept()
    {
        app.SkipIfUnavailable();
        var client = await ClientAsync("rongxian.officer");
        var response = await client.PostAsync("/comparison/datasets", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(client, "/comparison/datasets"),
            ["Input.Kind"] = "vehicles",
            ["Input.Source"] = "",
            ["Input.AsOf"] = "2026-11-28",
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var doc = new HtmlParser().ParseDocument(html);
        // beside its field, in the form's field names (Input.Source), and the file's error beside the upload
        Assert.Equal("请填写数据提供单位", doc.QuerySelector("[data-valmsg-for='Input.Source']")?.TextContent.Trim());
        Assert.Contains(doc.QuerySelectorAll(".field-error"), e => e.TextContent.Contains("请选择要上传的文件", StringComparison.Ordinal));
        // the page's data is there again (the demo's imported datasets, not the empty table) and the choice made is kept
        Assert.DoesNotContain("尚未导入比对数据", html, StringComparison.Ordinal);
        Assert.Equal("vehicles", doc.QuerySelector("select[name='Input.Kind'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_nested_field_error_is_shown_beside_its_nested_form_field()
    {
        app.SkipIfUnavailable();
        // a child in 容州镇 (the clerk's township), registered for this test
        var idNumber = Minzheng.Web.Platform.Registry.IdNumber.Compose("450102", new DateOnly(2016, 5, 1), Random.Shared.Next(1, 999));
        var admin = await app.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name = "梁小明", divisionCode = "450921100003", hukouType = "rural" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var client = await ClientAsync("rongzhou.clerk");
        var response = await client.PostAsync("/children/cases/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(client, "/children/cases/new"),
            ["Input.ChildIdNumber"] = idNumber,
            ["Input.Kind"] = "Unsupported",
            ["Input.Father.Situation"] = "Imprisoned",
            ["Input.Father.Evidence"] = "（2025）桂0921刑初88号",
            ["Input.Mother.Situation"] = "Dead",
            ["Input.Mother.Evidence"] = "死亡证明 A123",
            ["Input.Placement"] = "Kinship",
            ["Input.GuardianName"] = "梁桂芳",
            ["Input.GuardianRelation"] = "祖母",
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var doc = new HtmlParser().ParseDocument(html);
        // the API's "father.termMonths" is shown beside the father's term field, and what was typed stays
        Assert.Equal("请填写刑期或措施期限（月）", doc.QuerySelector("[data-valmsg-for='Input.Father.TermMonths']")?.TextContent.Trim());
        Assert.Equal("（2025）桂0921刑初88号", doc.QuerySelector("input[name='Input.Father.Evidence']")?.GetAttribute("value"));
        Assert.Equal("Imprisoned", doc.QuerySelector("select[name='Input.Father.Situation'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_handler_on_a_record_that_is_gone_still_answers_404()
    {
        app.SkipIfUnavailable();
        var client = await ClientAsync("rongzhou.clerk");
        var response = await client.PostAsync($"/registry/households/{Guid.NewGuid()}?handler=Head", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(client, "/registry/households/new"),
            ["personId"] = Guid.NewGuid().ToString(),
            ["version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ProblemPageFilterTestsOnSqlite(SqliteApp app) : ProblemPageFilterTests(app), IClassFixture<SqliteApp>;

public sealed class ProblemPageFilterTestsOnPostgres(PostgresApp app) : ProblemPageFilterTests(app), IClassFixture<PostgresApp>;
