using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Rescue;

/// <summary>
/// 家暴受害人临时庇护 at 玉林市救助管理站 by its staff (yulin.rescue, a 玉州区 county account holding rescue.shelter): a woman admitted
/// with her child, the child's protection case opened through ChildWelfare's contract and linked both ways, services and the
/// safety plan, the exit ending the child's shelter; the figure's limit making a stay overdue on a fake clock; and the
/// restriction — the city officer (rescue.read, city scope, no rescue.shelter) gets 404 everywhere and never finds the stay,
/// 北流市's officer (the permission, another county) gets 404 too, and nobody sees it on the person page.
/// </summary>
public abstract class ShelterTests(AppFixture app)
{
    private const string Yuzhou = "450902000000";

    private static async Task<string> StationAsync(HttpClient staff) =>
        (await staff.GetJsonAsync("/api/v1/rescue/stations")).GetProperty("items").EnumerateArray().First(s => s.GetProperty("divisionCode").GetString() == Yuzhou).GetProperty("id").GetString()!;

    /// <summary>A registry person of a 玉州区 village (the clerk registers a new victim through the registry first).</summary>
    private Task<Guid> PersonAsync(string name, string idNumber) => app.WithServicesAsync(async sp =>
    {
        var village = sp.GetRequiredService<DivisionDirectory>().Descendants(Yuzhou, DivisionLevel.Village).OrderBy(d => d.Code, StringComparer.Ordinal).First().Code;
        return (await sp.GetRequiredService<PersonRegistration>().CreateAsync(new PersonInput { IdNumber = idNumber, Name = name, DivisionCode = village })).Id;
    });

    private static string ChildId(DateOnly birth) => IdNumber.Compose("450102", birth, Random.Shared.Next(0, 499) * 2);

    private static DateOnly Day(JsonElement e, string name) => DateOnly.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_woman_admitted_with_her_child_is_restricted_linked_to_child_protection_and_leaves()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var motherIdNumber = TestIds.Next(Sex.Female);
        var mother = await PersonAsync("覃丽娟", motherIdNumber);
        var child = await PersonAsync("覃小宇", ChildId(new DateOnly(2018, 5, 1)));
        var adult = await PersonAsync("覃大伟", ChildId(new DateOnly(2001, 5, 1)));

        // bad input: 400 beside the field, nothing saved
        var bad = await staff.PostAsJsonAsync("/api/v1/rescue/shelter", new { stationId = station, personId = mother, risk = "high", children = new[] { new { personId = adult } } })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("referralSource", out _), bad.ToString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("children[0]", out _), bad.ToString());
        var noCourt = await staff.PostAsJsonAsync("/api/v1/rescue/shelter", new { stationId = station, personId = mother, risk = "high", referralSource = "police", protectionOrderApplied = true })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(noCourt.GetProperty("errors").TryGetProperty("protectionOrderCourt", out _), noCourt.ToString());
        await staff.PostAsJsonAsync("/api/v1/rescue/shelter", new { stationId = station, personId = child, risk = "high", referralSource = "police" }).ExpectProblemAsync(400, "validation_failed");
        Assert.Empty(await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Minzheng.Web.Modules.Rescue.Shelter.ShelterStay>().IgnoreQueryFilters().Where(s => s.PersonId == mother).ToListAsync()));

        // admitted by ID number with her child
        var r = await staff.PostAsJsonAsync("/api/v1/rescue/shelter", new
        {
            stationId = station,
            idNumber = motherIdNumber,
            referralSource = "police",
            referralNote = "玉州分局城西派出所出警，家庭暴力告诫书玉公(城西)告字〔2026〕12号",
            risk = "high",
            situation = "丈夫长期殴打，头部软组织挫伤",
            abuserName = "黄某强",
            abuserRelation = "丈夫",
            contactsWithheld = "庇护地址、新手机号、孩子转学后的学校",
            escort = "出庭、就医由工作人员陪同",
            protectionOrderApplied = true,
            protectionOrderCourt = "玉林市玉州区人民法院",
            children = new[] { new { personId = child } },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var stay = await r.JsonAsync();
        var id = stay.GetProperty("id").GetString();
        var number = stay.GetProperty("number").GetString()!;
        Assert.StartsWith("BZ450902", number, StringComparison.Ordinal);
        Assert.Equal(mother.ToString(), stay.GetProperty("personId").GetString());
        Assert.Equal(("inShelter", "high", "police"), (stay.GetProperty("status").GetString(), stay.GetProperty("risk").GetString(), stay.GetProperty("referralSource").GetString()));
        Assert.Equal(30, stay.GetProperty("limitDays").GetInt32());
        Assert.Equal(Day(stay, "admittedOn").AddDays(30), Day(stay, "dueOn"));
        Assert.False(stay.GetProperty("overdue").GetBoolean());
        Assert.Equal("玉林市玉州区人民法院", stay.GetProperty("safetyPlan").GetProperty("protectionOrderCourt").GetString());
        Assert.Equal("黄某强", stay.GetProperty("abuser").GetProperty("name").GetString());
        var kid = Assert.Single(stay.GetProperty("children").EnumerateArray());
        var caseId = kid.GetProperty("protectionCaseId").GetString();
        var caseNumber = kid.GetProperty("protectionCaseNumber").GetString();
        Assert.StartsWith("BH450902", caseNumber, StringComparison.Ordinal);

        // the child's protection case, read by a child.protection holder through ChildWelfare's API: domestic violence, sheltered, from this stay
        var pc = await staff.GetJsonAsync($"/api/v1/children/protection/{caseId}");
        Assert.Equal((caseNumber, "domesticViolence", "sheltered"), (pc.GetProperty("number").GetString(), pc.GetProperty("harm").GetString(), pc.GetProperty("status").GetString()));
        Assert.Equal((id, number), (pc.GetProperty("shelterStayId").GetString(), pc.GetProperty("shelterStayNumber").GetString()));
        Assert.Equal(child.ToString(), pc.GetProperty("childPersonId").GetString());
        Assert.Equal("玉林市救助管理站", pc.GetProperty("shelterName").GetString());
        var casePage = await (await staff.GetAsync($"/children/protection/{caseId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(number, casePage, StringComparison.Ordinal);

        // one open stay per person
        await staff.PostAsJsonAsync("/api/v1/rescue/shelter", new { stationId = station, personId = mother, risk = "low", referralSource = "selfReferred" }).ExpectProblemAsync(409, "rescue_shelter_open");

        // services and the safety plan; a stale version is refused
        var v = stay.GetProperty("version").GetInt32();
        var badService = await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = v, kind = "counselling", on = "2020-01-01" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(badService.GetProperty("errors").TryGetProperty("on", out _));
        var s1 = await (await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = v, kind = "counselling", note = "首次心理评估" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = v, kind = "legalAid" }).ExpectProblemAsync(409, "concurrency_conflict");
        var s2 = await (await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = s1.GetProperty("version").GetInt32(), kind = "legalAid", note = "协助申请人身安全保护令" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(["counselling", "legalAid"], s2.GetProperty("services").EnumerateArray().Select(x => x.GetProperty("kind").GetString()).ToArray());
        var plan = await (await staff.PutAsJsonAsync($"/api/v1/rescue/shelter/{id}/safety-plan", new
        {
            version = s2.GetProperty("version").GetInt32(),
            risk = "medium",
            contactsWithheld = "庇护地址、新手机号",
            escort = "接送孩子上学由社工陪同",
            protectionOrderApplied = true,
            protectionOrderCourt = "玉林市玉州区人民法院",
        }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("medium", "接送孩子上学由社工陪同"), (plan.GetProperty("risk").GetString(), plan.GetProperty("safetyPlan").GetProperty("escort").GetString()));
        await staff.PutAsJsonAsync($"/api/v1/rescue/shelter/{id}/safety-plan", new { version = v, risk = "low" }).ExpectProblemAsync(409, "concurrency_conflict");

        // the holder's pages
        Assert.Contains(await staff.GetItemsAsync("/api/v1/rescue/shelter?pageSize=200"), x => x.GetProperty("id").GetString() == id);
        var list = await (await staff.GetAsync("/rescue/shelter").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.DoesNotContain("黄某强", list, StringComparison.Ordinal); // the abuser only on the stay
        var detail = await (await staff.GetAsync($"/rescue/shelter/{id}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(caseNumber!, detail, StringComparison.Ordinal);
        Assert.Contains("黄某强", detail, StringComparison.Ordinal);
        var record = await (await staff.GetAsync($"/rescue/shelter/{id}/record").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("临时庇护入住登记表", record, StringComparison.Ordinal);
        await staff.GetAsync("/rescue/shelter/new").EnsureStatus(HttpStatusCode.OK);
        // every read of the stay is on record
        var reads = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "ShelterStay" && a.EntityId == id && (a.Action == "read" || a.Action == "print")).CountAsync());
        Assert.True(reads >= 3, $"{reads} audited reads");

        // without rescue.shelter (the city officer reads vagrant rescue city-wide): 404 on every read and write, in no list, not on the person page
        var city = await app.ClientAsync("city.officer");
        await city.GetAsync($"/api/v1/rescue/shelter/{id}").EnsureStatus(HttpStatusCode.NotFound);
        await city.GetAsync("/api/v1/rescue/shelter").EnsureStatus(HttpStatusCode.NotFound);
        await city.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = 0, kind = "counselling" }).EnsureStatus(HttpStatusCode.NotFound);
        await city.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/leave", new { version = 0, destination = "x", reason = "x" }).EnsureStatus(HttpStatusCode.NotFound);
        await city.PostAsJsonAsync("/api/v1/rescue/shelter", new { stationId = station, personId = mother, risk = "low", referralSource = "selfReferred" }).EnsureStatus(HttpStatusCode.NotFound);
        await city.GetAsync($"/rescue/shelter/{id}").EnsureStatus(HttpStatusCode.NotFound);
        await city.GetAsync($"/rescue/shelter/{id}/record").EnsureStatus(HttpStatusCode.NotFound);
        await city.GetAsync("/rescue/shelter").EnsureStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await city.GetItemsAsync("/api/v1/rescue/stays?status=all&pageSize=200"), x => x.GetProperty("personId").GetString() == mother.ToString());
        foreach (var who in new[] { city, staff })
        {
            var person = await (await who.GetAsync($"/registry/persons/{mother}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
            Assert.Contains("覃丽娟", person, StringComparison.Ordinal);
            Assert.DoesNotContain(number, person, StringComparison.Ordinal);
            Assert.DoesNotContain("庇护", person, StringComparison.Ordinal);
        }

        // another county's holder: 404 too
        var beiliu = await app.ClientAsync("beiliu.officer");
        await beiliu.GetAsync($"/api/v1/rescue/shelter/{id}").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = plan.GetProperty("version").GetInt32(), kind = "counselling" }).EnsureStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/rescue/shelter?status=all&pageSize=200"), x => x.GetProperty("id").GetString() == id);

        // the exit: destination and reason required; it closes the stay and ends the child's shelter in the protection case
        var noWhere = await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/leave", new { version = plan.GetProperty("version").GetInt32() }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noWhere.GetProperty("errors").TryGetProperty("destination", out _));
        var left = await (await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/leave", new { version = plan.GetProperty("version").GetInt32(), destination = "投靠南宁的姐姐", reason = "已取得人身安全保护令，本人要求离开" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("left", left.GetProperty("status").GetString());
        Assert.Equal(left.GetProperty("leftOn").GetString(), Assert.Single(left.GetProperty("children").EnumerateArray()).GetProperty("to").GetString());
        var after = await staff.GetJsonAsync($"/api/v1/children/protection/{caseId}");
        Assert.Equal(("open", left.GetProperty("leftOn").GetString()), (after.GetProperty("status").GetString(), after.GetProperty("shelterTo").GetString()));
        await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{id}/services", new { version = left.GetProperty("version").GetInt32(), kind = "counselling" }).ExpectProblemAsync(409, "rescue_shelter_closed");
        Assert.DoesNotContain(await staff.GetItemsAsync("/api/v1/rescue/shelter?pageSize=200"), x => x.GetProperty("id").GetString() == id);
        Assert.Contains(await staff.GetItemsAsync("/api/v1/rescue/shelter?status=left&pageSize=200"), x => x.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_stay_past_the_figure_limit_is_overdue_first_and_an_extension_needs_a_reason()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var early = await PersonAsync("梁秀梅", TestIds.Next(Sex.Female));
        var later = await PersonAsync("李春燕", TestIds.Next(Sex.Female));
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<Minzheng.Web.Platform.Time.BusinessClock>().Today));

        async Task<JsonElement> Admit(Guid person, DateOnly on)
        {
            var r = await staff.PostAsJsonAsync("/api/v1/rescue/shelter", new { stationId = station, personId = person, admittedOn = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), risk = "medium", referralSource = "womenFederation" });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            return await r.JsonAsync();
        }
        var a = await Admit(early, today.AddDays(-20));
        var b = await Admit(later, today);
        Assert.False(a.GetProperty("overdue").GetBoolean());

        // 11 days on, the first stay is past its 30 days: overdue, listed first
        app.Clock.Advance(TimeSpan.FromDays(11));
        staff = await app.ClientAsync("yulin.rescue");
        var overdue = await staff.GetJsonAsync($"/api/v1/rescue/shelter/{a.GetProperty("id").GetString()}");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(31, overdue.GetProperty("daysIn").GetInt32());
        Assert.False((await staff.GetJsonAsync($"/api/v1/rescue/shelter/{b.GetProperty("id").GetString()}")).GetProperty("overdue").GetBoolean());
        var items = await staff.GetItemsAsync("/api/v1/rescue/shelter?pageSize=200");
        Assert.True(items[0].GetProperty("overdue").GetBoolean());
        Assert.True(items.FindIndex(x => x.GetProperty("id").GetString() == a.GetProperty("id").GetString()) < items.FindIndex(x => x.GetProperty("id").GetString() == b.GetProperty("id").GetString()));
        Assert.Contains(await staff.GetItemsAsync("/api/v1/rescue/shelter?status=overdue&pageSize=200"), x => x.GetProperty("id").GetString() == a.GetProperty("id").GetString());
        await staff.GetAsync("/api/v1/rescue/shelter?status=nope").ExpectProblemAsync(400, "validation_failed");
        var page = await (await staff.GetAsync("/rescue/shelter").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("已超期", page, StringComparison.Ordinal);

        // an extension needs its reason and the county's approver; then the due day moves and the stay is no longer overdue
        var v = overdue.GetProperty("version").GetInt32();
        var noReason = await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{a.GetProperty("id").GetString()}/extensions", new { version = v, days = 15 }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True(noReason.GetProperty("errors").TryGetProperty("approvedBy", out _));
        var extended = await (await staff.PostAsJsonAsync($"/api/v1/rescue/shelter/{a.GetProperty("id").GetString()}/extensions", new { version = v, days = 15, reason = "施暴人仍在住所附近徘徊，保护令未送达", approvedBy = "玉州区民政局 陈某" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.False(extended.GetProperty("overdue").GetBoolean());
        Assert.Equal((15, Day(a, "admittedOn").AddDays(45)), (extended.GetProperty("extendedDays").GetInt32(), Day(extended, "dueOn")));
        Assert.Equal("玉州区民政局 陈某", Assert.Single(extended.GetProperty("extensions").EnumerateArray()).GetProperty("approvedBy").GetString());
    }
}

public sealed class ShelterTestsOnSqlite(SqliteApp app) : ShelterTests(app), IClassFixture<SqliteApp>;

public sealed class ShelterTestsOnPostgres(PostgresApp app) : ShelterTests(app), IClassFixture<PostgresApp>;
