using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Funeral;

/// <summary>
/// A death record is one event that stops every benefit of the person: a disabled orphan's allowance and care subsidy end
/// after the month of death, and the month already paid after it becomes a recovery in the next payroll. Own fixture:
/// the test moves the clock forward a month.
/// </summary>
public abstract class DeathRecordTests(AppFixture app)
{
    private const string Village = "450921100003";
    private const string County = "450921000000";

    private async Task<JsonElement> PayrollAsync(HttpClient officer, HttpClient finance, string program, DateOnly month)
    {
        var r = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = County, program, month });
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        var id = (await r.JsonAsync()).GetProperty("id").GetString();
        for (var i = 0; i < 300 && !(await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress")).GetProperty("done").GetBoolean(); i++) await Task.Delay(100);
        await Minzheng.Tests.Payments.PayrollSteps.ConfirmFlagsAsync(officer, id!);
        var p = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        p = await (await officer.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/review", new { version = p.GetProperty("version").GetInt32(), opinion = "已核对" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await finance.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/approve", new { version = p.GetProperty("version").GetInt32(), opinion = "同意" }).EnsureStatus(HttpStatusCode.OK);
        return (await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}/lines?pageSize=200")).GetProperty("items");
    }

    [Fact]
    public async Task A_death_record_stops_every_benefit_and_the_month_paid_after_it_becomes_a_recovery()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var officer = await app.ClientAsync("rongxian.officer");
        var finance = await app.ClientAsync("rongxian.finance");
        var dpf = await app.ClientAsync("rongxian.dpf");

        var id = IdNumber.Compose("450102", new DateOnly(2014, 6, 6), Random.Shared.Next(1, 900));
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name = "覃小明",
            divisionCode = Village,
            disabilityCategory = "physical",
            disabilityGrade = 1,
            disabilityCertificate = $"{id}41",
            bankName = "广西农村信用社",
            bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999),
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var child = (await r.JsonAsync()).GetProperty("id").GetGuid();

        // an orphan allowance and the care subsidy, both from December
        var c = await (await clerk.PostAsJsonAsync("/api/v1/children/cases", new
        {
            childPersonId = child,
            kind = "orphan",
            placement = "kinship",
            guardianName = "覃奶奶",
            guardianRelation = "祖母",
            father = new { situation = "dead", evidence = "死亡证明" },
            mother = new { situation = "dead", evidence = "死亡证明" },
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        foreach (var (client, action) in new[] { (approver, "review"), (officer, "confirm") })
        {
            c = await (await client.PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/{action}", new { agree = true, opinion = "同意", version = c.GetProperty("version").GetInt32() })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        var s = await (await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = child, subsidy = "care", channel = "counter" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        foreach (var (client, generation) in new[] { (clerk, (int?)null), (approver, null), (dpf, 3), (officer, null) })
        {
            s = await (await client.PostAsJsonAsync($"/api/v1/disability/subsidies/{s.GetProperty("id").GetString()}/step", new { agree = true, opinion = "属实", version = s.GetProperty("version").GetInt32(), certificateGeneration = generation })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        Assert.Equal("approved", s.GetProperty("status").GetString());

        // December's care-subsidy payroll is approved (so December counts as paid)
        var december = await PayrollAsync(officer, finance, "disability-care", new DateOnly(2026, 12, 1));
        Assert.Contains(december.EnumerateArray(), l => l.GetProperty("payeePersonId").GetGuid() == child && l.GetProperty("amount").GetDecimal() == 80m);

        // the funeral home records the death on 2026-11-25: everything stops after November, at once
        await clerk.PostAsJsonAsync("/api/v1/funeral/deaths", new { personId = child, deathDate = new DateOnly(2026, 11, 25), place = "x", reporter = "容县殡仪馆" }).EnsureStatus(HttpStatusCode.Forbidden);
        await officer.PostAsJsonAsync("/api/v1/funeral/deaths", new { personId = child, deathDate = new DateOnly(2027, 1, 25), place = "家中", reporter = "容县殡仪馆" }).ExpectProblemAsync(400, "validation_failed");
        var death = await (await officer.PostAsJsonAsync("/api/v1/funeral/deaths", new
        {
            personId = child,
            deathDate = new DateOnly(2026, 11, 25),
            place = "容县人民医院",
            reporter = "容县人民医院",
            cremationCertificate = "HH2026110025",
            crematedOn = new DateOnly(2026, 11, 27),
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var effects = death.GetProperty("effects").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(effects, e => e.Contains("孤儿基本生活费", StringComparison.Ordinal));
        Assert.Contains(effects, e => e.Contains("重度残疾人护理补贴", StringComparison.Ordinal));
        await officer.PostAsJsonAsync("/api/v1/funeral/deaths", new { personId = child, deathDate = new DateOnly(2026, 11, 25), place = "x", reporter = "y" }).ExpectProblemAsync(409, "death_recorded");
        Assert.Equal("ended", (await officer.GetJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}")).GetProperty("status").GetString());
        var stopped = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{s.GetProperty("id").GetString()}");
        Assert.Equal(("terminated", "2026-11-01", "death"), (stopped.GetProperty("status").GetString(), stopped.GetProperty("lastMonth").GetString(), stopped.GetProperty("endReason").GetString()));
        var person = await officer.GetJsonAsync($"/api/v1/persons/{child}");
        Assert.Equal("deceased", person.GetProperty("lifeStatus").GetString());
        // the one-person view shows the record and what it stopped
        var page = await (await officer.GetAsync($"/registry/persons/{child}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("容县人民医院", page, StringComparison.Ordinal);
        Assert.Contains("停发重度残疾人护理补贴", page, StringComparison.Ordinal);

        // a month later, January's payroll pays nothing more and recovers December's 80.00
        app.Clock.Advance(TimeSpan.FromDays(36));
        officer = await app.ClientAsync("rongxian.officer");
        finance = await app.ClientAsync("rongxian.finance");
        var january = await PayrollAsync(officer, finance, "disability-care", new DateOnly(2027, 1, 1));
        Assert.DoesNotContain(january.EnumerateArray(), l => l.GetProperty("payeePersonId").GetGuid() == child && l.GetProperty("purpose").GetString() == "benefit");
        var recovery = Assert.Single((await officer.GetItemsAsync("/api/v1/payments/recoveries")), x => x.GetProperty("payeePersonId").GetGuid() == child);
        Assert.Equal(("2026-12-01", 80m), (recovery.GetProperty("serviceMonth").GetString(), recovery.GetProperty("amount").GetDecimal()));
    }
}

public sealed class DeathRecordTestsOnSqlite(SqliteApp app) : DeathRecordTests(app), IClassFixture<SqliteApp>;

public sealed class DeathRecordTestsOnPostgres(PostgresApp app) : DeathRecordTests(app), IClassFixture<PostgresApp>;
