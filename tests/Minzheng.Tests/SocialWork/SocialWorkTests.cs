using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialWork;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialWork;

/// <summary>
/// Stations, staff and exams, services and referrals through the API: the qualification derived from the exam record, coverage
/// equal to the direct counts, another county's officer 404, bad input 400 by field with nothing saved, stale versions 409,
/// the station's organisation account recording its own services and receiving referrals into its station.
/// </summary>
public abstract class SocialWorkTests(AppFixture app)
{
    private static JsonElement RowOf(List<JsonElement> rows, string county) => rows.First(r => r.GetProperty("divisionCode").GetString() == county);

    [Fact]
    public async Task Stations_staff_exams_services_and_referrals()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var beiliu = await app.ClientAsync("beiliu.officer");
        var city = await app.ClientAsync("city.officer");
        var yangguang = await app.ClientAsync("yangguang.org");

        // a 容县 township without a station, a kernel organisation for it, a person of 容县
        var (town, orgId, personId, otherPersonId) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var taken = await db.Set<SocialWorkStation>().Select(s => s.DivisionCode).ToListAsync();
            var t = sp.GetRequiredService<DivisionDirectory>().ChildrenOf("450921000000").First(d => d.Level == DivisionLevel.Town && !taken.Contains(d.Code));
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                Name = $"{t.Name}社工站（测试{Guid.NewGuid():N}）"[..40],
                Kind = OrganizationKind.PublicInstitution,
                DivisionCode = t.Code,
                LegalRepresentativeName = "测试",
            });
            var people = await db.Persons.Where(p => p.DivisionCode.StartsWith("450921") && p.LifeStatus == LifeStatus.Alive).OrderBy(p => p.Id).Take(2).Select(p => p.Id).ToListAsync();
            return (t.Code, org.Id, people[0], people[1]);
        });

        var coverageBefore = RowOf(await rongxian.GetItemsAsync("/api/v1/socialwork/coverage"), "450921000000");

        // bad input: 400 naming the fields, nothing saved
        var bad = await rongxian.PostAsJsonAsync("/api/v1/socialwork/stations", new { divisionCode = "450921000000", status = "open", contractFrom = "2026-01-01" })
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "name", "divisionCode", "organizationId", "status", "operatorOrganizationId" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        // another county's officer may not register a 容县 station
        var foreign = await beiliu.PostAsJsonAsync("/api/v1/socialwork/stations", new { name = "x", divisionCode = town, organizationId = orgId, openedOn = "2026-05-01" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(foreign.GetProperty("errors").TryGetProperty("divisionCode", out _));

        var station = await (await rongxian.PostAsJsonAsync("/api/v1/socialwork/stations", new { name = "测试社工站", divisionCode = town, organizationId = orgId, openedOn = "2026-05-01", address = "镇政府院内" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var stationId = station.GetProperty("id").GetString();
        Assert.Equal("operating", station.GetProperty("status").GetString());
        await rongxian.PostAsJsonAsync("/api/v1/socialwork/stations", new { name = "第二个", divisionCode = town, organizationId = orgId, openedOn = "2026-05-01" })
            .ExpectProblemAsync(409, "socialwork_station_exists");

        // coverage: one more covered township, and equal to the direct counts of the list
        var rows = await rongxian.GetItemsAsync("/api/v1/socialwork/stations?county=450921000000&pageSize=200");
        var coverage = RowOf(await rongxian.GetItemsAsync("/api/v1/socialwork/coverage"), "450921000000");
        Assert.Equal(coverageBefore.GetProperty("covered").GetInt32() + 1, coverage.GetProperty("covered").GetInt32());
        Assert.Equal(rows.Count, coverage.GetProperty("stations").GetInt32());
        Assert.Equal(rows.Where(r => r.GetProperty("status").GetString() == "operating").Select(r => r.GetProperty("divisionCode").GetString()).Distinct().Count(),
            coverage.GetProperty("covered").GetInt32());
        var townships = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<DivisionDirectory>().Descendants("450921000000", DivisionLevel.Town).Count()));
        Assert.Equal(townships, coverage.GetProperty("townships").GetInt32());
        // the city sees 北流's row too; 北流 does not see 容县's
        Assert.Contains(await city.GetItemsAsync("/api/v1/socialwork/coverage"), r => r.GetProperty("divisionCode").GetString() == "450981000000");
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/socialwork/coverage"), r => r.GetProperty("divisionCode").GetString() == "450921000000");

        // the plan's target (2020, 10 stations) against the stations opened that year
        var plan = await city.GetJsonAsync("/api/v1/socialwork/plan?year=2020");
        Assert.Equal(10, plan.GetProperty("target").GetInt32());
        var all = await city.GetItemsAsync("/api/v1/socialwork/stations?pageSize=200");
        Assert.Equal(all.Count(s => s.GetProperty("openedOn").GetString() is { } o && o.StartsWith("2020", StringComparison.Ordinal) && s.GetProperty("status").GetString() != "closed"),
            plan.GetProperty("opened").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await city.GetJsonAsync("/api/v1/socialwork/plan?year=2026")).GetProperty("target").ValueKind);

        // another county's officer: 404 on reading and writing the station
        await beiliu.GetAsync($"/api/v1/socialwork/stations/{stationId}").ExpectProblemAsync(404, "not_found");
        await beiliu.PutAsJsonAsync($"/api/v1/socialwork/stations/{stationId}", new { name = "x", organizationId = orgId, openedOn = "2026-05-01", version = station.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(404, "not_found");
        // stale version 409
        var updated = await (await rongxian.PutAsJsonAsync($"/api/v1/socialwork/stations/{stationId}", new { name = "测试社工站（改）", organizationId = orgId, openedOn = "2026-05-01", version = station.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("测试社工站（改）", updated.GetProperty("name").GetString());
        await rongxian.PutAsJsonAsync($"/api/v1/socialwork/stations/{stationId}", new { name = "再改", organizationId = orgId, openedOn = "2026-05-01", version = station.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "concurrency_conflict");

        // staff and the exam record → the qualification derived
        var badWorker = await rongxian.PostAsJsonAsync("/api/v1/socialwork/workers", new { stationId, post = "boss", certificateLevel = "assistant" }).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "personId", "post", "certificateNumber", "joinedOn" }) Assert.True(badWorker.GetProperty("errors").TryGetProperty(f, out _), f);
        var worker = await (await rongxian.PostAsJsonAsync("/api/v1/socialwork/workers", new { stationId, personId, post = "worker", joinedOn = "2025-03-01" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var workerId = worker.GetProperty("id").GetString();
        Assert.Equal("none", worker.GetProperty("qualification").GetString());
        await rongxian.PostAsJsonAsync("/api/v1/socialwork/workers", new { stationId, personId, post = "worker", joinedOn = "2025-03-01" }).ExpectProblemAsync(409, "socialwork_worker_exists");

        async Task<string?> ExamAsync(int year, string subject, decimal score) =>
            (await (await rongxian.PostAsJsonAsync($"/api/v1/socialwork/workers/{workerId}/exams", new { year, subject, score }).EnsureStatus(HttpStatusCode.OK)).JsonAsync())
                .GetProperty("qualification").GetString();
        Assert.Equal("none", await ExamAsync(2025, "assistant-comprehensive", 70));
        Assert.Equal("none", await ExamAsync(2026, "assistant-practice", 60)); // the two subjects in different years
        Assert.Equal("assistant", await ExamAsync(2026, "assistant-comprehensive", 61));
        Assert.Equal("assistant", await ExamAsync(2024, "intermediate-comprehensive", 80)); // lapses: outside two years of 2026
        Assert.Equal("assistant", await ExamAsync(2025, "intermediate-practice", 66));
        Assert.Equal("assistant", await ExamAsync(2026, "intermediate-regulations", 62)); // 2024–2026: three years
        Assert.Equal("intermediate", await ExamAsync(2026, "intermediate-comprehensive", 64));
        await rongxian.PostAsJsonAsync($"/api/v1/socialwork/workers/{workerId}/exams", new { year = 2026, subject = "intermediate-comprehensive", score = 90 })
            .ExpectProblemAsync(409, "socialwork_exam_recorded");
        var badExam = await rongxian.PostAsJsonAsync($"/api/v1/socialwork/workers/{workerId}/exams", new { year = 2030, subject = "cooking", score = 101 })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(badExam.GetProperty("errors").TryGetProperty("score", out _));
        var record = await rongxian.GetJsonAsync($"/api/v1/socialwork/workers/{workerId}");
        Assert.Equal(7, record.GetProperty("exams").GetArrayLength());
        Assert.Equal(2026, record.GetProperty("levelYear").GetInt32());
        await beiliu.GetAsync($"/api/v1/socialwork/workers/{workerId}").ExpectProblemAsync(404, "not_found");
        await beiliu.PostAsJsonAsync($"/api/v1/socialwork/workers/{workerId}/exams", new { year = 2026, subject = "senior-practice", score = 70 }).ExpectProblemAsync(404, "not_found");

        // the station run by 容县阳光社会工作服务中心 (demo): its account records its services and sees only its own station
        var centreStation = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SocialWorkStation>().FirstAsync(s => s.OperatorOrganizationId != null));
        var own = await yangguang.GetItemsAsync("/api/v1/socialwork/stations");
        Assert.Equal(centreStation.Id.ToString(), Assert.Single(own).GetProperty("id").GetString());
        await yangguang.GetAsync($"/api/v1/socialwork/stations/{stationId}").ExpectProblemAsync(404, "not_found");
        var monthBefore = (await yangguang.GetItemsAsync($"/api/v1/socialwork/services/monthly?year=2026&stationId={centreStation.Id}"))
            .Where(m => m.GetProperty("month").GetString() == "2026-11").Sum(m => m.GetProperty("groups").GetInt32());
        var badService = await yangguang.PostAsJsonAsync("/api/v1/socialwork/services", new { stationId = centreStation.Id, kind = "group", startedOn = "2026-11-20" })
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "title", "sessions", "participants" }) Assert.True(badService.GetProperty("errors").TryGetProperty(f, out _), f);
        await yangguang.PostAsJsonAsync("/api/v1/socialwork/services", new { stationId = centreStation.Id, kind = "group", title = "测试小组", startedOn = "2026-11-20", sessions = 4, participants = 9 })
            .EnsureStatus(HttpStatusCode.Created);
        await yangguang.PostAsJsonAsync("/api/v1/socialwork/services", new { stationId, kind = "community", title = "别站", startedOn = "2026-11-20", participants = 9 })
            .ExpectProblemAsync(400, "validation_failed");
        var monthAfter = (await yangguang.GetItemsAsync($"/api/v1/socialwork/services/monthly?year=2026&stationId={centreStation.Id}"))
            .Where(m => m.GetProperty("month").GetString() == "2026-11").Sum(m => m.GetProperty("groups").GetInt32());
        Assert.Equal(monthBefore + 1, monthAfter);

        // a referral into the centre's station: the county sends, the station's account receives and handles, the county closes
        var referral = await (await rongxian.PostAsJsonAsync("/api/v1/socialwork/referrals", new { stationId = centreStation.Id, personId = otherPersonId, direction = "to-station", line = "dibao", reason = "低保家庭需要个案跟进" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var refId = referral.GetProperty("id").GetString();
        Assert.Contains(await yangguang.GetItemsAsync("/api/v1/socialwork/referrals?status=sent"), r => r.GetProperty("id").GetString() == refId);
        await beiliu.GetAsync($"/api/v1/socialwork/referrals/{refId}").ExpectProblemAsync(404, "not_found");
        await rongxian.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/receive", new { version = referral.GetProperty("version").GetInt32() }).ExpectProblemAsync(403, "socialwork_referral_side");
        await yangguang.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/handle", new { note = "x", version = referral.GetProperty("version").GetInt32() }).ExpectProblemAsync(409, "socialwork_referral_step");
        var received = await (await yangguang.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/receive", new { version = referral.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await yangguang.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/handle", new { note = "已入户", version = referral.GetProperty("version").GetInt32() }).ExpectProblemAsync(409, "concurrency_conflict");
        await yangguang.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/handle", new { version = received.GetProperty("version").GetInt32() }).ExpectProblemAsync(400, "validation_failed");
        var handled = await (await yangguang.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/handle", new { note = "已入户评估", version = received.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        var closed = await (await rongxian.PostAsJsonAsync($"/api/v1/socialwork/referrals/{refId}/close", new { version = handled.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        // an organisation account refers only out of its station
        var badReferral = await yangguang.PostAsJsonAsync("/api/v1/socialwork/referrals", new { stationId = centreStation.Id, personId = otherPersonId, direction = "to-station", line = "x" })
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "direction", "line", "reason", "personId" }) Assert.True(badReferral.GetProperty("errors").TryGetProperty(f, out _), f);

        // the pages and the export
        var index = await (await rongxian.GetAsync("/socialwork").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("覆盖情况", index, StringComparison.Ordinal);
        Assert.Contains("测试社工站（改）", await (await rongxian.GetAsync("/socialwork/stations?county=450921000000").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("社会工作师", await (await rongxian.GetAsync($"/socialwork/workers/{workerId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await rongxian.GetAsync($"/socialwork/stations/{stationId}").EnsureStatus(HttpStatusCode.OK);
        await yangguang.GetAsync($"/socialwork/stations/{centreStation.Id}").EnsureStatus(HttpStatusCode.OK);
        await rongxian.GetAsync("/socialwork/referrals").EnsureStatus(HttpStatusCode.OK);
        var xlsx = await rongxian.GetAsync("/api/v1/socialwork/stations/export").EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SocialWorkTestsOnSqlite(SqliteApp app) : SocialWorkTests(app), IClassFixture<SqliteApp>;

public sealed class SocialWorkTestsOnPostgres(PostgresApp app) : SocialWorkTests(app), IClassFixture<PostgresApp>;
