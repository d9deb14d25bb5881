using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Community;

/// <summary>
/// 准入 and certificates through the API and the pages: the catalogue holds the 20 of 民发〔2020〕20号; a forbidden certificate is
/// refused with the directive and what to do instead (logged), an unknown one too; an allowed one is issued, numbered ZM + village +
/// year, printable and counted, and invisible to another township; a department's request is approved only with its funding, a task
/// on the 负面清单 never, and the approved task shows among the village's tasks; stale versions 409; another county 404.
/// </summary>
public abstract partial class AdmissionTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<JsonElement> Send(Task<HttpResponseMessage> pending, HttpStatusCode status) => await (await pending.EnsureStatus(status)).JsonAsync();

    [Fact]
    public async Task A_forbidden_certificate_is_refused_with_its_basis_and_an_allowed_one_issued_numbered_and_printable()
    {
        app.SkipIfUnavailable();
        var committee = await PublicityTests.CommitteeAsync(app, Xinnan, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), "新南社区居民委员会");
        var worker = await app.ClientAsync("xinnan.worker");
        var types = (await worker.GetJsonAsync("/api/v1/community/certificates/types")).EnumerateArray().ToList();
        Assert.Equal(20, types.Count(t => !t.GetProperty("allowed").GetBoolean() && !t.GetProperty("isDemo").GetBoolean()));
        Assert.All(types.Where(t => t.GetProperty("allowed").GetBoolean()), t => Assert.Contains("演示数据", t.GetProperty("document").GetString()));

        var refused = await worker.PostAsJsonAsync("/api/v1/community/certificates", new { typeCode = "kinship", personName = "张三", purpose = "银行办理存款继承", content = "张三与李四系母子关系" })
            .ExpectProblemAsync(409, "com_certificate_forbidden");
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("民发〔2020〕20号", detail);
        Assert.Contains("亲属关系", detail);
        Assert.Contains("信息核查", detail);
        await worker.PostAsJsonAsync("/api/v1/community/certificates", new { typeCode = "no-such-type", personName = "张三", purpose = "x", content = "y" })
            .ExpectProblemAsync(409, "com_certificate_not_listed");
        var logged = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == "certificate-refused" && a.DivisionCode == Xinnan));
        Assert.True(logged >= 1);

        // bad input beside its fields
        var bad = await worker.PostAsJsonAsync("/api/v1/community/certificates", new { typeCode = "member-office", personName = "", purpose = new string('用', 201), content = "" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("purpose", out _));
        bad = await worker.PostAsJsonAsync("/api/v1/community/certificates", new { typeCode = "member-office", personName = "", purpose = "p", content = "" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("personName", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("content", out _));

        var person = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.IgnoreQueryFilters().Where(p => p.DivisionCode == Xinnan).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var issued = await Send(worker.PostAsJsonAsync("/api/v1/community/certificates", new { typeCode = "member-office", personId = person.Id, purpose = "向容州镇人民政府申领误工补贴", content = "系本社区居民委员会委员，任期自2021年起" }), HttpStatusCode.Created);
        var number = issued.GetProperty("number").GetString()!;
        Assert.Matches("^ZM4509211000032026[0-9]{4}$", number);
        Assert.Equal(person.Name, issued.GetProperty("personName").GetString());
        Assert.Equal(committee, issued.GetProperty("committeeId").GetGuid());
        var second = await Send(worker.PostAsJsonAsync("/api/v1/community/certificates", new { typeCode = "member-office", personName = "王五", purpose = "p", content = "c" }), HttpStatusCode.Created);
        Assert.NotEqual(number, second.GetProperty("number").GetString());

        var id = issued.GetProperty("id").GetString();
        var print = await worker.GetStringAsync($"/community/certificates/{id}/print");
        var doc = new HtmlParser().ParseDocument(print);
        Assert.Equal(number, doc.QuerySelector("#certificate-number")!.TextContent);
        Assert.Equal(person.Name, doc.QuerySelector("#certificate-person")!.TextContent);
        Assert.NotNull(doc.QuerySelector("[data-print-footer]"));

        var counts = await worker.GetJsonAsync("/api/v1/community/certificates/counts");
        Assert.True(counts.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("typeCode").GetString() == "member-office").GetProperty("count").GetInt32() >= 2);
        Assert.Contains(await (await app.ClientAsync("rongzhou.clerk")).GetItemsAsync("/api/v1/community/certificates"), c => c.GetProperty("number").GetString() == number);

        // another township: 404, absent from the log and the counts
        var yangmei = await app.ClientAsync("yangmei.clerk");
        await yangmei.GetAsync($"/api/v1/community/certificates/{id}").ExpectProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/community/certificates/{id}/print")).StatusCode);
        Assert.DoesNotContain(await yangmei.GetItemsAsync("/api/v1/community/certificates"), c => c.GetProperty("number").GetString() == number);
        await yangmei.PostAsJsonAsync("/api/v1/community/certificates", new { committeeId = committee, typeCode = "member-office", personName = "王五", purpose = "p", content = "c" })
            .ExpectProblemAsync(400, "validation_failed");

        // the page: the forbidden type is refused on the form with the directive
        var page = await worker.GetStringAsync("/community/certificates");
        Assert.Contains("不得出具", page);
        var posted = await worker.PostAsync("/community/certificates", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["Input.CommitteeId"] = committee.ToString(),
            ["Input.TypeCode"] = "death",
            ["Input.PersonName"] = "赵六",
            ["Input.Purpose"] = "办理丧葬补助",
            ["Input.Content"] = "已于2026年11月去世",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var answer = await posted.Content.ReadAsStringAsync();
        Assert.Contains("民发〔2020〕20号", new HtmlParser().ParseDocument(answer).QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("办理丧葬补助", answer);
    }

    [Fact]
    public async Task A_department_s_request_is_approved_only_with_funding_and_never_from_the_negative_list()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var lists = await officer.GetItemsAsync("/api/v1/community/admission/items");
        Assert.Contains(lists, i => i.GetProperty("list").GetString() == "duty" && i.GetProperty("legalBasis").GetString()!.Contains("村民委员会组织法"));
        Assert.Contains(lists, i => i.GetProperty("list").GetString() == "forbidden" && i.GetProperty("title").GetString() == "征地拆迁" && i.GetProperty("isDemo").GetBoolean());

        var task = "协助开展老年人健康随访" + Guid.NewGuid().ToString("N")[..4];
        var r = await Send(officer.PostAsJsonAsync("/api/v1/community/admission/requests", new { department = "容县卫生健康局", task, legalBasis = "《国家基本公共卫生服务规范》", divisionCode = "450921000000" }), HttpStatusCode.Created);
        Assert.StartsWith("ZR4509212026", r.GetProperty("number").GetString());
        var id = r.GetProperty("id").GetString();
        var version = r.GetProperty("version").GetInt32();
        var worker = await app.ClientAsync("xinnan.worker");
        Assert.DoesNotContain(await worker.GetJsonAsync($"/api/v1/community/admission/village-tasks/{Xinnan}") is var before ? before.EnumerateArray() : default, t => t.GetProperty("title").GetString() == task);

        var unfunded = await officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{id}/approve", new { version, opinion = "同意" }).ExpectProblemAsync(409, "com_admission_unfunded");
        Assert.Contains("第三十七条", unfunded.GetProperty("detail").GetString());
        await officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{id}/approve", new { version, fundingSource = "容县卫生健康局", fundingAmount = -1 })
            .ExpectProblemAsync(400, "validation_failed");
        await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync($"/api/v1/community/admission/requests/{id}/approve", new { version, fundingSource = "x", fundingAmount = 1 })
            .ExpectProblemAsync(404, "not_found");
        await officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{id}/approve", new { version = version + 3, fundingSource = "容县卫生健康局", fundingAmount = 12000 })
            .ExpectProblemAsync(409, "concurrency_conflict");
        var approved = await Send(officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{id}/approve", new { version, fundingSource = "容县卫生健康局基本公共卫生服务经费", fundingAmount = 12000.5m, opinion = "同意准入" }), HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(12000.5m, approved.GetProperty("fundingAmount").GetDecimal());
        var fen = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Web.Modules.Community.Admission.AdmissionRequest>().IgnoreQueryFilters()
            .Where(x => x.Id == Guid.Parse(id!)).Select(x => x.FundingAmount).FirstAsync());
        Assert.Equal(1_200_050, fen.Fen);
        await officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{id}/refuse", new { version = approved.GetProperty("version").GetInt32(), opinion = "x" })
            .ExpectProblemAsync(409, "com_admission_decided");
        var tasks = (await worker.GetJsonAsync($"/api/v1/community/admission/village-tasks/{Xinnan}")).EnumerateArray().ToList();
        Assert.Contains(tasks, t => t.GetProperty("title").GetString() == task && t.GetProperty("list").GetString() == "assist");
        Assert.DoesNotContain(tasks, t => t.GetProperty("list").GetString() == "forbidden");
        // not for 北流市's villages
        var beiliuVillage = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<Web.Platform.Divisions.DivisionDirectory>()
            .Descendants("450981000000", Web.Platform.Divisions.DivisionLevel.Village).First().Code));
        Assert.DoesNotContain((await (await app.ClientAsync("beiliu.officer")).GetJsonAsync($"/api/v1/community/admission/village-tasks/{beiliuVillage}")).EnumerateArray(),
            t => t.GetProperty("title").GetString() == task);

        // on the 负面清单: never approved, even funded; refused with the basis written in
        var demolition = await Send(officer.PostAsJsonAsync("/api/v1/community/admission/requests", new { department = "容县住房和城乡建设局", task = "协助开展违法建筑拆迁摸底", legalBasis = "无", fundingSource = "容县住建局", fundingAmount = 5000, divisionCode = "450921100000" }), HttpStatusCode.Created);
        Assert.Equal("征地拆迁", demolition.GetProperty("forbidden").GetProperty("title").GetString());
        var did = demolition.GetProperty("id").GetString();
        var forbidden = await officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{did}/approve", new { version = demolition.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "com_admission_forbidden");
        Assert.Contains("负面清单", forbidden.GetProperty("detail").GetString());
        var refused = await Send(officer.PostAsJsonAsync($"/api/v1/community/admission/requests/{did}/refuse", new { version = demolition.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Contains("征地拆迁", refused.GetProperty("opinion").GetString());

        // only the county and city decide; another county sees nothing of it
        await worker.PostAsJsonAsync("/api/v1/community/admission/requests", new { department = "x", task = "y", legalBasis = "z", divisionCode = Xinnan }).ExpectProblemAsync(403, "forbidden");
        await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/community/admission/requests/{id}").ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await (await app.ClientAsync("beiliu.officer")).GetItemsAsync("/api/v1/community/admission/requests"), x => x.GetProperty("id").GetString() == id);

        // the page: the lists and the request with its decision
        var page = await officer.GetStringAsync("/community/admission?village=" + Xinnan);
        Assert.Contains("负面清单", page);
        Assert.Contains(task, page);
    }
}

public sealed class AdmissionTestsOnSqlite(SqliteApp app) : AdmissionTests(app), IClassFixture<SqliteApp>;

public sealed class AdmissionTestsOnPostgres(PostgresApp app) : AdmissionTests(app), IClassFixture<PostgresApp>;
