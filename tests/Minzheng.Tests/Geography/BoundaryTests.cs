using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Geography;

/// <summary>
/// Boundary lines through the API and the pages (issue 17 items 5 and 6): a line is visible to both sides' subtrees and to no
/// other county (ADR 064), markers and findings are reached through a visible line, an overdue task is flagged, the GeoJSON
/// export of a line with its markers imports back with the same geometry and marker numbers, the finding form shows errors
/// beside its fields and keeps what was typed, and the map page loads the vendored Leaflet and its layers.
/// </summary>
public abstract partial class BoundaryTests(AppFixture app)
{
    private const string YueGui = "粤桂线 容县—信宜市段（演示数据）";
    private const string RongBei = "容县—北流市线（演示数据）";
    private const string YuGui = "玉林—贵港线 兴业县段（演示数据）";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static JsonElement Named(List<JsonElement> lines, string name) => lines.Single(l => l.GetProperty("name").GetString() == name);

    [Fact]
    public async Task A_line_is_visible_to_both_sides_and_to_no_other_county()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var beiliu = await app.ClientAsync("beiliu.officer");
        var ours = await rongxian.GetItemsAsync("/api/v1/boundaries");
        Assert.Contains(ours, l => l.GetProperty("name").GetString() == YueGui);
        Assert.Contains(ours, l => l.GetProperty("name").GetString() == RongBei);
        Assert.DoesNotContain(ours, l => l.GetProperty("name").GetString() == YuGui);
        var theirs = await beiliu.GetItemsAsync("/api/v1/boundaries");
        Assert.Contains(theirs, l => l.GetProperty("name").GetString() == RongBei);
        Assert.DoesNotContain(theirs, l => l.GetProperty("name").GetString() == YueGui);

        // the county line is stored under 玉林市 and shows both sides to either county
        var county = Named(theirs, RongBei);
        Assert.Equal("450900000000", county.GetProperty("divisionCode").GetString());
        Assert.Equal(new[] { "容县", "北流市" }, county.GetProperty("sides").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        // the province line: the other side is outside our data, by name and code
        var yueGui = await rongxian.GetJsonAsync($"/api/v1/boundaries/{Named(ours, YueGui).GetProperty("id").GetGuid()}");
        var outside = yueGui.GetProperty("sides")[1];
        Assert.Equal("440983000000", outside.GetProperty("code").GetString());
        Assert.False(outside.GetProperty("ours").GetBoolean());
        Assert.True(yueGui.GetProperty("sides")[0].GetProperty("ours").GetBoolean());
        Assert.Equal("province", yueGui.GetProperty("level").GetString());
        Assert.Equal(3, yueGui.GetProperty("markers").GetArrayLength());
        Assert.Equal("negotiating", yueGui.GetProperty("disputes")[0].GetProperty("status").GetString());

        // another county: the line, its markers, its export and a finding on its marker are 404; the layers leave it out
        var lineId = yueGui.GetProperty("id").GetGuid();
        var markerId = yueGui.GetProperty("markers")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/boundaries/{lineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/boundaries/{lineId}/geojson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/boundaries/markers/{markerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/boundaries/markers/{markerId}/findings",
            new { foundOn = "2026-11-01", condition = "good" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/geography/boundaries/markers/{markerId}")).StatusCode);
        Assert.DoesNotContain("粤桂 101", await beiliu.GetStringAsync("/api/v1/boundaries/markers/geojson"));
        Assert.Contains("容北 01", await beiliu.GetStringAsync("/api/v1/boundaries/markers/geojson"));
        Assert.Contains("粤桂 101", await rongxian.GetStringAsync("/api/v1/boundaries/markers/geojson"));
        Assert.DoesNotContain(YueGui, await beiliu.GetStringAsync("/api/v1/boundaries/geojson"));

        // the 2020 round: a task not done by its deadline is overdue, one done is not
        var countyDetail = await beiliu.GetJsonAsync($"/api/v1/boundaries/{county.GetProperty("id").GetGuid()}");
        Assert.Contains(countyDetail.GetProperty("inspections").EnumerateArray(), i => i.GetProperty("year").GetInt32() == 2020 && i.GetProperty("kind").GetString() == "joint");
        var missing = countyDetail.GetProperty("markers").EnumerateArray().Single(m => m.GetProperty("number").GetString() == "容北 02");
        Assert.Equal("missing", missing.GetProperty("condition").GetString());
        Assert.True(missing.GetProperty("findings")[0].GetProperty("overdue").GetBoolean());
        var repainted = yueGui.GetProperty("markers").EnumerateArray().Single(m => m.GetProperty("number").GetString() == "粤桂 103");
        Assert.False(repainted.GetProperty("findings")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_line_is_recorded_by_the_common_division_and_bad_input_is_refused_by_field()
    {
        app.SkipIfUnavailable();
        var geometry = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(new JsonArray(110.41, 22.75), new JsonArray(110.42, 22.74)) }.ToJsonString();
        object Line(string name) => new
        {
            name,
            level = "county",
            sideA = new { code = "450921000000" },
            sideB = new { code = "450981000000" },
            lengthKm = 1.5m,
            geoJson = geometry,
        };
        var rongxian = await app.ClientAsync("rongxian.officer");
        var refused = await (await rongxian.PostAsJsonAsync("/api/v1/boundaries", Line("容北线 测试段"))).ExpectProblemAsync(400, "validation_failed");
        Assert.Contains("玉林市", refused.GetProperty("errors").GetProperty("sideB")[0].GetString());

        var city = await app.ClientAsync("city.officer");
        var name = "容北线 测试段 " + Guid.NewGuid().ToString("N")[..6];
        var created = await (await city.PostAsJsonAsync("/api/v1/boundaries", Line(name)).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("450900000000", created.GetProperty("divisionCode").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await rongxian.GetAsync($"/api/v1/boundaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/boundaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongzhou.clerk")).PostAsJsonAsync("/api/v1/boundaries", Line(name))).StatusCode);

        var empty = await (await city.PostAsJsonAsync("/api/v1/boundaries", new { })).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "name", "level", "sideA", "sideB", "geoJson" }) Assert.True(empty.GetProperty("errors").TryGetProperty(field, out _), field);
        var bad = await (await city.PostAsJsonAsync("/api/v1/boundaries", new
        {
            name = "测试",
            level = "county",
            sideA = new { code = "450921000000" },
            sideB = new { code = "450921000000" },
            geoJson = "{\"type\":\"Point\",\"coordinates\":[110.4,22.7]}",
        })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("sideB", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("geoJson", out _));
        // a side outside our data needs its name; coordinates outside China are refused; a too-long name is refused
        var outside = await (await city.PostAsJsonAsync("/api/v1/boundaries", new
        {
            name = new string('界', 101),
            level = "province",
            sideA = new { code = "450921000000" },
            sideB = new { code = "440983000000" },
            geoJson = "{\"type\":\"LineString\",\"coordinates\":[[200,22.7],[110.5,22.6]]}",
        })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PostAsJsonAsync("/api/v1/boundaries", new { name = "x", level = 9 })).StatusCode);
    }

    [Fact]
    public async Task The_geojson_export_imports_back_and_a_finding_is_recorded_with_its_task()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var source = Named(await rongxian.GetItemsAsync("/api/v1/boundaries"), YueGui).GetProperty("id").GetGuid();
        var exported = await rongxian.GetStringAsync($"/api/v1/boundaries/{source}/geojson");
        var collection = JsonNode.Parse(exported)!;
        var copyName = "粤桂线 导入测试 " + Guid.NewGuid().ToString("N")[..6];
        collection["features"]![0]!["properties"]!["name"] = copyName;
        var imported = await (await rongxian.PostAsync("/api/v1/boundaries/import", new StringContent(collection.ToJsonString(), System.Text.Encoding.UTF8, "application/geo+json"))
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var copy = imported.GetProperty("id").GetGuid();
        var again = JsonNode.Parse(await rongxian.GetStringAsync($"/api/v1/boundaries/{copy}/geojson"))!;
        Assert.True(JsonNode.DeepEquals(collection["features"]![0]!["geometry"], again["features"]![0]!["geometry"]));
        static IEnumerable<string> Numbers(JsonNode c) => c["features"]!.AsArray().Where(f => (string?)f!["properties"]!["kind"] == "marker").Select(f => (string)f!["properties"]!["number"]!);
        Assert.Equal(new[] { "粤桂 101", "粤桂 102", "粤桂 103" }, Numbers(again));
        Assert.Equal(Numbers(collection), Numbers(again));
        Assert.Equal("440983000000", (string?)again["features"]![0]!["properties"]!["sideB"]!["code"]);
        Assert.Equal("damaged", (string?)again["features"]![3]!["properties"]!["condition"]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/boundaries/{copy}")).StatusCode);

        // not importable: not a collection, a marker without a number, duplicate numbers
        await (await rongxian.PostAsync("/api/v1/boundaries/import", new StringContent("{}"))).ExpectProblemAsync(400, "validation_failed");
        await (await rongxian.PostAsync("/api/v1/boundaries/import", new StringContent("not json"))).ExpectProblemAsync(400, "validation_failed");
        var duplicate = JsonNode.Parse(exported)!;
        duplicate["features"]![2]!["properties"]!["number"] = "粤桂 101";
        var dup = await (await rongxian.PostAsync("/api/v1/boundaries/import", new StringContent(duplicate.ToJsonString()))).ExpectProblemAsync(400, "validation_failed");
        Assert.True(dup.GetProperty("errors").TryGetProperty("file", out _));

        // a finding on the copy's first marker: a damaged marker needs its task; the task past its deadline is overdue
        var marker = imported.GetProperty("markers")[0].GetProperty("id").GetGuid();
        var noTask = await (await rongxian.PostAsJsonAsync($"/api/v1/boundaries/markers/{marker}/findings", new { foundOn = "2026-05-01", condition = "damaged" }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(noTask.GetProperty("errors").TryGetProperty("task", out _));
        var wrong = await (await rongxian.PostAsJsonAsync($"/api/v1/boundaries/markers/{marker}/findings", new
        {
            foundOn = "2027-01-01",
            condition = "moved",
            task = "复位",
            deadline = "2026-01-01",
            inspectionId = Guid.NewGuid(),
        })).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "foundOn", "inspectionId" }) Assert.True(wrong.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await rongxian.PostAsJsonAsync($"/api/v1/boundaries/markers/{marker}/findings", new { foundOn = "2026-05-01", condition = "damaged", task = new string('修', 201) }))
            .ExpectProblemAsync(400, "validation_failed");
        await rongxian.PostAsJsonAsync($"/api/v1/boundaries/markers/{marker}/findings", new { foundOn = "2026-05-01", condition = "damaged", task = "重新埋设", deadline = "2026-09-30" })
            .EnsureStatus(HttpStatusCode.Created);
        var view = await rongxian.GetJsonAsync($"/api/v1/boundaries/markers/{marker}");
        Assert.Equal("damaged", view.GetProperty("marker").GetProperty("condition").GetString());
        var finding = view.GetProperty("marker").GetProperty("findings").EnumerateArray().Single();
        Assert.Equal("重新埋设", finding.GetProperty("task").GetString());
        Assert.True(finding.GetProperty("overdue").GetBoolean());

        // the task done: not in the future, then on a date between the finding and today; no longer overdue
        var done = $"/api/v1/boundaries/markers/{marker}/findings/{finding.GetProperty("id").GetGuid()}/done";
        var early = await (await rongxian.PostAsJsonAsync(done, new { doneOn = "2026-12-31" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(early.GetProperty("errors").TryGetProperty("doneOn", out _));
        await rongxian.PostAsJsonAsync(done, new { doneOn = "2026-10-08" }).EnsureStatus(HttpStatusCode.OK);
        var doneView = (await rongxian.GetJsonAsync($"/api/v1/boundaries/markers/{marker}")).GetProperty("marker").GetProperty("findings")[0];
        Assert.Equal("2026-10-08", doneView.GetProperty("doneOn").GetString());
        Assert.False(doneView.GetProperty("overdue").GetBoolean());

        // inspections: a joint round needs its round and both sides' participants; an ad-hoc one its reason
        var joint = await (await rongxian.PostAsJsonAsync($"/api/v1/boundaries/{copy}/inspections", new { kind = "joint", year = 2025 })).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "round", "participants" }) Assert.True(joint.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await rongxian.PostAsJsonAsync($"/api/v1/boundaries/{copy}/inspections", new { kind = "adHoc", year = 2030, reason = "x" })).ExpectProblemAsync(400, "validation_failed");
        await rongxian.PostAsJsonAsync($"/api/v1/boundaries/{copy}/inspections", new { kind = "adHoc", year = 2026, reason = "台风过境后专项检查", sections = "粤桂 101—102" })
            .EnsureStatus(HttpStatusCode.Created);
        Assert.Contains((await rongxian.GetJsonAsync($"/api/v1/boundaries/{copy}")).GetProperty("inspections").EnumerateArray(),
            i => i.GetProperty("kind").GetString() == "adHoc" && i.GetProperty("reason").GetString() == "台风过境后专项检查");

        // a dispute screened, then settled with its version; a stale version is 409
        var dispute = await (await rongxian.PostAsJsonAsync($"/api/v1/boundaries/{copy}/disputes", new { title = "界桩附近耕地归属", status = "reported", reportedOn = "2026-06-01" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var disputeUrl = $"/api/v1/boundaries/{copy}/disputes/{dispute.GetProperty("id").GetGuid()}";
        var version = dispute.GetProperty("version").GetInt32();
        var unsettled = await (await rongxian.PutAsJsonAsync(disputeUrl, new { title = "界桩附近耕地归属", status = "settled", reportedOn = "2026-06-01", version }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(unsettled.GetProperty("errors").TryGetProperty("settledOn", out _));
        var settled = new { title = "界桩附近耕地归属", status = "settled", reportedOn = "2026-06-01", settledOn = "2026-09-01", outcome = "双方确认按协议书走向", version };
        await rongxian.PutAsJsonAsync(disputeUrl, settled).EnsureStatus(HttpStatusCode.OK);
        await (await rongxian.PutAsJsonAsync(disputeUrl, settled)).ExpectProblemAsync(409, "concurrency_conflict");
        var disputes = (await rongxian.GetJsonAsync($"/api/v1/boundaries/{copy}")).GetProperty("disputes");
        Assert.Equal("settled", disputes[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).PutAsJsonAsync(disputeUrl, settled with { version = version + 1 })).StatusCode);
    }

    [Fact]
    public async Task The_pages_list_lines_and_a_clerk_records_a_finding_with_errors_beside_the_fields()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var list = await rongxian.GetStringAsync("/geography/boundaries");
        Assert.Contains(YueGui, list);
        Assert.Contains(RongBei, list);
        Assert.DoesNotContain(YuGui, list);
        var dashboard = await rongxian.GetStringAsync("/geography");
        Assert.Contains("/geography/boundaries", dashboard);
        // the dashboard: inspection progress per line in scope (the 2020 joint round of the demo lines), markers by condition
        var progress = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(dashboard).QuerySelector("#line-progress")!;
        Assert.Contains(YueGui, progress.TextContent);
        Assert.Contains("2020", progress.TextContent);
        Assert.DoesNotContain(YuGui, progress.TextContent);
        Assert.Contains("界桩状况", dashboard);

        // a line of its own so the demo markers stay as they are
        var geometry = "{\"type\":\"LineString\",\"coordinates\":[[110.81,22.61],[110.83,22.59]]}";
        var line = await (await rongxian.PostAsJsonAsync("/api/v1/boundaries", new
        {
            name = "粤桂线 页面测试 " + Guid.NewGuid().ToString("N")[..6],
            level = "province",
            sideA = new { code = "450921000000" },
            sideB = new { code = "440983000000", name = "广东省信宜市" },
            geoJson = geometry,
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var lineId = line.GetProperty("id").GetGuid();
        Assert.Contains("广东省信宜市", await rongxian.GetStringAsync($"/geography/boundaries/{lineId}"));
        var yueGui = await rongxian.GetStringAsync($"/geography/boundaries/{Named(await rongxian.GetItemsAsync("/api/v1/boundaries"), YueGui).GetProperty("id").GetGuid()}");
        Assert.Contains("粤桂 101", yueGui);
        Assert.Contains("第四轮联合检查", yueGui);
        var exported = JsonNode.Parse(await rongxian.GetStringAsync($"/api/v1/boundaries/{lineId}/geojson"))!;
        exported["features"]!.AsArray().Add(JsonNode.Parse("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[110.82,22.6]},\"properties\":{\"kind\":\"marker\",\"number\":\"页面 01\"}}"));
        exported["features"]![0]!["properties"]!["name"] = "粤桂线 页面测试 " + Guid.NewGuid().ToString("N")[..6];
        var withMarker = await (await rongxian.PostAsync("/api/v1/boundaries/import", new StringContent(exported.ToJsonString())).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var marker = withMarker.GetProperty("markers")[0].GetProperty("id").GetGuid();
        var url = $"/geography/boundaries/markers/{marker}";
        var page = await rongxian.GetStringAsync(url);
        Assert.Contains("页面 01", page);
        var token = TokenPattern().Match(page).Groups[1].Value;

        // a date typed wrong and a damaged marker without its task: shown beside the fields, what was typed kept, nothing saved
        var bad = await rongxian.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.FoundOn"] = "abc",
            ["Input.Condition"] = "Damaged",
            ["Input.Description"] = "保留我填写的情况",
        }));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("“abc”格式不正确", html);
        Assert.Contains("保留我填写的情况", html);
        var noTask = await rongxian.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.FoundOn"] = "2026-11-20",
            ["Input.Condition"] = "Damaged",
            ["Input.Description"] = "保留我填写的情况",
        }));
        var noTaskHtml = await noTask.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noTask.StatusCode);
        Assert.Contains("须填写维护任务", noTaskHtml);
        Assert.Contains("保留我填写的情况", noTaskHtml);
        Assert.Equal(0, (await rongxian.GetJsonAsync($"/api/v1/boundaries/markers/{marker}")).GetProperty("marker").GetProperty("findings").GetArrayLength());

        var saved = await rongxian.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.FoundOn"] = "2026-11-20",
            ["Input.Condition"] = "Damaged",
            ["Input.Task"] = "描字",
            ["Input.Deadline"] = "2026-12-31",
            ["Input.Description"] = "碑面字迹模糊",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await rongxian.GetStringAsync(url);
        Assert.Contains("碑面字迹模糊", after);
        Assert.Contains("损坏", after);

        // the map: vendored Leaflet, its own script, the layers; no tile service configured, so no tiles
        var map = await rongxian.GetStringAsync("/geography/map");
        Assert.Contains("/lib/leaflet/leaflet.js", map);
        Assert.Contains("/js/geography-map.js", map);
        Assert.Contains("data-markers=\"/api/v1/boundaries/markers/geojson\"", map);
        Assert.DoesNotContain("<script>", map);
        Assert.Equal(HttpStatusCode.OK, (await rongxian.GetAsync("/lib/leaflet/leaflet.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rongxian.GetAsync("/geography/map/tiles/3/1/1")).StatusCode);
    }
}

public sealed class BoundaryTestsOnSqlite(SqliteApp app) : BoundaryTests(app), IClassFixture<SqliteApp>;

public sealed class BoundaryTestsOnPostgres(PostgresApp app) : BoundaryTests(app), IClassFixture<PostgresApp>;
