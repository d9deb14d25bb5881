using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Modules.Community.Pilots;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Tests.Community;

/// <summary>
/// The pilot and assessment pages (no browser validation: the server's errors beside the fields): coverage with its chart; the
/// county page's designate form refusing an empty theme beside the field, then designating; the assessment form refusing a
/// score above the maximum beside its box with what was typed, then saving and grading; a stale edit shows the 409 and saves
/// nothing; 北流 gets 404 for 容县's county page and assessment.
/// </summary>
public abstract partial class PilotPageTests(AppFixture app)
{
    private const string Rongxian = "450921000000";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Beside(IHtmlDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    [Fact]
    public async Task The_county_page_designates_a_pilot_with_errors_beside_the_fields()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var index = Parse(await officer.GetStringAsync("/community/pilots?year=2026"));
        Assert.Contains("容县", index.QuerySelector("#coverage")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(index.QuerySelector(".hbar-chart"));
        Assert.Contains("计划目标（30%）", index.QuerySelector(".hbar-chart")!.TextContent, StringComparison.Ordinal);

        var village = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var taken = await db.Set<CommunityPilot>().Select(p => p.DivisionCode).ToListAsync();
            var codes = await db.Set<Committee>().Where(c => c.Kind == CommitteeKind.Village && c.ClosedOn == null && c.DivisionCode.StartsWith("450921"))
                .OrderByDescending(c => c.DivisionCode).Select(c => c.DivisionCode).ToListAsync();
            return codes.First(c => !taken.Contains(c));
        });
        var url = $"/community/pilots/county/{Rongxian}?year=2026";
        var page = await officer.GetStringAsync(url);
        var doc = Parse(page);
        Assert.NotNull(doc.QuerySelector($"#designate-form option[value='{village}']"));
        Assert.Null(doc.QuerySelector("#designate-form option[value='450921100003']")); // 新南社区, a 居委会, is not offered

        Dictionary<string, string> Form(string theme) => new()
        {
            ["__RequestVerificationToken"] = Token(page),
            ["Input.DivisionCode"] = village,
            ["Input.Year"] = "2026",
            ["Input.Theme"] = theme,
            ["Input.Measures"] = "保留我填写的措施",
        };
        var bad = await officer.PostAsync(url, new FormUrlEncodedContent(Form("")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        doc = Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写试点主题", Beside(doc, "Input.Theme"), StringComparison.Ordinal);
        Assert.Equal(village, doc.QuerySelector("#input-divisioncode option[selected]")?.GetAttribute("value"));
        Assert.Contains("保留我填写的措施", doc.QuerySelector("#input-measures")!.TextContent, StringComparison.Ordinal);

        var ok = await officer.PostAsync(url, new FormUrlEncodedContent(Form("平安乡村")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        doc = Parse(await officer.GetStringAsync(ok.Headers.Location!.OriginalString));
        Assert.Contains("平安乡村", doc.QuerySelector($"#village-{village}")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($"#village-{village} form.accept-form"));
        Assert.Null(doc.QuerySelector($"#designate-form option[value='{village}']")); // not offered twice for the year

        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_assessment_form_keeps_what_was_typed_and_the_detail_page_refuses_a_stale_edit()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        // a township of 容县 other than 容州镇 (which the API test assesses)
        var town = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<DivisionDirectory>().ChildrenOf(Rongxian)
            .Where(d => d.Level == DivisionLevel.Town).OrderBy(d => d.Code, StringComparer.Ordinal).Skip(1).First().Code));
        var page = await officer.GetStringAsync("/community/capacity/new?year=2026");
        var doc = Parse(page);
        var codes = doc.QuerySelectorAll("#assess-form input[type=hidden][name$='.Code']").Select(e => e.GetAttribute("value")!).ToList();
        Assert.True(codes.Count >= 6);
        Dictionary<string, string> Form(string firstScore)
        {
            var form = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token(page),
                ["Input.DivisionCode"] = town,
                ["Input.Year"] = "2026",
                ["Input.AssessedOn"] = "2026-10-15",
                ["Input.Assessors"] = "县民政局",
                ["Input.Findings"] = "保留我填写的问题",
            };
            for (var i = 0; i < codes.Count; i++)
            {
                form[$"Input.Scores[{i}].Code"] = codes[i];
                form[$"Input.Scores[{i}].Score"] = i == 0 ? firstScore : "10";
            }
            return form;
        }
        var bad = await officer.PostAsync("/community/capacity/new", new FormUrlEncodedContent(Form("99")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        doc = Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("得分须在 0 至", Beside(doc, "Input.Scores[0].Score"), StringComparison.Ordinal);
        Assert.Equal("99", doc.QuerySelector("#input-scores-0-score")!.GetAttribute("value"));
        Assert.Contains("保留我填写的问题", doc.QuerySelector("#input-findings")!.TextContent, StringComparison.Ordinal);

        var ok = await officer.PostAsync("/community/capacity/new", new FormUrlEncodedContent(Form("5")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var detailUrl = ok.Headers.Location!.OriginalString;
        var detail = await officer.GetStringAsync(detailUrl);
        doc = Parse(detail);
        var total = 5 + 10 * (codes.Count - 1);
        Assert.Contains($"{total} /", doc.QuerySelector("#assessment-facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("", doc.QuerySelector("#grade")!.TextContent.Trim());

        // a stale edit: the 409 at the top, nothing saved
        var edit = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(detail),
            ["Edit.Version"] = "9",
            ["Edit.AssessedOn"] = "2026-10-15",
        };
        for (var i = 0; i < codes.Count; i++)
        {
            edit[$"Edit.Scores[{i}].Code"] = codes[i];
            edit[$"Edit.Scores[{i}].Score"] = "0";
        }
        var stale = await officer.PostAsync(detailUrl + "?handler=Edit", new FormUrlEncodedContent(edit));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("已被他人修改", Parse(await stale.Content.ReadAsStringAsync()).QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{total} /", Parse(await officer.GetStringAsync(detailUrl)).QuerySelector("#assessment-facts")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync(detailUrl)).StatusCode);
    }
}

public sealed class PilotPageTestsOnSqlite(SqliteApp app) : PilotPageTests(app), IClassFixture<SqliteApp>;

public sealed class PilotPageTestsOnPostgres(PostgresApp app) : PilotPageTests(app), IClassFixture<PostgresApp>;
