using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Tests.Figures;

/// <summary>
/// The one figure book on SQLite and PostgreSQL: which row a rule gets (county over city, area-specific over all areas, the
/// period in force), overlapping periods refused with <c>figure_overlap</c> naming the period in force, periods ended, the paged
/// lists of the book and of the modules' older routes, and the permission each module declared for its kinds.
/// </summary>
public abstract class FigureBookTests(AppFixture app)
{
    private const string Xinnan = "450921100003"; // 容县 容州镇 新南社区
    private const string Rongxian = "450921000000";
    private const string Beiliu = "450981000000";

    private Task<Figure> AddAsync(IServiceProvider sp, string division, FigureArea area, decimal amount, DateOnly from, DateOnly? to = null) =>
        sp.GetRequiredService<FigureBook>().AddAsync(new FigureInput
        {
            Module = StandardKinds.Dibao,
            Kind = StandardKinds.DibaoMonthly.Code,
            DivisionCode = division,
            Area = area.ToString(),
            Amount = amount,
            ValidFrom = from,
            ValidTo = to,
            Document = $"测试〔{from.Year}〕{amount}号",
        });

    [Fact]
    public async Task The_county_row_wins_over_the_city_row_and_the_area_row_over_the_all_areas_row()
    {
        app.SkipIfUnavailable();
        // the demo city rows stay in force: urban 800 and rural 510 from 2023-01-01, open-ended
        await app.WithServicesAsync(async sp =>
        {
            await AddAsync(sp, Rongxian, FigureArea.Rural, 450m, new DateOnly(2046, 1, 1), new DateOnly(2048, 12, 31));
            await AddAsync(sp, Rongxian, FigureArea.All, 700m, new DateOnly(2047, 1, 1), new DateOnly(2048, 12, 31));
            await AddAsync(sp, Beiliu, FigureArea.All, 650m, new DateOnly(2045, 1, 1), new DateOnly(2045, 12, 31));
            return 0;
        });
        (string Division, FigureArea Area, DateOnly Date, decimal Expected, string Why)[] table =
        [
            (Xinnan, FigureArea.Urban, new(2045, 6, 1), 800m, "no county row yet: the city's urban row"),
            (Xinnan, FigureArea.Rural, new(2045, 6, 1), 510m, "no county row yet: the city's rural row"),
            (Xinnan, FigureArea.Rural, new(2046, 6, 1), 450m, "the county's rural row wins over the city's rural row"),
            (Xinnan, FigureArea.Urban, new(2046, 6, 1), 800m, "the county's rural row does not apply to urban: the city's urban row"),
            (Xinnan, FigureArea.Urban, new(2047, 6, 1), 700m, "the county's all-areas row wins over the city's urban row"),
            (Xinnan, FigureArea.Rural, new(2047, 6, 1), 450m, "the county's rural row wins over the county's all-areas row"),
            (Beiliu, FigureArea.Rural, new(2045, 12, 31), 650m, "北流's row on its last day"),
            (Beiliu, FigureArea.Rural, new(2046, 1, 1), 510m, "北流's row ended: the city's rural row"),
            (Xinnan, FigureArea.Urban, new(2022, 12, 31), 690m, "history: the city's earlier urban row on its last day"),
        ];
        var failures = await app.WithServicesAsync(sp =>
        {
            var book = sp.GetRequiredService<FigureBook>();
            return Task.FromResult(table
                .Select(t => (t, got: book.Find(StandardKinds.DibaoMonthly, t.Division, t.Date, area: t.Area)?.Amount.Yuan))
                .Where(x => x.got != x.t.Expected)
                .Select(x => $"{x.t.Division} {x.t.Area} {x.t.Date}: expected {x.t.Expected} ({x.t.Why}), got {x.got}").ToList());
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // nothing in force before the first row: the rule refuses with standard_missing
        var missing = await app.WithServicesAsync(sp => Task.FromResult(Record.Exception(() =>
            sp.GetRequiredService<FigureBook>().Require(StandardKinds.DibaoMonthly, Xinnan, new DateOnly(2010, 1, 1), area: FigureArea.Urban))));
        Assert.Equal("standard_missing", Assert.IsType<Web.Platform.Http.AppProblem>(missing).Code);
    }

    [Fact]
    public async Task Overlapping_periods_are_refused_naming_the_period_in_force()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        // each case two years apart against an existing row [Y-01-01, Y-12-31] (容县, urban)
        (int FromDays, int? ToDays, bool Overlaps)[] table =
        [
            (-200, -1, false), // ends the day before
            (-200, 0, true), // ends on the first day
            (364, null, true), // starts on the last day, open-ended
            (365, 400, false), // starts the day after
            (59, 90, true), // inside
            (-10, 400, true), // around
        ];
        foreach (var ((fromDays, toDays, overlaps), i) in table.Select((t, i) => (t, i)))
        {
            var year = 2060 + (2 * i);
            var start = new DateOnly(year, 1, 1);
            await county.PostAsJsonAsync("/api/v1/figures", new
            {
                module = "dibao",
                kind = "monthly-standard",
                divisionCode = Rongxian,
                area = "urban",
                amount = 600m,
                validFrom = start,
                validTo = new DateOnly(year, 12, 31),
                document = $"容政发〔{year}〕1号",
            }).EnsureStatus(HttpStatusCode.Created);
            var candidate = await county.PostAsJsonAsync("/api/v1/figures", new
            {
                module = "dibao",
                kind = "monthly-standard",
                divisionCode = Rongxian,
                area = "urban",
                amount = 650m,
                validFrom = start.AddDays(fromDays),
                validTo = toDays is { } t ? start.AddDays(t) : (DateOnly?)null,
                document = "x",
            });
            if (!overlaps)
            {
                Assert.True(candidate.StatusCode == HttpStatusCode.Created, $"case {i}: {await candidate.Content.ReadAsStringAsync()}");
                continue;
            }
            var problem = await candidate.ExpectProblemAsync(409, "figure_overlap");
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains($"{year}-01-01 至 {year}-12-31", detail, StringComparison.Ordinal);
            Assert.Contains($"容政发〔{year}〕1号", detail, StringComparison.Ordinal);
            Assert.Contains("容县", detail, StringComparison.Ordinal);
        }

        // the same period for the other area, or another county, is no overlap
        await county.PostAsJsonAsync("/api/v1/figures", new { module = "dibao", kind = "monthly-standard", divisionCode = Rongxian, area = "rural", amount = 400m, validFrom = new DateOnly(2060, 3, 1), document = "容政发〔2060〕2号" })
            .EnsureStatus(HttpStatusCode.Created);

        // ending a period lets the next one start
        var open = await (await county.PostAsJsonAsync("/api/v1/figures", new { module = "dibao", kind = "monthly-standard", divisionCode = Rongxian, area = "urban", amount = 700m, validFrom = new DateOnly(2090, 1, 1), document = "容政发〔2089〕9号" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var next = new { module = "dibao", kind = "monthly-standard", divisionCode = Rongxian, area = "urban", amount = 750m, validFrom = new DateOnly(2091, 1, 1), document = "容政发〔2090〕9号" };
        var refused = await county.PostAsJsonAsync("/api/v1/figures", next).ExpectProblemAsync(409, "figure_overlap");
        Assert.Contains("2090-01-01 至 今", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var ended = await (await county.PostAsJsonAsync($"/api/v1/figures/{open.GetProperty("id").GetString()}/end", new { validTo = new DateOnly(2090, 12, 31) })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("2090-12-31", ended.GetProperty("validTo").GetString());
        await county.PostAsJsonAsync("/api/v1/figures", next).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Writing_needs_the_permission_the_module_declared_and_a_division_in_scope()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await clerk.PostAsJsonAsync("/api/v1/figures", new { module = "dibao", kind = "monthly-standard", divisionCode = Rongxian, area = "urban", amount = 1m, validFrom = new DateOnly(2080, 1, 1), document = "x" })
            .ExpectProblemAsync(403, "forbidden");
        // the city officer edits assistance and child-welfare figures, not the disability ones (county civil affairs' approvers do)
        var city = await app.ClientAsync("city.officer");
        await city.PostAsJsonAsync("/api/v1/figures", new { module = "disability", kind = "care-amount", divisionCode = "450900000000", amount = 90m, validFrom = new DateOnly(2080, 1, 1), document = "x" })
            .ExpectProblemAsync(403, "forbidden");
        await city.PostAsJsonAsync("/api/v1/figures", new { module = "child-welfare", kind = "education-age-limit", divisionCode = "450900000000", number = 22, validFrom = new DateOnly(2080, 1, 1), document = "玉民发〔2079〕1号" })
            .EnsureStatus(HttpStatusCode.Created);
        var county = await app.ClientAsync("rongxian.officer");
        await county.PostAsJsonAsync("/api/v1/disability/figures", new { kind = "care-amount", divisionCode = Rongxian, amount = 90m, validFrom = new DateOnly(2080, 1, 1), document = "容民发〔2079〕2号" })
            .EnsureStatus(HttpStatusCode.Created);
        var outOfScope = await county.PostAsJsonAsync("/api/v1/figures", new { module = "disability", kind = "care-amount", divisionCode = Beiliu, amount = 90m, validFrom = new DateOnly(2080, 1, 1), document = "x" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(outOfScope.GetProperty("errors").TryGetProperty("divisionCode", out _));
        await county.PostAsJsonAsync("/api/v1/figures", new { module = "nobody", kind = "nothing", divisionCode = Rongxian, validFrom = new DateOnly(2080, 1, 1), document = "x" })
            .ExpectProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Every_figure_list_pages_with_items_and_total()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        foreach (var (url, minimum) in new[]
        {
            ("/api/v1/figures?pageSize=5", 40), ("/api/v1/figures?module=dibao&pageSize=5", 20), ("/api/v1/assistance/standards?pageSize=5", 30),
            ("/api/v1/children/standards?pageSize=5", 15), ("/api/v1/disability/figures?pageSize=2", 5),
        })
        {
            var page = await county.GetJsonAsync(url);
            Assert.True(page.GetProperty("total").GetInt32() >= minimum, $"{url}: {page}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(url.EndsWith("=2", StringComparison.Ordinal) ? 2 : 5, items.Count);
            var second = await county.GetJsonAsync(url + "&page=2");
            Assert.NotEqual(items[0].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());
        }
        // the older routes keep their fields: the assistance list answers program/kindName/area/value
        var dibao = await county.GetJsonAsync("/api/v1/assistance/standards?program=dibao&pageSize=200");
        var urban = dibao.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "monthly-standard" && r.GetProperty("area").GetString() == "urban"
            && r.GetProperty("validFrom").GetString() == "2023-01-01");
        Assert.Equal("dibao", urban.GetProperty("program").GetString());
        Assert.Equal("800.00 元/人·月", urban.GetProperty("value").GetString());
        // and the kinds the modules declared, with the permission that edits them
        var kinds = await county.GetJsonAsync("/api/v1/figures/kinds");
        Assert.Contains(kinds.EnumerateArray(), s => s.GetProperty("editPermission").GetString() == "assistance.standards");
    }
}

public sealed class FigureBookTestsOnSqlite(SqliteApp app) : FigureBookTests(app), IClassFixture<SqliteApp>;

public sealed class FigureBookTestsOnPostgres(PostgresApp app) : FigureBookTests(app), IClassFixture<PostgresApp>;
