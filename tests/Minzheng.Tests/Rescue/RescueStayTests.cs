using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Rescue;

/// <summary>
/// Intake, stay and exit at 玉林市救助管理站 (玉州区) by its staff account: a person without an ID number gets a platform number, a
/// person returned home and re-admitted is recognised with their history, the cash cap and stale versions hold, the daily
/// sweep alerts and places on a fake clock, and 北流市's officer sees none of it.
/// </summary>
public abstract class RescueStayTests(AppFixture app)
{
    private const string Yuzhou = "450902000000";

    private static async Task<string> StationAsync(HttpClient staff) =>
        (await staff.GetJsonAsync("/api/v1/rescue/stations")).GetProperty("items").EnumerateArray().First(s => s.GetProperty("divisionCode").GetString() == Yuzhou).GetProperty("id").GetString()!;

    private static Dictionary<string, object?> Eligible(string station, object extra)
    {
        var d = JsonSerializer.SerializeToElement(extra).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        d["stationId"] = station;
        d["noFoodOrLodging"] = true;
        d["noRelativesToTurnTo"] = true;
        d["noBasicAllowance"] = true;
        d["vagrantInCity"] = true;
        return d;
    }

    private static async Task<JsonElement> IntakeAsync(HttpClient staff, object body)
    {
        var r = await staff.PostAsJsonAsync("/api/v1/rescue/stays", body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    [Fact]
    public async Task Intake_without_an_id_number_registers_a_platform_number_and_cash_is_capped()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.CountAsync());

        // bad input: 400 naming the field, nothing saved (no person registered either)
        await staff.PostAsJsonAsync("/api/v1/rescue/stays", new { stationId = station }).ExpectProblemAsync(400, "validation_failed");
        var missing = await staff.PostAsJsonAsync("/api/v1/rescue/stays", Eligible(station, new { noIdNumber = true, sex = "male", source = "patrol" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("birthYear", out _), missing.ToString());
        await staff.PostAsJsonAsync("/api/v1/rescue/stays", Eligible(station, new { noIdNumber = true, sex = "male", birthYear = 1975, source = "police" })).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(before, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.CountAsync()));

        var stay = await IntakeAsync(staff, Eligible(station, new { noIdNumber = true, sex = "male", birthYear = 1975, features = "身高约165厘米，右眉有痣", source = "patrol", unableToGiveFacts = true }));
        Assert.StartsWith("MZ", stay.GetProperty("personNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal("无名氏", stay.GetProperty("name").GetString());
        Assert.Equal("inStation", stay.GetProperty("status").GetString());
        Assert.Contains("右眉有痣", stay.GetProperty("situation").GetString(), StringComparison.Ordinal);
        var id = stay.GetProperty("id").GetString();
        var version = stay.GetProperty("version").GetInt32();

        // cash over the cap of the day (20 元) → 400; without a signature → 400; at the cap with a signature → recorded
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/services", new { version, kind = "cash", cash = 20.01m, receiptSigned = true }).ExpectProblemAsync(400, "rescue_cash_over_cap");
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/services", new { version, kind = "cash", cash = 20m }).ExpectProblemAsync(400, "validation_failed");
        var after = await (await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/services", new { version, kind = "cash", cash = 20m, receiptSigned = true, note = "乘车" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(20m, Assert.Single(after.GetProperty("services").EnumerateArray()).GetProperty("cash").GetDecimal());
        // the stale version is refused
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/services", new { version, kind = "food" }).ExpectProblemAsync(409, "concurrency_conflict");
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/exit", new { version, exit = "selfLeft", declarationSigned = true }).ExpectProblemAsync(409, "concurrency_conflict");
        // self-leaving needs the signed declaration
        var v2 = after.GetProperty("version").GetInt32();
        var noDeclaration = await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/exit", new { version = v2, exit = "selfLeft" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noDeclaration.GetProperty("errors").TryGetProperty("declarationSigned", out _));

        // another county's officer: 404 on every read and write, and the stay is not in their lists
        var beiliu = await app.ClientAsync("beiliu.officer");
        await beiliu.GetAsync($"/api/v1/rescue/stays/{id}").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/services", new { version = v2, kind = "food" }).EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/place", new { version = v2, placement = "hospital" }).EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsJsonAsync($"/api/v1/rescue/stays/{id}/exit", new { version = v2, exit = "selfLeft", declarationSigned = true }).EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsJsonAsync("/api/v1/rescue/stays", Eligible(station, new { noIdNumber = true, sex = "male", birthYear = 1975, source = "patrol" })).EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.GetAsync($"/rescue/stays/{id}").EnsureStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/rescue/stays?pageSize=200"), s => s.GetProperty("id").GetString() == id);

        // the pages render for the station's staff, the person page shows the stay
        var page = await (await staff.GetAsync($"/rescue/stays/{id}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(stay.GetProperty("number").GetString()!, page, StringComparison.Ordinal);
        var person = await (await staff.GetAsync($"/registry/persons/{stay.GetProperty("personId").GetString()}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(stay.GetProperty("number").GetString()!, person, StringComparison.Ordinal);
        var index = await (await staff.GetAsync("/rescue").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("玉林市救助管理站", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_returned_home_and_readmitted_is_recognised_with_their_history()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var idNumber = TestIds.Next(Minzheng.Web.Platform.Registry.Sex.Male);

        var first = await IntakeAsync(staff, Eligible(station, new { idNumber, name = "莫振华", source = "selfReferred", declaredOrigin = "广西南宁市", identityKnown = true }));
        var firstId = first.GetProperty("id").GetString();
        // one open stay per person
        await staff.PostAsJsonAsync("/api/v1/rescue/stays", Eligible(station, new { idNumber, name = "莫振华", source = "selfReferred" })).ExpectProblemAsync(409, "rescue_stay_open");
        // a return home needs its ticket facts; then it is recorded with the hand-over record
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{firstId}/exit", new { version = first.GetProperty("version").GetInt32(), exit = "returnedHome", @return = new { mode = "ticket" } })
            .ExpectProblemAsync(400, "validation_failed");
        var left = await (await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{firstId}/exit", new
        {
            version = first.GetProperty("version").GetInt32(),
            exit = "returnedHome",
            @return = new { mode = "ticket", ticketMode = "汽车", from = "玉林汽车总站", to = "南宁琅东站", fare = 75.5m },
        }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("left", "returnedHome"), (left.GetProperty("status").GetString(), left.GetProperty("exit").GetString()));
        var handover = await (await staff.GetAsync($"/rescue/stays/{firstId}/handover").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("南宁琅东站", handover, StringComparison.Ordinal);
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{firstId}/services", new { version = left.GetProperty("version").GetInt32(), kind = "food" }).ExpectProblemAsync(409, "rescue_stay_closed");

        // back again: the same ID number finds the same person, the stay links the earlier one and shows it
        var candidates = await staff.GetJsonAsync($"/api/v1/rescue/stays/candidates?idNumber={idNumber}");
        Assert.Equal(firstId, Assert.Single(candidates.EnumerateArray()).GetProperty("stays")[0].GetProperty("id").GetString());
        var again = await IntakeAsync(staff, Eligible(station, new { idNumber, name = "莫振华", source = "police", sourceReference = "玉公交〔2026〕7号" }));
        Assert.Equal(first.GetProperty("personId").GetString(), again.GetProperty("personId").GetString());
        Assert.Equal(firstId, again.GetProperty("previousStayId").GetString());
        Assert.Equal(firstId, Assert.Single(again.GetProperty("history").EnumerateArray()).GetProperty("id").GetString());

        // without an ID number: the same name and birth date of someone who stayed before is the same person
        var a = await IntakeAsync(staff, Eligible(station, new { noIdNumber = true, name = "韦秀兰", sex = "female", birthDate = "1962-04-18", source = "selfReferred" }));
        await staff.PostAsJsonAsync($"/api/v1/rescue/stays/{a.GetProperty("id").GetString()}/exit", new { version = a.GetProperty("version").GetInt32(), exit = "selfLeft", declarationSigned = true })
            .EnsureStatus(HttpStatusCode.OK);
        var b = await IntakeAsync(staff, Eligible(station, new { noIdNumber = true, name = "韦秀兰", sex = "female", birthDate = "1962-04-18", source = "selfReferred" }));
        Assert.Equal(a.GetProperty("personId").GetString(), b.GetProperty("personId").GetString());
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("previousStayId").GetString());

        // a person who is not eligible is refused with the written reasons and a printable notice; it opens no stay
        var refused = await IntakeAsync(staff, new { stationId = station, noIdNumber = true, name = "黎建新", sex = "male", birthYear = 1990, source = "selfReferred", noFoodOrLodging = true, noBasicAllowance = true, vagrantInCity = true });
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Contains("有亲友可以投靠", refused.GetProperty("refusalReason").GetString(), StringComparison.Ordinal);
        var notice = await (await staff.GetAsync($"/rescue/stays/{refused.GetProperty("id").GetString()}/refusal").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("不予救助通知书", notice, StringComparison.Ordinal);

        // the list, the export and the quality report answer
        Assert.Contains(await staff.GetItemsAsync("/api/v1/rescue/stays?status=left&pageSize=200"), s => s.GetProperty("id").GetString() == firstId);
        var export = await staff.GetAsync("/api/v1/rescue/stays/export").EnsureStatus(HttpStatusCode.OK);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 0);
        await staff.GetAsync("/api/v1/rescue/stays/quality?days=30").EnsureStatus(HttpStatusCode.OK);
        await staff.GetAsync("/api/v1/rescue/stays/quality?days=0").ExpectProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task The_daily_sweep_alerts_before_the_limit_and_places_the_unidentified_on_a_fake_clock()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var unknown = await IntakeAsync(staff, Eligible(station, new { noIdNumber = true, sex = "female", birthYear = 1950, source = "patrol", unableToGiveFacts = true }));
        var known = await IntakeAsync(staff, Eligible(station, new { idNumber = TestIds.Next(), name = "陈桂芳", source = "selfReferred", identityKnown = true }));
        var admitted = DateOnly.Parse(unknown.GetProperty("admittedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Task Sweep() => app.WithServicesAsync(async sp =>
        {
            var today = sp.GetRequiredService<BusinessClock>().Today;
            return await sp.GetRequiredService<RescueStaySweep>().SweepAsync(today, CancellationToken.None);
        });

        async Task<JsonElement> Stay(JsonElement s) => await staff.GetJsonAsync($"/api/v1/rescue/stays/{s.GetProperty("id").GetString()}");
        async Task<List<string>> Keys() => [.. (await staff.GetItemsAsync("/api/v1/my/tasks?pageSize=200")).Select(t => t.GetProperty("key").GetString()!)];
        string Key(JsonElement s) => RescueStayWorkItems.LimitPrefix + Guid.Parse(s.GetProperty("id").GetString()!).ToString("N");

        // the day before the alert (limit 10 days, alert 2 days before): nothing
        app.Clock.Advance(TimeSpan.FromDays(7));
        staff = await app.ClientAsync("yulin.rescue"); // the sign-in token does not outlive a week on the fake clock
        await Sweep();
        Assert.Equal(JsonValueKind.Null, (await Stay(unknown)).GetProperty("alertRaisedOn").ValueKind);
        Assert.DoesNotContain(Key(unknown), await Keys());

        // alert day: both stays raise the work item for the station
        app.Clock.Advance(TimeSpan.FromDays(1));
        staff = await app.ClientAsync("yulin.rescue");
        await Sweep();
        Assert.Equal(admitted.AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (await Stay(unknown)).GetProperty("alertRaisedOn").GetString());
        var keys = await Keys();
        Assert.Contains(Key(unknown), keys);
        Assert.Contains(Key(known), keys);
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.DoesNotContain((await beiliu.GetItemsAsync("/api/v1/my/tasks?pageSize=200")), t => t.GetProperty("key").GetString() == Key(known));

        // past the placement day: the unidentified person moves to 站内照料, the identified one is marked past the limit
        app.Clock.Advance(TimeSpan.FromDays(3));
        staff = await app.ClientAsync("yulin.rescue");
        await Sweep();
        var placed = await Stay(unknown);
        Assert.Equal(("placed", "inStation"), (placed.GetProperty("status").GetString(), placed.GetProperty("placement").GetString()));
        var past = await Stay(known);
        Assert.Equal("inStation", past.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, past.GetProperty("limitPassedOn").ValueKind);
        var index = await (await staff.GetAsync("/rescue").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(known.GetProperty("number").GetString()!, index, StringComparison.Ordinal);
        // a second run changes nothing
        var again = await app.WithServicesAsync(sp => sp.GetRequiredService<RescueStaySweep>().SweepAsync(sp.GetRequiredService<BusinessClock>().Today, CancellationToken.None));
        Assert.Equal(0, again.Placed);
    }
}

public sealed class RescueStayTestsOnSqlite(SqliteApp app) : RescueStayTests(app), IClassFixture<SqliteApp>;

public sealed class RescueStayTestsOnPostgres(PostgresApp app) : RescueStayTests(app), IClassFixture<PostgresApp>;
