using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.AgeAllowance;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// 高龄津贴 over HTTP on SQLite and PostgreSQL (issue 13 item 4): an elder of 容州镇 who turned 80 is found by the month's run,
/// confirmed by the township, paid by the payroll with the band's amount and explanation, and stopped after his death; a clerk
/// of another township sees nothing; bad input → 400 with the field and nothing changed.
/// </summary>
public abstract class AgeAllowanceTests(AppFixture app)
{
    private const string Base = "/api/v1/elderly/allowance";

    [Fact]
    public async Task An_80_year_old_is_found_confirmed_paid_with_the_bands_amount_and_stopped_after_death()
    {
        app.SkipIfUnavailable();
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var month = new DateOnly(today.Year, today.Month, 1);
        // turned 80 two months ago: paid from the month after the birthday (demo figure), so due this month
        var birth = today.AddMonths(-2).AddYears(-80);
        var personId = await HomeCareScenario.PersonAsync(app, birth, "韦高寿");

        var clerk = await app.ClientAsync("rongzhou.clerk");
        var run = await clerk.PostAsJsonAsync($"{Base}/runs", new { });
        Assert.True(run.StatusCode == HttpStatusCode.OK, await run.Content.ReadAsStringAsync());
        var candidates = await clerk.GetItemsAsync($"{Base}?status=candidate&pageSize=200");
        var row = Assert.Single(candidates, c => c.GetProperty("personId").GetGuid() == personId);
        Assert.Equal(80, row.GetProperty("bandMinAge").GetInt32());
        Assert.Equal(50m, row.GetProperty("amount").GetDecimal());
        // a second run does not find him again
        await clerk.PostAsJsonAsync($"{Base}/runs", new { });
        Assert.Single(await clerk.GetItemsAsync($"{Base}?pageSize=200"), c => c.GetProperty("personId").GetGuid() == personId);

        // another township's clerk sees nothing of 容州镇
        var other = await app.ClientAsync("yangmei.clerk");
        Assert.DoesNotContain(await other.GetItemsAsync($"{Base}?pageSize=200"), c => c.GetProperty("divisionCode").GetString()!.StartsWith("450921100", StringComparison.Ordinal));
        await other.GetAsync($"{Base}/{row.GetProperty("id").GetGuid()}").EnsureStatus(HttpStatusCode.NotFound);

        var id = row.GetProperty("id").GetGuid();
        var r = await clerk.PostAsJsonAsync($"{Base}/{id}/confirm", new { version = row.GetProperty("version").GetInt32() });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var confirmed = await r.JsonAsync();
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(month.ToString("yyyy-MM-dd"), confirmed.GetProperty("fromMonth").GetString());
        var number = confirmed.GetProperty("number").GetString()!;
        await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { reason = "重复", version = confirmed.GetProperty("version").GetInt32() })).ExpectProblemAsync(409, "age_allowance_not_candidate");

        // the payroll of 容县 for the program pays him the band's amount with the explanation
        var county = await app.ClientAsync("rongxian.officer");
        var created = await county.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = HomeCareScenario.County, program = AgeAllowanceGrants.Program, month = month.ToString("yyyy-MM-dd"), kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var payrollId = (await created.JsonAsync()).GetProperty("id").GetString();
        JsonElement payroll = default;
        for (var i = 0; i < 600; i++)
        {
            payroll = await county.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}");
            if (payroll.GetProperty("status").GetString() == "generated") break;
            await Task.Delay(100);
        }
        Assert.Equal("generated", payroll.GetProperty("status").GetString());
        var line = Assert.Single(await county.GetItemsAsync($"/api/v1/payments/payrolls/{payrollId}/lines?pageSize=500"), l => l.GetProperty("sourceNumber").GetString() == number);
        Assert.Equal(50m, line.GetProperty("amount").GetDecimal());
        var labels = line.GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("label").GetString()!).ToList();
        Assert.Contains(labels, l => l.StartsWith("年满80周岁档：50元/月", StringComparison.Ordinal));
        Assert.Contains(line.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("basis").GetString()!.Contains("演示数据", StringComparison.Ordinal));

        // his death this month: paid for this month, nothing from the next
        var effects = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var person = await db.Persons.SingleAsync(p => p.Id == personId);
            var e = await sp.GetRequiredService<Web.Platform.Registry.PersonDeaths>().RecordAsync(person, today, "测试");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return e;
        });
        Assert.Contains(effects, l => l.StartsWith("停发高龄津贴", StringComparison.Ordinal));
        var periods = await app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().IgnoreQueryFilters()
            .Where(e => e.SourceId == id).ToListAsync());
        Assert.NotEmpty(periods);
        Assert.All(periods, p => Assert.True(p.ToMonth is { } to && to <= month, $"{p.FromMonth}–{p.ToMonth}"));
        Assert.Contains(periods, p => p.FromMonth <= month && p.ToMonth == month);
        var stopped = await clerk.GetJsonAsync($"{Base}/{id}");
        Assert.Equal("stopped", stopped.GetProperty("status").GetString());
        Assert.Contains("高龄津贴", await clerk.GetStringAsync("/elderly/allowance"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_400_with_the_field_and_nothing_changes()
    {
        app.SkipIfUnavailable();
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var personId = await HomeCareScenario.PersonAsync(app, today.AddMonths(-3).AddYears(-91), "黄百顺");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
        var row = Assert.Single(await clerk.GetItemsAsync($"{Base}?status=candidate&pageSize=200"), c => c.GetProperty("personId").GetGuid() == personId);
        Assert.Equal(90, row.GetProperty("bandMinAge").GetInt32());
        var id = row.GetProperty("id").GetGuid();
        var version = row.GetProperty("version").GetInt32();

        var bad = await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { reason = "  ", version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("reason", out _));
        bad = await (await clerk.PostAsJsonAsync($"{Base}/{id}/confirm", new { })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("version", out _));
        bad = await (await clerk.PostAsJsonAsync($"{Base}/runs", new { month = today.AddMonths(2).ToString("yyyy-MM-dd") })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("month", out _));
        Assert.Equal("candidate", (await clerk.GetJsonAsync($"{Base}/{id}")).GetProperty("status").GetString());
        Assert.Empty(await app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().IgnoreQueryFilters().Where(e => e.SourceId == id).ToListAsync()));

        // a village worker may read but not decide
        var worker = await app.ClientAsync("xinnan.worker");
        await worker.PostAsJsonAsync($"{Base}/{id}/confirm", new { version }).EnsureStatus(HttpStatusCode.Forbidden);

        // refused with a reason: kept, not proposed again
        var refused = await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { reason = "户籍已迁出本县", version })).JsonAsync();
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
        Assert.Single(await clerk.GetItemsAsync($"{Base}?pageSize=200"), c => c.GetProperty("personId").GetGuid() == personId);
    }
}

public sealed class AgeAllowanceTestsOnSqlite(SqliteApp app) : AgeAllowanceTests(app), IClassFixture<SqliteApp>;

public sealed class AgeAllowanceTestsOnPostgres(PostgresApp app) : AgeAllowanceTests(app), IClassFixture<PostgresApp>;
