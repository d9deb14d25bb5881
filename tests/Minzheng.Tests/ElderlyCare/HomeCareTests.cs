using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// Government-purchased home care over HTTP on SQLite and PostgreSQL (issue 13 item 5): a provider's complete records settled
/// and paid to its account with the explanation; records without check-out or confirmation not settled; organisation scope
/// (another provider: 404) and division scope (another township sees nothing); budget alert and over-budget refusal; the
/// sampling audit replays from its seed; bad input → 400 with the field and nothing half-saved.
/// </summary>
public abstract class HomeCareTests(AppFixture app)
{
    private const string Base = "/api/v1/elderly/home-care";

    [Fact]
    public async Task A_providers_complete_records_are_settled_and_paid_to_its_account_with_the_explanation()
    {
        app.SkipIfUnavailable();
        var s = await HomeCareScenario.CreateAsync(app, provider: "容州镇康乐居家养老服务中心");
        var paid = await s.VisitAsync(app, "meal", 45);                       // complete: 0.75 h × 20.00 (demo price)
        Assert.True(paid.GetProperty("payable").GetBoolean());
        Assert.Equal(45, paid.GetProperty("minutes").GetInt32());
        var unconfirmed = await s.VisitAsync(app, "clean", 30, confirm: false); // checked out, the elder did not confirm
        Assert.False(unconfirmed.GetProperty("payable").GetBoolean());
        Assert.Contains("服务对象确认", unconfirmed.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var open = await s.VisitAsync(app, "meal", 0, checkOut: false);          // never checked out
        Assert.Contains("签退时间", open.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));

        var county = await app.ClientAsync("rongxian.officer");
        var r = await county.PostAsJsonAsync($"{Base}/settlements", new { contractId = s.ContractId, month = "2026-11-01" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var settlement = await r.JsonAsync();
        Assert.Equal(1, settlement.GetProperty("visitCount").GetInt32());
        Assert.Equal(2, settlement.GetProperty("excludedCount").GetInt32());
        Assert.Equal(15.00m, settlement.GetProperty("amount").GetDecimal());
        var labels = settlement.GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("label").GetString()!).ToList();
        Assert.Contains(labels, l => l.StartsWith("助餐 1 次 0.75 小时 × 20.00 元/小时", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("未结算记录 2 条", StringComparison.Ordinal));

        // the two incomplete records stay unsettled; the month cannot be settled twice
        var visits = await county.GetItemsAsync($"{Base}/visits?orderId={s.OrderId}");
        Assert.Equal([paid.GetProperty("id").GetGuid()], visits.Where(v => v.GetProperty("settlementId").ValueKind != JsonValueKind.Null).Select(v => v.GetProperty("id").GetGuid()));
        await (await county.PostAsJsonAsync($"{Base}/settlements", new { contractId = s.ContractId, month = "2026-11-01" })).ExpectProblemAsync(409, "home_care_month_settled");

        // the payroll of 容县 for the program pays the provider's account, with the settlement's explanation
        var created = await county.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = HomeCareScenario.County, program = HomeCareSettlements.Program, month = "2026-11-01", kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        JsonElement payroll = default;
        for (var i = 0; i < 600; i++)
        {
            payroll = await county.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
            if (payroll.GetProperty("status").GetString() == "generated") break;
            await Task.Delay(100);
        }
        Assert.Equal("generated", payroll.GetProperty("status").GetString());
        var lines = await county.GetItemsAsync($"/api/v1/payments/payrolls/{id}/lines");
        var line = Assert.Single(lines, l => l.GetProperty("payeeOrganizationId").ValueKind == JsonValueKind.String && l.GetProperty("payeeOrganizationId").GetGuid() == s.ProviderId);
        Assert.Equal(s.ProviderName, line.GetProperty("payeeName").GetString());
        Assert.Equal(15.00m, line.GetProperty("amount").GetDecimal());
        Assert.Matches(@"^4501\*+9876$", line.GetProperty("bankAccount").GetString()!);
        var explained = line.GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("label").GetString()!).ToList();
        Assert.Contains(explained, l => l.StartsWith("助餐 1 次", StringComparison.Ordinal));
        Assert.Contains(line.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("basis").GetString()!.Contains("演示数据", StringComparison.Ordinal));

        // the contract shows what was settled against its budget
        var contract = await county.GetJsonAsync($"{Base}/contracts/{s.ContractId}");
        Assert.Equal(15.00m, contract.GetProperty("settled").GetDecimal());
        Assert.False(contract.GetProperty("alert").GetBoolean());
        var page = await county.GetStringAsync("/elderly/home-care");
        Assert.Contains(s.ProviderName, page, StringComparison.Ordinal);
        Assert.Contains("hbar-chart", page, StringComparison.Ordinal);
        var settlementsPage = await county.GetStringAsync($"/elderly/home-care/settlements?contractId={s.ContractId}&month=2026-11-01");
        Assert.Contains("缺签退时间", settlementsPage, StringComparison.Ordinal);
        Assert.Contains("助餐 1 次 0.75 小时", settlementsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_providers_user_sees_only_its_own_orders_and_another_township_sees_nothing()
    {
        app.SkipIfUnavailable();
        var a = await HomeCareScenario.CreateAsync(app, provider: "容州镇甲居家养老服务站");
        var b = await HomeCareScenario.CreateAsync(app, provider: "容州镇乙居家养老服务站");
        await a.VisitAsync(app, "meal", 20);
        await b.RefreshAsync(app);

        // provider B's caregiver: A's order and records are not found, and not listed
        await (await b.Caregiver.GetAsync($"{Base}/orders/{a.OrderId}")).ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await b.Caregiver.GetItemsAsync($"{Base}/orders"), o => o.GetProperty("id").GetGuid() == a.OrderId);
        Assert.Empty(await b.Caregiver.GetItemsAsync($"{Base}/visits?orderId={a.OrderId}"));
        await (await b.Caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId = a.OrderId, service = "meal", address = "新南路" })).ExpectProblemAsync(404, "not_found");
        await (await b.Caregiver.GetAsync($"{Base}/contracts/{a.ContractId}")).ExpectProblemAsync(404, "not_found");

        // A's caregiver sees its own order, without the elder's card code (the elder gives it at check-out)
        var own = await a.Caregiver.GetItemsAsync($"{Base}/orders");
        var order = Assert.Single(own);
        Assert.Equal(a.OrderId, order.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("confirmationCode").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.Caregiver.GetAsync("/api/v1/persons?pageSize=5")).StatusCode); // no registry for a provider's staff

        // a clerk of another township (杨梅镇) sees none of it; the elder's township and the county do
        var yangmei = await app.ClientAsync("yangmei.clerk");
        await (await yangmei.GetAsync($"{Base}/orders/{a.OrderId}")).ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await yangmei.GetItemsAsync($"{Base}/orders"), o => o.GetProperty("id").GetGuid() == a.OrderId);
        Assert.Empty(await yangmei.GetItemsAsync($"{Base}/visits?orderId={a.OrderId}"));
        Assert.DoesNotContain(await yangmei.GetItemsAsync($"{Base}/contracts"), c => c.GetProperty("id").GetGuid() == a.ContractId);
        Assert.DoesNotContain("覃秀英", await yangmei.GetStringAsync("/elderly/home-care/orders"), StringComparison.Ordinal);
        var rongzhou = await app.ClientAsync("rongzhou.clerk");
        Assert.Single(await rongzhou.GetItemsAsync($"{Base}/visits?orderId={a.OrderId}"));

        // a civil-affairs officer who can read the order still cannot check in for the caregiver
        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"{Base}/orders/{a.OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId = a.OrderId, service = "meal", address = "新南路" })).StatusCode);
    }

    [Fact]
    public async Task A_settlement_past_the_alert_line_is_flagged_and_one_beyond_the_budget_is_refused_with_nothing_saved()
    {
        app.SkipIfUnavailable();
        // 30 minutes of 助餐 = 10.00; a budget of 12.00 is 83 % used (alert at 80 %)
        var flagged = await HomeCareScenario.CreateAsync(app, budget: 12m, provider: "容州镇预警测试服务站");
        await flagged.VisitAsync(app, "meal", 30);
        var county = await app.ClientAsync("rongxian.officer");
        (await county.PostAsJsonAsync($"{Base}/settlements", new { contractId = flagged.ContractId, month = "2026-11-01" })).EnsureSuccessStatusCode();
        var row = await county.GetJsonAsync($"{Base}/contracts/{flagged.ContractId}");
        Assert.True(row.GetProperty("alert").GetBoolean());
        Assert.Equal(83.3m, row.GetProperty("consumedPercent").GetDecimal());
        Assert.Equal(80m, row.GetProperty("alertPercent").GetDecimal());
        Assert.Contains("已达预警线 80%", await county.GetStringAsync("/elderly/home-care"), StringComparison.Ordinal);

        // a budget of 9.00 cannot pay 10.00: refused, no settlement, no entitlement, the record stays unsettled
        var over = await HomeCareScenario.CreateAsync(app, budget: 9m, provider: "容州镇超支测试服务站");
        var visit = await over.VisitAsync(app, "meal", 30);
        county = await app.ClientAsync("rongxian.officer");
        await (await county.PostAsJsonAsync($"{Base}/settlements", new { contractId = over.ContractId, month = "2026-11-01" })).ExpectProblemAsync(409, "home_care_over_budget");
        Assert.Empty(await county.GetItemsAsync($"{Base}/settlements?contractId={over.ContractId}"));
        Assert.Equal(JsonValueKind.Null, (await county.GetItemsAsync($"{Base}/visits?orderId={over.OrderId}")).Single().GetProperty("settlementId").ValueKind);
        var published = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().CountAsync(e => e.PayeeOrganizationId == over.ProviderId));
        Assert.Equal(0, published);
        Assert.Equal(visit.GetProperty("id").GetGuid(), (await county.GetItemsAsync($"{Base}/visits?orderId={over.OrderId}")).Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_sampling_audit_is_stored_replayable_and_a_failed_record_is_not_settled()
    {
        app.SkipIfUnavailable();
        var s = await HomeCareScenario.CreateAsync(app, provider: "容州镇抽查测试服务站");
        for (var i = 0; i < 4; i++) await s.VisitAsync(app, i % 2 == 0 ? "meal" : "clean", 15);
        var county = await app.ClientAsync("rongxian.officer");
        var r = await county.PostAsJsonAsync($"{Base}/audits", new { contractId = s.ContractId, month = "2026-11-01", ratePercent = 50 });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var draw = await r.JsonAsync();
        Assert.Equal(4, draw.GetProperty("populationCount").GetInt32());
        var sample = draw.GetProperty("sample").EnumerateArray().Select(x => x.GetGuid()).ToList();
        Assert.Equal(2, sample.Count);
        var again = await county.GetJsonAsync($"{Base}/audits/{draw.GetProperty("id").GetGuid()}");
        Assert.True(again.GetProperty("replayMatches").GetBoolean());
        Assert.Equal(sample, again.GetProperty("sample").EnumerateArray().Select(x => x.GetGuid()));

        var notSampled = (await county.GetItemsAsync($"{Base}/visits?orderId={s.OrderId}")).Select(v => v.GetProperty("id").GetGuid()).First(id => !sample.Contains(id));
        var audit = $"{Base}/audits/{draw.GetProperty("id").GetGuid()}/results";
        await (await county.PostAsJsonAsync(audit, new { visitId = notSampled, passed = true })).ExpectProblemAsync(409, "home_care_not_sampled");
        var noNote = await (await county.PostAsJsonAsync(audit, new { visitId = sample[0], passed = false })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noNote.GetProperty("errors").TryGetProperty("note", out _));
        (await county.PostAsJsonAsync(audit, new { visitId = sample[0], passed = false, note = "电话回访：老人称当日未上门" })).EnsureSuccessStatusCode();

        var settled = await (await county.PostAsJsonAsync($"{Base}/settlements", new { contractId = s.ContractId, month = "2026-11-01" })).JsonAsync();
        Assert.Equal(3, settled.GetProperty("visitCount").GetInt32());
        Assert.Contains(settled.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("label").GetString()!.StartsWith("抽查不合格记录 1 条", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_elders_death_ends_the_order_and_a_reversal_reopens_it()
    {
        app.SkipIfUnavailable();
        var s = await HomeCareScenario.CreateAsync(app, provider: "容州镇身故测试服务站");
        var lines = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var person = await db.Persons.SingleAsync(p => p.Id == s.PersonId);
            var effects = await sp.GetRequiredService<Web.Platform.Registry.PersonDeaths>().RecordAsync(person, new DateOnly(2026, 11, 20), "测试");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return effects;
        });
        Assert.Contains(lines, l => l.StartsWith("终止居家养老服务订单", StringComparison.Ordinal));
        await s.RefreshAsync(app);
        var order = await s.Caregiver.GetJsonAsync($"{Base}/orders/{s.OrderId}");
        Assert.Equal("ended", order.GetProperty("status").GetString());
        Assert.Equal("2026-11-20", order.GetProperty("toDate").GetString());
        await (await s.Caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId = s.OrderId, service = "meal", address = "新南路" })).ExpectProblemAsync(409, "home_care_order_inactive");

        var officer = await app.ClientAsync("rongxian.officer");
        var person = await officer.GetJsonAsync($"/api/v1/persons/{s.PersonId}");
        var reversed = await officer.PostAsJsonAsync($"/api/v1/persons/{s.PersonId}/death/reverse", new { reason = "殡葬记录误录，本人健在", version = person.GetProperty("version").GetInt32() });
        Assert.True(reversed.StatusCode == HttpStatusCode.OK, await reversed.Content.ReadAsStringAsync());
        Assert.Equal("active", (await officer.GetJsonAsync($"{Base}/orders/{s.OrderId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_is_half_saved()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        var (providerId, _) = await HomeCareScenario.ProviderAsync(app, "容州镇校验测试服务站");
        var before = (await county.GetJsonAsync($"{Base}/contracts")).GetProperty("total").GetInt32();
        var bad = await (await county.PostAsJsonAsync($"{Base}/contracts", new { providerId, divisionCode = HomeCareScenario.County, year = 2026, budget = -5, document = "" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("budget", out _));
        bad = await (await county.PostAsJsonAsync($"{Base}/contracts", new { providerId, divisionCode = HomeCareScenario.County, year = 2026, budget = 100 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("document", out _));
        bad = await (await county.PostAsJsonAsync($"{Base}/contracts", new { providerId = Guid.NewGuid(), divisionCode = HomeCareScenario.County, year = 2026, budget = 100, document = "x" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("providerId", out _));
        // a provider registered in 容县 cannot be paid by 北流市's payroll
        var admin = await app.ClientAsync("admin");
        bad = await (await admin.PostAsJsonAsync($"{Base}/contracts", new { providerId, divisionCode = "450981000000", year = 2026, budget = 100, document = "x" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("providerId", out _));
        Assert.Equal(before, (await county.GetJsonAsync($"{Base}/contracts")).GetProperty("total").GetInt32());

        var contractId = await HomeCareScenario.ContractAsync(app, providerId, 1000m);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var elder = await HomeCareScenario.PersonAsync(app, new DateOnly(1938, 5, 1), "黄桂芳");
        bad = await (await clerk.PostAsJsonAsync($"{Base}/orders", new { personId = elder, contractId, services = new[] { "massage" } })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("services", out _));
        bad = await (await clerk.PostAsJsonAsync($"{Base}/orders", new { personId = elder, contractId, services = new[] { "meal" }, monthlyHours = 999 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("monthlyHours", out _));
        bad = await (await clerk.PostAsJsonAsync($"{Base}/orders", new { personId = elder, contractId, services = new[] { "meal" }, monthlyHours = 21 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("monthlyHours", out _)); // above the 20 hours of the figure
        // a 56-year-old without assistance or disability entitlements meets no criterion
        var young = await HomeCareScenario.PersonAsync(app, new DateOnly(1970, 5, 1), "李建国");
        await (await clerk.PostAsJsonAsync($"{Base}/orders", new { personId = young, contractId, services = new[] { "meal" } })).ExpectProblemAsync(409, "home_care_not_eligible");
        Assert.Empty(await clerk.GetItemsAsync($"{Base}/orders?contractId={contractId}"));

        // check-in without position or address, half a position, a position off the globe: refused, no record
        var order = await HomeCareScenario.OrderAsync(app, elder, contractId);
        var orderId = order.GetProperty("id").GetGuid();
        var caregiver = await app.ClientAsync(await HomeCareScenario.CaregiverAsync(app, providerId));
        bad = await (await caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId, service = "meal" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("address", out _));
        bad = await (await caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId, service = "meal", latitude = 22.6 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("latitude", out _));
        bad = await (await caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId, service = "meal", latitude = 200, longitude = 110 })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("latitude", out _));
        bad = await (await caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId, service = "bath", address = "新南路" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("service", out _)); // not in the order
        Assert.Empty(await caregiver.GetItemsAsync($"{Base}/visits?orderId={orderId}"));

        // a wrong code at check-out: refused, the visit stays open; a second check-in meanwhile is refused
        var visit = await (await caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId, service = "meal", address = "容州镇新南路 12 号" })).JsonAsync();
        var wrong = order.GetProperty("confirmationCode").GetString() == "000000" ? "111111" : "000000";
        bad = await (await caregiver.PostAsJsonAsync($"{Base}/visits/{visit.GetProperty("id").GetGuid()}/check-out", new { address = "新南路", confirmationCode = wrong })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("confirmationCode", out _));
        Assert.Equal(JsonValueKind.Null, (await caregiver.GetItemsAsync($"{Base}/visits?orderId={orderId}")).Single().GetProperty("checkOutAt").ValueKind);
        await (await caregiver.PostAsJsonAsync($"{Base}/visits/check-in", new { orderId, service = "meal", address = "新南路" })).ExpectProblemAsync(409, "home_care_visit_open");

        // settling a future month, or a month with nothing complete, is refused
        await (await county.PostAsJsonAsync($"{Base}/settlements", new { contractId, month = "2026-12-01" })).ExpectProblemAsync(409, "home_care_month_open");
        await (await county.PostAsJsonAsync($"{Base}/settlements", new { contractId, month = "2026-11-01" })).ExpectProblemAsync(409, "home_care_nothing_to_settle");
        Assert.Empty(await county.GetItemsAsync($"{Base}/settlements?contractId={contractId}"));
    }
}

public sealed class HomeCareTestsOnSqlite(SqliteApp app) : HomeCareTests(app), IClassFixture<SqliteApp>;

public sealed class HomeCareTestsOnPostgres(PostgresApp app) : HomeCareTests(app), IClassFixture<PostgresApp>;
