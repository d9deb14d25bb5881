using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.ChildWelfare;

/// <summary>
/// Child welfare over the API on SQLite and PostgreSQL, with the demo accounts of 容县/容州镇: an orphan confirmed by the
/// county is paid from the next payroll with its explanation; the allowance ends by age in the right month; visits
/// overdue and risk items raise alerts for the township and nobody else; double benefits follow the configured rule.
/// </summary>
public abstract class ChildWelfareTests(AppFixture app)
{
    private const string Village = "450921100003"; // 新南社区, 容州镇, 容县
    private const string County = "450921000000";
    private static int _seq = Random.Shared.Next(0, 400);

    private async Task<Guid> ChildAsync(DateOnly birth, string name, bool rural = true, bool account = false)
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = IdNumber.Compose("450102", birth, Interlocked.Increment(ref _seq) % 999),
            name,
            divisionCode = Village,
            hukouType = rural ? "rural" : "urban",
            bankName = account ? "广西农村信用社" : null,
            bankAccount = account ? "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999) : null,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static object Parent(string situation, int? termMonths = null, DateOnly? since = null) =>
        new { situation, termMonths, since, evidence = situation == "none" ? null : "证明材料（测试）" };

    private static async Task<JsonElement> ApplyAsync(HttpClient clerk, Guid child, string kind, object father, object mother, string placement = "kinship")
    {
        var r = await clerk.PostAsJsonAsync("/api/v1/children/cases", new
        {
            childPersonId = child,
            kind,
            father,
            mother,
            placement,
            guardianName = "李桂芳",
            guardianRelation = "祖母",
            inFullTimeEducation = false,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    private static async Task<JsonElement> DecideAsync(HttpClient client, JsonElement c, string action, bool agree = true, string opinion = "符合条件")
    {
        var r = await client.PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/{action}", new { agree, opinion, version = c.GetProperty("version").GetInt32() });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    [Fact]
    public async Task A_confirmed_orphan_is_paid_from_the_next_payroll_with_its_explanation_and_only_within_scope()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var county = await app.ClientAsync("rongxian.officer");
        var child = await ChildAsync(new DateOnly(2016, 3, 8), "韦小宝", account: true);

        var c = await ApplyAsync(clerk, child, "orphan", Parent("dead"), Parent("dead"));
        Assert.Equal("applied", c.GetProperty("status").GetString());
        // the county cannot skip the township; the township clerk cannot review
        await county.PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/confirm", new { agree = true, opinion = "x", version = c.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "case_not_reviewed");
        await clerk.PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/review", new { agree = true, opinion = "x", version = c.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.Forbidden);
        c = await DecideAsync(approver, c, "review");
        c = await DecideAsync(county, c, "confirm");
        Assert.Equal("confirmed", c.GetProperty("status").GetString());
        Assert.Equal(600m, c.GetProperty("monthlyAmount").GetDecimal()); // demo standard, orphan dispersed
        Assert.Equal("2026-12-01", c.GetProperty("fromMonth").GetString());
        Assert.Equal("2034-03-01", c.GetProperty("lastMonthByAge").GetString());

        // another township sees nothing of it
        var yangmei = await app.ClientAsync("yangmei.clerk");
        await yangmei.GetAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}").EnsureStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await yangmei.GetItemsAsync("/api/v1/children/cases"), x => x.GetProperty("id").GetString() == c.GetProperty("id").GetString());

        // the next month's orphan payroll of 容县 pays it, with the standard and its document in the explanation
        var finance = await app.ClientAsync("rongxian.finance");
        var r = await county.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = County, program = "orphan", month = new DateOnly(2026, 12, 1) });
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        var id = (await r.JsonAsync()).GetProperty("id").GetString();
        for (var i = 0; i < 300 && !(await county.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress")).GetProperty("done").GetBoolean(); i++) await Task.Delay(100);
        var lines = (await finance.GetJsonAsync($"/api/v1/payments/payrolls/{id}/lines?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var line = Assert.Single(lines, l => l.GetProperty("sourceNumber").GetString() == c.GetProperty("number").GetString());
        Assert.Equal(600m, line.GetProperty("amount").GetDecimal());
        var explanation = line.GetProperty("explanation").ToString();
        Assert.Contains("孤儿基本生活费", explanation, StringComparison.Ordinal);
        Assert.Contains("国办发〔2010〕54号", explanation, StringComparison.Ordinal);

        // once approved, the ledger reports it to the dashboards (approved, not yet paid)
        var payroll = await county.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        payroll = await (await county.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/review", new { version = payroll.GetProperty("version").GetInt32(), opinion = "已核对" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await finance.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/approve", new { version = payroll.GetProperty("version").GetInt32(), opinion = "同意" }).EnsureStatus(HttpStatusCode.OK);
        var totals = await app.WithServicesAsync(sp => sp.GetRequiredService<IPaymentLedger>().TotalsAsync(["orphan"], new DateOnly(2026, 12, 1)));
        var total = Assert.Single(totals, t => t.CountyCode == County);
        Assert.Equal(lines.Sum(l => (long)(l.GetProperty("amount").GetDecimal() * 100)), total.ApprovedFen);
        Assert.Equal(0, total.PaidFen);
    }

    [Fact]
    public async Task Turning_18_ends_the_allowance_from_the_right_month()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var county = await app.ClientAsync("rongxian.officer");

        // 18 on 2026-12-15: paid for December (the birthday month, demo rule), nothing from January
        var child = await ChildAsync(new DateOnly(2008, 12, 15), "黄子轩");
        var c = await ApplyAsync(clerk, child, "unsupported", Parent("dead"), Parent("imprisoned", termMonths: 60));
        c = await DecideAsync(approver, c, "review");
        c = await DecideAsync(county, c, "confirm");
        Assert.Equal("2026-12-01", c.GetProperty("lastMonthByAge").GetString());
        var periods = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.SourceId == c.GetProperty("id").GetGuid()).ToListAsync());
        var period = Assert.Single(periods);
        Assert.Equal(("unsupported-child", new DateOnly(2026, 12, 1), (DateOnly?)new DateOnly(2026, 12, 1)), (period.Program, period.FromMonth, period.ToMonth));
        // the reminder before the end (demo notice: 60 days) lists it; a child ending in 2034 is not listed
        var endingSoon = await app.WithServicesAsync(sp => sp.GetRequiredService<Minzheng.Web.Modules.ChildWelfare.ChildQueries>().EndingSoonAsync(60));
        Assert.Contains(endingSoon, e => e.Id == c.GetProperty("id").GetGuid());
        Assert.DoesNotContain(endingSoon, e => e.LastMonthByAge > new DateOnly(2027, 1, 1));

        // 18 in November: no month left to pay from December
        var older = await ChildAsync(new DateOnly(2008, 11, 10), "黄子涵");
        var o = await ApplyAsync(clerk, older, "unsupported", Parent("dead"), Parent("imprisoned", termMonths: 60));
        var adult = await approver.PostAsJsonAsync($"/api/v1/children/cases/{o.GetProperty("id").GetString()}/review", new { agree = true, opinion = "同意", version = o.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "not_eligible");
        Assert.Contains("已满 18 周岁", adult.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // an unsupported child whose parent's prison term is under 6 months is refused at review, with the reason
        var third = await ChildAsync(new DateOnly(2014, 5, 5), "黄子豪");
        var t = await ApplyAsync(clerk, third, "unsupported", Parent("dead"), Parent("imprisoned", termMonths: 4));
        var problem = await (approver.PostAsJsonAsync($"/api/v1/children/cases/{t.GetProperty("id").GetString()}/review", new { agree = true, opinion = "同意", version = t.GetProperty("version").GetInt32() }))
            .ExpectProblemAsync(409, "not_eligible");
        Assert.Contains("不足 6 个月", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // ending on adoption stops it from the month given
        var younger = await ChildAsync(new DateOnly(2019, 2, 2), "黄小雨");
        var y = await ApplyAsync(clerk, younger, "orphan", Parent("dead"), Parent("dead"));
        y = await DecideAsync(approver, y, "review");
        y = await DecideAsync(county, y, "confirm");
        var end = await county.PostAsJsonAsync($"/api/v1/children/cases/{y.GetProperty("id").GetString()}/end", new { reason = "adoption", lastMonth = new DateOnly(2027, 1, 1), note = "2027-01-20 办理收养登记", version = y.GetProperty("version").GetInt32() });
        Assert.True(end.StatusCode == HttpStatusCode.OK, await end.Content.ReadAsStringAsync());
        var yPeriod = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking().SingleAsync(e => e.SourceId == y.GetProperty("id").GetGuid()));
        Assert.Equal(new DateOnly(2027, 1, 1), yPeriod.ToMonth);

        // a death recorded in the registry ends the allowance from the month after the death (the daily sweep)
        var fourth = await ChildAsync(new DateOnly(2012, 8, 8), "黄小川");
        var d = await ApplyAsync(clerk, fourth, "orphan", Parent("dead"), Parent("dead"));
        d = await DecideAsync(approver, d, "review");
        d = await DecideAsync(county, d, "confirm");
        var ended = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var person = await db.Persons.SingleAsync(p => p.Id == fourth);
            person.LifeStatus = LifeStatus.Deceased;
            person.DeathDate = new DateOnly(2027, 2, 10);
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<ChildAllowances>().EndDeceasedAsync();
        });
        Assert.True(ended >= 1);
        var dCase = await county.GetJsonAsync($"/api/v1/children/cases/{d.GetProperty("id").GetString()}");
        Assert.Equal(("ended", "death", "2027-02-01"), (dCase.GetProperty("status").GetString(), dCase.GetProperty("endReason").GetString(), dCase.GetProperty("endedMonth").GetString()));
        var dPeriod = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking().SingleAsync(e => e.SourceId == d.GetProperty("id").GetGuid()));
        Assert.Equal(new DateOnly(2027, 2, 1), dPeriod.ToMonth);
    }

    [Fact]
    public async Task Overdue_visits_and_risk_items_raise_alerts_for_the_township_only()
    {
        app.SkipIfUnavailable();
        var worker = await app.ClientAsync("xinnan.worker");
        var township = await app.ClientAsync("rongzhou.approver");
        var yangmei = await app.ClientAsync("yangmei.clerk");
        var child = await ChildAsync(new DateOnly(2017, 9, 1), "莫小丫");
        var r = await worker.PostAsJsonAsync("/api/v1/children/watch", new
        {
            personId = child,
            father = "workingAway",
            mother = "workingAway",
            guardianName = "莫老太",
            guardianRelation = "祖母",
            school = "新南小学",
            risk = "low",
            director = "梁秀英",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var w = await r.JsonAsync();
        Assert.True(w.GetProperty("leftBehind").GetBoolean());
        var id = w.GetProperty("id").GetString();

        // the last visit was 100 days ago; the low-risk period is 90 days (demo figure): overdue by 10 days
        var today = new DateOnly(2026, 11, 30);
        var v = await worker.PostAsJsonAsync($"/api/v1/children/watch/{id}/visits?version={w.GetProperty("version").GetInt32()}", new { visitedOn = today.AddDays(-100), findings = "生活正常", riskAfter = "low" });
        Assert.True(v.StatusCode == HttpStatusCode.Created, await v.Content.ReadAsStringAsync());
        var alerts = (await township.GetItemsAsync("/api/v1/children/alerts")).Where(a => a.GetProperty("id").GetString() == id).ToList();
        var overdue = Assert.Single(alerts);
        Assert.Equal("overdue", overdue.GetProperty("kind").GetString());
        Assert.Contains("超期 10 天", overdue.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await yangmei.GetItemsAsync("/api/v1/children/alerts")), a => a.GetProperty("id").GetString() == id);

        // a stale version is refused; a visit today with a risk item clears the overdue alert and raises a risk alert
        await worker.PostAsJsonAsync($"/api/v1/children/watch/{id}/visits?version={w.GetProperty("version").GetInt32()}", new { visitedOn = today, findings = "x", riskAfter = "low" })
            .ExpectProblemAsync(409, "concurrency_conflict");
        var current = (await township.GetItemsAsync("/api/v1/children/watch")).Single(x => x.GetProperty("id").GetString() == id);
        await worker.PostAsJsonAsync($"/api/v1/children/watch/{id}/visits?version={current.GetProperty("version").GetInt32()}", new { visitedOn = today, findings = "祖母住院，无人照料", riskItem = "临时无人照料" })
            .ExpectProblemAsync(400, "validation_failed");
        await (worker.PostAsJsonAsync($"/api/v1/children/watch/{id}/visits?version={current.GetProperty("version").GetInt32()}", new
        {
            visitedOn = today,
            findings = "祖母住院，无人照料",
            riskItem = "临时无人照料",
            followUp = "联系姑母临时照料，报乡镇儿童督导员",
            riskAfter = "high",
        })).EnsureStatus(HttpStatusCode.Created);
        alerts = (await township.GetItemsAsync("/api/v1/children/alerts")).Where(a => a.GetProperty("id").GetString() == id).ToList();
        var risk = Assert.Single(alerts);
        Assert.Equal("risk", risk.GetProperty("kind").GetString());
        var dashboard = (await township.GetJsonAsync("/api/v1/children/dashboard")).EnumerateArray().Single(d => d.GetProperty("divisionCode").GetString() == County);
        Assert.True(dashboard.GetProperty("openRisks").GetInt32() >= 1);

        // the follow-up chosen (三日内再访) brings the next visit forward from the regular cycle (issue 12, item 12)
        current = (await township.GetItemsAsync("/api/v1/children/watch")).Single(x => x.GetProperty("id").GetString() == id);
        var regular = DateOnly.Parse(current.GetProperty("nextVisitDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(regular > today.AddDays(3), $"regular cycle {regular}");
        await worker.PostAsJsonAsync($"/api/v1/children/watch/{id}/visits?version={current.GetProperty("version").GetInt32()}",
            new { visitedOn = today, findings = "姑母已接去照料", followUp = "三日内再访", revisitWithinDays = 0, riskAfter = "high" }).ExpectProblemAsync(400, "validation_failed");
        await (worker.PostAsJsonAsync($"/api/v1/children/watch/{id}/visits?version={current.GetProperty("version").GetInt32()}",
            new { visitedOn = today, findings = "姑母已接去照料", followUp = "三日内再访", revisitWithinDays = 3, riskAfter = "high" })).EnsureStatus(HttpStatusCode.Created);
        current = (await township.GetItemsAsync("/api/v1/children/watch")).Single(x => x.GetProperty("id").GetString() == id);
        Assert.Equal(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), current.GetProperty("nextVisitDue").GetString());
        // the visit list shows the children's director by name, not the account
        var html = await worker.GetStringAsync($"/children/watch/{id}");
        Assert.Contains("<td>新南社区工作人员</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>xinnan.worker</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_benefits_follow_the_configured_rule()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var county = await app.ClientAsync("rongxian.officer");
        var admin = await app.ClientAsync("admin");
        var child = await ChildAsync(new DateOnly(2015, 1, 20), "覃小龙");
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = child, address = "测试地址", members = Array.Empty<object>() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        var household = (await h.JsonAsync()).GetProperty("id").GetGuid();
        // the household receives dibao (published as the assistance module would)
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee("dibao", Guid.CreateVersion7(), "DB-TEST-0001", child, household, Village, 1), new DateOnly(2026, 1, 1),
                Web.Platform.Money.Money.FromYuan(500m), "[]", "测试");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return 0;
        });
        // 容县 decides that the two may not run together
        await county.PostAsJsonAsync("/api/v1/children/standards", new { kind = "double-benefit", divisionCode = County, choice = "exclusive", validFrom = new DateOnly(2026, 1, 1), document = "容民发〔2026〕1号（测试）" })
            .EnsureStatus(HttpStatusCode.Created);
        var c = await ApplyAsync(clerk, child, "orphan", Parent("dead"), Parent("dead"));
        c = await DecideAsync(approver, c, "review");
        var problem = await (county.PostAsJsonAsync($"/api/v1/children/cases/{c.GetProperty("id").GetString()}/confirm", new { agree = true, opinion = "同意", version = c.GetProperty("version").GetInt32() }))
            .ExpectProblemAsync(409, "double_benefit");
        Assert.Contains("DB-TEST-0001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // overlapping figure refused
        await county.PostAsJsonAsync("/api/v1/children/standards", new { kind = "double-benefit", divisionCode = County, choice = "concurrent", validFrom = new DateOnly(2026, 6, 1), document = "x" })
            .ExpectProblemAsync(409, "figure_overlap");
    }

    [Fact]
    public async Task Protection_cases_are_restricted_and_run_from_report_to_closure()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        var township = await app.ClientAsync("rongzhou.approver");
        var child = await ChildAsync(new DateOnly(2013, 4, 4), "周小燕");
        await township.GetAsync("/api/v1/children/protection").EnsureStatus(HttpStatusCode.Forbidden);
        await township.PostAsJsonAsync("/api/v1/children/protection", new { childPersonId = child, harm = "domesticViolence", reportedOn = new DateOnly(2026, 11, 28), source = "学校报告", description = "x" })
            .EnsureStatus(HttpStatusCode.Forbidden);

        var r = await county.PostAsJsonAsync("/api/v1/children/protection", new { childPersonId = child, harm = "domesticViolence", reportedOn = new DateOnly(2026, 11, 28), source = "学校报告", description = "身上多处伤痕，自述遭父亲殴打" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var c = await r.JsonAsync();
        var id = c.GetProperty("id").GetString();
        async Task<JsonElement> ActAsync(string action, object body) =>
            await (await county.PostAsJsonAsync($"/api/v1/children/protection/{id}/{action}", body).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        c = await ActAsync("refer", new { version = c.GetProperty("version").GetInt32(), referredTo = "容县公安局容州派出所" });
        c = await ActAsync("shelter", new { version = c.GetProperty("version").GetInt32(), shelterName = "玉林市反家庭暴力庇护救助中心", on = new DateOnly(2026, 11, 28) });
        Assert.Equal("sheltered", c.GetProperty("status").GetString());
        c = await ActAsync("services", new { version = c.GetProperty("version").GetInt32(), service = "心理疏导", note = "社工每周两次" });
        await county.PostAsJsonAsync($"/api/v1/children/protection/{id}/close", new { version = c.GetProperty("version").GetInt32(), note = "x" }).ExpectProblemAsync(409, "still_sheltered");
        c = await ActAsync("leave-shelter", new { version = c.GetProperty("version").GetInt32(), on = new DateOnly(2026, 11, 30) });
        await county.PostAsJsonAsync($"/api/v1/children/protection/{id}/close", new { version = c.GetProperty("version").GetInt32() }).ExpectProblemAsync(400, "validation_failed");
        c = await ActAsync("close", new { version = c.GetProperty("version").GetInt32(), note = "由姑母监护，法院已发出人身安全保护令，村儿童主任跟进" });
        Assert.Equal("closed", c.GetProperty("status").GetString());
        Assert.Single(c.GetProperty("services").EnumerateArray());
    }

    [Fact]
    public async Task Institution_risk_checks_are_tracked_to_rectification()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        var yangmei = await app.ClientAsync("yangmei.clerk");
        var name = "容县儿童福利院" + Guid.NewGuid().ToString("N")[..4];
        var r = await county.PostAsJsonAsync("/api/v1/children/institutions", new { name, kind = "welfare", divisionCode = County, beds = 60, director = "覃主任" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.JsonAsync()).GetProperty("id").GetString();
        var child = await ChildAsync(new DateOnly(2018, 7, 7), "福小安");
        await county.PostAsJsonAsync($"/api/v1/children/institutions/{id}/children", new { personId = child, rehabilitation = "言语康复" }).EnsureStatus(HttpStatusCode.Created);
        await county.PostAsJsonAsync($"/api/v1/children/institutions/{id}/children", new { personId = child }).ExpectProblemAsync(409, "already_in_care");
        // a problem needs its rectification and deadline
        await county.PostAsJsonAsync($"/api/v1/children/institutions/{id}/checks", new { kind = "riskCheck", checkedOn = new DateOnly(2026, 11, 20), item = "消防安全", finding = "二楼灭火器过期", problem = true })
            .ExpectProblemAsync(400, "validation_failed");
        var check = await (await county.PostAsJsonAsync($"/api/v1/children/institutions/{id}/checks", new
        {
            kind = "riskCheck",
            checkedOn = new DateOnly(2026, 11, 20),
            item = "消防安全",
            finding = "二楼灭火器过期",
            problem = true,
            rectification = "更换灭火器",
            dueOn = new DateOnly(2026, 11, 25),
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        await county.PostAsJsonAsync($"/api/v1/children/institutions/{id}/checks", new { kind = "epidemic", checkedOn = new DateOnly(2026, 11, 21), item = "晨午检", finding = "正常" }).EnsureStatus(HttpStatusCode.Created);
        var listed = (await county.GetItemsAsync("/api/v1/children/institutions")).Single(x => x.GetProperty("id").GetString() == id);
        Assert.Equal((1, 1, 1), (listed.GetProperty("childrenInCare").GetInt32(), listed.GetProperty("openProblems").GetInt32(), listed.GetProperty("overdueRectifications").GetInt32()));
        Assert.DoesNotContain((await yangmei.GetItemsAsync("/api/v1/children/institutions")), x => x.GetProperty("id").GetString() == id);

        await county.PostAsJsonAsync($"/api/v1/children/institutions/checks/{check.GetProperty("id").GetString()}/rectify", new { rectifiedOn = new DateOnly(2026, 11, 27), rectifiedNote = "已更换 6 具灭火器", version = check.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK);
        listed = (await county.GetItemsAsync("/api/v1/children/institutions")).Single(x => x.GetProperty("id").GetString() == id);
        Assert.Equal(0, listed.GetProperty("openProblems").GetInt32());
    }
}

public sealed class ChildWelfareTestsOnSqlite(SqliteApp app) : ChildWelfareTests(app), IClassFixture<SqliteApp>;

public sealed class ChildWelfareTestsOnPostgres(PostgresApp app) : ChildWelfareTests(app), IClassFixture<PostgresApp>;
