using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Disability.Fukang;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Tests.Disability;

/// <summary>
/// 福康工程 (issue 20 item 1) on SQLite and PostgreSQL: a physically disabled member of a dibao household is assessed for a
/// wheelchair by the township clerk, approved by the county within its budget, fitted and confirmed; the county's payroll for
/// the program pays the supplier organisation; a second wheelchair inside the replacement period is refused with the date it
/// becomes possible; a person outside the groups is refused; approvals beyond the budget are refused with the figures; bad
/// input answers 400 on its field, another county 404, a stale version 409.
/// </summary>
public abstract class FukangTests(AppFixture app)
{
    private const string County = "450921000000";   // 容县
    private const string Village = "450921100003";  // 容州镇
    private static int _seq = Random.Shared.Next(0, 9000);

    private static string Next() => Interlocked.Increment(ref _seq).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A name unique in the run (names take Chinese characters only): the sequence's digits as 甲乙丙….</summary>
    private static string Unique(string prefix) => prefix + string.Concat(Next().Select(c => "甲乙丙丁戊己庚辛壬癸"[c - '0']));

    private async Task<Guid> PhysicallyDisabledAsync(string name, bool dibao)
    {
        var admin = await app.ClientAsync("admin");
        var id = TestIds.Next();
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name,
            divisionCode = Village,
            disabilityCategory = "physical",
            disabilityGrade = 2,
            disabilityCertificate = $"{id}42",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = person, address = "测试地址", members = Array.Empty<object>() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        var household = (await h.JsonAsync()).GetProperty("id").GetGuid();
        if (dibao)
        {
            // a running dibao of the household, as the assistance module publishes it (per household, no beneficiary person)
            await app.WithServicesAsync(async sp =>
            {
                await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee("dibao", Guid.CreateVersion7(), "DB-FK-" + Next(), person, household, Village, 1),
                    new DateOnly(2026, 1, 1), Money.FromYuan(500m), "[]", "测试");
                await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
                return 0;
            });
        }
        return person;
    }

    private async Task<string> GeneratedPayrollAsync(HttpClient officer, DateOnly month)
    {
        var created = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = County, program = FukangApplications.Program, month, kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var payrollId = (await created.JsonAsync()).GetProperty("id").GetString()!;
        JsonElement payroll = default;
        for (var i = 0; i < 600; i++)
        {
            payroll = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}");
            if (payroll.GetProperty("status").GetString() == "generated") break;
            await Task.Delay(100);
        }
        Assert.Equal("generated", payroll.GetProperty("status").GetString());
        return payrollId;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement a, string action, object? body = null)
    {
        var fields = JsonSerializer.SerializeToElement(body ?? new { }).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields.TryAdd("version", a.GetProperty("version").GetInt32());
        return client.PostAsJsonAsync($"/api/v1/disability/fukang/applications/{a.GetProperty("id").GetString()}/actions/{action}", fields);
    }

    [Fact]
    public async Task A_wheelchair_is_assessed_approved_fitted_confirmed_and_paid_to_the_supplier_and_not_again_within_its_period()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var org = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = Unique("容县测试康复辅具公司"), kind = "enterprise", divisionCode = "450921100000", bankName = "容县农商银行", bankAccount = "62301000" + Next().PadLeft(8, '0') });
        Assert.True(org.StatusCode == HttpStatusCode.Created, await org.Content.ReadAsStringAsync());
        var supplier = (await org.JsonAsync()).GetProperty("id").GetGuid();
        var officer = await app.ClientAsync("rongxian.officer");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var code = "wheelchair-t" + Next();

        // the catalogue item: bad input on its field, then a wheelchair at 1,200 元 with a 60-month period
        var bad = await officer.PostAsJsonAsync("/api/v1/disability/fukang/devices", new { divisionCode = County, year = 2026, code, name = "轮椅", unitPrice = -5m, replacementMonths = 60, supplierId = supplier, document = "容民〔2026〕福康测试号" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("unitPrice", out _), bad.ToString());
        var device = await (await officer.PostAsJsonAsync("/api/v1/disability/fukang/devices",
            new { divisionCode = County, year = 2026, code, name = "轮椅", unitPrice = 1200m, replacementMonths = 60, supplierId = supplier, document = "容民〔2026〕福康测试号" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var deviceId = device.GetProperty("id").GetString();
        // the township clerk reads the county's catalogue
        Assert.Contains(await clerk.GetItemsAsync("/api/v1/disability/fukang/devices?year=2026&pageSize=200"), d => d.GetProperty("id").GetString() == deviceId);

        var person = await PhysicallyDisabledAsync(Unique("福康甲"), dibao: true);
        var notPoor = await PhysicallyDisabledAsync(Unique("福康乙"), dibao: false);
        var second = await PhysicallyDisabledAsync(Unique("福康丙"), dibao: true);

        // the eligible list: the dibao member with the group named, not the one without
        var eligible = await clerk.GetItemsAsync("/api/v1/disability/fukang/eligible?pageSize=200&q=福康");
        var row = Assert.Single(eligible, p => p.GetProperty("personId").GetGuid() == person);
        Assert.Contains("低保对象家庭", row.GetProperty("groupNames").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(eligible, p => p.GetProperty("personId").GetGuid() == notPoor);

        // not in any group: refused; bad input: 400 on the field
        await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = notPoor, deviceId, note = "行走困难" }).ExpectProblemAsync(409, "disability_fukang_not_eligible");
        var noNote = await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = person, deviceId, note = " " }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noNote.GetProperty("errors").TryGetProperty("note", out _), noNote.ToString());

        var a = await (await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = person, deviceId, note = "双下肢功能障碍，需轮椅代步", assessedOn = "2026-11-02" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("assessed", a.GetProperty("status").GetString());
        Assert.Equal(1200m, a.GetProperty("unitPrice").GetDecimal());
        await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = person, deviceId, note = "再次" }).ExpectProblemAsync(409, "disability_fukang_open_application");

        // the budget leaves exactly this wheelchair: whatever the county has committed, plus 1,200 元
        var budget = (await officer.GetItemsAsync("/api/v1/disability/fukang/budgets?year=2026")).SingleOrDefault(b => b.GetProperty("divisionCode").GetString() == County);
        if (budget.ValueKind == JsonValueKind.Undefined)
        {
            budget = await (await officer.PostAsJsonAsync("/api/v1/disability/fukang/budgets", new { divisionCode = County, year = 2026, amount = 1000m, document = "测试预算" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        }
        var before = (await officer.GetItemsAsync("/api/v1/disability/fukang/summary?year=2026")).SingleOrDefault(s => s.GetProperty("countyCode").GetString() == County);
        var committed = before.ValueKind == JsonValueKind.Undefined ? 0m : before.GetProperty("approvedAmount").GetDecimal();
        var budgetUrl = $"/api/v1/disability/fukang/budgets/{budget.GetProperty("id").GetString()}";
        var version = budget.GetProperty("version").GetInt32();
        (await officer.PutAsJsonAsync(budgetUrl, new { amount = committed + 1200m, document = "测试预算（调整）", version })).EnsureSuccessStatusCode();
        await officer.PutAsJsonAsync(budgetUrl, new { amount = committed + 9999m, document = "过期版本", version }).ExpectProblemAsync(409, "concurrency_conflict");

        // another county's officer: 404 on reads and actions
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/disability/fukang/applications/{a.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(beiliu, a, "approve")).StatusCode);
        // the clerk may not approve; a stale version is 409
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(clerk, a, "approve")).StatusCode);
        await ActAsync(officer, a, "approve", new { version = a.GetProperty("version").GetInt32() + 5 }).ExpectProblemAsync(409, "concurrency_conflict");

        a = await (await ActAsync(officer, a, "approve").EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", a.GetProperty("status").GetString());
        var noDate = await ActAsync(officer, a, "fit", new { fittingNote = "型号 H005" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noDate.GetProperty("errors").TryGetProperty("fittedOn", out _), noDate.ToString());
        a = await (await ActAsync(officer, a, "fit", new { fittedOn = "2026-11-20", fittingNote = "型号 H005，编号 FK-0001" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        a = await (await ActAsync(clerk, a, "confirm", new { confirmedOn = "2026-11-25", signedBy = "self" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("confirmed", a.GetProperty("status").GetString());
        Assert.Equal("2026-11-01", a.GetProperty("settledMonth").GetString());
        var id = Guid.Parse(a.GetProperty("id").GetString()!);

        // published: one one-off entitlement to the supplier organisation with the catalogue basis
        var e = Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().IgnoreQueryFilters()
            .Where(x => x.Program == FukangApplications.Program && x.SourceId == id).ToListAsync()));
        Assert.True(e.OneOff);
        Assert.Equal(supplier, e.PayeeOrganizationId);
        Assert.Equal(120_000, e.MonthlyAmount.Fen);

        // the county's payroll for the program pays the supplier
        var payrollId = await GeneratedPayrollAsync(officer, new DateOnly(2026, 11, 1));
        var line = Assert.Single((await officer.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}/lines?pageSize=200")).GetProperty("items").EnumerateArray(),
            l => l.GetProperty("payeeOrganizationId").ValueKind != JsonValueKind.Null && l.GetProperty("payeeOrganizationId").GetGuid() == supplier);
        Assert.Equal(1200m, line.GetProperty("amount").GetDecimal());
        Assert.Contains(line.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("label").GetString()!.Contains("轮椅", StringComparison.Ordinal)
            && l.GetProperty("basis").GetString()!.Contains("容民〔2026〕福康测试号", StringComparison.Ordinal));

        // a second wheelchair within 60 months of 2026-11-20: refused with the date it becomes possible
        var again = await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = person, deviceId, note = "轮椅损坏" }).ExpectProblemAsync(409, "disability_fukang_replacement_period");
        Assert.Contains("上次配发 2026-11-20，2031-11-20 起方可再次申请", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // the budget is used up: another approval is refused with the figures
        var b = await (await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = second, deviceId, note = "截肢，需轮椅" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var over = await ActAsync(officer, b, "approve").ExpectProblemAsync(409, "disability_fukang_over_budget");
        Assert.Contains("剩余预算 0.00 元", over.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var noOpinion = await ActAsync(officer, b, "refuse", new { opinion = "" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noOpinion.GetProperty("errors").TryGetProperty("opinion", out _), noOpinion.ToString());
        b = await (await ActAsync(officer, b, "refuse", new { opinion = "年度预算已用完，列入下年度" }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("refused", b.GetProperty("status").GetString());

        // the follow-up visit closes the application; the summary counts it against the budget
        a = await (await ActAsync(clerk, a, "follow-up", new { visitedOn = "2026-11-28", inUse = true }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("followedUp", a.GetProperty("status").GetString());
        var summary = Assert.Single(await officer.GetItemsAsync("/api/v1/disability/fukang/summary?year=2026"), s => s.GetProperty("countyCode").GetString() == County);
        Assert.Equal(0m, summary.GetProperty("remaining").GetDecimal());
        Assert.Equal(committed + 1200m, summary.GetProperty("approvedAmount").GetDecimal());
        Assert.True(summary.GetProperty("settledAmount").GetDecimal() >= 1200m);

        // the pages
        Assert.Contains("已回访", await officer.GetStringAsync($"/disability/fukang/applications/{id}"), StringComparison.Ordinal);
        Assert.Contains("容县", await officer.GetStringAsync("/disability/fukang?year=2026"), StringComparison.Ordinal);
        var list = await clerk.GetStringAsync("/disability/fukang/eligible?q=福康");
        Assert.Contains("低保对象家庭", list, StringComparison.Ordinal);
        Assert.Contains("已回访", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/disability/fukang/applications/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_person_in_the_poverty_registry_is_eligible_without_dibao_as_long_as_the_county_counts_the_group()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        var name = Unique("福康建档");
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = Village, disabilityCategory = "physical", disabilityGrade = 3, disabilityCertificate = $"{idNumber}43" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        Assert.DoesNotContain(await clerk.GetItemsAsync($"/api/v1/disability/fukang/eligible?pageSize=200&q={name}"), p => p.GetProperty("personId").GetGuid() == person);

        // 容县's current poverty-registry dataset (扶贫部门) lists the person by ID number
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<Web.Platform.Crypto.IdentifierProtector>();
            foreach (var old in await db.Set<Web.Modules.DataComparison.ComparisonDataset>().IgnoreQueryFilters()
                .Where(d => d.Kind == Web.Modules.DataComparison.DatasetKind.PovertyRegistry && d.DivisionCode == County).ToListAsync())
            {
                old.Status = Web.Modules.DataComparison.DatasetStatus.Superseded;
            }
            var d = new Web.Modules.DataComparison.ComparisonDataset
            {
                Kind = Web.Modules.DataComparison.DatasetKind.PovertyRegistry,
                Source = "测试扶贫数据",
                AsOf = new DateOnly(2026, 11, 1),
                Version = 99,
                DivisionCode = County,
                RowCount = 1,
                FileName = "test",
                ImportedBy = "test",
                ImportedAt = DateTime.UtcNow,
            };
            db.Add(d);
            db.Add(new Web.Modules.DataComparison.ComparisonRecord
            {
                DatasetId = d.Id,
                Line = 2,
                IdNumberHash = protector.Hash(idNumber, Web.Platform.Crypto.ProtectedKind.IdNumber),
                IdNumberMasked = "x",
                Name = name,
                Status = "已脱贫",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        // paged in the database: one row a page, the total counts every eligible person
        var onePage = await clerk.GetJsonAsync($"/api/v1/disability/fukang/eligible?pageSize=1&q={name}");
        Assert.Equal(1, onePage.GetProperty("total").GetInt32());
        var row = Assert.Single(onePage.GetProperty("items").EnumerateArray());
        Assert.Equal(person, row.GetProperty("personId").GetGuid());
        Assert.Contains("建档立卡贫困户", row.GetProperty("groupNames").GetString(), StringComparison.Ordinal);

        // 容县 stops counting the group (a county figure from this month): the person leaves the list and cannot be assessed
        await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<Web.Platform.Access.CurrentUser>().RunAsSystem("test");
            await sp.GetRequiredService<Web.Platform.Figures.FigureBook>().AddAsync(new Web.Platform.Figures.FigureInput
            {
                Module = FukangFigures.Module,
                Kind = FukangFigures.EligibleGroup.Code,
                DivisionCode = County,
                Category = FukangFigures.GroupPovertyRegistry,
                Choice = "no",
                ValidFrom = new DateOnly(2026, 11, 1),
                Document = "测试：容县不再把建档立卡贫困户纳入",
            });
            return 0;
        });
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/disability/fukang/eligible?pageSize=1&q={name}")).GetProperty("total").GetInt32());
        var devices = await (await app.ClientAsync("rongxian.officer")).GetItemsAsync("/api/v1/disability/fukang/devices?pageSize=200");
        var deviceId = devices.First(d => d.GetProperty("divisionCode").GetString() == County).GetProperty("id").GetString();
        await clerk.PostAsJsonAsync("/api/v1/disability/fukang/applications", new { personId = person, deviceId, note = "行走困难" }).ExpectProblemAsync(409, "disability_fukang_not_eligible");
    }

    [Fact]
    public async Task The_demo_catalogue_of_rongxian_and_the_eligible_groups_figure_are_there()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var year = app.Clock.GetUtcNow().Year;
        var demo = (await clerk.GetItemsAsync($"/api/v1/disability/fukang/devices?year={year}&pageSize=200")).Where(d => d.GetProperty("isDemo").GetBoolean()).ToList();
        Assert.Contains(demo, d => d.GetProperty("code").GetString() == "wheelchair" && d.GetProperty("replacementMonths").GetInt32() == 60 && d.GetProperty("divisionCode").GetString() == County);
        Assert.Contains("演示数据", await clerk.GetStringAsync($"/disability/fukang/catalogue?year={year}"), StringComparison.Ordinal);
        var figures = await (await app.ClientAsync("rongxian.officer")).GetItemsAsync($"/api/v1/figures?module={FukangFigures.Module}&pageSize=50");
        Assert.Equal(3, figures.Count(f => f.GetProperty("kind").GetString() == "eligible-group" && f.GetProperty("choice").GetString() == "yes"));
    }
}

public sealed class FukangTestsOnSqlite(SqliteApp app) : FukangTests(app), IClassFixture<SqliteApp>;

public sealed class FukangTestsOnPostgres(PostgresApp app) : FukangTests(app), IClassFixture<PostgresApp>;
