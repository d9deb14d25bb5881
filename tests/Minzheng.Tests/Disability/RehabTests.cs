using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Disability.Rehab;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Disability;

/// <summary>
/// Issue 20 item 2 on SQLite and PostgreSQL: a 容县 rehabilitation contract, two people enrolled with a plan and an entry score,
/// sessions, a review (change since entry), the monthly settlement (person-months × price) published to payments to the
/// provider, idempotent, refused beyond the remaining budget; the roll invisible to a township clerk (404 on reads and writes,
/// absent from the list API, the list page, the export and the person page); the 残联 officer sees the roll without the
/// diagnosis (absent from JSON, page and export); bad input on its field; another county 404; a stale version 409; and the
/// outcome scale read from the figure book on the score's date.
/// </summary>
public abstract class RehabTests(AppFixture app)
{
    private const string Village = "450921100003"; // 新南社区, inside 容州镇 (rongzhou.clerk's township)

    /// <summary>A name suffix of Chinese characters (a person's name admits no digits or Latin letters from a GUID).</summary>
    private static string Suffix() => string.Concat(Enumerable.Range(0, 4).Select(_ => "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[Random.Shared.Next(16)]));

    private async Task<Guid> ProviderAsync(string division, string name) => await app.WithServicesAsync(async sp =>
        (await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
        {
            Name = name + Guid.NewGuid().ToString("N")[..6],
            Kind = OrganizationKind.SocialServiceAgency,
            DivisionCode = division,
            LegalRepresentativeName = "测试",
            RegisteredOn = new DateOnly(2019, 1, 1),
        })).Id);

    private async Task<Guid> PersonAsync(string village, string name)
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name, divisionCode = village });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<List<Dictionary<string, object?>>> ExcelAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(d => new Dictionary<string, object?>(d))];
    }

    private static async Task ExpectFieldAsync(HttpResponseMessage r, string field)
    {
        var problem = await r.ExpectProblemAsync(400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}: {problem}");
    }

    [Fact]
    public async Task The_roll_is_restricted_and_a_month_is_settled_once_within_the_budget()
    {
        app.SkipIfUnavailable();
        var providerId = await ProviderAsync("450921100000", "容县测试精神康复中心");
        var nameA = "康测甲" + Suffix();
        var nameB = "康测乙" + Suffix();
        var personA = await PersonAsync(Village, nameA);
        var personB = await PersonAsync(Village, nameB);
        var officer = await app.ClientAsync("rongxian.officer");
        // clock: 2026-11-30; 800 元 at 300 元 a person-month
        var created = await officer.PostAsJsonAsync("/api/v1/disability/rehab/contracts", new
        {
            providerId,
            divisionCode = "450921000000",
            validFrom = "2026-01-01",
            validTo = "2026-12-31",
            budget = 800m,
            monthlyPrice = 300m,
            document = "容民购〔2026〕康复测试号",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contractId = (await created.JsonAsync()).GetProperty("id").GetString();

        object Enrol(Guid person, string? diagnosis = "schizophrenia", int score = 40, string goals = "规律服药，恢复日常生活能力") =>
            new { contractId, personId = person, enrolledOn = "2026-10-01", diagnosis, goals, sessionsPerMonth = 4, entryScore = score, assessor = "评估员丙" };
        // bad input on its field: a score outside the scale in force (PSP 0–100), an unknown category, a text too long
        await ExpectFieldAsync(await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personA, score: 101)), "entryScore");
        await ExpectFieldAsync(await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personA, diagnosis: "焦虑症")), "diagnosis");
        await ExpectFieldAsync(await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personA, goals: new string('目', 501))), "goals");

        var a = await (await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personA))).EnsureStatus(HttpStatusCode.Created);
        var enrolA = await a.JsonAsync();
        var idA = enrolA.GetProperty("id").GetString();
        var numberA = enrolA.GetProperty("number").GetString()!;
        Assert.Equal("schizophrenia", enrolA.GetProperty("diagnosis").GetString());
        Assert.Equal(40, enrolA.GetProperty("entryScore").GetProperty("score").GetInt32());
        var idB = (await (await (await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personB, diagnosis: "双相情感障碍", score: 55))).EnsureStatus(HttpStatusCode.Created)).JsonAsync())
            .GetProperty("id").GetString();
        // one open enrolment a person
        await (await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personA))).ExpectProblemAsync(409, "disability_rehab_already_enrolled");

        async Task Session(string? id, string date, string type = "individual") =>
            await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{id}/sessions", new { heldOn = date, type, minutes = 60, staff = "康复师丁" })).EnsureStatus(HttpStatusCode.Created);
        await Session(idA, "2026-11-03");
        await Session(idA, "2026-11-10", "小组活动");
        await Session(idB, "2026-11-05", "family");
        await Session(idA, "2026-10-15");
        await ExpectFieldAsync(await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}/sessions", new { heldOn = "2026-11-11", type = "x", minutes = 60, staff = "康复师丁" }), "type");

        // a review on the scale in force: the change since entry
        await ExpectFieldAsync(await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}/scores", new { scoredOn = "2026-11-20", score = 101, assessor = "评估员丙" }), "score");
        await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}/scores", new { scoredOn = "2026-11-20", score = 62, assessor = "评估员丙" })).EnsureStatus(HttpStatusCode.Created);
        var detail = await officer.GetJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}");
        Assert.Equal(62, detail.GetProperty("latestReview").GetProperty("score").GetInt32());
        Assert.Equal(22, detail.GetProperty("scoreChange").GetInt32());
        Assert.Equal("功能改善", detail.GetProperty("changeNote").GetString());
        Assert.Equal(3, detail.GetProperty("sessions").GetInt32());

        // November: two person-months (A twice, B once) × 300 = 600
        var settlement = await (await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/contracts/{contractId}/settlements", new { month = "2026-11-01" })).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(600m, settlement.GetProperty("amount").GetDecimal());
        Assert.Equal(2, settlement.GetProperty("personMonths").GetInt32());
        Assert.Equal(3, settlement.GetProperty("sessionCount").GetInt32());
        Assert.False(settlement.GetProperty("alreadySettled").GetBoolean());
        // counts only: no name, no diagnosis in the explanation
        var lines = settlement.GetProperty("lines").GetRawText();
        Assert.Contains("2 人·月", lines, StringComparison.Ordinal);
        Assert.DoesNotContain(nameA, lines, StringComparison.Ordinal);
        Assert.DoesNotContain("精神分裂症", lines, StringComparison.Ordinal);
        Assert.DoesNotContain("双相", lines, StringComparison.Ordinal);
        var settlementId = settlement.GetProperty("id").GetGuid();
        var e = Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>()
            .Where(x => x.Program == RehabPurchase.Program && x.SourceId == settlementId).ToListAsync()));
        Assert.True(e.OneOff);
        Assert.Equal(providerId, e.PayeeOrganizationId);
        Assert.Null(e.PayeePersonId);
        Assert.Equal(60_000, e.MonthlyAmount.Fen);
        // idempotent
        var again = await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/contracts/{contractId}/settlements", new { month = "2026-11-20" })).JsonAsync();
        Assert.True(again.GetProperty("alreadySettled").GetBoolean());
        Assert.Equal(settlementId, again.GetProperty("id").GetGuid());
        Assert.Equal(1, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().CountAsync(x => x.Program == RehabPurchase.Program && x.PayeeOrganizationId == providerId)));
        await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idB}/sessions", new { heldOn = "2026-11-25", type = "group", minutes = 60, staff = "康复师丁" }))
            .ExpectProblemAsync(409, "disability_rehab_month_settled");
        // October: 300 against 200 remaining
        await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/contracts/{contractId}/settlements", new { month = "2026-10-01" })).ExpectProblemAsync(409, "disability_rehab_over_budget");
        var contract = await officer.GetJsonAsync($"/api/v1/disability/rehab/contracts/{contractId}");
        Assert.Equal(600m, contract.GetProperty("settled").GetDecimal());
        Assert.Equal(200m, contract.GetProperty("remaining").GetDecimal());
        Assert.Contains("剩余 <strong>200.00 元</strong>", await officer.GetStringAsync($"/disability/rehab?contractId={contractId}"), StringComparison.Ordinal);

        // a stale version: 409
        var version = detail.GetProperty("version").GetInt32();
        await (await officer.PutAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}", new { goals = "参加小组活动", sessionsPerMonth = 6, version })).EnsureStatus(HttpStatusCode.OK);
        await (await officer.PutAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}", new { goals = "过期的修改", sessionsPerMonth = 2, version })).ExpectProblemAsync(409, "concurrency_conflict");

        // the county officer sees the diagnosis in the list, the page and the export
        Assert.Contains(await officer.GetItemsAsync("/api/v1/disability/rehab/enrolments"), x => x.GetProperty("id").GetString() == idA && x.GetProperty("diagnosis").GetString() == "schizophrenia");
        Assert.Contains("精神分裂症", await officer.GetStringAsync($"/disability/rehab/enrolments/{idA}"), StringComparison.Ordinal);
        var officerSheet = await ExcelAsync(officer, "/api/v1/disability/rehab/enrolments/export.xlsx");
        var rowA = Assert.Single(officerSheet, r => (r["编号"] as string) == numberA);
        Assert.Equal("精神分裂症", rowA["诊断类别"]);
        Assert.Equal(nameA, rowA["姓名"]);
        // reads are audited: who looked at the restricted record
        Assert.True(await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .AnyAsync(x => x.Action == "view" && x.EntityType == RehabEnrolments.EntityType && x.EntityId == idA && x.UserName == "rongxian.officer")));

        // the township clerk, whose township the people live in, learns nothing: 404 on every read and write, empty lists
        var clerk = await app.ClientAsync("rongzhou.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/disability/rehab/enrolments/{idA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/disability/rehab/enrolments/{idA}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/disability/rehab/enrolments/{idA}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}/sessions", new { heldOn = "2026-10-20", type = "group", minutes = 60, staff = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}/exit", new { exitedOn = "2026-11-29", reason = "moved", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PutAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}", new { goals = "x", sessionsPerMonth = 2, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", Enrol(personB))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/disability/rehab/enrolments/{idA}")).StatusCode);
        var clerkList = await clerk.GetJsonAsync("/api/v1/disability/rehab/enrolments");
        Assert.Equal(0, clerkList.GetProperty("total").GetInt32());
        var clerkPage = await clerk.GetStringAsync("/disability/rehab/enrolments");
        Assert.DoesNotContain(numberA, clerkPage, StringComparison.Ordinal);
        Assert.DoesNotContain(nameA, clerkPage, StringComparison.Ordinal);
        var clerkSheet = await ExcelAsync(clerk, "/api/v1/disability/rehab/enrolments/export.xlsx");
        Assert.DoesNotContain(clerkSheet, r => r.Values.Any(v => v is string s && (s == numberA || s == nameA)));
        Assert.DoesNotContain(clerkSheet, r => r.ContainsKey("诊断类别"));
        var clerkPerson = await clerk.GetAsync($"/registry/persons/{personA}");
        Assert.Equal(HttpStatusCode.OK, clerkPerson.StatusCode);
        var clerkPersonPage = await clerkPerson.Content.ReadAsStringAsync();
        Assert.Contains(nameA, clerkPersonPage, StringComparison.Ordinal); // the clerk does see the person
        Assert.DoesNotContain(numberA, clerkPersonPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/disability/rehab/enrolments/", clerkPersonPage, StringComparison.Ordinal);
        // ... while the county officer's person page shows the enrolment
        Assert.Contains(numberA, await officer.GetStringAsync($"/registry/persons/{personA}"), StringComparison.Ordinal);

        // the county 残联 officer keeps the roll without the diagnosis: absent (not masked) from JSON, page and export
        var dpf = await app.ClientAsync("rongxian.dpf");
        var dpfDetail = await dpf.GetJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}");
        Assert.Equal(numberA, dpfDetail.GetProperty("number").GetString());
        Assert.False(dpfDetail.TryGetProperty("diagnosis", out _));
        Assert.False(dpfDetail.TryGetProperty("diagnosisName", out _));
        var dpfItem = Assert.Single(await dpf.GetItemsAsync("/api/v1/disability/rehab/enrolments"), x => x.GetProperty("id").GetString() == idA);
        Assert.False(dpfItem.TryGetProperty("diagnosis", out _));
        var dpfPage = await dpf.GetStringAsync($"/disability/rehab/enrolments/{idA}");
        Assert.Contains(numberA, dpfPage, StringComparison.Ordinal);
        Assert.DoesNotContain("精神分裂症", dpfPage, StringComparison.Ordinal);
        Assert.DoesNotContain("诊断类别", dpfPage, StringComparison.Ordinal);
        var dpfList = await dpf.GetStringAsync("/disability/rehab/enrolments");
        Assert.Contains(numberA, dpfList, StringComparison.Ordinal);
        Assert.DoesNotContain("精神分裂症", dpfList, StringComparison.Ordinal);
        Assert.DoesNotContain("双相情感障碍", dpfList, StringComparison.Ordinal);
        var dpfSheet = await ExcelAsync(dpf, "/api/v1/disability/rehab/enrolments/export.xlsx");
        Assert.Contains(dpfSheet, r => (r["编号"] as string) == numberA);
        Assert.All(dpfSheet, r => Assert.False(r.ContainsKey("诊断类别")));
        Assert.DoesNotContain(dpfSheet, r => r.Values.Any(v => v is string s && s.Contains("精神分裂症", StringComparison.Ordinal)));
        // nor can it write one
        await ExpectFieldAsync(await dpf.PutAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}", new { diagnosis = "depression", goals = "x", sessionsPerMonth = 2, version = version + 1 }), "diagnosis");

        // another county: 404
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/disability/rehab/enrolments/{idA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{idA}/sessions", new { heldOn = "2026-10-20", type = "group", minutes = 60, staff = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/disability/rehab/contracts/{contractId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/disability/rehab/contracts/{contractId}/settlements", new { month = "2026-10-01" })).StatusCode);
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/disability/rehab/enrolments"), x => x.GetProperty("id").GetString() == idA);
    }

    [Fact]
    public async Task A_score_is_checked_against_the_scale_in_force_on_its_date()
    {
        app.SkipIfUnavailable();
        // 北流 assesses with SDSS (0–20, higher is worse) from 2026-06-01; before that the city's PSP (0–100) applies
        await app.WithServicesAsync(async sp =>
        {
            var book = sp.GetRequiredService<FigureBook>();
            foreach (var (kind, number, choice) in new (FigureKind, int?, string?)[] { (RehabFigures.Scale, null, "sdss"), (RehabFigures.ScaleMin, 0, null), (RehabFigures.ScaleMax, 20, null) })
            {
                await book.AddAsync(new FigureInput
                {
                    Module = RehabFigures.Module,
                    Kind = kind.Code,
                    DivisionCode = "450981000000",
                    Number = number,
                    Choice = choice,
                    ValidFrom = new DateOnly(2026, 6, 1),
                    Document = "北民发〔2026〕测试号",
                });
            }
            return 0;
        });
        var village = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<Web.Platform.Divisions.DivisionDirectory>()
            .Descendants("450981000000", Web.Platform.Divisions.DivisionLevel.Village).First().Code));
        var providerId = await ProviderAsync(village[..9] + "000", "北流测试康复中心");
        var person = await PersonAsync(village, "北康测" + Suffix());
        var officer = await app.ClientAsync("beiliu.officer");
        var contractId = (await (await (await officer.PostAsJsonAsync("/api/v1/disability/rehab/contracts", new
        {
            providerId,
            divisionCode = "450981000000",
            validFrom = "2026-01-01",
            validTo = "2026-12-31",
            budget = 10000m,
            monthlyPrice = 500m,
            document = "北民购〔2026〕测试号",
        })).EnsureStatus(HttpStatusCode.Created)).JsonAsync()).GetProperty("id").GetString();
        var id = (await (await (await officer.PostAsJsonAsync("/api/v1/disability/rehab/enrolments", new
        {
            contractId,
            personId = person,
            enrolledOn = "2026-05-01",
            diagnosis = "depression",
            goals = "恢复社会功能",
            sessionsPerMonth = 4,
            entryScore = 60,
            assessor = "评估员",
        })).EnsureStatus(HttpStatusCode.Created)).JsonAsync()).GetProperty("id").GetString();
        // 60 was right on 2026-05-01 (PSP), but not on 2026-07-01 (SDSS 0–20)
        await ExpectFieldAsync(await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{id}/scores", new { scoredOn = "2026-07-01", score = 60, assessor = "评估员" }), "score");
        var review = await (await (await officer.PostAsJsonAsync($"/api/v1/disability/rehab/enrolments/{id}/scores", new { scoredOn = "2026-07-01", score = 8, assessor = "评估员" }))
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("sdss", review.GetProperty("scale").GetString());
        Assert.Equal(20, review.GetProperty("scaleMax").GetInt32());
        var detail = await officer.GetJsonAsync($"/api/v1/disability/rehab/enrolments/{id}");
        Assert.Equal("psp", detail.GetProperty("entryScore").GetProperty("scale").GetString());
        // two scales' numbers do not compare
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("scoreChange").ValueKind);
        Assert.Contains("量表不同", detail.GetProperty("changeNote").GetString(), StringComparison.Ordinal);
    }
}

public sealed class RehabTestsOnSqlite(SqliteApp app) : RehabTests(app), IClassFixture<SqliteApp>;

public sealed class RehabTestsOnPostgres(PostgresApp app) : RehabTests(app), IClassFixture<PostgresApp>;

/// <summary>The status check on an answer already awaited.</summary>
file static class AnsweredExtensions
{
    public static Task<HttpResponseMessage> EnsureStatus(this HttpResponseMessage response, HttpStatusCode status) => Task.FromResult(response).EnsureStatus(status);
}
