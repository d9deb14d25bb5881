using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// POST /api/v1/social-organizations/credit/evaluate on SQLite and PostgreSQL: the officer's check of a case against 民政部令第60号,
/// with the kernel's working calendar for the 5 working days; bad input refused on its field; only county/city officers and the
/// auditor may call it.
/// </summary>
public abstract class CreditEvaluateTests(AppFixture app)
{
    private const string Url = "/api/v1/social-organizations/credit/evaluate";

    [Fact]
    public async Task An_officer_gets_the_list_the_grounds_and_when_it_may_leave()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var r = await officer.PostAsJsonAsync(Url, new
        {
            asOf = "2026-03-01",
            events = new object[]
            {
                new { date = "2024-06-03", kind = "report-overdue" },
                new { date = "2025-12-10", kind = "warning-or-small-fine", id = "w1" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("abnormal", body.GetProperty("list").GetString());
        Assert.Equal("活动异常名录", body.GetProperty("listName").GetString());
        Assert.Equal("2024-06-03", body.GetProperty("since").GetString());
        var grounds = body.GetProperty("grounds").EnumerateArray().Select(g => g.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["report-overdue", "warning-or-small-fine"], grounds);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("removableFrom").ValueKind);

        // two years on the abnormal list: moved to the dishonest list on that day
        var later = await (await officer.PostAsJsonAsync(Url, new { asOf = "2026-06-03", events = new[] { new { date = "2024-06-03", kind = "report-overdue" } } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dishonest", later.GetProperty("list").GetString());
        Assert.Equal("2026-06-03", later.GetProperty("since").GetString());

        // fulfilment verified on Wednesday 30 September 2026: removed within 5 working days, counted on the official calendar
        // (the National Day holiday lies in between), so the organisation is still listed on 8 October but may be removed
        var fulfilled = await (await officer.PostAsJsonAsync(Url, new
        {
            asOf = "2026-10-08",
            events = new[] { new { date = "2026-03-02", kind = "unreachable" }, new { date = "2026-09-30", kind = "fulfilled" } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("abnormal", fulfilled.GetProperty("list").GetString());
        Assert.Equal("2026-09-30", fulfilled.GetProperty("removableFrom").GetString());
        // the fifth working day is Tuesday 13 October (1–7 October off, Saturday 10 October a working day)
        async Task<string?> ListOn(string asOf) => (await (await officer.PostAsJsonAsync(Url, new
        {
            asOf,
            events = new[] { new { date = "2026-03-02", kind = "unreachable" }, new { date = "2026-09-30", kind = "fulfilled" } },
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("list").GetString();
        Assert.Equal("abnormal", await ListOn("2026-10-12"));
        Assert.Equal("none", await ListOn("2026-10-13"));
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_field()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("city.officer");
        var bad = await officer.PostAsJsonAsync(Url, new
        {
            asOf = "2026-02-30",
            events = new object[]
            {
                new { date = "2024-06-03", kind = "bribery" },
                new { kind = "report-overdue" },
                new { date = "2024-07-01", kind = "corrected" },
                new { date = "2024-07-01", kind = "fulfilled", ground = "warning-or-small-fine" },
            },
        }).ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "asOf", "events[0].kind", "events[1].date", "events[2].corrects", "events[3].ground" })
            Assert.True(errors.TryGetProperty(field, out _), field + " in " + errors);
        Assert.Contains("未知的信用事件类型", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var tooMany = Enumerable.Range(0, 201).Select(_ => new { date = "2024-06-03", kind = "report-overdue" }).ToArray();
        var many = await officer.PostAsJsonAsync(Url, new { asOf = "2026-01-01", events = tooMany }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(many.GetProperty("errors").TryGetProperty("events", out _), many.ToString());

        var missing = await officer.PostAsJsonAsync(Url, new { asOf = "2026-01-01" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("events", out _), missing.ToString());
    }

    [Theory]
    [InlineData("rongxian.officer", HttpStatusCode.OK)]
    [InlineData("city.officer", HttpStatusCode.OK)]
    [InlineData("auditor", HttpStatusCode.OK)]
    [InlineData("rongzhou.clerk", HttpStatusCode.Forbidden)]
    [InlineData("rongxian.finance", HttpStatusCode.Forbidden)]
    [InlineData("xinnan.worker", HttpStatusCode.Forbidden)]
    public async Task Only_registration_authorities_and_the_auditor_may_check(string user, HttpStatusCode expected)
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync(user);
        var r = await client.PostAsJsonAsync(Url, new { asOf = "2026-01-01", events = Array.Empty<object>() });
        Assert.Equal(expected, r.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal("none", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("list").GetString());
    }
}

public sealed class CreditEvaluateTestsOnSqlite(SqliteApp app) : CreditEvaluateTests(app), IClassFixture<SqliteApp>;

public sealed class CreditEvaluateTestsOnPostgres(PostgresApp app) : CreditEvaluateTests(app), IClassFixture<PostgresApp>;
