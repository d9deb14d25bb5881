using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Marriage.Backfill;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// Issue 15 item 2 on SQLite and PostgreSQL: archive records entered by one 容县 clerk and checked by another (the enterer is
/// refused, a stale version is refused, a registry match is only a suggestion the checker confirms and the live person is never
/// written), bad input refused on its field with nothing saved, another county's clerk gets 404, the xlsx import reports every
/// bad row by line and writes nothing until asked for the valid rows, and the quality report counts what it finds.
/// </summary>
public abstract class BackfillTests(AppFixture app)
{
    private const string Rongxian = "450921000000";

    private static object Party(string name, string sex, string? id = null, string? anomaly = null, string? birth = "1960-03-01", string? ethnicity = "汉族",
        string? marital = "未婚") =>
        new { name, sex, idNumber = id, anomalyCode = anomaly, birthDate = birth, ethnicity, nationality = "中国", occupation = "5", maritalBefore = marital };

    private static object Record(string archive, object a, object b, string date = "1985-05-01", string type = "结婚", string county = Rongxian, string registry = "容县某乡人民政府（已撤并）") =>
        new { archiveNumber = archive, registeredOn = date, registryName = registry, divisionCode = county, type, partyA = a, partyB = b };

    private static string Archive(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private Task<int> CountAsync(string archivePrefix) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<HistoricalMarriageRecord>().CountAsync(r => r.ArchiveNumber.StartsWith(archivePrefix)));

    [Fact]
    public async Task A_record_is_entered_by_one_clerk_and_checked_by_another()
    {
        app.SkipIfUnavailable();
        // a live 容县 person whose number the archive shows: the record suggests the link, the checker confirms it
        var (personId, idNumber, personVersion) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Persons.AsNoTracking().Where(x => x.IdNumberCipher != null && x.DivisionCode.StartsWith("450921")).OrderBy(x => x.Id).FirstAsync();
            return (p.Id, sp.GetRequiredService<IdentifierProtector>().Decrypt(p.IdNumberCipher!, ProtectedKind.IdNumber), p.Version);
        });
        var officeId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MarriageOffice>().Where(o => o.DivisionCode == Rongxian).Select(o => o.Id).FirstAsync());
        var enterer = await app.ClientAsync("rongxian.marriage");
        var checker = await app.ClientAsync("rongxian.officer");
        var archive = Archive("T-CHK");

        var created = await enterer.PostAsJsonAsync("/api/v1/marriage/backfill/records", new
        {
            archiveNumber = archive,
            registeredOn = "1988-06-18",
            officeId,
            type = "marriage",
            partyA = Party("测试甲", "男", id: idNumber, birth: null),
            partyB = Party("测试乙", "女", anomaly: "无身份证号", birth: "1966"),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.JsonAsync();
        var id = record.GetProperty("id").GetString();
        Assert.Equal("Entered", record.GetProperty("status").GetString());
        Assert.Equal("容县婚姻登记处", record.GetProperty("registryName").GetString());
        Assert.Equal(IdNumber.Mask(idNumber), record.GetProperty("partyA").GetProperty("idNumber").GetString());
        Assert.Equal(personId.ToString(), record.GetProperty("partyA").GetProperty("personId").GetString());
        Assert.False(record.GetProperty("partyA").GetProperty("personConfirmed").GetBoolean());
        Assert.Equal("no-id", record.GetProperty("partyB").GetProperty("anomalyCode").GetString());
        Assert.Equal("1966年", record.GetProperty("partyB").GetProperty("birth").GetString());
        var version = record.GetProperty("version").GetInt32();

        // the enterer cannot check it; another county sees nothing
        await (await enterer.PostAsJsonAsync($"/api/v1/marriage/backfill/records/{id}/check", new { version, confirmPartyA = true })).ExpectProblemAsync(409, "marriage_backfill_same_clerk");
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/marriage/backfill/records/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/marriage/backfill/records/{id}/check", new { version })).StatusCode);
        Assert.Empty(await beiliu.GetItemsAsync($"/api/v1/marriage/backfill/records?q={archive}"));

        // a stale version is refused; the right one checks it, confirming the suggested link
        await (await checker.PostAsJsonAsync($"/api/v1/marriage/backfill/records/{id}/check", new { version = version + 5 })).ExpectProblemAsync(409, "concurrency_conflict");
        var checkedResponse = await checker.PostAsJsonAsync($"/api/v1/marriage/backfill/records/{id}/check", new { version, confirmPartyA = true });
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        var done = await checkedResponse.JsonAsync();
        Assert.Equal("Checked", done.GetProperty("status").GetString());
        Assert.Equal("rongxian.officer", done.GetProperty("checkedBy").GetString());
        Assert.True(done.GetProperty("partyA").GetProperty("personConfirmed").GetBoolean());
        await (await checker.PostAsJsonAsync($"/api/v1/marriage/backfill/records/{id}/check", new { version = done.GetProperty("version").GetInt32() }))
            .ExpectProblemAsync(409, "marriage_backfill_checked");
        // the live registry person was not written
        Assert.Equal(personVersion, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.Where(p => p.Id == personId).Select(p => p.Version).FirstAsync()));

        // the list and the page show it as checked
        var listed = Assert.Single(await checker.GetItemsAsync($"/api/v1/marriage/backfill/records?q={archive}&status=Checked"));
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Contains(archive, await checker.GetStringAsync("/marriage/backfill?Q=" + archive), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await checker.GetAsync("/api/v1/marriage/backfill/records?status=done")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_field_and_nothing_is_saved()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var valid = IdNumber.Compose("450921", new DateOnly(1962, 4, 5), 31);
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var prefix = Archive("T-BAD");
        async Task<JsonElement> Refused(object body, string field)
        {
            var response = await clerk.PostAsJsonAsync("/api/v1/marriage/backfill/records", body);
            var problem = await response.ExpectProblemAsync(400, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
            return problem;
        }
        await Refused(Record(prefix + "1", Party("甲", "男", id: wrongCheck), Party("乙", "女", anomaly: "无身份证号")), "partyA.idNumber");
        await Refused(Record(prefix + "2", Party("甲", "男", id: valid), Party("乙", "女")), "partyB.anomalyCode");
        await Refused(Record(prefix + "3", Party("甲", "男", id: valid), Party("乙", "女", anomaly: "无身份证号", ethnicity: "火星族")), "partyB.ethnicity");
        await Refused(Record(prefix + "4", Party("甲", "男", id: valid), Party("乙", "女", anomaly: "无身份证号", birth: "1950-13")), "partyB.birthDate");
        await Refused(Record(prefix + "5", Party("甲", "男", id: valid), Party("乙", "女", anomaly: "无身份证号"), type: "订婚"), "type");
        // another county's registry cannot be entered by a 容县 clerk
        await Refused(Record(prefix + "6", Party("甲", "男", id: valid), Party("乙", "女", anomaly: "无身份证号"), county: "450981000000"), "divisionCode");
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsync("/api/v1/marriage/backfill/records", new StringContent("{\"registeredOn\":\"yesterday\"}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(0, await CountAsync(prefix));

        // a 15-digit number is accepted as written, with its code
        var ok = await clerk.PostAsJsonAsync("/api/v1/marriage/backfill/records", Record(prefix + "7", Party("甲", "男", id: "452526620405031", birth: null), Party("乙", "女", anomaly: "字迹不清")));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var a = (await ok.JsonAsync()).GetProperty("partyA");
        Assert.Equal("old-15", a.GetProperty("anomalyCode").GetString());
        Assert.Equal(15, a.GetProperty("idNumberLength").GetInt32());
        Assert.Equal("1962年4月5日", a.GetProperty("birth").GetString());
    }

    private const string Header = "档案号,登记日期,登记机关,登记机关所属县级区划代码,登记类别,甲方姓名,甲方性别,甲方身份证号,甲方异常情况,甲方出生日期,甲方民族,甲方国籍,甲方登记前婚姻状况,乙方姓名,乙方性别,乙方身份证号,乙方异常情况,乙方出生日期,乙方民族,乙方国籍,乙方登记前婚姻状况";

    private static byte[] Xlsx(IEnumerable<string> lines)
    {
        var header = Header.Split(',');
        var rows = lines.Select(l => l.Split(',')).Select(cells => header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => (object)x.v)).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            var batch = await client.GetJsonAsync($"/api/v1/imports/{id}?pageSize=100");
            if (batch.GetProperty("progress").GetProperty("done").GetBoolean()) return batch;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    [Fact]
    public async Task The_import_reports_every_bad_row_by_line_and_writes_nothing_until_asked_for_the_valid_rows()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var p = Archive("T-IMP");
        var valid = IdNumber.Compose("450921", new DateOnly(1958, 8, 8), 57);
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        string[] lines =
        [
            $"{p}-1,1980-01-05,容县婚姻登记处,,结婚,甲一,男,{valid},,,汉族,中国,未婚,乙一,女,,无身份证号,1960,壮族,中国,未婚",        // 2 ok
            $"{p}-2,1981-02-06,容县婚姻登记处,,结婚,甲二,男,{wrong},,,汉族,中国,未婚,乙二,女,,无身份证号,1960,汉族,中国,未婚",        // 3 bad check character
            $"{p}-3,1982-03-07,容县婚姻登记处,,结婚,甲三,男,,,1955,汉族,中国,未婚,乙三,女,,无身份证号,1960,汉族,中国,未婚",             // 4 no number, no code
            $"{p}-1,1983-04-08,容县婚姻登记处,,结婚,甲四,男,,字迹不清,1955,汉族,中国,未婚,乙四,女,,无身份证号,1960,汉族,中国,未婚",     // 5 duplicate of line 2
            $"{p}-5,不详,容县婚姻登记处,,结婚,甲五,男,,字迹不清,1955,汉族,中国,未婚,乙五,女,,无身份证号,1960,汉族,中国,未婚",            // 6 date
            $"{p}-6,1986-06-10,容县城关公社,450921000000,离婚,甲六,男,452526590301123,,,汉族,中国,已婚,乙六,女,,无身份证号,1961,汉族,中国,已婚", // 7 ok (old registry, 15 digits)
            $"{p}-7,1987-07-11,北流某公社,450981000000,结婚,甲七,男,,字迹不清,1955,汉族,中国,未婚,乙七,女,,无身份证号,1960,火星族,中国,未婚", // 8 other county, bad ethnicity
        ];
        using var form = new MultipartFormDataContent
        {
            { new StringContent("marriage.backfill"), "kind" },
            { new ByteArrayContent(Xlsx(lines)) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } }, "file", "archive.xlsx" },
        };
        var uploaded = await clerk.PostAsync("/api/v1/imports", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var batch = await uploaded.JsonAsync();
        var id = batch.GetProperty("id").GetString()!;
        // the template's headings: the proposed mapping covers every column
        var mapping = batch.GetProperty("mapping");
        Assert.Equal(Header.Split(',').Length, mapping.EnumerateObject().Count());
        Assert.Equal(HttpStatusCode.Accepted, (await clerk.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", new { mapping })).StatusCode);
        var validated = await WaitAsync(clerk, id);
        Assert.Equal("validated", validated.GetProperty("status").GetString());
        Assert.Equal(7, validated.GetProperty("totalRows").GetInt32());
        Assert.Equal(5, validated.GetProperty("errorRows").GetInt32());
        var errors = validated.GetProperty("errors").GetProperty("items").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([3, 4, 5, 6, 8], errors.Select(e => e.Line).Distinct().Order());
        Assert.Contains(errors, e => e.Line == 3 && e.Column == "甲方身份证号" && e.Message.Contains("校验码", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Column == "甲方异常情况");
        Assert.Contains(errors, e => e.Line == 5 && e.Column == "档案号" && e.Message.Contains("第 2 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Column == "登记日期");
        Assert.Contains(errors, e => e.Line == 8 && e.Column == "乙方民族");
        Assert.Contains(errors, e => e.Line == 8 && e.Column == "登记机关所属县级区划代码");

        // nothing is written while errors remain
        await (await clerk.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { onlyValidRows = false })).ExpectProblemAsync(409, "import_has_errors");
        Assert.Equal(0, await CountAsync(p));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/imports/templates/marriage.backfill.xlsx")).StatusCode);

        // the clerk explicitly asks for the valid rows: those two, entered by the importer, waiting for a check
        Assert.Equal(HttpStatusCode.Accepted, (await clerk.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { onlyValidRows = true })).StatusCode);
        var committed = await WaitAsync(clerk, id);
        Assert.Equal("committed", committed.GetProperty("status").GetString());
        Assert.Equal(2, await CountAsync(p));
        var imported = await clerk.GetItemsAsync($"/api/v1/marriage/backfill/records?q={p}");
        Assert.All(imported, r => Assert.Equal("Entered", r.GetProperty("status").GetString()));
        Assert.All(imported, r => Assert.Equal("rongxian.marriage", r.GetProperty("enteredBy").GetString()));
        Assert.Contains(imported, r => r.GetProperty("registryName").GetString() == "容县城关公社" && r.GetProperty("partyA").GetProperty("anomalyCode").GetString() == "old-15");
    }

    [Fact]
    public async Task The_quality_report_counts_what_it_finds_and_shows_progress_against_the_archive_count()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("beiliu.officer");
        const string county = "450981000000";
        async Task<JsonElement> Report() => await clerk.GetJsonAsync($"/api/v1/marriage/backfill/quality?divisionCode={county}");
        int Finding(JsonElement r, string code) => r.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("count").GetInt32();
        int Anomaly(JsonElement r, string code) => r.GetProperty("anomalies").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("count").GetInt32();
        var before = await Report();
        var p = Archive("T-Q");
        async Task Enter(object body) => Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/v1/marriage/backfill/records", body)).StatusCode);
        await Enter(Record(p, Party("周一", "男", anomaly: "无身份证号"), Party("吴一", "女", anomaly: "无身份证号", ethnicity: null), county: county, registry: "北流某公社"));
        await Enter(Record(p, Party("周二", "男", anomaly: "字迹不清"), Party("吴二", "女", anomaly: "无身份证号"), date: "1990-01-01", county: county, registry: "北流某公社"));
        await Enter(Record(p + "x", Party("周三", "男", anomaly: "无身份证号"), Party("吴三", "女", anomaly: "无身份证号"), date: "1949-10-01", county: county, registry: "北流某公社"));
        var after = await Report();

        Assert.Equal(before.GetProperty("total").GetInt32() + 3, after.GetProperty("total").GetInt32());
        Assert.Equal(Finding(before, "missing") + 1, Finding(after, "missing"));
        Assert.Equal(Finding(before, "duplicate") + 2, Finding(after, "duplicate"));
        Assert.Equal(Finding(before, "impossible-date") + 1, Finding(after, "impossible-date"));
        Assert.Equal(Anomaly(before, "no-id") + 5, Anomaly(after, "no-id"));
        Assert.Equal(Anomaly(before, "illegible") + 1, Anomaly(after, "illegible"));
        var progress = after.GetProperty("counties").EnumerateArray().Single(c => c.GetProperty("divisionCode").GetString() == county);
        Assert.Equal(71000, progress.GetProperty("archiveCount").GetInt32());
        Assert.True(progress.GetProperty("entered").GetInt32() >= 3);
        // entered but not checked: not done
        Assert.Equal(before.GetProperty("counties").EnumerateArray().Single(c => c.GetProperty("divisionCode").GetString() == county).GetProperty("checked").GetInt32(),
            progress.GetProperty("checked").GetInt32());
        // the page shows the progress bar and the findings
        var page = await clerk.GetStringAsync("/marriage/backfill");
        Assert.Contains("北流市", page, StringComparison.Ordinal);
        Assert.Contains("<progress class=\"bar\"", page, StringComparison.Ordinal);
        Assert.Contains("疑似重复", page, StringComparison.Ordinal);
        // 容县's report is not 北流's to read: the scope leaves nothing of it
        var other = await clerk.GetJsonAsync("/api/v1/marriage/backfill/quality?divisionCode=450921000000");
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }
}

public sealed class BackfillTestsOnSqlite(SqliteApp app) : BackfillTests(app), IClassFixture<SqliteApp>;

public sealed class BackfillTestsOnPostgres(PostgresApp app) : BackfillTests(app), IClassFixture<PostgresApp>;
