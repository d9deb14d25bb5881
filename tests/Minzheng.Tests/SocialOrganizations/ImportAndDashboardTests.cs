using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Issue 14 on SQLite and PostgreSQL: the import of an authority's existing list of social organisations (every bad row
/// reported by line — check character, unknown kind, duplicate, registered already, another authority's level — and nothing
/// written until the file is clean, not even when only the good rows are asked for), and the dashboard computed from the
/// business tables in the user's scope.
/// </summary>
public abstract partial class ImportAndDashboardTests(AppFixture app)
{
    private static int _sequence;

    /// <summary>A fresh, valid 民政 credit code for a social group registered by <paramref name="authority6"/>.</summary>
    private static string NextCode(char type = '1', string authority6 = "450900") =>
        CreditCode.Compose('5', type, authority6, "TK" + (Interlocked.Increment(ref _sequence) + Random.Shared.Next(0, 90000) * 10).ToString("D6", CultureInfo.InvariantCulture));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The same rows as an Excel workbook (the format the authorities' systems export), written with MiniExcel.</summary>
    private static byte[] Xlsx(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => CsvCells(l)).Select(cells => header.Select((h, i) => (h, v: i < cells.Count ? cells[i] : "")).ToDictionary(x => x.h, x => (object)x.v)).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    /// <summary>Splits one CSV line (quotes keep a comma inside a cell, as in "30,000").</summary>
    private static List<string> CsvCells(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }

    private async Task<(HttpClient Client, string BatchUrl)> UploadAsync(string user, string csv, bool asXlsx = false)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user));
        var token = TokenPattern().Match(await client.GetStringAsync("/social-organizations/import")).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        if (asXlsx) form.Add(new ByteArrayContent(Xlsx(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } }, "upload", "socorg.xlsx");
        else form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "upload", "socorg.csv");
        var uploaded = await client.PostAsync("/social-organizations/import", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var url = uploaded.Headers.Location!.OriginalString;
        // the headings are the template's: the kernel's guess maps every column
        await PostFormAsync(client, url, "Map", Header.Split(',').Select((h, i) => (Field: Fields[i], Heading: h)).ToDictionary(x => $"mapping[{x.Field}]", x => x.Heading));
        Assert.Equal("Validated", (await WaitAsync(client, url)).GetProperty("status").GetString());
        return (client, url);
    }

    private const string Header = "统一社会信用代码,社会组织名称,类型,登记层级,住所所在区划代码,法定代表人,成立登记日期,业务主管单位,行业分类,注册资金（元）,登记证书号,是否行业协会商会";
    private static readonly string[] Fields = ["creditCode", "name", "kind", "level", "divisionCode", "legalRepresentative", "registeredOn", "supervisingUnit", "category", "capital", "certificateNumber", "tradeAssociation"];

    private static async Task PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;
        var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string batchUrl)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetJsonAsync(batchUrl + "/status");
            if (status.GetProperty("done").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    private Task<int> CountAsync(params string[] codes) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<SocialOrganizationProfile>().CountAsync(p => sp.GetRequiredService<AppDbContext>().Organizations.Any(o => o.Id == p.OrganizationId && codes.Contains(o.CreditCode!))));

    [Fact]
    public async Task An_import_reports_every_bad_row_by_line_and_writes_nothing_until_the_file_is_clean()
    {
        app.SkipIfUnavailable();
        string good1 = NextCode(), good2 = NextCode('3'), dup = NextCode(), county = NextCode('2', "450921");
        var bad = good1[..17] + (good1[17] == '0' ? '1' : '0');
        var registered = CreditCode.Compose('5', '1', "450900", "50001001"); // the demo's 玉林市慈善总会
        var notCivilAffairs = CreditCode.Compose('9', '1', "450900", "TK123456");
        var csv = $"""
            {Header}
            {good1},玉林市测试书画协会,社会团体,市级,450902001000,甲,2015-03-01,玉林市文联,文化,"30,000",,否
            {good2},玉林市测试助老基金会,基金会,市级,450902001000,乙,2019-06-01,,社会服务,2000000,,否
            {bad},校验位错误的协会,社会团体,市级,450902001000,丙,2016-01-01,,,,,
            {dup},重复甲,社会团体,市级,450902001000,丁,2016-01-01,,,,,
            {dup},重复乙,社会团体,市级,450902001000,戊,2016-01-01,,,,,
            {NextCode()},类型不明的组织,合伙作坊,市级,450902001000,己,2016-01-01,,,,,
            {registered},玉林市慈善总会,社会团体,市级,450902001000,陈慈,2005-03-18,,,,,
            {notCivilAffairs},工商登记的公司,社会团体,市级,450902001000,庚,2016-01-01,,,,,
            {NextCode()},层级不明的协会,社会团体,省级,450902001000,辛,2016-01-01,,,,,
            {NextCode()},资金有误的协会,社会团体,市级,450902001000,壬,2016-01-01,,,-5,,否
            """;
        // the register as the authority's system exports it: an Excel workbook
        var (client, url) = await UploadAsync("city.officer", csv, asXlsx: true);

        var report = await client.GetAsync(url + "/errors.xlsx");
        await using (var stream = await report.Content.ReadAsStreamAsync())
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            string Problem(int line) => string.Join("；", rows.Where(r => r["行号"].ToString() == line.ToString(CultureInfo.InvariantCulture)).Select(r => r["问题"].ToString()));
            Assert.Equal([4, 6, 7, 8, 9, 10, 11], rows.Select(r => Convert.ToInt32(r["行号"], CultureInfo.InvariantCulture)).Distinct().Order());
            Assert.Contains("校验位", Problem(4), StringComparison.Ordinal);
            Assert.Contains("第 5 行", Problem(6), StringComparison.Ordinal);
            Assert.Contains("合伙作坊", Problem(7), StringComparison.Ordinal);
            Assert.Contains("已在平台登记", Problem(8), StringComparison.Ordinal);
            Assert.Contains("民政", Problem(9), StringComparison.Ordinal);
            Assert.Contains("省级", Problem(10), StringComparison.Ordinal);
            Assert.Contains("注册资金", Problem(11), StringComparison.Ordinal);
        }

        // nothing is written while errors remain: neither the whole file nor "only the good rows" (the page no longer offers it)
        Assert.DoesNotContain("仅导入无误的", await client.GetStringAsync(url), StringComparison.Ordinal);
        await PostFormAsync(client, url, "Commit", []);
        await PostFormAsync(client, url, "Commit", new Dictionary<string, string> { ["onlyValid"] = "true" });
        var api = await app.ClientAsync("city.officer");
        var id = url.Split('/')[^1];
        var commit = await api.PostAsync($"/api/v1/imports/{id}/commit", new StringContent("{\"onlyValidRows\":true}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, commit.StatusCode);
        Assert.Equal(0, await CountAsync(good1, good2, dup));

        // a county officer may import only its own county's register
        var (countyClient, countyUrl) = await UploadAsync("rongxian.officer", $"""
            {Header}
            {county},容县测试社工服务中心,社会服务机构,县级,450921100000,癸,2020-05-01,,社会服务,30000,,否
            {NextCode()},市级登记的协会,社会团体,市级,450921100000,子,2016-01-01,,,,,
            """);
        var countyErrors = await countyClient.GetStringAsync(countyUrl);
        Assert.Contains("市级登记的社会组织只能由市级登记管理机关导入", countyErrors, StringComparison.Ordinal);

        // the clean file is imported whole, with its profiles
        var (_, cleanUrl) = await UploadAsync("city.officer", $"""
            {Header}
            {good1},玉林市测试书画协会,社会团体,市级,450902001000,甲,2015-03-01,玉林市文联,文化,"30,000",玉社证字第T{good1[^4..]}号,否
            {good2},玉林市测试助老基金会,基金会,市级,450902001000,乙,2019-06-01,,社会服务,2000000,,否
            """);
        await PostFormAsync(client, cleanUrl, "Commit", []);
        Assert.Equal("Committed", (await WaitAsync(client, cleanUrl)).GetProperty("status").GetString());
        Assert.Equal(2, await CountAsync(good1, good2));
        var profile = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SocialOrganizationProfile>()
            .SingleAsync(p => sp.GetRequiredService<AppDbContext>().Organizations.Any(o => o.Id == p.OrganizationId && o.CreditCode == good1)));
        Assert.Equal(RegistrationLevel.City, profile.Level);
        Assert.Equal("450900000000", profile.AuthorityDivisionCode);
        Assert.Equal("玉林市文联", profile.SupervisingUnit);
        Assert.Equal("culture", profile.Category);
        Assert.Equal(3_000_000, profile.RegisteredCapital.Fen);
    }

    [Fact]
    public async Task The_dashboard_counts_the_register_reports_and_lists_in_the_users_scope()
    {
        app.SkipIfUnavailable();
        // an organisation of 容县 registered in 2015 that filed its 2019 report on 10 April 2020 and was given a warning 10 days ago
        var (orgId, today) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var registration = sp.GetRequiredService<OrganizationRegistration>();
            var org = await registration.CreateAsync(new OrganizationInput
            {
                CreditCode = NextCode('1', "450921"),
                Name = "容县测试统计协会" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
                Kind = OrganizationKind.SocialGroup,
                DivisionCode = "450921102000",
                LegalRepresentativeName = "统计",
                RegisteredOn = new DateOnly(2015, 1, 1),
            });
            var profile = new SocialOrganizationProfile { OrganizationId = org.Id, DivisionCode = org.DivisionCode, Kind = org.Kind, Level = RegistrationLevel.County, AuthorityDivisionCode = "450921000000", SupervisingUnit = "容县民政局" };
            db.Add(profile);
            db.Add(new AnnualReport { OrganizationId = org.Id, DivisionCode = org.DivisionCode, Year = 2019, Status = AnnualReportStatus.Concluded, SubmittedOn = new DateOnly(2020, 4, 10), Conclusion = InspectionConclusion.BasicallyQualified, ConcludedOn = new DateOnly(2020, 6, 1) });
            await db.SaveChangesAsync();
            return (org.Id, sp.GetRequiredService<Minzheng.Web.Platform.Time.BusinessClock>().Today);
        });
        var officer = await app.ClientAsync("rongxian.officer");
        var before = await officer.GetJsonAsync("/api/v1/social-organizations/dashboard?year=2019");
        Assert.All(before.GetProperty("byCounty").EnumerateArray(), c => Assert.Equal("450921000000", c.GetProperty("key").GetString()));
        var season = before.GetProperty("reports");
        Assert.Equal(2019, season.GetProperty("year").GetInt32());
        Assert.True(season.GetProperty("submitted").GetInt32() >= 1);
        Assert.Contains(season.GetProperty("days").EnumerateArray(), d => d.GetProperty("date").GetString() == "2020-04-10");
        Assert.True(season.GetProperty("conclusions").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "basically-qualified").GetProperty("value").GetInt32() >= 1);

        await app.WithServicesAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
            var o = await sp.GetRequiredService<RegistrationAuthority>().LoadAsync(orgId);
            await ledger.RecordAsync(o, new CreditEntry(orgId, today.AddDays(-10), CreditEventKind.WarningOrSmallFine, "测试：警告", "officer", "容民社罚〔2026〕1号"));
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return 0;
        });
        var after = await officer.GetJsonAsync("/api/v1/social-organizations/dashboard?year=2019");
        Assert.Equal(before.GetProperty("onAbnormalList").GetInt32() + 1, after.GetProperty("onAbnormalList").GetInt32());
        Assert.Equal(before.GetProperty("active").GetInt32(), after.GetProperty("active").GetInt32());

        // the city sees more than 容县 (its own registrations in 玉州区), bad years are refused on their field, the page renders
        var city = await app.ClientAsync("city.officer");
        var all = await city.GetJsonAsync("/api/v1/social-organizations/dashboard");
        Assert.True(all.GetProperty("active").GetInt32() > after.GetProperty("active").GetInt32());
        var bad = await city.GetAsync("/api/v1/social-organizations/dashboard?year=1800");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("year", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await city.GetStringAsync("/social-organizations?year=abc");
        Assert.Contains("报告年度应为四位数字年份", page, StringComparison.Ordinal);
        Assert.Contains("年度工作报告（年检）", page, StringComparison.Ordinal);
        // township staff have nothing to do with social organisations
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongzhou.clerk")).GetAsync("/api/v1/social-organizations/dashboard")).StatusCode);
    }
}

public sealed class ImportAndDashboardTestsOnSqlite(SqliteApp app) : ImportAndDashboardTests(app), IClassFixture<SqliteApp>;

public sealed class ImportAndDashboardTestsOnPostgres(PostgresApp app) : ImportAndDashboardTests(app), IClassFixture<PostgresApp>;
