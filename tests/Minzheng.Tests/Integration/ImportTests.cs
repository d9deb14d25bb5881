using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Integration;

/// <summary>Importing a legacy export: column mapping, every bad row reported by line, nothing half-way.</summary>
public abstract partial class ImportTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> AntiforgeryAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    private async Task<(HttpClient Client, string BatchUrl)> UploadAsync(string csv, string fileName = "legacy.csv", Encoding? encoding = null)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        var token = await AntiforgeryAsync(client, "/imports");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(csv);
        form.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "upload", fileName);
        var response = await client.PostAsync("/imports", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (client, response.Headers.Location!.OriginalString);
    }

    private static async Task PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryAsync(client, url);
        var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static async Task<System.Text.Json.JsonElement> WaitAsync(HttpClient client, string batchUrl)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetJsonAsync(batchUrl + "/status");
            if (status.GetProperty("done").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    private static Dictionary<string, string> Mapping(params (string Field, string Header)[] pairs) =>
        pairs.ToDictionary(p => $"mapping[{p.Field}]", p => p.Header);

    private static readonly (string, string)[] LegacyMapping =
    [
        ("householdKey", "户编号"), ("idNumber", "公民身份号码"), ("name", "姓名"), ("relation", "与户主关系"), ("divisionCode", "区划代码"),
        ("phone", "联系电话"), ("disabilityCategory", "残疾类别"), ("disabilityGrade", "残疾等级"),
    ];

    [Fact]
    public async Task A_clean_file_imports_every_household()
    {
        app.SkipIfUnavailable();
        string a1 = TestIds.Next(Sex.Male), a2 = TestIds.Next(), b1 = TestIds.Next();
        var csv = $"""
            户编号,公民身份号码,姓名,与户主关系,区划代码,联系电话,残疾类别,残疾等级
            H1,{a1},陆大海,户主,{Xinnan},13907751234,肢体,二级
            H1,{a2},陆小梅,女,{Xinnan},,,
            H2,{b1},覃阿婆,户主,{Xinnan},,,
            """;
        var (client, url) = await UploadAsync(csv);
        await PostFormAsync(client, url, "Map", Mapping(LegacyMapping));
        var validated = await WaitAsync(client, url);
        Assert.Equal("Validated", validated.GetProperty("status").GetString());
        await PostFormAsync(client, url, "Commit", []);
        var done = await WaitAsync(client, url);
        Assert.Equal("Committed", done.GetProperty("status").GetString());

        var found = await client.GetJsonAsync($"/api/v1/persons?idNumber={a1}");
        var id = found.GetProperty("items")[0].GetProperty("id").GetString();
        var person = await client.GetJsonAsync($"/api/v1/persons/{id}");
        Assert.Equal("physical", person.GetProperty("disability").GetProperty("category").GetString());
        Assert.Equal(2, person.GetProperty("disability").GetProperty("grade").GetInt32());
        var household = await client.GetJsonAsync($"/api/v1/households/{person.GetProperty("household").GetProperty("householdId").GetString()}");
        Assert.Equal(2, household.GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Every_bad_row_is_reported_by_line_and_nothing_is_imported_until_the_user_chooses()
    {
        app.SkipIfUnavailable();
        string good1 = TestIds.Next(Sex.Male), good2 = TestIds.Next(), bad1 = TestIds.Next(), dup = TestIds.Next();
        var csv = $"""
            户编号,公民身份号码,姓名,与户主关系,区划代码,联系电话,残疾类别,残疾等级
            G1,{good1},韦正,户主,{Xinnan},,,
            G1,{good2},韦兰,配偶,{Xinnan},,,
            B1,110105194912310021,错号码,户主,{Xinnan},,,
            B2,{bad1},无名村,户主,450921999999,,,
            B3,{dup},重复,户主,{Xinnan},12345,,
            B3,{dup},重复二,子,{Xinnan},,,
            B4,{TestIds.Next()},关系错,表叔公,{Xinnan},,,
            """;
        var (client, url) = await UploadAsync(csv);
        await PostFormAsync(client, url, "Map", Mapping(LegacyMapping));
        var status = await WaitAsync(client, url);
        Assert.Equal("Validated", status.GetProperty("status").GetString());

        // the report lists each problem with its line (header = line 1)
        var report = await client.GetAsync(url + "/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        await using (var stream = await report.Content.ReadAsStreamAsync())
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            var lines = rows.Select(r => Convert.ToInt32(r["行号"], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal([4, 5, 6, 7, 8], lines.Order());
            Assert.Contains(rows, r => r["行号"].ToString() == "4" && r["问题"].ToString()!.Contains("校验码", StringComparison.Ordinal));
            Assert.Contains(rows, r => r["行号"].ToString() == "7" && r["问题"].ToString()!.Contains("第 6 行", StringComparison.Ordinal));
            Assert.Contains(rows, r => r["行号"].ToString() == "6" && r["列"].ToString() == "联系电话");
            Assert.Contains(rows, r => r["行号"].ToString() == "8" && r["问题"].ToString()!.Contains("表叔公", StringComparison.Ordinal));
        }

        // nothing was written by validation
        Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/persons?idNumber={good1}")).GetProperty("total").GetInt32());

        // committing everything is refused while errors remain
        var token = await AntiforgeryAsync(client, url);
        var refused = await client.PostAsync($"{url}?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the page again, with the reason
        Assert.Contains("仅导入无误的户", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/persons?idNumber={good1}")).GetProperty("total").GetInt32());

        // explicitly only the good households
        await PostFormAsync(client, url, "Commit", new Dictionary<string, string> { ["onlyValid"] = "true" });
        var done = await WaitAsync(client, url);
        Assert.Equal("Committed", done.GetProperty("status").GetString());
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/persons?idNumber={good1}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/persons?idNumber={good2}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/persons?idNumber={dup}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/persons?idNumber={bad1}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_gb18030_csv_from_an_old_system_is_read()
    {
        app.SkipIfUnavailable();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var id = TestIds.Next();
        var csv = $"户主身份证号,身份证号码,姓名,关系,村（社区）代码\n{id},{id},庞桂英,户主,{Xinnan}\n";
        var (client, url) = await UploadAsync(csv, "gbk.csv", Encoding.GetEncoding("GB18030"));
        var page = await client.GetStringAsync(url);
        Assert.Contains("庞桂英".Length > 0 ? "户主身份证号" : "", page, StringComparison.Ordinal);
        // the mapping step proposes the recognised headings
        Assert.Contains("<option value=\"身份证号码\" selected=\"selected\">", page, StringComparison.Ordinal);
        await PostFormAsync(client, url, "Map", Mapping(("headIdNumber", "户主身份证号"), ("idNumber", "身份证号码"), ("name", "姓名"), ("relation", "关系"), ("divisionCode", "村（社区）代码")));
        Assert.Equal("Validated", (await WaitAsync(client, url)).GetProperty("status").GetString());
        await PostFormAsync(client, url, "Commit", []);
        Assert.Equal("Committed", (await WaitAsync(client, url)).GetProperty("status").GetString());
        var person = await client.GetJsonAsync($"/api/v1/persons?idNumber={id}");
        Assert.Equal("庞桂英", person.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_township_cannot_see_the_batch()
    {
        app.SkipIfUnavailable();
        var (_, url) = await UploadAsync($"户编号,身份证号,姓名,与户主关系,区划代码\nX,{TestIds.Next()},某人,户主,{Xinnan}\n");
        var other = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("yangmei.clerk"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + "/status")).StatusCode);
    }
}

public sealed class ImportTestsOnSqlite(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class ImportTestsOnPostgres(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
