using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Geography;

/// <summary>
/// The clean-up ledger and the name signs (issue 17 item 3) through the API and the pages: a non-standard name recorded, its
/// measure ordered and done, overdue listed; a sign registered from the registry (standard name and spelling on it), an
/// inspection finding damage listed for repair, a repair restoring it; stale versions 409, bad input by field, another county 404.
/// </summary>
public abstract partial class SignTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task A_non_standard_name_is_recorded_ordered_and_corrected()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        // the demo ledger holds an overdue order
        var overdue = await officer.GetJsonAsync("/api/v1/place-names/cleanup?overdue=true");
        Assert.True(overdue.GetProperty("total").GetInt32() >= 1);
        Assert.All(overdue.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("overdue").GetBoolean()));

        var bad = await (await officer.PostAsJsonAsync("/api/v1/place-names/cleanup", new { foundName = "", location = "", divisionCode = "450981000000", foundOn = "2099-01-01" }))
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "foundName", "use", "location", "divisionCode", "foundOn" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);

        var created = await officer.PostAsJsonAsync("/api/v1/place-names/cleanup", new
        {
            foundName = "蓉州大道",
            use = "sign",
            location = "县城路口指示牌",
            divisionCode = Xinnan,
            standardName = "容州大道",
            foundOn = "2026-11-20",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.JsonAsync();
        var id = c.GetProperty("id").GetGuid();
        var version = c.GetProperty("version").GetInt32();
        Assert.Equal("已发现", c.GetProperty("statusName").GetString());
        // done before a measure: 409; a deadline in the past: 400; stale: 409
        await (await officer.PostAsJsonAsync($"/api/v1/place-names/cleanup/{id}/done", new { doneOn = "2026-11-29", version })).ExpectProblemAsync(409, "geo_cleanup_no_measure");
        await (await officer.PostAsJsonAsync($"/api/v1/place-names/cleanup/{id}/measure", new { measure = "replaceSign", deadline = "2026-01-01", version })).ExpectProblemAsync(400, "validation_failed");
        await (await officer.PostAsJsonAsync($"/api/v1/place-names/cleanup/{id}/measure", new { measure = "replaceSign", deadline = "2026-12-31", version = version + 1 })).ExpectProblemAsync(409, "concurrency_conflict");
        var ordered = await (await officer.PostAsJsonAsync($"/api/v1/place-names/cleanup/{id}/measure", new { measure = "replaceSign", deadline = "2026-12-31", version })).JsonAsync();
        Assert.Equal("整改中", ordered.GetProperty("statusName").GetString());
        // another county sees nothing of it
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/place-names/cleanup/{id}")).StatusCode);
        var done = await (await officer.PostAsJsonAsync($"/api/v1/place-names/cleanup/{id}/done", new { doneOn = "2026-11-30", note = "已更换", version = ordered.GetProperty("version").GetInt32() })).JsonAsync();
        Assert.Equal("已整改", done.GetProperty("statusName").GetString());
        await (await officer.PostAsJsonAsync($"/api/v1/place-names/cleanup/{id}/done", new { doneOn = "2026-11-30", version = done.GetProperty("version").GetInt32() })).ExpectProblemAsync(409, "geo_cleanup_done");
        var open = await officer.GetJsonAsync("/api/v1/place-names/cleanup?open=true&pageSize=200");
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_sign_shows_the_standard_name_and_an_inspection_lists_it_for_repair()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var name = (await officer.GetJsonAsync("/api/v1/place-names?q=" + Uri.EscapeDataString("城南路"))).GetProperty("items")[0];
        var created = await officer.PostAsJsonAsync("/api/v1/place-names/signs", new
        {
            kind = "street",
            placeNameId = name.GetProperty("id").GetGuid(),
            location = "城南路与人民路交叉口",
            divisionCode = Xinnan,
            longitude = 110.555m,
            latitude = 22.851m,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sign = await created.JsonAsync();
        var id = sign.GetProperty("id").GetGuid();
        Assert.Equal("城南路 Chengnan Lu", sign.GetProperty("text").GetString());

        var version = sign.GetProperty("version").GetInt32();
        var bad = await (await officer.PostAsJsonAsync($"/api/v1/place-names/signs/{id}/checks", new { checkedOn = "2099-01-01", version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("checkedOn", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("condition", out _));
        var damaged = await (await officer.PostAsJsonAsync($"/api/v1/place-names/signs/{id}/checks", new { checkedOn = "2026-11-28", condition = "damaged", note = "立柱倾斜", version })).JsonAsync();
        Assert.Equal("damaged", damaged.GetProperty("condition").GetString());
        var toRepair = await officer.GetJsonAsync("/api/v1/place-names/signs?toRepair=true&pageSize=200");
        Assert.Contains(toRepair.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        await (await officer.PostAsJsonAsync($"/api/v1/place-names/signs/{id}/checks", new { checkedOn = "2026-11-29", condition = "damaged", version })).ExpectProblemAsync(409, "concurrency_conflict");
        var repaired = await (await officer.PostAsJsonAsync($"/api/v1/place-names/signs/{id}/checks",
            new { checkedOn = "2026-11-29", condition = "damaged", repairedOn = "2026-11-30", repairNote = "已扶正", version = damaged.GetProperty("version").GetInt32() })).JsonAsync();
        Assert.Equal("good", repaired.GetProperty("condition").GetString());
        var detail = await officer.GetJsonAsync($"/api/v1/place-names/signs/{id}");
        Assert.Equal(2, detail.GetProperty("checks").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/place-names/signs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongzhou.clerk")).PostAsJsonAsync($"/api/v1/place-names/signs/{id}/checks", new { checkedOn = "2026-11-30", condition = "good", version = 9 })).StatusCode);
    }

    [Fact]
    public async Task A_clerk_records_an_inspection_finding_on_the_sign_page()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var signs = await officer.GetJsonAsync("/api/v1/place-names/signs?pageSize=200");
        var sign = signs.GetProperty("items").EnumerateArray().First(s => s.GetProperty("isDemo").GetBoolean());
        var id = sign.GetProperty("id").GetGuid();
        var page = await officer.GetStringAsync($"/geography/signs/{id}");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var version = Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        // no condition and a repair before the inspection: the page again, errors beside the fields, the note kept
        var refused = await officer.PostAsync($"/geography/signs/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.CheckedOn"] = "2026-11-30",
            ["Input.RepairedOn"] = "2026-11-01",
            ["Input.Note"] = "我写的巡查情况",
            ["Input.Version"] = version,
        }));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请选择巡查发现的状况", html);
        Assert.Contains("我写的巡查情况", html);
        var ok = await officer.PostAsync($"/geography/signs/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.CheckedOn"] = "2026-11-30",
            ["Input.Condition"] = "WrongText",
            ["Input.Note"] = "拼写有误",
            ["Input.Version"] = version,
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = await officer.GetStringAsync($"/geography/signs/{id}");
        Assert.Contains("拼写有误", after);
        Assert.Contains("内容错误", after);
    }
}

public sealed class SignTestsOnSqlite(SqliteApp app) : SignTests(app), IClassFixture<SqliteApp>;

public sealed class SignTestsOnPostgres(PostgresApp app) : SignTests(app), IClassFixture<PostgresApp>;
