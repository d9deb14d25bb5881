using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Geography;

/// <summary>
/// The place-name registry through the API and the pages: the 1,626 division and seat names seeded, the art. 9 check, a
/// standard name refused on a conflict and a non-standard one recorded, the edit with its version and the former name kept,
/// scope (another county 404, a township clerk reads only), the anonymous query listing standard names only.
/// </summary>
public abstract partial class PlaceNameTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Division_and_seat_names_are_seeded_and_the_check_finds_conflicts_in_scope()
    {
        app.SkipIfUnavailable();
        var (divisions, seeded, seats) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var all = db.Set<PlaceName>().IgnoreQueryFilters();
            return (await db.Set<Minzheng.Web.Platform.Divisions.Division>().CountAsync(d => d.Level != Minzheng.Web.Platform.Divisions.DivisionLevel.Province),
                await all.CountAsync(n => n.NamedDivisionCode != null && n.Status == PlaceNameStatus.Standard),
                await all.CountAsync(n => n.NamedDivisionCode != null && n.Category == PlaceNameCategory.VillageSeat));
        });
        Assert.Equal(1626, divisions);
        Assert.Equal(1626, seeded);
        Assert.Equal(1508, seats);

        var officer = await app.ClientAsync("rongxian.officer");
        var found = await officer.GetJsonAsync("/api/v1/place-names?q=" + Uri.EscapeDataString("新南社区"));
        var row = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("namedDivisionCode").GetString() == Xinnan);
        Assert.Equal("villageSeat", row.GetProperty("category").GetString());
        Assert.Equal("Xinnan Shequ", row.GetProperty("pinyin").GetString());
        // pinyin search
        var byPinyin = await officer.GetJsonAsync("/api/v1/place-names?q=rongzhouzhen");
        Assert.Contains(byPinyin.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "容州镇");

        // a seat repeated in the county, a town repeated in the province (陆川 proposes 容州), a clean street
        var seat = await (await officer.PostAsJsonAsync("/api/v1/place-names/check", new { name = "新南社区", category = "villageSeat", divisionCode = "450921102001" })).JsonAsync();
        Assert.Contains(seat.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("kind").GetString() == "duplicate" && c.GetProperty("code").GetString() == Xinnan);
        var town = await (await officer.PostAsJsonAsync("/api/v1/place-names/check", new { name = "容州镇", category = "administrativeDivision", divisionCode = "450922000000" })).JsonAsync();
        Assert.Contains(town.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("code").GetString() == "450921100000");
        var homophone = await (await officer.PostAsJsonAsync("/api/v1/place-names/check", new { name = "蓉州镇", category = "administrativeDivision", divisionCode = "450922000000" })).JsonAsync();
        Assert.Contains(homophone.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("kind").GetString() == "homophone");
        var clean = await (await officer.PostAsJsonAsync("/api/v1/place-names/check", new { name = "新华路", category = "street", divisionCode = Xinnan })).JsonAsync();
        Assert.Equal("Xinhua Lu", clean.GetProperty("pinyin").GetString());
        Assert.Equal(0, clean.GetProperty("conflicts").GetArrayLength());
        // bad input: 400 by field, never 500
        var bad = await (await officer.PostAsJsonAsync("/api/v1/place-names/check", new { name = "", divisionCode = "x" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("category", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("divisionCode", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/api/v1/place-names/check", new { name = "新华路", category = 5, divisionCode = Xinnan })).StatusCode);
    }

    [Fact]
    public async Task A_name_is_recorded_checked_edited_with_its_version_and_scoped()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        // a street name no other test uses: 安 + a random common character + 路
        var street = "安" + (char)(0x5E00 + Random.Shared.Next(0, 0x400)) + "路";
        var created = await officer.PostAsJsonAsync("/api/v1/place-names", new
        {
            name = street,
            category = "street",
            divisionCode = Xinnan,
            status = "standard",
            longitude = 110.556m,
            latitude = 22.857m,
            approvedOn = "2020-06-01",
            approvalDocument = "容政函〔2020〕1号",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("placeName").GetProperty("id").GetGuid();
        var version = body.GetProperty("placeName").GetProperty("version").GetInt32();
        Assert.Equal("point", body.GetProperty("placeName").GetProperty("geometry").GetString());

        // the same name again as a standard name: refused, naming the conflict; as a non-standard name found in use: recorded
        var again = await (await officer.PostAsJsonAsync("/api/v1/place-names", new { name = street, category = "street", divisionCode = Xinnan, status = "standard" }))
            .ExpectProblemAsync(400, "geo_name_conflict");
        Assert.Contains("重名", again.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/place-names", new { name = street, category = "street", divisionCode = Xinnan, status = "nonStandard" })).StatusCode);

        // bad input: every field named, nothing saved
        var bad = await (await officer.PostAsJsonAsync("/api/v1/place-names", new
        {
            name = new string('路', 51),
            category = "street",
            divisionCode = Xinnan,
            status = "standard",
            longitude = 200m,
            geoJson = "{\"type\":\"LineString\",\"coordinates\":[[1]]}",
        })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("longitude", out _));
        var badGeo = await (await officer.PostAsJsonAsync("/api/v1/place-names", new { name = "几何路", category = "street", divisionCode = Xinnan, status = "nonStandard", geoJson = "{\"type\":\"LineString\",\"coordinates\":[[1]]}" }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(badGeo.GetProperty("errors").TryGetProperty("geoJson", out _));

        // rename: stale 409; current 200 keeps the old standard name as a former name; a spelling override is kept
        var renamed = "安" + (char)(0x6200 + Random.Shared.Next(0, 0x400)) + "大道";
        var edit = new { name = renamed, category = "street", divisionCode = Xinnan, status = "standard", pinyinOverride = "Anxin Dadao", approvedOn = "2020-09-01", longitude = 110.556m, latitude = 22.857m, version = version + 1 };
        await (await officer.PutAsJsonAsync($"/api/v1/place-names/{id}", edit)).ExpectProblemAsync(409, "concurrency_conflict");
        var ok = await officer.PutAsJsonAsync($"/api/v1/place-names/{id}", edit with { version = version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var after = (await ok.JsonAsync()).GetProperty("placeName");
        Assert.Equal("Anxin Dadao", after.GetProperty("pinyin").GetString());
        Assert.True(after.GetProperty("pinyinOverridden").GetBoolean());
        Assert.Contains(after.GetProperty("formerNames").EnumerateArray(), f => f.GetProperty("name").GetString() == street);

        // scope: another county 404, a township clerk reads but cannot write, GeoJSON lists the point
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/place-names/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).PutAsJsonAsync($"/api/v1/place-names/{id}", edit with { version = version + 1 })).StatusCode);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/place-names/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/place-names", new { name = "某某路", category = "street", divisionCode = Xinnan, status = "nonStandard" })).StatusCode);
        var geo = await officer.GetStringAsync("/api/v1/place-names/geojson");
        Assert.Contains(renamed, geo);
        Assert.DoesNotContain(renamed, await (await app.ClientAsync("beiliu.officer")).GetStringAsync("/api/v1/place-names/geojson"));

        // the anonymous query: standard names only
        var anonymous = app.CreateClient();
        var publicPage = await anonymous.GetStringAsync("/public/place-names?q=" + Uri.EscapeDataString(renamed));
        Assert.Contains(renamed, publicPage);
        var nonStandard = await anonymous.GetStringAsync("/public/place-names?q=" + Uri.EscapeDataString(street));
        Assert.DoesNotContain("<td>" + street, nonStandard);
    }

    [Fact]
    public async Task The_pages_record_a_name_show_errors_beside_the_field_and_check_a_name()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var list = await officer.GetStringAsync("/geography/place-names");
        var token = TokenPattern().Match(list).Groups[1].Value;
        var refused = await officer.PostAsync("/geography/place-names", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "新南社区",
            ["Input.Category"] = "VillageSeat",
            ["Input.DivisionCode"] = "450921102001",
            ["Input.Status"] = "Standard",
            ["Input.Meaning"] = "保留我填写的内容",
        }));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("重名", html);
        Assert.Contains("保留我填写的内容", html);

        // a coordinate typed wrong: shown beside the field in Chinese, and nothing saved without it
        var unreadable = "安" + (char)(0x6600 + Random.Shared.Next(0, 0x400)) + "巷";
        var typo = await officer.PostAsync("/geography/place-names", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = unreadable,
            ["Input.Category"] = "Street",
            ["Input.DivisionCode"] = Xinnan,
            ["Input.Status"] = "NonStandard",
            ["Input.Longitude"] = "abc",
            ["Input.Latitude"] = "东经",
        }));
        var typoHtml = await typo.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
        Assert.Contains("“abc”格式不正确", typoHtml);
        Assert.Contains(unreadable, typoHtml);
        Assert.Equal(0, (await officer.GetJsonAsync("/api/v1/place-names?q=" + Uri.EscapeDataString(unreadable))).GetProperty("total").GetInt32());

        var check = await officer.GetStringAsync("/geography/check?name=" + Uri.EscapeDataString("仁民路") + "&category=Street&divisionCode=" + Xinnan);
        Assert.Contains("Renmin Lu", check);
        Assert.Contains("同音", check);
        var index = await officer.GetStringAsync("/geography");
        Assert.Contains("标准地名", index);
    }
}

public sealed class PlaceNameTestsOnSqlite(SqliteApp app) : PlaceNameTests(app), IClassFixture<SqliteApp>;

public sealed class PlaceNameTestsOnPostgres(PostgresApp app) : PlaceNameTests(app), IClassFixture<PostgresApp>;
