using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Tests.Figures;

/// <summary>
/// Issue 12 item 16: as 容县's officer, every route that writes a figure — the book's own <c>/api/v1/figures</c> and the three
/// older module routes mapped onto it — refuses 北流市's figures, codes that name no division (<c>999999999999</c>,
/// <c>&lt;script&gt;</c>) and divisions below county level, with 400 <c>validation_failed</c> naming <c>divisionCode</c> (the
/// platform's answer for a division in a request body that does not exist or lies outside the writer's scope, as for people,
/// households and organisations), and writes nothing; the same body for 容县 is created.
/// </summary>
public abstract class FigureWriteScopeTests(AppFixture app)
{
    private const string Rongxian = "450921000000";
    private const string Beiliu = "450981000000";

    /// <summary>Each route with the body it takes, for a division code; every one sets an amount that would change what is paid.</summary>
    private static IEnumerable<(string Route, Func<string, DateOnly, object> Body)> Routes() =>
    [
        ("/api/v1/figures", (d, from) => new { module = "child-welfare", kind = "allowance", category = "orphan-dispersed", divisionCode = d, amount = 1m, validFrom = from, validTo = new DateOnly(from.Year, 12, 31), document = "越权测试〔1〕号" }),
        ("/api/v1/children/standards", (d, from) => new { kind = "allowance", category = "orphan-dispersed", divisionCode = d, amount = 1m, validFrom = from, validTo = new DateOnly(from.Year, 12, 31), document = "越权测试〔2〕号" }),
        ("/api/v1/disability/figures", (d, from) => new { kind = "care-amount", divisionCode = d, amount = 1m, validFrom = from, validTo = new DateOnly(from.Year, 12, 31), document = "越权测试〔3〕号" }),
        ("/api/v1/assistance/standards", (d, from) => new { program = "dibao", area = "urban", divisionCode = d, monthlyAmount = 1m, validFrom = from, validTo = new DateOnly(from.Year, 12, 31), document = "越权测试〔4〕号" }),
    ];

    private Task<int> FigureCountAsync() =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Figure>().CountAsync());

    [Fact]
    public async Task A_county_officer_cannot_write_another_countys_figures_nor_figures_of_divisions_that_do_not_exist_on_any_route()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var before = await FigureCountAsync();
        var year = 2070;
        foreach (var (route, body) in Routes())
        {
            foreach (var division in new[] { Beiliu, "999999999999", "<script>", "450921100003", "" })
            {
                var r = await officer.PostAsJsonAsync(route, body(division, new DateOnly(year, 1, 1)));
                var text = await r.Content.ReadAsStringAsync();
                Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{route} {division}: {(int)r.StatusCode} {text}");
                var problem = JsonDocument.Parse(text).RootElement;
                Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
                Assert.True(problem.GetProperty("errors").TryGetProperty("divisionCode", out _), $"{route} {division}: {text}");
            }
        }
        Assert.Equal(before, await FigureCountAsync());

        // the same bodies for the officer's own county are written (the refusals above are about the division, not the body)
        foreach (var (route, body) in Routes())
        {
            var r = await officer.PostAsJsonAsync(route, body(Rongxian, new DateOnly(++year, 1, 1)));
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{route}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(before + 4, await FigureCountAsync());
        var beiliu = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Figure>().CountAsync(f => f.Document.StartsWith("越权测试") && f.DivisionCode != Rongxian));
        Assert.Equal(0, beiliu);
    }

    [Fact]
    public async Task Ending_another_countys_figure_is_404_and_changes_nothing()
    {
        app.SkipIfUnavailable();
        var beiliuOfficer = await app.ClientAsync("beiliu.officer");
        var created = await beiliuOfficer.PostAsJsonAsync("/api/v1/figures", new { module = "child-welfare", kind = "allowance", category = "orphan-dispersed", divisionCode = Beiliu, amount = 1200m, validFrom = new DateOnly(2080, 1, 1), document = "北民发〔2079〕1号" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var officer = await app.ClientAsync("rongxian.officer");
        await officer.PostAsJsonAsync($"/api/v1/figures/{id}/end", new { validTo = new DateOnly(2080, 1, 31) }).ExpectProblemAsync(404, "not_found");
        var row = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Figure>().SingleAsync(f => f.Id == Guid.Parse(id!)));
        Assert.Null(row.ValidTo);
    }
}

public sealed class FigureWriteScopeTestsOnSqlite(SqliteApp app) : FigureWriteScopeTests(app), IClassFixture<SqliteApp>;

public sealed class FigureWriteScopeTestsOnPostgres(PostgresApp app) : FigureWriteScopeTests(app), IClassFixture<PostgresApp>;
