using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Marriage.Registry;
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
        // the person's own history may hold other events (the demo registers marriages): read the two this test wrote
        var mine = history.Where(h => h.Reference?.EndsWith("-2026-999999", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([MaritalStatus.Divorced, MaritalStatus.Married], mine.Select(h => h.Status));
        Assert.Equal(MaritalStatus.Married, mine[0].PreviousStatus);
    }

    [Fact]
    public async Task A_death_widows_the_spouse_in_another_county_and_its_reversal_restores_the_marriage()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        async Task<(Guid Id, int Version)> PersonAsync(string division, DateOnly birth, int sex, string name)
        {
            var id = IdNumber.Compose("450102", birth, Random.Shared.Next(1, 450) * 2 + (sex == 1 ? 1 : 0));
            var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name, divisionCode = division });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            var json = await r.JsonAsync();
            return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
        }
        var husband = await PersonAsync("450921100003", new DateOnly(1980, 3, 3), 1, "黎大成");
        var wife = await PersonAsync("450981001001", new DateOnly(1982, 4, 4), 2, "冯小梅");
        var (registrationId, token) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var office = await db.Set<MarriageOffice>().FirstAsync(o => o.DivisionCode == "450921000000");
            var certificates = sp.GetRequiredService<MarriageCertificates>();
            var statuses = sp.GetRequiredService<MaritalStatuses>();
            var registration = new MarriageRegistration
            {
                Number = await certificates.NextRegistrationNumberAsync(office, RegistrationKind.Marriage, new DateOnly(2010, 5, 1), default),
                Kind = RegistrationKind.Marriage,
                OfficeId = office.Id,
                DivisionCode = office.DivisionCode,
                RegisteredOn = new DateOnly(2010, 5, 1),
                MalePersonId = husband.Id,
                FemalePersonId = wife.Id,
                RegisteredBy = "test",
            };
            db.Add(registration);
            foreach (var p in await db.Persons.Where(p => p.Id == husband.Id || p.Id == wife.Id).ToListAsync())
                statuses.Record(p, MaritalStatus.Married, registration.RegisteredOn, "结婚登记", registration.Number, registration.Id);
            var certificate = await certificates.IssueAsync(registration, CertificateKind.MarriageCertificate, wife.Id, null, default);
            await db.SaveChangesAsync();
            return (registration.Id, certificate.Token);
        });

        // 容县 records the husband's death: the wife, registered in 北流, becomes 丧偶
        var officer = await app.ClientAsync("rongxian.officer");
        var d = await officer.PostAsJsonAsync("/api/v1/funeral/deaths", new { personId = husband.Id, deathDate = "2026-11-20", place = "容县人民医院", reporter = "容县人民医院" });
        Assert.True(d.StatusCode == HttpStatusCode.Created, await d.Content.ReadAsStringAsync());
        Assert.Contains("丧偶", await d.Content.ReadAsStringAsync());
        async Task<(MaritalStatus, RegistrationStatus, bool)> StateAsync() => await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var w = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == wife.Id);
            var r = await db.Set<MarriageRegistration>().AsNoTracking().FirstAsync(x => x.Id == registrationId);
            var v = await sp.GetRequiredService<MarriageCertificates>().VerifyAsync(token, "test", default);
            return (w.MaritalStatus, r.Status, v!.Valid);
        });
        Assert.Equal((MaritalStatus.Widowed, RegistrationStatus.EndedByDeath, false), await StateAsync());

        // the death was recorded in error: its reversal restores the marriage, the wife's status and the certificate
        var person = await officer.GetJsonAsync($"/api/v1/persons/{husband.Id}");
        var rev = await officer.PostAsJsonAsync($"/api/v1/persons/{husband.Id}/death/reverse", new { reason = "医院误报，经村委会核实本人健在", version = person.GetProperty("version").GetInt32() });
        Assert.True(rev.StatusCode == HttpStatusCode.OK, await rev.Content.ReadAsStringAsync());
        Assert.Equal((MaritalStatus.Married, RegistrationStatus.InForce, true), await StateAsync());
    }
}

public sealed class MarriageCoreTestsOnSqlite(SqliteApp app) : MarriageCoreTests(app), IClassFixture<SqliteApp>;

public sealed class MarriageCoreTestsOnPostgres(PostgresApp app) : MarriageCoreTests(app), IClassFixture<PostgresApp>;
