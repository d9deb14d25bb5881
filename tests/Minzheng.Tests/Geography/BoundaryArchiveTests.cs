using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Geography;

/// <summary>
/// A line's archive and its markers' photos (issue 17 item 5; 条例 第十三条): filed by the county through the API and the pages,
/// the file read back as stored, bad input shown beside the fields with nothing filed, a reader (the auditor) shown no form
/// and refused with 403, another county 404 on the files of a line it cannot see; the dashboard gives the next joint round
/// from the period figure.
/// </summary>
public abstract partial class BoundaryArchiveTests(AppFixture app)
{
    private const string YueGui = "粤桂线 容县—信宜市段（演示数据）";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% 界线协议书（测试）\n%%EOF\n");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static MultipartFormDataContent Form(IEnumerable<(string Name, string Value)> fields, string? fileField = null, string? fileName = null, byte[]? bytes = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (fileField is not null)
        {
            var file = new ByteArrayContent(bytes!);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, fileField, fileName!);
        }
        return form;
    }

    private async Task<(Guid Line, Guid Marker)> YueGuiAsync(HttpClient client)
    {
        var line = (await client.GetItemsAsync("/api/v1/boundaries")).Single(l => l.GetProperty("name").GetString() == YueGui).GetProperty("id").GetGuid();
        var marker = (await client.GetJsonAsync($"/api/v1/boundaries/{line}")).GetProperty("markers")[0].GetProperty("id").GetGuid();
        return (line, marker);
    }

    [Fact]
    public async Task A_marker_photo_is_filed_read_back_and_listed_and_others_are_refused()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var (line, marker) = await YueGuiAsync(rongxian);
        async Task<List<JsonElement>> PhotosAsync() => (await rongxian.GetJsonAsync($"/api/v1/boundaries/{line}/files")).EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "markerPhoto").ToList();

        // the wrong type and no file at all: field errors, nothing filed
        var txt = await rongxian.PostAsync($"/api/v1/boundaries/markers/{marker}/photos", Form([("title", "说明")], "file", "note.txt", Encoding.UTF8.GetBytes("text")));
        Assert.Equal(HttpStatusCode.BadRequest, txt.StatusCode);
        Assert.True((await txt.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        var none = await rongxian.PostAsync($"/api/v1/boundaries/markers/{marker}/photos", Form([("title", "说明")]));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Empty(await PhotosAsync());

        var created = await rongxian.PostAsync($"/api/v1/boundaries/markers/{marker}/photos", Form([("title", "2025年联检 东侧面")], "file", "marker.png", Png));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var photo = Assert.Single(await PhotosAsync());
        Assert.Equal(("markerPhoto", "2025年联检 东侧面", marker), (photo.GetProperty("kind").GetString(), photo.GetProperty("title").GetString(), photo.GetProperty("markerId").GetGuid()));
        var url = photo.GetProperty("url").GetString()!;
        Assert.Equal(Png, await rongxian.GetByteArrayAsync(url));
        Assert.Contains("2025年联检 东侧面", await rongxian.GetStringAsync($"/geography/boundaries/markers/{marker}"));

        // another county: 404 on the files, the photo and the upload; a reader: 403 on the upload, no form on the page
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/boundaries/{line}/files")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsync($"/api/v1/boundaries/markers/{marker}/photos", Form([], "file", "x.png", Png))).StatusCode);
        var auditor = await app.ClientAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/api/v1/boundaries/markers/{marker}/photos", Form([], "file", "x.png", Png))).StatusCode);
        var readerPage = await auditor.GetStringAsync($"/geography/boundaries/markers/{marker}");
        Assert.Contains("2025年联检 东侧面", readerPage);
        Assert.DoesNotContain("photo-form", readerPage);
        Assert.DoesNotContain("finding-form", readerPage);
        Assert.Equal(Png, await auditor.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task The_archive_page_files_a_document_with_errors_beside_the_fields_and_a_reader_cannot()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var (line, _) = await YueGuiAsync(rongxian);
        var url = $"/geography/boundaries/{line}/archive";
        var page = await rongxian.GetStringAsync(url);
        Assert.Contains("file-form", page);
        var token = TokenPattern().Match(page).Groups[1].Value;
        var before = (await rongxian.GetJsonAsync($"/api/v1/boundaries/{line}/files")).EnumerateArray().Count(f => f.GetProperty("kind").GetString() != "markerPhoto");

        // no kind, a date in the future, a .txt: each beside its field, the typed title kept, nothing filed
        var bad = await rongxian.PostAsync(url, Form([("__RequestVerificationToken", token), ("Input.Title", "保留我填写的名称"), ("Input.DocumentDate", "2030-01-01")],
            "Input.File", "agreement.txt", Encoding.UTF8.GetBytes("text")));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请选择材料类别", html);
        Assert.Contains("成文日期不能晚于今天", html);
        Assert.Contains("不支持的文件类型“.txt”", html);
        Assert.Contains("保留我填写的名称", html);
        var typo = await rongxian.PostAsync(url, Form([("__RequestVerificationToken", token), ("Input.Kind", "Agreement"), ("Input.Title", "协议书"), ("Input.DocumentDate", "abc")],
            "Input.File", "agreement.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
        Assert.Contains("“abc”格式不正确", await typo.Content.ReadAsStringAsync());
        Assert.Equal(before, (await rongxian.GetJsonAsync($"/api/v1/boundaries/{line}/files")).EnumerateArray().Count(f => f.GetProperty("kind").GetString() != "markerPhoto"));

        var good = await rongxian.PostAsync(url, Form([("__RequestVerificationToken", token), ("Input.Kind", "Agreement"), ("Input.Title", "粤桂线容县段界线协议书（测试）"), ("Input.DocumentDate", "2002-11-20")],
            "Input.File", "agreement.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var files = (await rongxian.GetJsonAsync($"/api/v1/boundaries/{line}/files")).EnumerateArray().ToList();
        var filed = files.Single(f => f.GetProperty("title").GetString() == "粤桂线容县段界线协议书（测试）");
        Assert.Equal(("agreement", "界线协议书", "2002-11-20"), (filed.GetProperty("kind").GetString(), filed.GetProperty("kindName").GetString(), filed.GetProperty("documentDate").GetString()));
        Assert.Equal(Pdf, await rongxian.GetByteArrayAsync(filed.GetProperty("url").GetString()));
        Assert.Contains("粤桂线容县段界线协议书（测试）", await rongxian.GetStringAsync(url));

        // the auditor reads the archive but gets no form, and a post is refused
        var auditor = await app.ClientAsync("auditor");
        var readerPage = await auditor.GetStringAsync(url);
        Assert.Contains("粤桂线容县段界线协议书（测试）", readerPage);
        Assert.DoesNotContain("file-form", readerPage);
        var readerToken = TokenPattern().Match(await auditor.GetStringAsync($"/geography/boundaries/{line}")).Groups[1].Value;
        var refused = await auditor.PostAsync(url, Form([("__RequestVerificationToken", readerToken), ("Input.Kind", "Other"), ("Input.Title", "x")], "Input.File", "x.pdf", Pdf));
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.DoesNotContain((await rongxian.GetJsonAsync($"/api/v1/boundaries/{line}/files")).EnumerateArray(), f => f.GetProperty("title").GetString() == "x");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_open_marker_task_is_a_task_of_the_responsible_side_by_its_deadline()
    {
        app.SkipIfUnavailable();
        // the demo 2020 round left 容北 02 to be re-buried by 2021-06-30; 北流市 keeps that marker (条例 第六条), so the task is
        // its officer's, overdue, under 北流市; 容县 on the other side of the line and a township clerk (read only) do not get it
        static List<JsonElement> MarkerTasks(List<JsonElement> tasks) => tasks.Where(t => t.GetProperty("kind").GetString() == "geo:marker-task").ToList();
        var beiliu = MarkerTasks(await (await app.ClientAsync("beiliu.officer")).GetItemsAsync("/api/v1/my/tasks?pageSize=200"));
        var task = Assert.Single(beiliu, t => t.GetProperty("title").GetString()!.Contains("容北 02", StringComparison.Ordinal));
        Assert.Equal(("overdue", "450981000000", "2021-06-30"), (task.GetProperty("severity").GetString(), task.GetProperty("divisionCode").GetString(), task.GetProperty("deadline").GetString()));
        Assert.StartsWith("/geography/boundaries/markers/", task.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(MarkerTasks(await (await app.ClientAsync("rongxian.officer")).GetItemsAsync("/api/v1/my/tasks?pageSize=200")),
            t => t.GetProperty("title").GetString()!.Contains("容北 02", StringComparison.Ordinal));
        Assert.Empty(MarkerTasks(await (await app.ClientAsync("rongzhou.clerk")).GetItemsAsync("/api/v1/my/tasks?pageSize=200")));
    }

    [Fact]
    public async Task The_dashboard_gives_the_next_joint_round_from_the_period_in_force()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var dashboard = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await rongxian.GetStringAsync("/geography"));
        var row = dashboard.QuerySelectorAll("#line-progress tbody tr").Single(r => r.TextContent.Contains(YueGui, StringComparison.Ordinal));
        // the demo round was in 2020; five years (条例 第十二条) → due 2025, overdue in 2026
        Assert.Contains("2025 年", row.TextContent);
        Assert.Contains("逾期", row.TextContent);
        var (line, _) = await YueGuiAsync(rongxian);
        var linePage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await rongxian.GetStringAsync($"/geography/boundaries/{line}"));
        Assert.Contains("2025 年（每5年一次）", linePage.QuerySelector("#next-joint")!.TextContent);
        Assert.NotNull(linePage.QuerySelector($"a[href='/geography/boundaries/{line}/archive']"));
        var figures = await (await app.ClientAsync("city.officer")).GetItemsAsync("/api/v1/figures?module=geography&kind=joint-inspection-years");
        Assert.Equal(5, Assert.Single(figures).GetProperty("number").GetInt32());
    }
}

public sealed class BoundaryArchiveTestsOnSqlite(SqliteApp app) : BoundaryArchiveTests(app), IClassFixture<SqliteApp>;

public sealed class BoundaryArchiveTestsOnPostgres(PostgresApp app) : BoundaryArchiveTests(app), IClassFixture<PostgresApp>;
