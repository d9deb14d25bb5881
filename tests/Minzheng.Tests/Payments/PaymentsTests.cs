using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Payments;

/// <summary>
/// The payment ledger over the API, on SQLite and PostgreSQL: generate → review → approve (not by the
/// generator) → export → bank return with failures → re-queue; arrears for a late confirmation through the
/// real assistance flow; recoveries after a death; an interrupted generation completed by a rerun; the
/// price-linked subsidy. Each test works in its own county, so tests in a class do not share payrolls.
/// </summary>
public abstract class PaymentsTests(AppFixture app)
{
    static PaymentsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private DateOnly Today => app.Services.GetRequiredService<BusinessClock>().Today;

    private DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    /// <summary>A preparer (county officer) and an approver (finance) for a county, created like an administrator would.</summary>
    private async Task<(HttpClient Preparer, HttpClient Approver)> CountyStaffAsync(string county, string prefix)
    {
        await app.WithServicesAsync(async sp =>
        {
            var admin = sp.GetRequiredService<UserAdministration>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role) in new[] { ($"{prefix}.prep", Roles.CountyOfficer), ($"{prefix}.fin", Roles.Finance) })
            {
                if (await users.FindByNameAsync(name) is not null) continue;
                var user = await admin.CreateAsync(new UserInput { UserName = name, DisplayName = name, DivisionCode = county, Roles = [role], Password = Web.Platform.Demo.DemoAccounts.Password });
                user.MustChangePassword = false;
                await users.UpdateAsync(user);
            }
            return 0;
        });
        return (await app.ClientAsync($"{prefix}.prep"), await app.ClientAsync($"{prefix}.fin"));
    }

    private Task<List<string>> VillagesAsync(string county, int count) => app.WithServicesAsync(sp =>
    {
        var divisions = sp.GetRequiredService<DivisionDirectory>();
        // one village per township first, so that the payroll's per-township steps all have work
        var villages = divisions.Descendants(county, DivisionLevel.Village).GroupBy(v => v.ParentCode).Select(g => g.Select(v => v.Code).ToList()).ToList();
        var spread = Enumerable.Range(0, villages.Max(v => v.Count)).SelectMany(i => villages.Where(v => i < v.Count).Select(v => v[i]));
        return Task.FromResult(spread.Take(count).ToList());
    });

    private async Task<(Guid PersonId, Guid HouseholdId)> PersonAsync(string village, string name, bool account = true)
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = TestIds.Next(),
            name,
            divisionCode = village,
            bankName = account ? "广西农村信用社" : null,
            bankAccount = account ? "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture) : null,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = village, headPersonId = person, address = "测试地址", members = Array.Empty<object>() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        return (person, (await h.JsonAsync()).GetProperty("id").GetGuid());
    }

    /// <summary>Publishes an entitlement through the platform contract, as a benefit module does.</summary>
    private Task<Guid> EntitleAsync(Guid person, Guid household, string village, DateOnly from, decimal monthly, int people = 1, Guid? source = null, string program = "dibao") =>
        app.WithServicesAsync(async sp =>
        {
            var id = source ?? Guid.CreateVersion7();
            var explanation = JsonSerializer.Serialize(new[] { new AmountLine("测试待遇", monthly, "测试标准（测试文号，2023-01-01 起）") });
            await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee(program, id, "T-" + id.ToString("N")[^10..], person, household, village, people), from, Money.FromYuan(monthly), explanation, "测试");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return id;
        });

    private static async Task<JsonElement> CreatePayrollAsync(HttpClient client, string county, DateOnly month, string kind = "regular", string program = "dibao")
    {
        var r = await client.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = county, program, month, kind });
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        return await WaitAsync(client, (await r.JsonAsync()).GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        for (var i = 0; i < 600; i++)
        {
            var progress = await client.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress");
            if (progress.GetProperty("done").GetBoolean()) break;
            await Task.Delay(100);
        }
        var p = await client.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        Assert.True(p.GetProperty("status").GetString() == "generated", p.ToString());
        return p;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, JsonElement payroll, string action, string? opinion = null)
    {
        var r = await client.PostAsJsonAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}/{action}", new { version = payroll.GetProperty("version").GetInt32(), opinion });
        Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task<List<JsonElement>> LinesAsync(HttpClient client, JsonElement payroll, string query = "")
    {
        var json = await client.GetJsonAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}/lines?pageSize=200{query}");
        return json.GetProperty("items").EnumerateArray().ToList();
    }

    private static Task<JsonElement> ApproveAsync(HttpClient preparer, HttpClient approver, JsonElement payroll) => PayrollSteps.ApproveAsync(preparer, approver, payroll);

    /// <summary>Exports the bank file (the default template: CSV in GBK) and returns its rows by header.</summary>
    private static async Task<List<Dictionary<string, string>>> ExportAsync(HttpClient client, JsonElement payroll)
    {
        var r = await client.PostAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}/export", null);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var text = Encoding.GetEncoding("GB18030").GetString(await r.Content.ReadAsByteArrayAsync());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        return lines.Skip(1).Select(l => lines[0].Zip(l).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    private static Task<HttpResponseMessage> ReturnAsync(HttpClient client, JsonElement payroll, IEnumerable<(string Reference, string Result, string Reason)> rows)
    {
        var csv = new StringBuilder("业务编号,处理结果,失败原因\n");
        foreach (var (reference, result, reason) in rows) csv.Append(CultureInfo.InvariantCulture, $"{reference},{result},{reason}\n");
        return client.PostAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}/bank-return?fileName=return.csv",
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())));
    }

    [Fact]
    public async Task A_month_is_generated_approved_by_another_person_exported_reconciled_and_failures_are_repaid_once()
    {
        app.SkipIfUnavailable();
        const string county = "450902000000"; // 玉州区
        var (prep, fin) = await CountyStaffAsync(county, "yuzhou");
        var villages = await VillagesAsync(county, 3);
        var a = await PersonAsync(villages[0], "韦春花");
        var b = await PersonAsync(villages[1], "李德明");
        var c = await PersonAsync(villages[2], "陈小玲", account: false);
        await EntitleAsync(a.PersonId, a.HouseholdId, villages[0], ThisMonth.AddMonths(-3), 620, people: 2);
        await EntitleAsync(b.PersonId, b.HouseholdId, villages[1], ThisMonth, 350.50m);
        await EntitleAsync(c.PersonId, c.HouseholdId, villages[2], ThisMonth, 510);

        var payroll = await CreatePayrollAsync(prep, county, ThisMonth);
        Assert.Equal(3, payroll.GetProperty("lineCount").GetInt32());
        Assert.Equal(1480.50m, payroll.GetProperty("total").GetDecimal());
        var lines = await LinesAsync(prep, payroll);
        var lineA = lines.Single(l => l.GetProperty("payeePersonId").GetGuid() == a.PersonId);
        Assert.Equal(620m, lineA.GetProperty("amount").GetDecimal());
        Assert.Equal("测试待遇", lineA.GetProperty("explanation")[0].GetProperty("label").GetString());
        Assert.Matches(@"^6230\*+\d{4}$", lineA.GetProperty("bankAccount").GetString()!);
        Assert.Equal("noAccount", lines.Single(l => l.GetProperty("payeePersonId").GetGuid() == c.PersonId).GetProperty("status").GetString());

        // one regular payroll per county, program and month; another county cannot see it
        await (await prep.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = county, program = "dibao", month = ThisMonth })).ExpectProblemAsync(409, "payroll_exists");
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}")).StatusCode);

        // separation of duties: review, then approval by someone else than the generator
        payroll = await PostAsync(prep, payroll, "review");
        var self = await prep.PostAsJsonAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}/approve", new { version = payroll.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode); // a county officer has no payments.approve
        var admin = await app.ClientAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = "450903000000", program = "dibao", month = ThisMonth.AddMonths(1) })).EnsureSuccessStatusCode();
        var own = (await admin.GetItemsAsync("/api/v1/payments/payrolls?program=dibao")).Single(p => p.GetProperty("divisionCode").GetString() == "450903000000" && p.GetProperty("month").GetString() == ThisMonth.AddMonths(1).ToString("yyyy-MM-dd"));
        var ownPayroll = await WaitAsync(admin, own.GetProperty("id").GetString()!);
        ownPayroll = await PostAsync(admin, ownPayroll, "review");
        await (await admin.PostAsJsonAsync($"/api/v1/payments/payrolls/{ownPayroll.GetProperty("id").GetString()}/approve", new { version = ownPayroll.GetProperty("version").GetInt32() }))
            .ExpectProblemAsync(403, "separation_of_duties");
        payroll = await PostAsync(fin, payroll, "approve");
        Assert.Equal("approved", payroll.GetProperty("status").GetString());

        // export: the lines with an account, full account numbers in the file only
        var file = await ExportAsync(fin, payroll);
        Assert.Equal(2, file.Count);
        var rowA = file.Single(r => r["户名"] == "韦春花");
        Assert.Equal("620.00", rowA["金额"]);
        Assert.Matches(@"^6230\d{15}$", rowA["账号"]);
        var rowB = file.Single(r => r["户名"] == "李德明");
        payroll = await prep.GetJsonAsync($"/api/v1/payments/payrolls/{payroll.GetProperty("id").GetString()}");
        Assert.Equal("exported", payroll.GetProperty("status").GetString());
        Assert.Equal(64, payroll.GetProperty("exportSha256").GetString()!.Length);

        // a return with one unknown reference is refused whole, reported by line
        var bad = await ReturnAsync(fin, payroll, [(rowA["业务编号"], "成功", ""), ("99999999", "成功", ""), (rowB["业务编号"], "失败", "")]);
        var problem = await bad.ExpectProblemAsync(400, "return_file_invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("第3行", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("第4行", out _)); // a failure without a reason
        Assert.Empty(await LinesAsync(prep, payroll, "&status=paid")); // nothing applied from a refused file

        var ok = await ReturnAsync(fin, payroll, [(rowA["业务编号"], "成功", ""), (rowB["业务编号"], "失败", "账户已冻结")]);
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var result = await ok.JsonAsync();
        Assert.Equal(1, result.GetProperty("paid").GetInt32());
        Assert.Equal(1, result.GetProperty("failed").GetInt32());
        Assert.True(result.GetProperty("reconciled").GetBoolean());
        // the same file again changes nothing
        var again = await (await ReturnAsync(fin, payroll, [(rowA["业务编号"], "成功", ""), (rowB["业务编号"], "失败", "账户已冻结")])).JsonAsync();
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());

        // the statement of the month counts the approved payroll
        var statement = await prep.GetJsonAsync($"/api/v1/payments/statements/{ThisMonth:yyyy-MM-dd}");
        var row = statement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("countyCode").GetString() == county && r.GetProperty("program").GetString() == "dibao");
        Assert.Equal(3, row.GetProperty("households").GetInt32());
        Assert.Equal(4, row.GetProperty("people").GetInt32());
        Assert.Equal(1480.50m, row.GetProperty("total").GetDecimal());
        Assert.Equal(620m, row.GetProperty("paid").GetDecimal());
        Assert.Equal(350.50m, row.GetProperty("returned").GetDecimal()); // returned by the bank; the line held for want of an account is apart
        Assert.Equal(510m, row.GetProperty("notSentNoAccount").GetDecimal());
        Assert.Equal(370.13m, row.GetProperty("averagePerPerson").GetDecimal()); // 1480.50 / 4, to the fen
        var xlsx = await prep.GetAsync($"/payments/statements/{ThisMonth:yyyy-MM-dd}.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        // 陈小玲 now gives an account; a supplementary batch re-pays the failed and the held line, once
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var person = await db.Persons.FirstAsync(p => p.Id == c.PersonId);
            person.SetBankAccount("广西农村信用社", "6230123456789012345", sp.GetRequiredService<Web.Platform.Crypto.IdentifierProtector>());
            return await db.SaveChangesAsync();
        });
        var supplementary = await CreatePayrollAsync(prep, county, ThisMonth, kind: "supplementary");
        var retries = await LinesAsync(prep, supplementary);
        Assert.Equal(2, retries.Count);
        Assert.All(retries, l => Assert.Equal("retry", l.GetProperty("purpose").GetString()));
        Assert.All(retries, l => Assert.Equal("pending", l.GetProperty("status").GetString()));
        Assert.Equal(860.50m, retries.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(2, (await LinesAsync(prep, payroll, "&status=requeued")).Count);
        supplementary = await ApproveAsync(prep, fin, supplementary);
        var file2 = await ExportAsync(fin, supplementary);
        Assert.Equal(2, file2.Count);
        var paid2 = await ReturnAsync(fin, supplementary, file2.Select(r => (r["业务编号"], "成功", "")));
        Assert.Equal(HttpStatusCode.OK, paid2.StatusCode);

        // the bank cannot now turn the first failure into a payment: it was re-paid
        await (await ReturnAsync(fin, payroll, [(rowB["业务编号"], "成功", "")])).ExpectProblemAsync(400, "return_file_invalid");
        // and next month's payroll does not retry anything again: one benefit each, no retries
        var next = await CreatePayrollAsync(prep, county, ThisMonth.AddMonths(1));
        var nextLines = await LinesAsync(prep, next);
        Assert.Equal(3, nextLines.Count);
        Assert.All(nextLines, l => Assert.Equal("benefit", l.GetProperty("purpose").GetString()));
        // every month of every source paid exactly once
        var paidLines = (await LinesAsync(prep, payroll, "&status=paid")).Concat(await LinesAsync(prep, supplementary, "&status=paid")).ToList();
        Assert.Equal(3, paidLines.Select(l => l.GetProperty("sourceNumber").GetString()).Distinct().Count());
        Assert.Equal(1480.50m, paidLines.Sum(l => l.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task A_case_confirmed_after_its_first_month_was_run_is_paid_arrears_in_the_next_payroll()
    {
        app.SkipIfUnavailable();
        const string xinnan = "450921100003"; // 容县 容州镇 新南社区 (urban: demo standard 800)
        var admin = await app.ClientAsync("admin");
        var (head, household) = await PersonAsync(xinnan, "覃建国");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/assistance/cases", new { program = "dibao", householdId = household, channel = "counter", reason = "窗口申请。", consentToCheck = true })).JsonAsync();
        async Task<JsonElement> Act(HttpClient client, string action)
        {
            var r = await client.PostAsJsonAsync($"/api/v1/assistance/cases/{c.GetProperty("id").GetString()}/actions/{action}", new { version = c.GetProperty("version").GetInt32() });
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{action}: {await r.Content.ReadAsStringAsync()}");
            return await r.JsonAsync();
        }
        c = await Act(clerk, "accept");
        var inv = await clerk.PutAsJsonAsync($"/api/v1/assistance/cases/{c.GetProperty("id").GetString()}/investigation", new
        {
            investigatedOn = c.GetProperty("appliedOn").GetString(),
            investigators = "黄志明、陈丽娟",
            visitRecord = "入户核实。",
            economicCheck = "passed",
            income = new[] { new { category = "wage", description = "零工", monthlyAmount = 300m } },
            houses = 1,
            version = c.GetProperty("version").GetInt32(),
        });
        Assert.True(inv.StatusCode == HttpStatusCode.OK, await inv.Content.ReadAsStringAsync());
        c = await inv.JsonAsync();
        c = await Act(clerk, "submit-investigation");
        c = await Act(approver, "propose-approve");
        app.Clock.Advance(TimeSpan.FromDays(8));
        clerk = await app.ClientAsync("rongzhou.clerk");
        approver = await app.ClientAsync("rongzhou.approver");
        c = await Act(approver, "notice-ended");

        // next month's payroll is prepared and approved before the township confirms the case
        var firstMonth = ThisMonth.AddMonths(1);
        var prep = await app.ClientAsync("rongxian.officer");
        var fin = await app.ClientAsync("rongxian.finance");
        var early = await CreatePayrollAsync(prep, "450921000000", firstMonth);
        early = await ApproveAsync(prep, fin, early);
        c = await Act(approver, "confirm-township");
        Assert.Equal(firstMonth.ToString("yyyy-MM-dd"), c.GetProperty("paymentStartMonth").GetString());
        var monthly = c.GetProperty("monthlyAmount").GetDecimal();
        Assert.True(monthly > 0);
        Assert.DoesNotContain(await LinesAsync(prep, early), l => l.GetProperty("payeePersonId").GetGuid() == head);

        // a month later: the next payroll pays the first month as arrears, with the case's explanation
        app.Clock.Advance(TimeSpan.FromDays(31));
        prep = await app.ClientAsync("rongxian.officer");
        var later = await CreatePayrollAsync(prep, "450921000000", firstMonth.AddMonths(1));
        var mine = (await LinesAsync(prep, later)).Where(l => l.GetProperty("payeePersonId").GetGuid() == head).ToList();
        Assert.Equal(2, mine.Count);
        var arrears = mine.Single(l => l.GetProperty("isArrears").GetBoolean());
        Assert.Equal(firstMonth.ToString("yyyy-MM-dd"), arrears.GetProperty("serviceMonth").GetString());
        Assert.Equal(monthly, arrears.GetProperty("amount").GetDecimal());
        Assert.Contains(arrears.GetProperty("explanation").EnumerateArray(), e => e.GetProperty("basis").GetString()!.Contains("演示数据", StringComparison.Ordinal));
        Assert.Equal(firstMonth.AddMonths(1).ToString("yyyy-MM-dd"), mine.Single(l => !l.GetProperty("isArrears").GetBoolean()).GetProperty("serviceMonth").GetString());
        _ = admin;
    }

    [Fact]
    public async Task A_payment_after_a_death_becomes_a_recovery_and_a_lowered_entitlement_is_offset_against_later_payments()
    {
        app.SkipIfUnavailable();
        const string county = "450922000000"; // 陆川县
        var (prep, fin) = await CountyStaffAsync(county, "luchuan");
        var villages = await VillagesAsync(county, 2);
        var a = await PersonAsync(villages[0], "杨桂英");
        var b = await PersonAsync(villages[1], "何志强");
        await EntitleAsync(a.PersonId, a.HouseholdId, villages[0], ThisMonth, 600);
        var sourceB = await EntitleAsync(b.PersonId, b.HouseholdId, villages[1], ThisMonth, 500);
        var payroll = await ApproveAsync(prep, fin, await CreatePayrollAsync(prep, county, ThisMonth));
        var file = await ExportAsync(fin, payroll);
        Assert.Equal(HttpStatusCode.OK, (await ReturnAsync(fin, payroll, file.Select(r => (r["业务编号"], "成功", "")))).StatusCode);

        // the death (before the paid month) is registered late; B's entitlement is lowered from the paid month on
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var person = await db.Persons.FirstAsync(p => p.Id == a.PersonId);
            person.LifeStatus = LifeStatus.Deceased;
            person.DeathDate = ThisMonth.AddDays(-10);
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await EntitleAsync(b.PersonId, b.HouseholdId, villages[1], ThisMonth, 300, source: sourceB);

        var next = await CreatePayrollAsync(prep, county, ThisMonth.AddMonths(1));
        var lines = await LinesAsync(prep, next);
        Assert.DoesNotContain(lines, l => l.GetProperty("payeePersonId").GetGuid() == a.PersonId);
        var recoveries = (await prep.GetItemsAsync("/api/v1/payments/recoveries")).ToList();
        var recA = recoveries.Single(r => r.GetProperty("payeePersonId").GetGuid() == a.PersonId);
        Assert.Equal(600m, recA.GetProperty("amount").GetDecimal());
        Assert.Contains("死亡", recA.GetProperty("reason").GetString());
        var recB = recoveries.Single(r => r.GetProperty("payeePersonId").GetGuid() == b.PersonId);
        Assert.Equal(200m, recB.GetProperty("amount").GetDecimal());
        // offset against B's next payment, no more than half of it
        var benefitB = lines.Single(l => l.GetProperty("payeePersonId").GetGuid() == b.PersonId && l.GetProperty("purpose").GetString() == "benefit");
        Assert.Equal(300m, benefitB.GetProperty("amount").GetDecimal());
        var offset = lines.Single(l => l.GetProperty("purpose").GetString() == "recoveryOffset");
        Assert.Equal(-150m, offset.GetProperty("amount").GetDecimal());
        Assert.Equal(50m, (await prep.GetJsonAsync($"/api/v1/payments/recoveries/{recB.GetProperty("id").GetString()}")).GetProperty("recovery").GetProperty("remaining").GetDecimal());

        // rebuilding the draft undoes and redoes the offset: still 150 recovered, not 300
        var rebuilt = await PostAsync(prep, next, "regenerate");
        rebuilt = await WaitAsync(prep, rebuilt.GetProperty("id").GetString()!);
        Assert.Equal(next.GetProperty("lineCount").GetInt32(), rebuilt.GetProperty("lineCount").GetInt32());
        var detailB = await prep.GetJsonAsync($"/api/v1/payments/recoveries/{recB.GetProperty("id").GetString()}");
        Assert.Equal(150m, detailB.GetProperty("recovery").GetProperty("recovered").GetDecimal());
        Assert.Single(detailB.GetProperty("movements").EnumerateArray());

        // the family repays A's overpayment; the household statement shows the payment and its settlement
        var settle = await prep.PostAsJsonAsync($"/api/v1/payments/recoveries/{recA.GetProperty("id").GetString()}/settlements",
            new { version = recA.GetProperty("version").GetInt32(), amount = 700m, receivedOn = Today, note = "家属退回" });
        await settle.ExpectProblemAsync(400, "validation_failed");
        settle = await prep.PostAsJsonAsync($"/api/v1/payments/recoveries/{recA.GetProperty("id").GetString()}/settlements",
            new { version = recA.GetProperty("version").GetInt32(), amount = 600m, receivedOn = Today, note = "家属现金退回，收据 0001" });
        Assert.True(settle.StatusCode == HttpStatusCode.OK, await settle.Content.ReadAsStringAsync());
        Assert.Equal("settled", (await settle.JsonAsync()).GetProperty("recovery").GetProperty("status").GetString());
        var statement = await prep.GetJsonAsync($"/api/v1/payments/households/{a.HouseholdId}/statement");
        Assert.Equal(600m, statement.GetProperty("paid").GetDecimal());
        Assert.Equal(0m, statement.GetProperty("owed").GetDecimal());
        Assert.Single(statement.GetProperty("recoveries").EnumerateArray());
    }

    [Fact]
    public async Task An_interrupted_generation_completes_on_rerun_with_no_line_missing_or_twice()
    {
        app.SkipIfUnavailable();
        const string county = "450923000000"; // 博白县
        var villages = await VillagesAsync(county, 40);
        var expected = new List<Guid>();
        var month = ThisMonth.AddMonths(1);
        await app.WithServicesAsync(async sp =>
        {
            // 40 beneficiaries straight into the registry, one per village, spread over the townships
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<Web.Platform.Crypto.IdentifierProtector>();
            var entitlements = sp.GetRequiredService<Entitlements>();
            foreach (var (village, i) in villages.Select((v, i) => (v, i)))
            {
                var person = new Person { Name = $"测试{i:00}", DivisionCode = village };
                person.SetIdNumber(IdNumber.TryParse(TestIds.Next(), out _)!.Value, protector);
                person.SetBankAccount("广西农村信用社", "62301234567890" + i.ToString("00000", CultureInfo.InvariantCulture), protector);
                db.Persons.Add(person);
                var source = Guid.CreateVersion7();
                expected.Add(source);
                await entitlements.SetAsync(new Entitlements.Payee("dibao", source, $"BB-{i:000}", person.Id, null, village, 1), month, Money.FromYuan(400 + i), "[]", "测试");
            }
            return await db.SaveChangesAsync();
        });
        var townships = villages.Select(v => v[..9]).Distinct().Count();
        Assert.True(townships >= 5, "the county's villages span several townships");

        var payrollId = await app.WithServicesAsync(sp => sp.GetRequiredService<PayrollService>().CreateDraftAsync(county, "dibao", month, CancellationToken.None));
        using var cts = new CancellationTokenSource();
        var steps = 0;
        var progress = new SyncProgress(p =>
        {
            if (++steps == 3) cts.Cancel(); // killed after the third township
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.WithServicesAsync(sp => sp.GetRequiredService<PayrollGenerator>().RunAsync(payrollId, progress, cts.Token)));
        var partial = await CountAsync(payrollId);
        Assert.InRange(partial, 1, expected.Count - 1);

        // the rerun adds what is missing; a third run adds nothing
        await app.WithServicesAsync(sp => sp.GetRequiredService<PayrollGenerator>().RunAsync(payrollId, null, CancellationToken.None));
        await app.WithServicesAsync(sp => sp.GetRequiredService<PayrollGenerator>().RunAsync(payrollId, null, CancellationToken.None));
        var sources = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().Where(l => l.PayrollId == payrollId).Select(l => l.SourceId).ToListAsync());
        Assert.Equal(expected.Order(), sources.Order());
        var payroll = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Payroll>().AsNoTracking().FirstAsync(p => p.Id == payrollId));
        Assert.Equal(PayrollStatus.Generated, payroll.Status);
        Assert.Equal(expected.Count, payroll.LineCount);
        Assert.Equal(Enumerable.Range(0, 40).Sum(i => (400 + i) * 100L), payroll.TotalFen);

        // ADR 076: each line references the entitlement period it was paid from instead of a copy of its explanation, and the
        // page of lines shows that period's explanation; on PostgreSQL the month's lines are in the month's own partition
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var lines = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payrollId).ToListAsync();
            Assert.All(lines, l => Assert.True(l.EntitlementPeriodId is not null && l.Explanation is null && l.Occurrence == 0));
            var periods = await db.Set<EntitlementPeriod>().AsNoTracking().Where(e => expected.Contains(e.SourceId)).ToDictionaryAsync(e => e.Id, e => e.SourceId);
            Assert.All(lines, l => Assert.Equal(periods[l.EntitlementPeriodId!.Value], l.SourceId));
            if (app.Provider == DatabaseProvider.Postgres)
            {
                var partitions = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tableoid::regclass::text AS \"Value\" FROM payments_line WHERE payroll_id = {0}", payrollId).ToListAsync();
                Assert.Equal([PayrollLinePartitions.NameOf(month)], partitions);
            }
            return 0;
        });

        // the database itself refuses a second benefit line for the same source and month
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var line = await db.Set<PayrollLine>().AsNoTracking().FirstAsync(l => l.PayrollId == payrollId);
            line.Id = 0;
            db.Set<PayrollLine>().Add(line);
            return await db.SaveChangesAsync();
        }));
    }

    /// <summary>
    /// ADR 076: arrears of a month already run consider only what changed since that month's payroll was drafted. A death entered
    /// in the registry by mistake (no benefit module ended the entitlement) kept the month unpaid; once the registry is corrected
    /// the payee's record changed, and the next payroll pays the month — though the entitlement itself was published long before.
    /// </summary>
    [Fact]
    public async Task A_month_left_unpaid_by_a_mistaken_death_in_the_registry_is_paid_as_arrears_once_corrected()
    {
        app.SkipIfUnavailable();
        const string county = "450981000000"; // 北流市
        var village = (await VillagesAsync(county, 1))[0];
        var (person, household) = await PersonAsync(village, "莫桂兰");
        var first = ThisMonth.AddMonths(1);
        await EntitleAsync(person, household, village, first, 520m);
        // the entitlement is old news by the time the months are run
        app.Clock.Advance(TimeSpan.FromDays(3));
        async Task SetDeathAsync(DateOnly? death) => await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Persons.FirstAsync(x => x.Id == person);
            p.DeathDate = death;
            return await db.SaveChangesAsync();
        });
        async Task<List<PayrollLine>> GenerateAsync(DateOnly month) => await app.WithServicesAsync(async sp =>
        {
            var id = await sp.GetRequiredService<PayrollService>().CreateDraftAsync(county, "dibao", month, CancellationToken.None);
            await sp.GetRequiredService<PayrollGenerator>().RunAsync(id, null, CancellationToken.None);
            return await sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == id && l.PayeePersonId == person).ToListAsync();
        });

        await SetDeathAsync(first.AddDays(-5));
        Assert.Empty(await GenerateAsync(first));

        app.Clock.Advance(TimeSpan.FromDays(3));
        await SetDeathAsync(null);
        var next = await GenerateAsync(first.AddMonths(1));
        Assert.Equal(2, next.Count);
        var arrears = next.Single(l => l.IsArrears);
        Assert.Equal((first, 52_000L, LinePurpose.Benefit), (arrears.ServiceMonth, arrears.AmountFen, arrears.Purpose));
        Assert.Equal(first.AddMonths(1), next.Single(l => !l.IsArrears).ServiceMonth);

        // and the month after that pays the month only: nothing twice
        Assert.Equal([first.AddMonths(2)], (await GenerateAsync(first.AddMonths(2))).Select(l => l.ServiceMonth));
    }

    /// <summary>
    /// 补发 of several earlier months in one statement (each month tested against its own payroll's draft): an entitlement
    /// published between two monthly payrolls is owed the first month only; one published after both is owed both; each month
    /// is paid once, and running the payroll again adds nothing.
    /// </summary>
    [Fact]
    public async Task Months_owed_from_several_earlier_payrolls_are_paid_once_each_in_one_generation()
    {
        app.SkipIfUnavailable();
        const string county = "450981000000"; // 北流市: months after those of the other 北流 test
        var villages = await VillagesAsync(county, 2);
        var (middle, middleHousehold) = await PersonAsync(villages[0], "庞志强");
        var (late, lateHousehold) = await PersonAsync(villages[1], "韦秀英");
        var m1 = ThisMonth.AddMonths(5);
        async Task<Guid> GenerateAsync(DateOnly month) => await app.WithServicesAsync(async sp =>
        {
            var id = await sp.GetRequiredService<PayrollService>().CreateDraftAsync(county, "dibao", month, CancellationToken.None);
            await sp.GetRequiredService<PayrollGenerator>().RunAsync(id, null, CancellationToken.None);
            return id;
        });
        Task<List<(DateOnly Month, bool Arrears, long Fen)>> LinesAsync(Guid payroll, Guid person) => app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payroll && l.PayeePersonId == person).ToListAsync())
            .Select(l => (l.ServiceMonth, l.IsArrears, l.AmountFen)).OrderBy(l => l.ServiceMonth).ToList());

        app.Clock.Advance(TimeSpan.FromDays(3));
        var p1 = await GenerateAsync(m1);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await EntitleAsync(middle, middleHousehold, villages[0], m1, 480m);
        app.Clock.Advance(TimeSpan.FromDays(3));
        var p2 = await GenerateAsync(m1.AddMonths(1));
        app.Clock.Advance(TimeSpan.FromDays(3));
        await EntitleAsync(late, lateHousehold, villages[1], m1, 510m);
        app.Clock.Advance(TimeSpan.FromDays(3));
        var p3 = await GenerateAsync(m1.AddMonths(2));

        Assert.Empty(await LinesAsync(p1, middle));
        Assert.Equal([(m1, true, 48_000L), (m1.AddMonths(1), false, 48_000L)], await LinesAsync(p2, middle));
        Assert.Empty(await LinesAsync(p2, late));
        Assert.Equal([(m1.AddMonths(2), false, 48_000L)], await LinesAsync(p3, middle));
        List<(DateOnly, bool, long)> owed = [(m1, true, 51_000L), (m1.AddMonths(1), true, 51_000L), (m1.AddMonths(2), false, 51_000L)];
        Assert.Equal(owed, await LinesAsync(p3, late));

        await app.WithServicesAsync(sp => sp.GetRequiredService<PayrollGenerator>().RunAsync(p3, null, CancellationToken.None));
        Assert.Equal(owed, await LinesAsync(p3, late));
        Assert.Single(await LinesAsync(p3, middle));
    }

    private Task<int> CountAsync(Guid payrollId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().CountAsync(l => l.PayrollId == payrollId));

    private sealed class SyncProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }

    [Fact]
    public async Task The_price_linked_subsidy_joins_the_payroll_when_the_index_reaches_the_trigger()
    {
        app.SkipIfUnavailable();
        const string county = "450924000000"; // 兴业县
        var (prep, fin) = await CountyStaffAsync(county, "xingye");
        var villages = await VillagesAsync(county, 1);
        var a = await PersonAsync(villages[0], "梁秀珍");
        // extreme-poverty support only: the other tests of the class pay dibao and must not see a subsidy
        const string program = "extreme-poverty";
        await EntitleAsync(a.PersonId, a.HouseholdId, villages[0], ThisMonth, 900, people: 3, program: program);

        var rule = await fin.PostAsJsonAsync("/api/v1/payments/price-rules", new
        {
            validFrom = ThisMonth,
            cpiThreshold = 3.5m,
            foodThreshold = 6m,
            programs = program,
            formula = "fixed",
            amount = 20m,
            document = "测试价格联动文件",
        });
        Assert.True(rule.StatusCode == HttpStatusCode.Created, await rule.Content.ReadAsStringAsync());
        await (await fin.PostAsJsonAsync("/api/v1/payments/price-rules", new { validFrom = ThisMonth.AddMonths(2), cpiThreshold = 3m, programs = program, formula = "fixed", amount = 10m, document = "重叠" }))
            .ExpectProblemAsync(409, "period_overlap");
        (await prep.PutAsJsonAsync("/api/v1/payments/price-indices", new { month = ThisMonth.AddMonths(-1), cpiYoY = 2.1m, foodYoY = 6.4m, source = "测试统计月报" })).EnsureSuccessStatusCode();
        (await prep.PutAsJsonAsync("/api/v1/payments/price-indices", new { month = ThisMonth, cpiYoY = 1.2m, foodYoY = 0.3m, source = "测试统计月报" })).EnsureSuccessStatusCode();

        // last month's food prices rose 6.4% ≥ 6%: this month's payroll carries 20 × 3 people
        var payroll = await CreatePayrollAsync(prep, county, ThisMonth, program: program);
        var subsidy = (await LinesAsync(prep, payroll, "&purpose=priceSubsidy")).Single();
        Assert.Equal(60m, subsidy.GetProperty("amount").GetDecimal());
        Assert.Contains("食品", subsidy.GetProperty("explanation")[0].GetProperty("basis").GetString());
        // this month's index is below both thresholds: next month's payroll has none
        var next = await CreatePayrollAsync(prep, county, ThisMonth.AddMonths(1), program: program);
        Assert.Empty(await LinesAsync(prep, next, "&purpose=priceSubsidy"));
    }
}

public sealed class PaymentsTestsOnSqlite(SqliteApp app) : PaymentsTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentsTestsOnPostgres(PostgresApp app) : PaymentsTests(app), IClassFixture<PostgresApp>;
