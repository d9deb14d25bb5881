using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// The core of issue 15 on both providers: the divorce timeline endpoint decides by the law of the day of receipt on the
/// official calendar, and the registry keeps a person's marital status with its history (append-only, the version moves).
/// </summary>
public abstract class MarriageCoreTests(AppFixture app)
{
    [Theory]
    // 2021 National Day: the 30th day (10-01) is a holiday → 10-08; the appearance window's 30th day (11-07) a Sunday → 11-08
    [InlineData("2021-09-01", "2021-10-08", "2021-10-09", "2021-11-08")]
    // before 2021 the divorce is registered on the spot (婚姻登记条例 第十三条): no cooling-off
    [InlineData("2020-12-31", "2020-12-31", "2020-12-31", "2020-12-31")]
    public async Task The_timeline_endpoint_follows_the_law_and_the_calendar_of_the_day_of_receipt(string received, string withdrawUntil, string appearFrom, string appearUntil)
    {
        app.SkipIfUnavailable();
        var registrar = await app.ClientAsync("rongxian.marriage");
        var r = await registrar.PostAsJsonAsync("/api/v1/marriage/divorce/timeline", new { receivedOn = received });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var json = await r.JsonAsync();
        Assert.Equal((withdrawUntil, appearFrom, appearUntil), (json.GetProperty("withdrawUntil").GetString(), json.GetProperty("appearFrom").GetString(), json.GetProperty("appearUntil").GetString()));
        Assert.True(json.GetProperty("calendarCovered").GetBoolean());
    }

    [Fact]
    public async Task The_timeline_endpoint_refuses_a_missing_date_by_field_and_townships_have_no_access()
    {
        app.SkipIfUnavailable();
        var registrar = await app.ClientAsync("rongxian.marriage");
        var r = await registrar.PostAsJsonAsync("/api/v1/marriage/divorce/timeline", new { receivedOn = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("receivedOn", await r.Content.ReadAsStringAsync());
        var early = await registrar.PostAsJsonAsync("/api/v1/marriage/divorce/timeline", new { receivedOn = "1990-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/marriage/divorce/timeline", new { receivedOn = "2021-09-01" })).StatusCode);
    }

    [Fact]
    public async Task A_marital_status_change_keeps_its_history_and_moves_the_persons_version()
    {
        app.SkipIfUnavailable();
        var (before, after, history) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var person = await db.Persons.OrderBy(p => p.Id).FirstAsync(p => p.DivisionCode.StartsWith("450921") && p.LifeStatus == LifeStatus.Alive);
            var version = person.Version;
            var statuses = sp.GetRequiredService<MaritalStatuses>();
            var start = person.MaritalStatus;
            statuses.Record(person, MaritalStatus.Married, new DateOnly(2026, 11, 1), "结婚登记", "J450921-2026-999999");
            await db.SaveChangesAsync();
            statuses.Record(person, MaritalStatus.Divorced, new DateOnly(2026, 11, 20), "离婚登记", "L450921-2026-999999");
            await db.SaveChangesAsync();
            return ((start, version), (person.MaritalStatus, person.Version), await statuses.HistoryAsync(person.Id));
        });
        Assert.Equal(MaritalStatus.Divorced, after.MaritalStatus);
        Assert.True(after.Version > before.version);
        Assert.Equal([MaritalStatus.Divorced, MaritalStatus.Married], history.Take(2).Select(h => h.Status));
        Assert.Equal(MaritalStatus.Married, history[0].PreviousStatus);
        Assert.Equal(before.start, history[1].PreviousStatus);
    }
}

public sealed class MarriageCoreTestsOnSqlite(SqliteApp app) : MarriageCoreTests(app), IClassFixture<SqliteApp>;

public sealed class MarriageCoreTestsOnPostgres(PostgresApp app) : MarriageCoreTests(app), IClassFixture<PostgresApp>;
