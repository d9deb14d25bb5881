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
        // turned 80 two months ago: paid from the month after the birthday (demo figure), so due since last month
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

        // the candidate waits on the township in 工作台 (the generic workflow source)
        var rowNumber = row.GetProperty("number").GetString()!;
        var task = Assert.Single(await clerk.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("subject").GetString()!.Contains(rowNumber, StringComparison.Ordinal));
        Assert.Equal("workflow:elderly-age-allowance:candidate", task.GetProperty("kind").GetString());

        // another township's clerk sees nothing of 容州镇 and cannot confirm it: 404, nothing changes
        var other = await app.ClientAsync("yangmei.clerk");
        Assert.DoesNotContain(await other.GetItemsAsync($"{Base}?pageSize=200"), c => c.GetProperty("divisionCode").GetString()!.StartsWith("450921100", StringComparison.Ordinal));
        await other.GetAsync($"{Base}/{row.GetProperty("id").GetGuid()}").EnsureStatus(HttpStatusCode.NotFound);
        await other.PostAsJsonAsync($"{Base}/{row.GetProperty("id").GetGuid()}/confirm", new { version = row.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.NotFound);
        Assert.Equal("candidate", (await clerk.GetJsonAsync($"{Base}/{row.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());

        var id = row.GetProperty("id").GetGuid();
        var r = await clerk.PostAsJsonAsync($"{Base}/{id}/confirm", new { version = row.GetProperty("version").GetInt32() });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var confirmed = await r.JsonAsync();
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(month.AddMonths(-1).ToString("yyyy-MM-dd"), confirmed.GetProperty("fromMonth").GetString());
        var number = confirmed.GetProperty("number").GetString()!;
        await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { opinion = "重复", version = confirmed.GetProperty("version").GetInt32() })).ExpectProblemAsync(409, "age_allowance_not_candidate");
        // the case moved on: no longer anyone's task, and its timeline holds the run and the confirmation
        Assert.DoesNotContain(await clerk.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("subject").GetString()!.Contains(rowNumber, StringComparison.Ordinal));
        var timeline = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AgeAllowanceGrants>().TimelineAsync(id)).Select(e => (e.Action, e.ToState, e.ActorName)).ToList());
        Assert.Equal([("start", "candidate"), ("confirm", "granted")], timeline.Select(e => (e.Action, e.ToState)));

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

        var bad = await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { opinion = "  ", version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("opinion", out _));
        bad = await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { version })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("opinion", out _));
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
        var refused = await (await clerk.PostAsJsonAsync($"{Base}/{id}/refuse", new { opinion = "户籍已迁出本县", version })).JsonAsync();
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("户籍已迁出本县", refused.GetProperty("refusalReason").GetString());
        var timeline = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AgeAllowanceGrants>().TimelineAsync(id)).Select(e => (e.Action, e.ToState, e.Opinion)).ToList());
        Assert.Equal(("refuse", "refused", "户籍已迁出本县"), timeline[^1]);
        await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
        Assert.Single(await clerk.GetItemsAsync($"{Base}?pageSize=200"), c => c.GetProperty("personId").GetGuid() == personId);
    }

    [Fact]
    public async Task A_band_step_raises_the_amount_from_the_month_after_that_birthday_and_a_late_find_is_paid_back_within_the_arrears_figure()
    {
        app.SkipIfUnavailable();
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var month = new DateOnly(today.Year, today.Month, 1);
        // turned 90 last month: the 80 band (50) for the months owed, 90 band (100) from this month (the month after the birthday)
        var ninety = await HomeCareScenario.PersonAsync(app, today.AddMonths(-1).AddYears(-90), "覃九旬");
        // turns 100 in two months: 90 band now, the 100 band (300) from the month after that birthday, published at confirmation
        var hundred = await HomeCareScenario.PersonAsync(app, today.AddMonths(2).AddYears(-100), "莫期颐");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
        var rows = await clerk.GetItemsAsync($"{Base}?status=candidate&pageSize=500");
        var a = Assert.Single(rows, c => c.GetProperty("personId").GetGuid() == ninety);
        var b = Assert.Single(rows, c => c.GetProperty("personId").GetGuid() == hundred);
        Assert.Equal((90, 100m), (a.GetProperty("bandMinAge").GetInt32(), a.GetProperty("amount").GetDecimal()));

        foreach (var r in new[] { a, b })
        {
            var ok = await clerk.PostAsJsonAsync($"{Base}/{r.GetProperty("id").GetGuid()}/confirm", new { version = r.GetProperty("version").GetInt32() });
            Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        }
        // the demo figure pays back 12 months before the month found; each period at its band's amount
        var periodsA = await PeriodsAsync(a.GetProperty("id").GetGuid());
        // and the 100 band, still to come, from the month after the 100th birthday
        var hundredth = AgeAllowanceRules.FirstMonth(today.AddMonths(-1).AddYears(-90), 100, fromNextMonth: true);
        Assert.Equal([(month.AddMonths(-12), (DateOnly?)month.AddMonths(-1), 50m), (month, hundredth.AddMonths(-1), 100m), (hundredth, null, 300m)], periodsA);
        var periodsB = await PeriodsAsync(b.GetProperty("id").GetGuid());
        var step = AgeAllowanceRules.FirstMonth(today.AddMonths(2).AddYears(-100), 100, fromNextMonth: true);
        Assert.Equal(month.AddMonths(3), step);
        Assert.Equal([(month.AddMonths(-12), (DateOnly?)step.AddMonths(-1), 100m), (step, null, 300m)], periodsB);
        var confirmed = await clerk.GetJsonAsync($"{Base}/{a.GetProperty("id").GetGuid()}");
        Assert.Equal(month.AddMonths(-12).ToString("yyyy-MM-dd"), confirmed.GetProperty("fromMonth").GetString());
        Assert.Equal(100m, confirmed.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Death_stops_the_later_months_and_its_reversal_restores_them()
    {
        app.SkipIfUnavailable();
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var month = new DateOnly(today.Year, today.Month, 1);
        var personId = await HomeCareScenario.PersonAsync(app, today.AddMonths(-30).AddYears(-80), "甘长青");
        var candidateId = await HomeCareScenario.PersonAsync(app, today.AddMonths(-5).AddYears(-80), "甘未定");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
        var rows = await clerk.GetItemsAsync($"{Base}?status=candidate&pageSize=500");
        var row = Assert.Single(rows, c => c.GetProperty("personId").GetGuid() == personId);
        var candidate = Assert.Single(rows, c => c.GetProperty("personId").GetGuid() == candidateId);
        var id = row.GetProperty("id").GetGuid();
        await clerk.PostAsJsonAsync($"{Base}/{id}/confirm", new { version = row.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK);

        // both die last month (recorded today): the allowance is paid to last month, the candidate is closed
        var died = month.AddMonths(-1).AddDays(9);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var pid in new[] { personId, candidateId })
            {
                var person = await db.Persons.SingleAsync(p => p.Id == pid);
                await sp.GetRequiredService<Web.Platform.Registry.PersonDeaths>().RecordAsync(person, died, "测试");
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });
        Assert.Equal("stopped", (await clerk.GetJsonAsync($"{Base}/{id}")).GetProperty("status").GetString());
        Assert.Equal("refused", (await clerk.GetJsonAsync($"{Base}/{candidate.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());
        var periods = await PeriodsAsync(id);
        Assert.All(periods, p => Assert.True(p.To is { } to && to <= month.AddMonths(-1), $"{p.From}–{p.To}"));
        Assert.Contains(periods, p => p.To == month.AddMonths(-1));
        Assert.False(await DueAsync(id, month));

        // the death was recorded in error: the county reverses it, the allowance runs again and the candidate waits again
        var county = await app.ClientAsync("rongxian.officer");
        foreach (var pid in new[] { personId, candidateId })
        {
            var person = await county.GetJsonAsync($"/api/v1/persons/{pid}");
            var r = await county.PostAsJsonAsync($"/api/v1/persons/{pid}/death/reverse", new { reason = "殡仪馆误报，经社区核实本人健在", version = person.GetProperty("version").GetInt32() });
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }
        Assert.Equal("confirmed", (await clerk.GetJsonAsync($"{Base}/{id}")).GetProperty("status").GetString());
        Assert.Equal("candidate", (await clerk.GetJsonAsync($"{Base}/{candidate.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());
        Assert.True(await DueAsync(id, month));
        Assert.True(await DueAsync(id, month.AddMonths(6)));
        var timeline = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AgeAllowanceGrants>().TimelineAsync(id)).Select(e => e.Action).ToList());
        Assert.Equal(["start", "confirm", "stop-on-death", "reopen"], timeline);
    }

    [Fact]
    public async Task A_means_tested_run_finds_only_elders_of_low_income_households_and_everyone_of_age_when_off()
    {
        app.SkipIfUnavailable();
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var month = new DateOnly(today.Year, today.Month, 1);
        var plain = await HomeCareScenario.PersonAsync(app, today.AddMonths(-7).AddYears(-84), "梁平常");
        var dibao = await HomeCareScenario.PersonAsync(app, today.AddMonths(-7).AddYears(-84), "梁低保");
        var tekun = await HomeCareScenario.PersonAsync(app, today.AddMonths(-7).AddYears(-84), "梁特困");
        var figureId = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // 低保 for a household the elder belongs to since three months ago; 特困 for the other elder himself
            var household = new Web.Platform.Registry.Household { Number = "HH" + Guid.NewGuid().ToString("N")[..10], DivisionCode = HomeCareScenario.Xinnan };
            household.Members.Add(new Web.Platform.Registry.HouseholdMember { PersonId = dibao, Relation = Web.Platform.Registry.Relation.Head, JoinedOn = today.AddYears(-5) });
            db.Add(household);
            db.Add(new EntitlementPeriod
            {
                Program = Web.Modules.Assistance.Contracts.AssistancePrograms.Dibao,
                SourceId = Guid.NewGuid(),
                SourceNumber = "DB-TEST",
                HouseholdId = household.Id,
                PayeePersonId = dibao,
                DivisionCode = HomeCareScenario.Xinnan,
                PersonCount = 1,
                FromMonth = month.AddMonths(-3),
                MonthlyAmount = Web.Platform.Money.Money.FromYuan(500m),
                Explanation = "[]",
                Reason = "测试"
            });
            db.Add(new EntitlementPeriod
            {
                Program = Web.Modules.Assistance.Contracts.AssistancePrograms.ExtremePoverty,
                SourceId = Guid.NewGuid(),
                SourceNumber = "TK-TEST",
                PayeePersonId = tekun,
                BeneficiaryPersonId = tekun,
                DivisionCode = HomeCareScenario.Xinnan,
                PersonCount = 1,
                FromMonth = month.AddMonths(-30),
                MonthlyAmount = Web.Platform.Money.Money.FromYuan(700m),
                Explanation = "[]",
                Reason = "测试"
            });
            // 容县 limits its allowance to low-income elders (over the city's demo row)
            var figure = new Web.Platform.Figures.Figure
            {
                Module = AgeAllowanceFigures.Module,
                Kind = AgeAllowanceFigures.MeansTest.Code,
                DivisionCode = HomeCareScenario.County,
                Category = "",
                Choice = "yes",
                ValidFrom = month.AddYears(-1),
                Document = "测试：容县高龄津贴限低收入老年人",
                IsDemo = true,
                CreatedBy = "test",
            };
            db.Add(figure);
            await db.SaveChangesAsync();
            return figure.Id;
        });
        var clerk = await app.ClientAsync("rongzhou.clerk");
        try
        {
            await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
            var found = (await clerk.GetItemsAsync($"{Base}?pageSize=500")).Select(c => c.GetProperty("personId").GetGuid()).ToList();
            Assert.Contains(dibao, found);
            Assert.Contains(tekun, found);
            Assert.DoesNotContain(plain, found);

            // the 低保 elder is owed back only to when the household's 低保 began, the 特困 elder the figure's 12 months
            var rows = await clerk.GetItemsAsync($"{Base}?status=candidate&pageSize=500");
            foreach (var (pid, from) in new[] { (dibao, month.AddMonths(-3)), (tekun, month.AddMonths(-12)) })
            {
                var r = Assert.Single(rows, c => c.GetProperty("personId").GetGuid() == pid);
                var confirmed = await (await clerk.PostAsJsonAsync($"{Base}/{r.GetProperty("id").GetGuid()}/confirm", new { version = r.GetProperty("version").GetInt32() })).JsonAsync();
                Assert.Equal(from.ToString("yyyy-MM-dd"), confirmed.GetProperty("fromMonth").GetString());
                Assert.Contains(confirmed.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("label").GetString() == "本地高龄津贴限低收入老年人（低保、特困）");
            }
        }
        finally
        {
            await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                await db.Set<Web.Platform.Figures.Figure>().Where(f => f.Id == figureId).ExecuteDeleteAsync();
                return 0;
            });
        }
        // off again: everyone of age is found
        await clerk.PostAsJsonAsync($"{Base}/runs", new { }).EnsureStatus(HttpStatusCode.OK);
        Assert.Single(await clerk.GetItemsAsync($"{Base}?status=candidate&pageSize=500"), c => c.GetProperty("personId").GetGuid() == plain);
    }

    private Task<List<(DateOnly From, DateOnly? To, decimal Amount)>> PeriodsAsync(Guid sourceId) => app.WithServicesAsync(async sp =>
        (await sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().IgnoreQueryFilters().AsNoTracking().Where(e => e.SourceId == sourceId && !e.OneOff).ToListAsync())
        .Where(e => e.ToMonth is null || e.ToMonth >= e.FromMonth) // a period ended before it began covers no month
        .OrderBy(e => e.FromMonth).Select(e => (e.FromMonth, e.ToMonth, e.MonthlyAmount.Yuan)).ToList());

    private Task<bool> DueAsync(Guid sourceId, DateOnly month) => app.WithServicesAsync(async sp =>
        await sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().IgnoreQueryFilters()
            .AnyAsync(e => e.SourceId == sourceId && !e.OneOff && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month)));
}

public sealed class AgeAllowanceTestsOnSqlite(SqliteApp app) : AgeAllowanceTests(app), IClassFixture<SqliteApp>;

public sealed class AgeAllowanceTestsOnPostgres(PostgresApp app) : AgeAllowanceTests(app), IClassFixture<PostgresApp>;
