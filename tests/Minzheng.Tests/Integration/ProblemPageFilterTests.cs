using System.Net;
using System.Net.Http.Headers;
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
