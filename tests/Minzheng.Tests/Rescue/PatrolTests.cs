using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Rescue;

/// <summary>
/// Street patrols fall into the city's winter campaign by date and county and are counted per county and month; a county sees
/// its own; another county's officer gets 404; bad input 400 by field; a stale version 409; overlapping campaigns 409.
/// </summary>
public abstract class PatrolTests(AppFixture app)
{
    private static object Patrol(string on, int found = 2, int persuaded = 1, int brought = 1, int refused = 0, string? division = null) => new
    {
        divisionCode = division,
        patrolOn = on,
        area = "火车站广场",
        staff = "张三、李四",
        found,
        persuaded,
        broughtIn = brought,
        refused,
        water = 4,
        medicine = 1,
        clothing = 2,
        quilts = 2,
        extremeWeather = true,
    };

    private static JsonElement? Row(List<JsonElement> rows, string county, string month) =>
        rows.Where(r => r.GetProperty("divisionCode").GetString() == county && r.GetProperty("month").GetString() == month).Select(r => (JsonElement?)r).FirstOrDefault();

    private static int Of(JsonElement? row, string field) => row?.GetProperty(field).GetInt32() ?? 0;

    [Fact]
    public async Task Patrols_are_counted_per_county_and_month_of_the_campaign_they_fall_into()
    {
        app.SkipIfUnavailable();
        var yulin = await app.ClientAsync("yulin.rescue");
        var beiliu = await app.ClientAsync("beiliu.officer");
        var city = await app.ClientAsync("city.officer");

        // the city-wide winter campaign (demo data) is seen by the counties too
        var winter = (await city.GetItemsAsync("/api/v1/rescue/patrols/campaigns")).First(c => c.GetProperty("kind").GetString() == "winter" && c.GetProperty("divisionCode").GetString() == "450900000000");
        var winterId = winter.GetProperty("id").GetString();
        Assert.Contains(await yulin.GetItemsAsync("/api/v1/rescue/patrols/campaigns"), c => c.GetProperty("id").GetString() == winterId);
        var before = (await city.GetJsonAsync($"/api/v1/rescue/patrols/campaigns/{winterId}/counts")).GetProperty("items").EnumerateArray().ToList();

        // two patrols of 玉州区 in November, one of 北流市, and one of 玉州区 before the campaign began
        var p1 = await (await yulin.PostAsJsonAsync("/api/v1/rescue/patrols", Patrol("2026-11-20")).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        await yulin.PostAsJsonAsync("/api/v1/rescue/patrols", Patrol("2026-11-28", found: 3, persuaded: 0, brought: 2, refused: 1)).EnsureStatus(HttpStatusCode.Created);
        await yulin.PostAsJsonAsync("/api/v1/rescue/patrols", Patrol("2026-11-10")).EnsureStatus(HttpStatusCode.Created);
        await beiliu.PostAsJsonAsync("/api/v1/rescue/patrols", Patrol("2026-11-25", found: 1, persuaded: 1, brought: 0)).EnsureStatus(HttpStatusCode.Created);

        var after = (await city.GetJsonAsync($"/api/v1/rescue/patrols/campaigns/{winterId}/counts")).GetProperty("items").EnumerateArray().ToList();
        var y0 = Row(before, "450902000000", "2026-11");
        var y1 = Row(after, "450902000000", "2026-11");
        Assert.Equal(Of(y0, "patrols") + 2, Of(y1, "patrols"));
        Assert.Equal(Of(y0, "found") + 5, Of(y1, "found"));
        Assert.Equal(Of(y0, "broughtIn") + 3, Of(y1, "broughtIn"));
        Assert.Equal(Of(y0, "refused") + 1, Of(y1, "refused"));
        Assert.Equal(Of(y0, "quilts") + 4, Of(y1, "quilts"));
        Assert.Equal(Of(y0, "extremeWeatherPatrols") + 2, Of(y1, "extremeWeatherPatrols"));
        Assert.Equal(Of(Row(before, "450981000000", "2026-11"), "patrols") + 1, Of(Row(after, "450981000000", "2026-11"), "patrols"));

        // a county sees only its own lines
        var own = (await yulin.GetJsonAsync($"/api/v1/rescue/patrols/campaigns/{winterId}/counts")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(own, r => Assert.Equal("450902000000", r.GetProperty("divisionCode").GetString()));
        Assert.Equal(Of(y1, "patrols"), Of(Row(own, "450902000000", "2026-11"), "patrols"));

        // another county's officer: 404 on the record and on writing it
        var id = p1.GetProperty("id").GetString();
        await beiliu.GetAsync($"/api/v1/rescue/patrols/{id}").ExpectProblemAsync(404, "not_found");
        await beiliu.PutAsJsonAsync($"/api/v1/rescue/patrols/{id}", new { patrolOn = "2026-11-20", area = "x", staff = "y", version = p1.GetProperty("version").GetInt32() }).ExpectProblemAsync(404, "not_found");
        // nor may it record for another county
        var wrongCounty = await beiliu.PostAsJsonAsync("/api/v1/rescue/patrols", Patrol("2026-11-20", division: "450902000000")).ExpectProblemAsync(400, "validation_failed");
        Assert.True(wrongCounty.GetProperty("errors").TryGetProperty("divisionCode", out _));

        // bad input by field, nothing saved; stale version 409
        var bad = await yulin.PostAsJsonAsync("/api/v1/rescue/patrols", new { patrolOn = "2026-11-20", found = 1, persuaded = 2, broughtIn = -1 }).ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("broughtIn", out _));
        var bad2 = await yulin.PostAsJsonAsync("/api/v1/rescue/patrols", new { patrolOn = "2026-12-25", found = 1, persuaded = 2 }).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "patrolOn", "area", "staff", "found" }) Assert.True(bad2.GetProperty("errors").TryGetProperty(f, out _), f);
        var updated = await (await yulin.PutAsJsonAsync($"/api/v1/rescue/patrols/{id}", new { patrolOn = "2026-11-21", area = "人民公园", staff = "张三", found = 1, version = p1.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("2026-11-21", updated.GetProperty("patrolOn").GetString());
        await yulin.PutAsJsonAsync($"/api/v1/rescue/patrols/{id}", new { patrolOn = "2026-11-21", area = "人民公园", staff = "张三", version = p1.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "concurrency_conflict");

        // campaigns: a county's own summer campaign, an overlapping one refused, another county cannot see it
        var summer = await (await yulin.PostAsJsonAsync("/api/v1/rescue/patrols/campaigns", new { kind = "summer", from = "2026-06-01", to = "2026-09-30" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("450902000000", summer.GetProperty("divisionCode").GetString());
        await yulin.PostAsJsonAsync("/api/v1/rescue/patrols/campaigns", new { kind = "summer", from = "2026-09-01", to = "2026-10-15" }).ExpectProblemAsync(409, "rescue_campaign_overlap");
        await beiliu.GetAsync($"/api/v1/rescue/patrols/campaigns/{summer.GetProperty("id").GetString()}").ExpectProblemAsync(404, "not_found");
        var badCampaign = await yulin.PostAsJsonAsync("/api/v1/rescue/patrols/campaigns", new { kind = "spring", from = "2026-06-01", to = "2026-05-01" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(badCampaign.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(badCampaign.GetProperty("errors").TryGetProperty("to", out _));
        var cityOnly = await yulin.PostAsJsonAsync("/api/v1/rescue/patrols/campaigns", new { kind = "winter", divisionCode = "450900000000", from = "2027-11-15", to = "2028-03-15" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(cityOnly.GetProperty("errors").TryGetProperty("divisionCode", out _));

        // the pages
        var page = await (await yulin.GetAsync($"/rescue/patrols?campaignId={winterId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("冬季送温暖", page, StringComparison.Ordinal);
        Assert.Contains("人民公园", page, StringComparison.Ordinal);
    }
}

public sealed class PatrolTestsOnSqlite(SqliteApp app) : PatrolTests(app), IClassFixture<SqliteApp>;

public sealed class PatrolTestsOnPostgres(PostgresApp app) : PatrolTests(app), IClassFixture<PostgresApp>;
