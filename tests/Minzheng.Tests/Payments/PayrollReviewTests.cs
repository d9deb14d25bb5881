using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.DataComparison;
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

/// <summary>The steps the payment tests share: staff, people, entitlements, payrolls, flags, bank files.</summary>
public static class PayrollSteps
{
    static PayrollSteps() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DateOnly ThisMonth(AppFixture app)
    {
        var today = app.Services.GetRequiredService<BusinessClock>().Today;
        return new DateOnly(today.Year, today.Month, 1);
    }

    public static async Task<(HttpClient Preparer, HttpClient Approver)> CountyStaffAsync(AppFixture app, string county, string prefix)
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

    public static Task<List<string>> VillagesAsync(AppFixture app, string parent, int count) => app.WithServicesAsync(sp =>
        Task.FromResult(sp.GetRequiredService<DivisionDirectory>().Descendants(parent, DivisionLevel.Village).Select(v => v.Code).Take(count).ToList()));

    /// <summary>A person with (or without) an account, head of a new household, with the given other members.</summary>
    public static async Task<(Guid PersonId, Guid HouseholdId, List<Guid> Members)> HouseholdAsync(AppFixture app, string village, string name, bool account = true, params string[] members)
    {
        var admin = await app.ClientAsync("admin");
        async Task<Guid> Person(string n, bool withAccount)
        {
            var r = await admin.PostAsJsonAsync("/api/v1/persons", new
            {
                idNumber = TestIds.Next(),
                name = n,
                divisionCode = village,
                bankName = withAccount ? "广西农村信用社" : null,
                bankAccount = withAccount ? "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture) : null,
            });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            return (await r.JsonAsync()).GetProperty("id").GetGuid();
        }
        var head = await Person(name, account);
        var others = new List<Guid>();
        foreach (var m in members) others.Add(await Person(m, false));
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = village,
            headPersonId = head,
            address = "测试地址",
            members = others.Select(o => new { personId = o, relation = "spouse" }).ToArray(),
        });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        return (head, (await h.JsonAsync()).GetProperty("id").GetGuid(), others);
    }

    public static Task<Guid> EntitleAsync(AppFixture app, Guid person, Guid household, string village, DateOnly from, decimal monthly, int people = 1, Guid? source = null) =>
        app.WithServicesAsync(async sp =>
        {
            var id = source ?? Guid.CreateVersion7();
            var explanation = JsonSerializer.Serialize(new[] { new AmountLine("测试待遇", monthly, "测试标准") });
            await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee("dibao", id, "DB-T-" + id.ToString("N")[^8..], person, household, village, people), from, Money.FromYuan(monthly), explanation, "测试");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return id;
        });

    public static async Task<JsonElement> CreatePayrollAsync(HttpClient client, string county, DateOnly month, string kind = "regular")
    {
        var r = await client.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = county, program = "dibao", month, kind });
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        var id = (await r.JsonAsync()).GetProperty("id").GetString()!;
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress")).GetProperty("done").GetBoolean()) break;
            await Task.Delay(100);
        }
        var p = await client.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        Assert.True(p.GetProperty("status").GetString() == "generated", p.ToString());
        return p;
    }

    /// <summary>Confirms every open review flag of a payroll (ADR 023), as a reviewer who checked each line would, before review.</summary>
    public static async Task ConfirmFlagsAsync(HttpClient client, string payrollId)
    {
        var flags = await client.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}/review-flags");
        var open = flags.GetProperty("items").EnumerateArray().Where(f => f.GetProperty("decision").ValueKind == JsonValueKind.Null)
            .Select(f => new { lineId = f.GetProperty("lineId").GetInt64(), kind = f.GetProperty("kind").GetString() }).ToArray();
        if (open.Length == 0) return;
        var r = await client.PostAsJsonAsync($"/api/v1/payments/payrolls/{payrollId}/review-flags/decisions", new { flags = open, decision = "confirm", reason = "逐户核实无误" });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    public static string Id(JsonElement payroll) => payroll.GetProperty("id").GetString()!;

    public static Task<JsonElement> GetAsync(HttpClient client, JsonElement payroll) => client.GetJsonAsync($"/api/v1/payments/payrolls/{Id(payroll)}");

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement payroll, string action, string? opinion = null) =>
        client.PostAsJsonAsync($"/api/v1/payments/payrolls/{Id(payroll)}/{action}", new { version = payroll.GetProperty("version").GetInt32(), opinion });

    public static async Task<JsonElement> PostAsync(HttpClient client, JsonElement payroll, string action, string? opinion = null)
    {
        var r = await ActAsync(client, payroll, action, opinion);
        Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    public static Task<JsonElement> FlagsAsync(HttpClient client, JsonElement payroll) => client.GetJsonAsync($"/api/v1/payments/payrolls/{Id(payroll)}/review-flags");

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, JsonElement payroll, IEnumerable<JsonElement> flags, string decision, string reason) =>
        client.PostAsJsonAsync($"/api/v1/payments/payrolls/{Id(payroll)}/review-flags/decisions", new
        {
            flags = flags.Select(f => new { lineId = f.GetProperty("lineId").GetInt64(), kind = f.GetProperty("kind").GetString() }).ToArray(),
            decision,
            reason,
        });

    /// <summary>Review (confirming whatever the review flags, as a reviewer who checked each line would) and approval by another person.</summary>
    public static async Task<JsonElement> ApproveAsync(HttpClient preparer, HttpClient approver, JsonElement payroll)
    {
        await ConfirmFlagsAsync(preparer, Id(payroll));
        payroll = await GetAsync(preparer, payroll);
        payroll = await PostAsync(preparer, payroll, "review", "已核对");
        return await PostAsync(approver, payroll, "approve", "同意");
    }

    public static async Task<List<JsonElement>> LinesAsync(HttpClient client, JsonElement payroll, string query = "") =>
        (await client.GetJsonAsync($"/api/v1/payments/payrolls/{Id(payroll)}/lines?pageSize=200{query}")).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Exports the bank file with the default template (CSV in GBK): its lines as read, header row first.</summary>
    public static async Task<List<string[]>> ExportCsvAsync(HttpClient client, JsonElement payroll)
    {
        var r = await client.PostAsync($"/api/v1/payments/payrolls/{Id(payroll)}/export", null);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var text = Encoding.GetEncoding("GB18030").GetString(await r.Content.ReadAsByteArrayAsync());
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
    }

    public static Task<HttpResponseMessage> ReturnAsync(HttpClient client, JsonElement payroll, IEnumerable<(string Reference, string Result, string Reason)> rows)
    {
        var csv = new StringBuilder("业务编号,处理结果,失败原因\n");
        foreach (var (reference, result, reason) in rows) csv.Append(CultureInfo.InvariantCulture, $"{reference},{result},{reason}\n");
        return client.PostAsync($"/api/v1/payments/payrolls/{Id(payroll)}/bank-return?fileName=return.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())));
    }

    /// <summary>An open 应退 finding, as a comparison run leaves it (the rule's name is data comparison's).</summary>
    public static Task<long> OpenFindingAsync(AppFixture app, Guid person, Guid household, Guid source, string village) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var finding = new ComparisonFinding
        {
            RuleCode = "deceased",
            Direction = FindingDirection.Stop,
            PersonId = person,
            HouseholdId = household,
            DivisionCode = village,
            CountyCode = village[..6] + "000000",
            Program = "dibao",
            SourceId = source,
            SourceNumber = "DB-T",
            DatasetId = Guid.CreateVersion7(),
            EventDate = new DateOnly(2026, 10, 3),
            RunId = Guid.CreateVersion7(),
            FoundAt = DateTime.UtcNow,
        };
        db.Set<ComparisonFinding>().Add(finding);
        await db.SaveChangesAsync();
        return finding.Id;
    });
}

/// <summary>
/// Issue 12 items 3, 5 and 6 over the API, on SQLite and PostgreSQL: the payroll review lists and counts the known risks and
/// waits for a decision on each (ADR 023); a held line stays out of the bank file until released; payment states are named
/// apart everywhere; bank files carry payment references, header and trailer rows, and text cells.
/// </summary>
public abstract class PayrollReviewTests(AppFixture app)
{
    private DateOnly ThisMonth => PayrollSteps.ThisMonth(app);

    [Fact]
    public async Task The_review_lists_and_counts_known_risks_approval_waits_for_each_decision_and_a_held_line_stays_out_of_the_bank_file()
    {
        app.SkipIfUnavailable();
        const string county = "450902000000"; // 玉州区
        var (prep, fin) = await PayrollSteps.CountyStaffAsync(app, county, "review");
        var v = await PayrollSteps.VillagesAsync(app, county, 6);
        var a = await PayrollSteps.HouseholdAsync(app, v[0], "甘应退");
        var b = await PayrollSteps.HouseholdAsync(app, v[1], "黎有丧", true, "黎老伯");
        var c = await PayrollSteps.HouseholdAsync(app, v[2], "莫冻结");
        var d = await PayrollSteps.HouseholdAsync(app, v[3], "覃停发");
        var e = await PayrollSteps.HouseholdAsync(app, v[4], "农调整");
        var f = await PayrollSteps.HouseholdAsync(app, v[5], "谢新增");
        var sourceA = await PayrollSteps.EntitleAsync(app, a.PersonId, a.HouseholdId, v[0], ThisMonth, 400);
        await PayrollSteps.EntitleAsync(app, b.PersonId, b.HouseholdId, v[1], ThisMonth, 700, people: 2);
        await PayrollSteps.EntitleAsync(app, c.PersonId, c.HouseholdId, v[2], ThisMonth, 300);
        var sourceD = await PayrollSteps.EntitleAsync(app, d.PersonId, d.HouseholdId, v[3], ThisMonth, 350);
        var sourceE = await PayrollSteps.EntitleAsync(app, e.PersonId, e.HouseholdId, v[4], ThisMonth, 500);

        // the first month: nothing to compare with, no risk known; paid, except C's frozen account
        var first = await PayrollSteps.CreatePayrollAsync(prep, county, ThisMonth);
        var firstFlags = await PayrollSteps.FlagsAsync(prep, first);
        Assert.Equal(0, firstFlags.GetProperty("open").GetInt32());
        Assert.Equal(JsonValueKind.Null, firstFlags.GetProperty("previousMonth").ValueKind);
        first = await PayrollSteps.ApproveAsync(prep, fin, first);
        var file = await PayrollSteps.ExportCsvAsync(fin, first);
        var rowC = file.Single(r => r.Contains("莫冻结"));
        var returned = await PayrollSteps.ReturnAsync(fin, first, file.Skip(1).Select(r => (r[0], r == rowC ? "失败" : "成功", r == rowC ? "账户已冻结" : "")));
        Assert.True(returned.StatusCode == HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());

        // since: an open 应退 finding on A, B's wife died, D's benefit ended, E's changed, F is new
        await PayrollSteps.OpenFindingAsync(app, a.PersonId, a.HouseholdId, sourceA, v[0]);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var wife = await db.Persons.FirstAsync(p => p.Id == b.Members[0]);
            wife.LifeStatus = LifeStatus.Deceased;
            wife.DeathDate = ThisMonth.AddDays(10);
            await sp.GetRequiredService<Entitlements>().EndAsync("dibao", sourceD, ThisMonth);
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await PayrollSteps.EntitleAsync(app, e.PersonId, e.HouseholdId, v[4], ThisMonth.AddMonths(1), 450, source: sourceE);
        await PayrollSteps.EntitleAsync(app, f.PersonId, f.HouseholdId, v[5], ThisMonth.AddMonths(1), 380);

        var next = await PayrollSteps.CreatePayrollAsync(prep, county, ThisMonth.AddMonths(1));
        var flags = await PayrollSteps.FlagsAsync(prep, next);
        var items = flags.GetProperty("items").EnumerateArray().ToList();
        string NameOf(JsonElement x) => x.GetProperty("payeeName").GetString()!;
        JsonElement Flag(string kind, string name) => items.Single(x => x.GetProperty("kind").GetString() == kind && NameOf(x) == name);
        Assert.Contains("死亡", Flag("openFinding", "甘应退").GetProperty("detail").GetString());
        Assert.Contains("黎老伯", Flag("deathAfterDecision", "黎有丧").GetProperty("detail").GetString());
        Assert.Contains("账户已冻结", Flag("permanentFailure", "莫冻结").GetProperty("detail").GetString());
        var removed = Flag("removedHousehold", "覃停发");
        Assert.False(removed.GetProperty("canHold").GetBoolean());
        Assert.Equal(350m, removed.GetProperty("previousAmount").GetDecimal());
        var changed = Flag("changedAmount", "农调整");
        Assert.Equal(500m, changed.GetProperty("previousAmount").GetDecimal());
        Assert.Equal(450m, changed.GetProperty("amount").GetDecimal());
        Assert.Equal(380m, Flag("newHousehold", "谢新增").GetProperty("amount").GetDecimal());
        Assert.Equal(6, items.Count);
        Assert.Equal(6, flags.GetProperty("open").GetInt32());
        var counts = flags.GetProperty("counts").EnumerateArray().ToDictionary(x => x.GetProperty("kind").GetString()!, x => x.GetProperty("count").GetInt32());
        Assert.Equal(1, counts["openFinding"]);
        Assert.Equal(0, counts["releasedHold"]);

        // review is refused until each flag is decided; a decision needs a reason; a removed household cannot be held
        var refused = await PayrollSteps.ActAsync(prep, next, "review");
        Assert.Contains("6 条", (await refused.ExpectProblemAsync(409, "review_flags_open")).GetProperty("detail").GetString());
        await (await PayrollSteps.DecideAsync(prep, next, [Flag("openFinding", "甘应退")], "hold", "")).ExpectProblemAsync(400, "validation_failed");
        await (await PayrollSteps.DecideAsync(prep, next, [removed], "hold", "不应暂缓")).ExpectProblemAsync(400, "validation_failed");
        (await PayrollSteps.DecideAsync(prep, next, [Flag("openFinding", "甘应退")], "hold", "待乡镇核实是否死亡")).EnsureSuccessStatusCode();
        var rest = items.Where(x => NameOf(x) != "甘应退").ToList();
        (await PayrollSteps.DecideAsync(prep, next, rest, "confirm", "已电话核实")).EnsureSuccessStatusCode();
        flags = await PayrollSteps.FlagsAsync(prep, next);
        Assert.Equal(0, flags.GetProperty("open").GetInt32());
        var held = flags.GetProperty("items").EnumerateArray().Single(x => NameOf(x) == "甘应退").GetProperty("decision");
        Assert.Equal("hold", held.GetProperty("decision").GetString());
        Assert.Equal("review.prep", held.GetProperty("decidedBy").GetString());
        // recorded in the audit log with who and why
        var audited = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(x => x.EntityId == PayrollSteps.Id(next) && (x.Action == "hold-line" || x.Action == "confirm-flag")).Select(x => new { x.Action, x.UserName }).ToListAsync());
        Assert.Equal(1, audited.Count(x => x.Action == "hold-line" && x.UserName == "review.prep"));
        Assert.Equal(5, audited.Count(x => x.Action == "confirm-flag"));

        next = await PayrollSteps.GetAsync(prep, next);
        next = await PayrollSteps.PostAsync(prep, next, "review");
        // a risk that appears after the review stops the approval until it is decided too
        await PayrollSteps.OpenFindingAsync(app, e.PersonId, e.HouseholdId, sourceE, v[4]);
        await (await PayrollSteps.ActAsync(fin, next, "approve")).ExpectProblemAsync(409, "review_flags_open");
        var late = (await PayrollSteps.FlagsAsync(fin, next)).GetProperty("items").EnumerateArray().Where(x => x.GetProperty("decision").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal("农调整", NameOf(Assert.Single(late)));
        (await PayrollSteps.DecideAsync(fin, next, late, "confirm", "已入户核实，本人在外务工")).EnsureSuccessStatusCode();
        next = await PayrollSteps.GetAsync(fin, next);
        next = await PayrollSteps.PostAsync(fin, next, "approve");

        // the held line never goes into the bank file; it stays, visible, as 未发送：审核暂缓
        var nextFile = await PayrollSteps.ExportCsvAsync(fin, next);
        Assert.DoesNotContain(nextFile, r => r.Contains("甘应退"));
        Assert.Contains(nextFile, r => r.Contains("谢新增"));
        var heldLine = (await PayrollSteps.LinesAsync(prep, next, "&status=held")).Single();
        Assert.Equal(a.PersonId, heldLine.GetProperty("payeePersonId").GetGuid());
        Assert.Equal(PaymentLabels.NotSentHeld, heldLine.GetProperty("stateName").GetString());
        Assert.Contains("待乡镇核实", heldLine.GetProperty("holdReason").GetString());

        // released by the county, it is carried by the next batch as a retry — and flagged there again
        var release = await prep.PostAsJsonAsync($"/api/v1/payments/lines/{heldLine.GetProperty("id").GetInt64()}/release", new { reason = "经核实本人健在" });
        Assert.True(release.StatusCode == HttpStatusCode.NoContent, await release.Content.ReadAsStringAsync());
        var batch = await PayrollSteps.CreatePayrollAsync(prep, county, ThisMonth, kind: "supplementary");
        var retry = (await PayrollSteps.LinesAsync(prep, batch)).Single(l => l.GetProperty("payeePersonId").GetGuid() == a.PersonId);
        Assert.Equal("重发", retry.GetProperty("purposeName").GetString());
        var again = (await PayrollSteps.FlagsAsync(prep, batch)).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(again, x => x.GetProperty("kind").GetString() == "releasedHold" && NameOf(x) == "甘应退");
        Assert.Contains(again, x => x.GetProperty("kind").GetString() == "openFinding" && NameOf(x) == "甘应退");
    }

    [Fact]
    public async Task Not_sent_for_want_of_an_account_and_returned_by_the_bank_are_named_apart_in_the_payroll_the_lines_the_statement_and_the_task_list()
    {
        app.SkipIfUnavailable();
        const string county = "450921000000"; // 容县
        var prep = await app.ClientAsync("rongxian.officer");
        var fin = await app.ClientAsync("rongxian.finance");
        var v = await PayrollSteps.VillagesAsync(app, "450921100000", 3); // 容州镇
        var a = await PayrollSteps.HouseholdAsync(app, v[0], "周到账");
        var b = await PayrollSteps.HouseholdAsync(app, v[1], "吴退回");
        var c = await PayrollSteps.HouseholdAsync(app, v[2], "郑无户", account: false);
        await PayrollSteps.EntitleAsync(app, a.PersonId, a.HouseholdId, v[0], ThisMonth, 410);
        await PayrollSteps.EntitleAsync(app, b.PersonId, b.HouseholdId, v[1], ThisMonth, 320);
        await PayrollSteps.EntitleAsync(app, c.PersonId, c.HouseholdId, v[2], ThisMonth, 230);

        var payroll = await PayrollSteps.ApproveAsync(prep, fin, await PayrollSteps.CreatePayrollAsync(prep, county, ThisMonth));
        var file = await PayrollSteps.ExportCsvAsync(fin, payroll);
        var rowB = file.Single(r => r.Contains("吴退回"));
        (await PayrollSteps.ReturnAsync(fin, payroll, file.Skip(1).Select(r => (r[0], r == rowB ? "失败" : "成功", r == rowB ? "系统繁忙" : "")))).EnsureSuccessStatusCode();

        payroll = await PayrollSteps.GetAsync(prep, payroll);
        var message = payroll.GetProperty("message").GetString()!;
        Assert.Contains("银行退回 1 笔", message);
        Assert.Contains("未发送：缺少账户 1 笔", message);
        Assert.DoesNotContain("失败", message);
        var lines = await PayrollSteps.LinesAsync(prep, payroll);
        string StateOf(List<JsonElement> ls, Guid person) => ls.Single(l => l.GetProperty("payeePersonId").GetGuid() == person).GetProperty("stateName").GetString()!;
        Assert.Equal("已到账", StateOf(lines, a.PersonId));
        Assert.Equal("银行退回", StateOf(lines, b.PersonId));
        Assert.Equal("未发送：缺少账户", StateOf(lines, c.PersonId));

        // the statement counts the two apart: the missing account is not a bank failure
        var statement = await prep.GetJsonAsync($"/api/v1/payments/statements/{ThisMonth:yyyy-MM-dd}");
        var row = statement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("countyCode").GetString() == county);
        Assert.Equal(410m, row.GetProperty("paid").GetDecimal());
        Assert.Equal(320m, row.GetProperty("returned").GetDecimal());
        Assert.Equal(230m, row.GetProperty("notSentNoAccount").GetDecimal());
        Assert.Equal(0m, row.GetProperty("notSentHeld").GetDecimal());
        var page = await (await prep.GetAsync($"/payments/statements?month={ThisMonth:yyyy-MM}")).Content.ReadAsStringAsync();
        Assert.Contains("未发送：缺少账户", page);
        Assert.DoesNotContain("发放失败", page);

        // the township's task list: who lacks an account, month after month
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var missing = (await clerk.GetItemsAsync("/api/v1/payments/missing-accounts")).Single(m => m.GetProperty("payeePersonId").GetGuid() == c.PersonId);
        Assert.Equal(1, missing.GetProperty("months").GetInt32());
        var next = await PayrollSteps.ApproveAsync(prep, fin, await PayrollSteps.CreatePayrollAsync(prep, county, ThisMonth.AddMonths(1)));
        var nextLines = await PayrollSteps.LinesAsync(prep, next);
        var retried = nextLines.Where(l => l.GetProperty("purpose").GetString() == "retry").ToList();
        Assert.Equal(2, retried.Count);
        Assert.All(retried, l => Assert.Equal("重发", l.GetProperty("purposeName").GetString()));
        lines = await PayrollSteps.LinesAsync(prep, payroll);
        Assert.Equal("银行退回，已转重发", StateOf(lines, b.PersonId));
        Assert.Equal("缺少账户，已转重发", StateOf(lines, c.PersonId));
        missing = (await clerk.GetItemsAsync("/api/v1/payments/missing-accounts")).Single(m => m.GetProperty("payeePersonId").GetGuid() == c.PersonId);
        Assert.Equal(2, missing.GetProperty("months").GetInt32());
        Assert.Equal(460m, missing.GetProperty("amount").GetDecimal());
        var taskPage = await clerk.GetAsync("/payments/missing-accounts");
        Assert.Equal(HttpStatusCode.OK, taskPage.StatusCode);
        Assert.Contains("郑无户", await taskPage.Content.ReadAsStringAsync());
        // another township's clerk does not see it
        var other = await app.ClientAsync("beiliu.officer");
        Assert.DoesNotContain(await other.GetItemsAsync("/api/v1/payments/missing-accounts"), m => m.GetProperty("payeePersonId").GetGuid() == c.PersonId);
    }

    [Fact]
    public async Task Bank_files_carry_payment_references_header_and_trailer_rows_and_account_and_id_numbers_as_text()
    {
        app.SkipIfUnavailable();
        const string county = "450922000000"; // 陆川县
        var (prep, fin) = await PayrollSteps.CountyStaffAsync(app, county, "bankfile");
        var v = await PayrollSteps.VillagesAsync(app, county, 2);
        var a = await PayrollSteps.HouseholdAsync(app, v[0], "钟文本");
        var b = await PayrollSteps.HouseholdAsync(app, v[1], "廖表格");
        await PayrollSteps.EntitleAsync(app, a.PersonId, a.HouseholdId, v[0], ThisMonth, 612.5m);
        await PayrollSteps.EntitleAsync(app, b.PersonId, b.HouseholdId, v[1], ThisMonth, 300);

        // the shipped templates name their format once: in the label, not in the name
        var templates = await fin.GetJsonAsync("/api/v1/payments/bank-templates");
        var names = templates.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.DoesNotContain(names, n => n.Contains("CSV", StringComparison.Ordinal) || n.Contains("Excel", StringComparison.Ordinal));
        var t = await fin.PostAsJsonAsync("/api/v1/payments/bank-templates", new
        {
            name = "测试农信代发",
            format = "xlsx",
            encoding = "UTF-8",
            columns = new[] { new { header = "业务编号", field = "reference" }, new { header = "账号", field = "account" }, new { header = "户名", field = "name" }, new { header = "身份证号", field = "idNumber" }, new { header = "金额", field = "amount" } },
            returnReferenceHeader = "业务编号",
            returnResultHeader = "处理结果",
            returnSuccessValues = "成功",
            returnReasonHeader = "失败原因",
            headerRow = "代发|{county}|{month}",
            trailerRow = "合计|{count}|{total}",
        });
        Assert.True(t.StatusCode == HttpStatusCode.OK, await t.Content.ReadAsStringAsync());
        var templateId = (await t.JsonAsync()).GetProperty("id").GetString();
        await (await fin.PostAsJsonAsync("/api/v1/payments/bank-templates", new
        {
            name = "坏占位符",
            format = "csv",
            encoding = "GBK",
            columns = new[] { new { header = "业务编号", field = "reference" }, new { header = "账号", field = "account" }, new { header = "金额", field = "amount" } },
            returnReferenceHeader = "业务编号",
            returnResultHeader = "处理结果",
            returnSuccessValues = "成功",
            returnReasonHeader = "失败原因",
            trailerRow = "合计|{sum}",
        })).ExpectProblemAsync(400, "validation_failed");

        var payroll = await PayrollSteps.ApproveAsync(prep, fin, await PayrollSteps.CreatePayrollAsync(prep, county, ThisMonth));
        var lines = await PayrollSteps.LinesAsync(prep, payroll);
        var export = await fin.PostAsync($"/api/v1/payments/payrolls/{PayrollSteps.Id(payroll)}/export?templateId={templateId}", null);
        Assert.True(export.StatusCode == HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        var sheet = ReadSheet(await export.Content.ReadAsByteArrayAsync());

        // row 1 the template's header row, row 2 the column headers, then the payments, then the trailer with count and sum
        Assert.Equal(["代发", "陆川县", ThisMonth.ToString("yyyyMM", CultureInfo.InvariantCulture)], sheet[0].Select(c => c.Value).Take(3));
        Assert.Equal("业务编号", sheet[1][0].Value);
        Assert.Equal(["合计", "2", "912.50"], sheet[^1].Select(c => c.Value).Take(3));
        var payments = sheet.Skip(2).Take(sheet.Count - 3).ToList();
        Assert.Equal(2, payments.Count);
        foreach (var row in payments)
        {
            // 业务编号 is the case number, month and purpose — not the internal line number
            var line = lines.Single(l => l.GetProperty("payeeName").GetString() == row[2].Value);
            Assert.Equal($"{line.GetProperty("sourceNumber").GetString()}-{ThisMonth:yyyyMM}-B", row[0].Value);
            Assert.NotEqual(line.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), row[0].Value);
            // account and ID numbers are text cells, with every digit
            Assert.Matches(@"^6230\d{15}$", row[1].Value);
            Assert.Matches(@"^\d{17}[\dX]$", row[3].Value);
            Assert.True(row[1].IsText, $"account cell type {row[1].Type}");
            Assert.True(row[3].IsText, $"ID number cell type {row[3].Type}");
        }

        // the bank's return quotes the payment references
        var ok = await PayrollSteps.ReturnAsync(fin, payroll, payments.Select(r => (r[0].Value, "成功", "")));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        Assert.Equal(2, (await ok.JsonAsync()).GetProperty("paid").GetInt32());
        await (await PayrollSteps.ReturnAsync(fin, payroll, [(lines[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), "成功", "")])).ExpectProblemAsync(400, "return_file_invalid");

        // the page names a template with its format once
        var html = await (await prep.GetAsync("/payments/templates")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("（CSV·GBK）", html);
        Assert.Equal("代发通用格式（CSV，GBK）", BankFiles.Label(new BankTemplate { Name = BankTemplates.DefaultCsv, Format = "csv", Encoding = "GBK", Columns = "[]", ReturnReasonHeader = "", ReturnReferenceHeader = "", ReturnResultHeader = "", ReturnSuccessValues = "" }));
    }

    [Fact]
    public async Task An_installation_with_the_former_template_names_gets_the_new_ones_at_start()
    {
        app.SkipIfUnavailable();
        var names = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var csv = await db.Set<BankTemplate>().FirstAsync(x => x.Name == BankTemplates.DefaultCsv);
            csv.Name = "代发通用格式（CSV·GBK）";
            await db.SaveChangesAsync();
            await PaymentsInitializer.RenameShippedTemplatesAsync(db, CancellationToken.None);
            return await db.Set<BankTemplate>().AsNoTracking().Select(x => x.Name).ToListAsync();
        });
        Assert.Contains(BankTemplates.DefaultCsv, names);
        Assert.DoesNotContain("代发通用格式（CSV·GBK）", names);
    }

    private sealed record Cell(string Value, string? Type)
    {
        /// <summary>A shared or inline string (never a number cell that Excel would show as 6.23E+18).</summary>
        public bool IsText => Type is "s" or "inlineStr" or "str";
    }

    /// <summary>Reads the first sheet's cells with their OOXML types (t="s" shared string, "inlineStr", none = number).</summary>
    private static List<List<Cell>> ReadSheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } s
            ? XDocument.Load(s.Open()).Root!.Elements(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(x => x.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return sheet.Descendants(ns + "row").Select(r => r.Elements(ns + "c").Select(c =>
        {
            var type = c.Attribute("t")?.Value;
            var value = type switch
            {
                "s" => shared[int.Parse(c.Element(ns + "v")!.Value, CultureInfo.InvariantCulture)],
                "inlineStr" => string.Concat(c.Descendants(ns + "t").Select(x => x.Value)),
                _ => c.Element(ns + "v")?.Value ?? "",
            };
            return new Cell(value, type);
        }).ToList()).ToList();
    }
}

public sealed class PayrollReviewTestsOnSqlite(SqliteApp app) : PayrollReviewTests(app), IClassFixture<SqliteApp>;

public sealed class PayrollReviewTestsOnPostgres(PostgresApp app) : PayrollReviewTests(app), IClassFixture<PostgresApp>;
