using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Integration;

/// <summary>
/// Issue 12 items 18, 20 and 25 (imports): an xlsx written by another program than MiniExcel (its OpenXML parts written here
/// by hand, with shared strings and numeric cells as Excel writes them) imports through the page and through
/// <c>/api/v1/imports</c> (upload, proposed mapping, validation, errors by line, commit), for people and for a comparison
/// dataset; a garbage file stores at most <see cref="ImportErrors.MaxStored"/> errors and counts the rest per kind, with
/// one audit entry for them; a stray quote is reported by line; an executable named .csv is refused.
/// </summary>
public abstract partial class ImportApiTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>An xlsx as Excel writes one: shared strings for text, numbers as numbers, one sheet. Not MiniExcel.</summary>
    public static byte[] HandWrittenXlsx(IReadOnlyList<object?[]> rows)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = $"{(char)('A' + c)}{r + 1}";
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case long or int or decimal or double:
                        sheet.Append($"<c r=\"{cell}\"><v>{Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        var text = rows[r][c]!.ToString()!;
                        if (!index.TryGetValue(text, out var i))
                        {
                            index[text] = i = strings.Count;
                            strings.Add(text);
                        }
                        sheet.Append($"<c r=\"{cell}\" t=\"s\"><v>{i}</v></c>");
                        break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var shared = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
        foreach (var s in strings) shared.Append($"<si><t>{SecurityElement.Escape(s)}</t></si>");
        shared.Append("</sst>");
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"人员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
            ["xl/sharedStrings.xml"] = shared.ToString(),
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
        }
        return buffer.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", fileName);
        return form;
    }


    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] content, string fileName, string kind, params (string, string)[] extra)
    {
        var r = await client.PostAsync("/api/v1/imports", Form(content, fileName, [("kind", kind), .. extra]));
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static object?[][] People(string a1, string a2, string b1) =>
    [
        ["户编号", "公民身份号码", "姓名", "与户主关系", "区划代码"],
        ["X1", a1, "韦大江", "户主", long.Parse(Xinnan, System.Globalization.CultureInfo.InvariantCulture)],
        ["X1", a2, "韦小江", "子", long.Parse(Xinnan, System.Globalization.CultureInfo.InvariantCulture)],
        ["X2", b1, "莫阿婆", "户主", Xinnan],
    ];

    [Fact]
    public async Task An_xlsx_written_by_another_program_imports_through_the_api_with_the_proposed_mapping()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        string a1 = TestIds.Next(Sex.Male), a2 = TestIds.Next(Sex.Male), b1 = TestIds.Next();
        var uploaded = await UploadAsync(clerk, HandWrittenXlsx(People(a1, a2, b1)), "旧系统导出.xlsx", PersonImport.KindCode);
        Assert.Equal("uploaded", uploaded.GetProperty("status").GetString());
        var mapping = uploaded.GetProperty("mapping");
        Assert.Equal("公民身份号码", mapping.GetProperty("idNumber").GetString());
        Assert.Equal("区划代码", mapping.GetProperty("divisionCode").GetString());
        var id = uploaded.GetProperty("id").GetString()!;

        // committing before validation is refused; the proposed mapping is accepted as it is
        await clerk.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { onlyValidRows = false }).ExpectProblemAsync(409, "import_not_validated");
        var accepted = await clerk.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", new { mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(mapping.GetRawText()) });
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var validated = await clerk.WaitForImportAsync(id);
        Assert.True(validated.GetProperty("status").GetString() == "validated", validated.ToString());
        Assert.Equal((3, 0), (validated.GetProperty("totalRows").GetInt32(), validated.GetProperty("errorRows").GetInt32()));

        (await clerk.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { onlyValidRows = false })).EnsureSuccessStatusCode();
        var committed = await clerk.WaitForImportAsync(id);
        Assert.True(committed.GetProperty("status").GetString() == "committed", committed.ToString());
        Assert.Equal(3, committed.GetProperty("committedRows").GetInt32());
        var found = await clerk.GetItemsAsync($"/api/v1/persons?idNumber={a2}");
        Assert.Equal("韦小江", Assert.Single(found).GetProperty("name").GetString());

        // another township's clerk does not see the batch; a kind the user may not import is a field error
        var yangmei = await app.ClientAsync("yangmei.clerk");
        await (await yangmei.GetAsync($"/api/v1/imports/{id}")).ExpectProblemAsync(404, "not_found");
        var refused = await (await clerk.PostAsync("/api/v1/imports", Form(HandWrittenXlsx(People(a1, a2, b1)), "x.xlsx", ("kind", "comparison.deaths")))).ExpectProblemAsync(400, "validation_failed");
        Assert.True(refused.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task An_xlsx_written_by_another_program_imports_through_the_page_and_a_dataset_through_the_api()
    {
        app.SkipIfUnavailable();
        // the page (/imports) as the clerk uses it
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        var token = TokenPattern().Match(await client.GetStringAsync("/imports")).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(HandWrittenXlsx(People(TestIds.Next(Sex.Male), TestIds.Next(), TestIds.Next()))), "upload", "户籍导出.xlsx");
        var page = await client.PostAsync("/imports", form);
        Assert.True(page.StatusCode == HttpStatusCode.Redirect, await page.Content.ReadAsStringAsync());
        var html = await client.GetStringAsync(page.Headers.Location!.OriginalString);
        Assert.Contains("公民身份号码", html, StringComparison.Ordinal);

        // the application's own template (written by MiniExcel) uploads too
        var template = await client.GetByteArrayAsync("/imports/template.xlsx");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await UploadAsync(clerk, template, "人员家庭导入模板.xlsx", PersonImport.KindCode);

        // a dataset (deaths) through the API, with its source and date; the date is checked like on the page
        var officer = await app.ClientAsync("rongxian.officer");
        var deaths = HandWrittenXlsx([["身份证号", "姓名", "死亡日期"], [TestIds.Next(), "覃某", "2026-10-01"], [TestIds.Next(), "黄某", "2026-10-02"]]);
        var noSource = await (await officer.PostAsync("/api/v1/imports", Form(deaths, "deaths.xlsx", ("kind", "comparison.deaths"), ("asOf", "2099-01-01")))).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noSource.GetProperty("errors").TryGetProperty("source", out _) && noSource.GetProperty("errors").TryGetProperty("asOf", out _), noSource.ToString());
        var batch = await UploadAsync(officer, deaths, "deaths.xlsx", "comparison.deaths", ("source", "容县公安局"), ("asOf", "2026-11-01"));
        var id = batch.GetProperty("id").GetString()!;
        (await officer.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", new { mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(batch.GetProperty("mapping").GetRawText()) })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await officer.WaitForImportAsync(id)).GetProperty("errorRows").GetInt32());
        (await officer.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { onlyValidRows = false })).EnsureSuccessStatusCode();
        var done = await officer.WaitForImportAsync(id);
        Assert.True(done.GetProperty("status").GetString() == "committed", done.ToString());
        Assert.Equal(2, done.GetProperty("committedRows").GetInt32());
    }

    [Fact]
    public async Task A_garbage_file_stores_at_most_the_cap_counts_the_rest_per_kind_and_is_audited_once()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        // 3,000 rows, each with several errors (bad ID, unknown relation, bad division, bad date): about 12,000 errors
        var csv = new StringBuilder("户编号,身份证号,姓名,与户主关系,区划代码,死亡日期\n");
        for (var i = 0; i < 3000; i++) csv.Append($"G{i},12345{i},x{i},某某{i % 7},99{i},2020-13-{i % 30:D2}\n");
        var uploaded = await UploadAsync(clerk, Encoding.UTF8.GetBytes(csv.ToString()), "garbage.csv", PersonImport.KindCode);
        var id = uploaded.GetProperty("id").GetString()!;
        var auditBefore = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync());
        (await clerk.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", new { mapping = new { householdKey = "户编号", idNumber = "身份证号", name = "姓名", relation = "与户主关系", divisionCode = "区划代码", deathDate = "死亡日期" } }))
            .EnsureSuccessStatusCode();
        var validated = await clerk.WaitForImportAsync(id);
        Assert.True(validated.GetProperty("status").GetString() == "validated", validated.ToString());
        Assert.Equal(3000, validated.GetProperty("errorRows").GetInt32());

        var batchId = Guid.Parse(id);
        var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().ImportRowErrors.CountAsync(e => e.BatchId == batchId));
        Assert.Equal(ImportErrors.MaxStored, stored);
        var errors = validated.GetProperty("errors");
        Assert.Equal(ImportErrors.MaxStored, errors.GetProperty("total").GetInt32());
        Assert.Equal(2, errors.GetProperty("items")[0].GetProperty("line").GetInt32()); // the first errors by line are the ones kept
        var counts = validated.GetProperty("errorCounts").EnumerateArray().ToList();
        Assert.NotEmpty(counts);
        Assert.True(counts.Sum(c => c.GetProperty("count").GetInt32()) > 5000);
        // a kind is a message without its value: the 3,000 bad relations make a handful of kinds, not thousands
        Assert.InRange(counts.Count, 1, ImportErrors.MaxKinds);

        // audited once for the error rows (plus the batch itself and the job), not once per error
        var auditAfter = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync());
        Assert.InRange(auditAfter - auditBefore, 1, 50);

        // the error report lists the kept errors one by one and the rest as counts per kind
        var report = await clerk.GetByteArrayAsync($"/imports/{id}/errors.xlsx");
        var rows = MiniExcel.Query(new MemoryStream(report), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(ImportErrors.MaxStored + counts.Count, rows.Count);
        Assert.Contains(rows, r => r["行号"]?.ToString() == "（其余）");

        // the page shows the counts
        var html = await (await PageClientAsync()).GetStringAsync($"/imports/{id}");
        Assert.Contains("data-error-counts", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> PageClientAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        return client;
    }

    [Fact]
    public async Task A_stray_quote_is_reported_by_line_and_an_executable_named_csv_is_refused()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var csv = $"户编号,身份证号,姓名,与户主关系,区划代码\nQ1,{TestIds.Next()},黄\"小明,户主,{Xinnan}\nQ2,{TestIds.Next()},黄大明,户主,{Xinnan}\nQ3,{TestIds.Next()},黄三明,户主,{Xinnan}\n";
        var quote = await (await clerk.PostAsync("/api/v1/imports", Form(Encoding.UTF8.GetBytes(csv), "quote.csv", ("kind", PersonImport.KindCode)))).ExpectProblemAsync(400, TabularFile.QuoteCode);
        Assert.Contains("第 2 行", quote.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        // a Windows executable renamed .csv: "MZ", NUL bytes, machine code
        var exe = new byte[4096];
        Random.Shared.NextBytes(exe);
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        exe[2] = 0x90;
        exe[3] = 0;
        await (await clerk.PostAsync("/api/v1/imports", Form(exe, "people.csv", ("kind", PersonImport.KindCode)))).ExpectProblemAsync(400, TabularFile.NotTextCode);

        // a GB18030 file stays accepted (decoded, not refused as binary)
        var gbk = Encoding.GetEncoding("GB18030").GetBytes($"户编号,身份证号,姓名,与户主关系,区划代码\nK1,{TestIds.Next()},黄小明,户主,{Xinnan}\n");
        await UploadAsync(clerk, gbk, "gbk.csv", PersonImport.KindCode);
    }

    static ImportApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}

public sealed class ImportApiTestsOnSqlite(SqliteApp app) : ImportApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportApiTestsOnPostgres(PostgresApp app) : ImportApiTests(app), IClassFixture<PostgresApp>;
