using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Geography;

/// <summary>
/// The boundary forms of the pages (no browser validation: the server's errors beside the fields): a line created by the form
/// of the list and imported from a GeoJSON file, bad input shown beside its fields with what was typed and nothing saved; on the
/// line page the line changed with its version (a stale one shows the 409 and overwrites nothing), an inspection and a dispute
/// recorded and the dispute's status moved on; another county's line is 404; without geography.manage no form and 403.
/// </summary>
public abstract partial class BoundaryPageTests(AppFixture app)
{
    private const string YueGui = "粤桂线 容县—信宜市段（演示数据）";
    private const string Geometry = "{\"type\":\"LineString\",\"coordinates\":[[110.41,22.75],[110.42,22.74]]}";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Beside(IHtmlDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..6];

    private static async Task<int> TotalAsync(HttpClient client) => (await client.GetJsonAsync("/api/v1/boundaries?pageSize=1")).GetProperty("total").GetInt32();

    private static Dictionary<string, string> LineForm(string prefix, string token, string name, string lengthKm) => new()
    {
        ["__RequestVerificationToken"] = token,
        [$"{prefix}.Name"] = name,
        [$"{prefix}.Level"] = "County",
        [$"{prefix}.SideA.Code"] = "450921000000",
        [$"{prefix}.SideB.Code"] = "450981000000",
        [$"{prefix}.AgreementDocument"] = "桂政函〔2005〕12号 保留我填写的",
        [$"{prefix}.LengthKm"] = lengthKm,
        [$"{prefix}.GeoJson"] = Geometry,
        [$"{prefix}.DetailMapReference"] = "容北线详图 第 3 幅",
    };

    [Fact]
    public async Task A_line_is_created_by_the_form_with_errors_beside_the_fields_and_imported_from_a_file()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var page = await city.GetStringAsync("/geography/boundaries");
        var doc = Parse(page);
        Assert.NotNull(doc.QuerySelector("#line-form"));
        Assert.NotNull(doc.QuerySelector("#import-form input[type=file][name='Import.File']"));
        var token = Token(page);
        var before = await TotalAsync(city);

        // a length that is not a number: beside the field, as typed; the handler does not run
        var notNumber = await city.PostAsync("/geography/boundaries", new FormUrlEncodedContent(LineForm("Input", token, "容北线 表单测试", "abc")));
        Assert.Equal(HttpStatusCode.OK, notNumber.StatusCode);
        doc = Parse(await notNumber.Content.ReadAsStringAsync());
        Assert.Contains("abc", Beside(doc, "Input.LengthKm"), StringComparison.Ordinal);
        Assert.Equal("abc", doc.QuerySelector("#input-lengthkm")!.GetAttribute("value"));
        Assert.Equal("容北线 表单测试", doc.QuerySelector("#input-name")!.GetAttribute("value"));

        // no name and a negative length: the use case's errors beside both, the rest kept
        var bad = await city.PostAsync("/geography/boundaries", new FormUrlEncodedContent(LineForm("Input", token, "", "-1")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        doc = Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写界线名称", Beside(doc, "Input.Name"), StringComparison.Ordinal);
        Assert.NotEqual("", Beside(doc, "Input.LengthKm").Trim());
        Assert.Equal("桂政函〔2005〕12号 保留我填写的", doc.QuerySelector("#input-agreementdocument")!.GetAttribute("value"));
        Assert.Equal("-1", doc.QuerySelector("#input-lengthkm")!.GetAttribute("value"));
        Assert.Contains(Geometry, doc.QuerySelector("#input-geojson")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await TotalAsync(city));

        // saved: to the new line's page, stored under 玉林市 (the common division of its sides)
        var name = Unique("容北线 表单测试");
        var created = await city.PostAsync("/geography/boundaries", new FormUrlEncodedContent(LineForm("Input", token, name, "1.5")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/geography/boundaries/", url, StringComparison.Ordinal);
        Assert.Contains(name, await city.GetStringAsync(url));
        var line = await city.GetJsonAsync("/api/v1" + url["/geography".Length..]);
        Assert.Equal("450900000000", line.GetProperty("divisionCode").GetString());
        Assert.Equal(1.5m, line.GetProperty("lengthKm").GetDecimal());
        Assert.Equal("容北线详图 第 3 幅", line.GetProperty("detailMapReference").GetString());
        Assert.Equal(before + 1, await TotalAsync(city));

        // GeoJSON import: the export of a demo line, renamed, as a file
        var rongxian = await app.ClientAsync("rongxian.officer");
        var source = (await rongxian.GetItemsAsync("/api/v1/boundaries")).Single(l => l.GetProperty("name").GetString() == YueGui).GetProperty("id").GetGuid();
        var collection = JsonNode.Parse(await rongxian.GetStringAsync($"/api/v1/boundaries/{source}/geojson"))!;
        var copyName = Unique("粤桂线 表单导入");
        collection["features"]![0]!["properties"]!["name"] = copyName;
        var listPage = await rongxian.GetStringAsync("/geography/boundaries");
        MultipartFormDataContent Upload(string text, string fileName) => new()
        {
            { new StringContent(Token(listPage)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new MediaTypeHeaderValue("application/geo+json") } }, "Import.File", fileName },
        };
        var rongxianBefore = await TotalAsync(rongxian);
        var wrongKind = await rongxian.PostAsync("/geography/boundaries?handler=Import", Upload(collection.ToJsonString(), "line.txt"));
        Assert.Equal(HttpStatusCode.OK, wrongKind.StatusCode);
        Assert.Contains(".geojson", Beside(Parse(await wrongKind.Content.ReadAsStringAsync()), "Import.File"), StringComparison.Ordinal);
        var notGeoJson = await rongxian.PostAsync("/geography/boundaries?handler=Import", Upload("{\"type\":\"Point\"}", "line.geojson"));
        Assert.Equal(HttpStatusCode.OK, notGeoJson.StatusCode);
        Assert.Contains("不是可导入的 GeoJSON", Beside(Parse(await notGeoJson.Content.ReadAsStringAsync()), "Import.File"), StringComparison.Ordinal);
        Assert.Equal(rongxianBefore, await TotalAsync(rongxian));

        var imported = await rongxian.PostAsync("/geography/boundaries?handler=Import", Upload(collection.ToJsonString(), "粤桂线.geojson"));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var importedPage = await rongxian.GetStringAsync(imported.Headers.Location!.OriginalString);
        Assert.Contains(copyName, importedPage);
        Assert.Contains("粤桂 103", importedPage);
        Assert.Contains("已导入界线", importedPage);
    }

    [Fact]
    public async Task The_line_page_edits_with_its_version_and_records_inspections_and_disputes()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var name = Unique("粤桂线 编辑测试");
        var created = await (await rongxian.PostAsJsonAsync("/api/v1/boundaries", new
        {
            name,
            level = "province",
            sideA = new { code = "450921000000" },
            sideB = new { code = "440983000000", name = "广东省信宜市" },
            lengthKm = 2.5m,
            geoJson = Geometry,
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var url = $"/geography/boundaries/{id}";
        var api = $"/api/v1/boundaries/{id}";
        var page = await rongxian.GetStringAsync(url);
        var doc = Parse(page);
        var token = Token(page);
        var version = created.GetProperty("version").GetInt32();
        Assert.Equal(version.ToString(CultureInfo.InvariantCulture), doc.QuerySelector("#edit-form input[name='Edit.Version']")!.GetAttribute("value"));
        Assert.Equal(name, doc.QuerySelector("#edit-name")!.GetAttribute("value"));

        Dictionary<string, string> Edit(string newName, string length, int v)
        {
            var form = LineForm("Edit", token, newName, length);
            form["Edit.Level"] = "Province";
            form["Edit.SideB.Code"] = "440983000000";
            form["Edit.SideB.Name"] = "广东省信宜市";
            form["Edit.Version"] = v.ToString(CultureInfo.InvariantCulture);
            return form;
        }

        // bad input beside the fields of the edit form, as typed
        var bad = await rongxian.PostAsync(url + "?handler=Edit", new FormUrlEncodedContent(Edit("", "-2", version)));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        doc = Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写界线名称", Beside(doc, "Edit.Name"), StringComparison.Ordinal);
        Assert.NotEqual("", Beside(doc, "Edit.LengthKm").Trim());
        Assert.Equal("-2", doc.QuerySelector("#edit-lengthkm")!.GetAttribute("value"));

        // saved with its version: the version moves on, the write is audited
        var renamed = Unique("粤桂线 已改名");
        Assert.Equal(HttpStatusCode.Redirect, (await rongxian.PostAsync(url + "?handler=Edit", new FormUrlEncodedContent(Edit(renamed, "3.25", version)))).StatusCode);
        var saved = await rongxian.GetJsonAsync(api);
        Assert.Equal(renamed, saved.GetProperty("name").GetString());
        Assert.Equal(3.25m, saved.GetProperty("lengthKm").GetDecimal());
        Assert.Equal("桂政函〔2005〕12号 保留我填写的", saved.GetProperty("agreementDocument").GetString());
        Assert.Equal("广东省信宜市", saved.GetProperty("sides")[1].GetProperty("name").GetString());
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        var audit = (await (await app.ClientAsync("auditor")).GetJsonAsync($"/api/v1/audit?entityType=geo_boundary_line&entityId={id}")).GetProperty("items");
        Assert.True(audit.GetArrayLength() >= 2, audit.ToString());

        // the form's version is now stale: 409 shown, what was typed kept, nothing overwritten
        var stale = await rongxian.PostAsync(url + "?handler=Edit", new FormUrlEncodedContent(Edit("过期表单的名称", "9", version)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        doc = Parse(await stale.Content.ReadAsStringAsync());
        Assert.Contains("已被他人修改", doc.QuerySelector(".alert[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("过期表单的名称", doc.QuerySelector("#edit-name")!.GetAttribute("value"));
        Assert.Equal(renamed, (await rongxian.GetJsonAsync(api)).GetProperty("name").GetString());

        // an inspection: a joint one without its round is refused beside the field, then recorded
        var inspection = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Inspection.Kind"] = "Joint",
            ["Inspection.Year"] = "2026",
            ["Inspection.Sections"] = "粤桂 101—103",
            ["Inspection.Participants"] = "容县民政局、信宜市民政局",
        };
        var noRound = await rongxian.PostAsync(url + "?handler=Inspection", new FormUrlEncodedContent(inspection));
        Assert.Equal(HttpStatusCode.OK, noRound.StatusCode);
        doc = Parse(await noRound.Content.ReadAsStringAsync());
        Assert.Contains("轮次", Beside(doc, "Inspection.Round"), StringComparison.Ordinal);
        Assert.Equal("容县民政局、信宜市民政局", doc.QuerySelector("#inspection-participants")!.GetAttribute("value"));
        Assert.Equal(0, (await rongxian.GetJsonAsync(api)).GetProperty("inspections").GetArrayLength());
        inspection["Inspection.Round"] = "第五轮联合检查";
        Assert.Equal(HttpStatusCode.Redirect, (await rongxian.PostAsync(url + "?handler=Inspection", new FormUrlEncodedContent(inspection))).StatusCode);
        var recorded = (await rongxian.GetJsonAsync(api)).GetProperty("inspections").EnumerateArray().Single();
        Assert.Equal("joint", recorded.GetProperty("kind").GetString());
        Assert.Equal("第五轮联合检查", recorded.GetProperty("round").GetString());
        Assert.Contains("第五轮联合检查", await rongxian.GetStringAsync(url));

        // a dispute reported, then settled by its own small form with its version
        Assert.Equal(HttpStatusCode.Redirect, (await rongxian.PostAsync(url + "?handler=Dispute", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Dispute.Title"] = "界桩附近林地归属",
            ["Dispute.Location"] = "粤桂 102 东侧",
            ["Dispute.Status"] = "Reported",
            ["Dispute.ReportedOn"] = "2026-06-01",
        }))).StatusCode);
        var dispute = (await rongxian.GetJsonAsync(api)).GetProperty("disputes").EnumerateArray().Single();
        var disputeId = dispute.GetProperty("id").GetGuid();
        var disputeVersion = dispute.GetProperty("version").GetInt32();
        doc = Parse(await rongxian.GetStringAsync(url));
        Assert.Equal(disputeVersion.ToString(CultureInfo.InvariantCulture), doc.QuerySelector($"#dispute-{disputeId} input[name='Update.Version']")!.GetAttribute("value"));
        Dictionary<string, string> Settle(string outcome, int v) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Update.DisputeId"] = disputeId.ToString(),
            ["Update.Status"] = "Settled",
            ["Update.SettledOn"] = "2026-09-01",
            ["Update.Outcome"] = outcome,
            ["Update.Version"] = v.ToString(CultureInfo.InvariantCulture),
        };
        var noOutcome = await rongxian.PostAsync(url + "?handler=Update", new FormUrlEncodedContent(Settle("", disputeVersion)));
        Assert.Equal(HttpStatusCode.OK, noOutcome.StatusCode);
        doc = Parse(await noOutcome.Content.ReadAsStringAsync());
        Assert.Contains("处理结果", doc.QuerySelector($"#dispute-{disputeId} [data-valmsg-for='Update.SettledOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-09-01", doc.QuerySelector($"#settled-{disputeId}")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await rongxian.PostAsync(url + "?handler=Update", new FormUrlEncodedContent(Settle("双方确认按协议书走向", disputeVersion)))).StatusCode);
        var settled = (await rongxian.GetJsonAsync(api)).GetProperty("disputes")[0];
        Assert.Equal("settled", settled.GetProperty("status").GetString());
        Assert.Equal("2026-09-01", settled.GetProperty("settledOn").GetString());
        Assert.Equal("界桩附近林地归属", settled.GetProperty("title").GetString());
        var staleDispute = await rongxian.PostAsync(url + "?handler=Update", new FormUrlEncodedContent(Settle("过期的结果", disputeVersion)));
        Assert.Equal(HttpStatusCode.OK, staleDispute.StatusCode);
        doc = Parse(await staleDispute.Content.ReadAsStringAsync());
        Assert.Contains("已被他人修改", doc.QuerySelector(".alert[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("过期的结果", doc.QuerySelector($"#outcome-{disputeId}")!.GetAttribute("value"));
        Assert.Equal("双方确认按协议书走向", (await rongxian.GetJsonAsync(api)).GetProperty("disputes")[0].GetProperty("outcome").GetString());

        // another county: the page and its forms are 404
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync(url)).StatusCode);
        var beiliuToken = Token(await beiliu.GetStringAsync("/geography/boundaries"));
        inspection["__RequestVerificationToken"] = beiliuToken;
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsync(url + "?handler=Inspection", new FormUrlEncodedContent(inspection))).StatusCode);
        var beiliuEdit = Edit("北流改名", "1", version + 1);
        beiliuEdit["__RequestVerificationToken"] = beiliuToken;
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsync(url + "?handler=Edit", new FormUrlEncodedContent(beiliuEdit))).StatusCode);
        Assert.Equal(renamed, (await rongxian.GetJsonAsync(api)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_the_manage_permission_no_form_is_shown_and_a_post_is_403()
    {
        app.SkipIfUnavailable();
        var auditor = await app.ClientAsync("auditor");
        var list = await auditor.GetStringAsync("/geography/boundaries");
        var doc = Parse(list);
        Assert.Null(doc.QuerySelector("#line-form"));
        Assert.Null(doc.QuerySelector("#import-form"));
        var lineId = (await auditor.GetItemsAsync("/api/v1/boundaries")).First().GetProperty("id").GetGuid();
        var url = $"/geography/boundaries/{lineId}";
        var page = await auditor.GetStringAsync(url);
        doc = Parse(page);
        foreach (var form in new[] { "#edit-form", "#inspection-form", "#dispute-new-form", ".dispute-form" }) Assert.Null(doc.QuerySelector(form));
        // the layout's sign-out form carries a valid token, so the refusal is the permission's, not the antiforgery check's
        var token = Token(page);
        Assert.NotEqual("", token);
        var before = await TotalAsync(auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/geography/boundaries", new FormUrlEncodedContent(LineForm("Input", token, Unique("审计员的界线"), "1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/geography/boundaries?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(url + "?handler=Inspection", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Inspection.Kind"] = "AdHoc",
            ["Inspection.Year"] = "2026",
            ["Inspection.Reason"] = "台风",
        }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(url + "?handler=Dispute", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Dispute.Title"] = "审计员登记的争议",
            ["Dispute.Status"] = "Reported",
            ["Dispute.ReportedOn"] = "2026-06-01",
        }))).StatusCode);
        var edit = LineForm("Edit", token, "审计员改名", "1");
        edit["Edit.Version"] = "1";
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(url + "?handler=Edit", new FormUrlEncodedContent(edit))).StatusCode);
        Assert.Equal(before, await TotalAsync(auditor));
        var line = await auditor.GetJsonAsync($"/api/v1/boundaries/{lineId}");
        Assert.DoesNotContain(line.GetProperty("disputes").EnumerateArray(), d => d.GetProperty("title").GetString() == "审计员登记的争议");
        Assert.DoesNotContain(line.GetProperty("inspections").EnumerateArray(), i => i.GetProperty("reason").GetString() == "台风");

        // a county officer sees the county line stored under 玉林市 with its inspection and dispute forms, but the city edits it
        var rongxian = await app.ClientAsync("rongxian.officer");
        var county = (await rongxian.GetItemsAsync("/api/v1/boundaries")).First(l => l.GetProperty("divisionCode").GetString() == "450900000000").GetProperty("id").GetGuid();
        doc = Parse(await rongxian.GetStringAsync($"/geography/boundaries/{county}"));
        Assert.NotNull(doc.QuerySelector("#inspection-form"));
        Assert.Null(doc.QuerySelector("#edit-form"));
        Assert.Contains("玉林市", doc.QuerySelector("#edit-note")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class BoundaryPageTestsOnSqlite(SqliteApp app) : BoundaryPageTests(app), IClassFixture<SqliteApp>;

public sealed class BoundaryPageTestsOnPostgres(PostgresApp app) : BoundaryPageTests(app), IClassFixture<PostgresApp>;
