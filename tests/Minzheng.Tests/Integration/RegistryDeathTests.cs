using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Integration;

/// <summary>
/// A death is a registry event (ADR 015): marked by editing the person or by a person import, it stops a single-person dibao
/// case and a disability subsidy exactly as a funeral death record does; a county reversal with a reason restores both, and
/// the next payroll pays the months missed and cancels the recoveries the death caused (paying back what had been recovered,
/// once). Own fixture: the first test moves the clock forward two months.
/// </summary>
public abstract partial class RegistryDeathTests(AppFixture app)
{
    private const string Village = "450921100003"; // 新南社区, 容州镇, 容县
    private const string County = "450921000000";
    private static readonly DateOnly DeathDate = new(2026, 11, 25);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static readonly ActingIdentity AssistanceStaff = new(null, "县级经办（测试）", County, new HashSet<string>
    {
        AssistancePermissions.Read, AssistancePermissions.Apply, AssistancePermissions.Accept, AssistancePermissions.Investigate,
        AssistancePermissions.Approve, AssistancePermissions.Confirm, Permissions.RegistryRead, Permissions.WorkflowRead,
    });

    private sealed record Beneficiary(Guid PersonId, string IdNumber, string BankAccount, Guid DibaoCaseId, string SubsidyId);

    private async Task<T> AsAsync<T>(ActingIdentity identity, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(identity);
        return await action(scope.ServiceProvider);
    }

    /// <summary>A severely disabled man living alone: a one-person dibao household in 在保 and the care subsidy approved.</summary>
    private async Task<Beneficiary> BeneficiaryAsync(string name)
    {
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next(Sex.Male);
        var bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber,
            name,
            divisionCode = Village,
            disabilityCategory = "physical",
            disabilityGrade = 1,
            disabilityCertificate = $"{idNumber}41",
            bankName = "广西农村信用社",
            bankAccount,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = person, address = "容州镇新南社区", members = Array.Empty<object>() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        var household = (await h.JsonAsync()).GetProperty("id").GetGuid();

        Task<AssistanceCase> Act(Func<AssistanceCases, Task<AssistanceCase>> step) => AsAsync(AssistanceStaff, sp => step(sp.GetRequiredService<AssistanceCases>()));
        Task<AssistanceCase> Do(AssistanceCase c, string action) => Act(s => s.PerformAsync(c.Id, action, new ActionInput { Opinion = "符合条件", Version = c.Version }));
        var c = await AsAsync(AssistanceStaff, sp => sp.GetRequiredService<ApplyForAssistance>().RunAsync(new ApplyInput { Program = AssistanceProgram.Dibao, HouseholdId = household, Channel = Channel.Counter, Reason = "独居，重度残疾，无劳动能力。", ConsentToCheck = true }));
        c = await Do(c, "accept");
        c = await AsAsync(AssistanceStaff, sp => sp.GetRequiredService<RecordInvestigation>().RunAsync(c.Id, new InvestigationInput
        {
            InvestigatedOn = c.AppliedOn,
            Investigators = "黄志明、陈丽娟",
            VisitRecord = "入户查看住房和生活情况，核实家庭人口与收入。",
            EconomicCheck = EconomicCheck.Passed,
            Members = [.. c.Members.Select(m => new MemberFacts(m.PersonId))],
            Income = [new IncomeInput("transfer", "亲属资助", 100m)],
            Houses = 1,
            Version = c.Version,
        }));
        c = await Do(c, "submit-investigation");
        c = await Do(c, "propose-approve");
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var tracked = await db.Set<AssistanceCase>().SingleAsync(x => x.Id == c.Id);
            var today = sp.GetRequiredService<BusinessClock>().Today;
            tracked.NoticeFrom = today.AddDays(-9);
            tracked.NoticeTo = today.AddDays(-3);
            return await db.SaveChangesAsync();
        });
        c = await Act(s => s.LoadAsync(c.Id));
        c = await Do(c, "notice-ended");
        c = await Do(c, "confirm-county");
        Assert.Equal(AssistanceProcesses.Active, c.State);

        var clerk = await app.ClientAsync("rongzhou.clerk");
        var approver = await app.ClientAsync("rongzhou.approver");
        var officer = await app.ClientAsync("rongxian.officer");
        var dpf = await app.ClientAsync("rongxian.dpf");
        var s = await (await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        foreach (var (client, generation) in new[] { (clerk, (int?)null), (approver, null), (dpf, 3), (officer, null) })
        {
            s = await (await client.PostAsJsonAsync($"/api/v1/disability/subsidies/{s.GetProperty("id").GetString()}/step", new { agree = true, opinion = "属实", version = s.GetProperty("version").GetInt32(), certificateGeneration = generation })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        Assert.Equal("approved", s.GetProperty("status").GetString());
        return new Beneficiary(person, idNumber, bankAccount, c.Id, s.GetProperty("id").GetString()!);
    }

    private async Task<JsonElement> PayrollAsync(string program, DateOnly month)
    {
        var officer = await app.ClientAsync("rongxian.officer");
        var finance = await app.ClientAsync("rongxian.finance");
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

    private static List<(string Month, string Purpose, decimal Amount)> LinesOf(JsonElement lines, Guid person) =>
        lines.EnumerateArray().Where(l => l.GetProperty("payeePersonId").GetGuid() == person)
            .Select(l => (l.GetProperty("serviceMonth").GetString()!, l.GetProperty("purpose").GetString()!, l.GetProperty("amount").GetDecimal()))
            .OrderBy(l => l.Item1).ThenBy(l => l.Item2).ToList();

    /// <summary>What the death stopped, as the modules' own records show it.</summary>
    private async Task AssertStoppedAsync(Beneficiary b)
    {
        var officer = await app.ClientAsync("rongxian.officer");
        var subsidy = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{b.SubsidyId}");
        Assert.Equal(("terminated", "2026-11-01", "death"), (subsidy.GetProperty("status").GetString(), subsidy.GetProperty("lastMonth").GetString(), subsidy.GetProperty("endReason").GetString()));
        var (open, reviews) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var periods = await db.Set<EntitlementPeriod>().AsNoTracking().Where(e => e.SourceId == b.DibaoCaseId).ToListAsync();
            return (periods.Count(e => e.ToMonth == null || e.ToMonth > new DateOnly(2026, 11, 1)),
                await db.Set<AssistanceReview>().AsNoTracking().CountAsync(r => r.CaseId == b.DibaoCaseId && r.Kind == ReviewKind.ChangeReport));
        });
        Assert.Equal(0, open);
        Assert.Equal(1, reviews);
        var person = await officer.GetJsonAsync($"/api/v1/persons/{b.PersonId}");
        Assert.Equal(("deceased", "2026-11-25"), (person.GetProperty("lifeStatus").GetString(), person.GetProperty("deathDate").GetString()));
    }

    private async Task<JsonElement> ReverseAsync(Beneficiary b, string reason = "殡仪馆误报同名人员，经村委会入户核实本人健在")
    {
        var officer = await app.ClientAsync("rongxian.officer");
        var version = (await officer.GetJsonAsync($"/api/v1/persons/{b.PersonId}")).GetProperty("version").GetInt32();
        var r = await officer.PostAsJsonAsync($"/api/v1/persons/{b.PersonId}/death/reverse", new { reason, version });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    private async Task AssertRestoredAsync(Beneficiary b, JsonElement reversal)
    {
        var effects = reversal.GetProperty("effects").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(effects, e => e.StartsWith("恢复发放重度残疾人护理补贴", StringComparison.Ordinal));
        Assert.Contains(effects, e => e.StartsWith("恢复发放最低生活保障", StringComparison.Ordinal));
        var officer = await app.ClientAsync("rongxian.officer");
        var subsidy = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{b.SubsidyId}");
        Assert.Equal("approved", subsidy.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, subsidy.GetProperty("lastMonth").ValueKind);
        var (openDibao, reversed) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Set<EntitlementPeriod>().AsNoTracking().CountAsync(e => e.SourceId == b.DibaoCaseId && e.ToMonth == null),
                await db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "reverse-death" && a.EntityId == b.PersonId.ToString()));
        });
        Assert.Equal((1, 1), (openDibao, reversed));
        var person = await officer.GetJsonAsync($"/api/v1/persons/{b.PersonId}");
        Assert.Equal("alive", person.GetProperty("lifeStatus").GetString());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("deathDate").ValueKind);
    }

    [Fact]
    public async Task A_death_entered_by_editing_the_person_stops_everything_and_its_reversal_restores_it_and_cancels_the_recoveries()
    {
        app.SkipIfUnavailable();
        var b = await BeneficiaryAsync("覃志强");
        var december = new DateOnly(2026, 12, 1);
        var care = LinesOf(await PayrollAsync("disability-care", december), b.PersonId);
        var dibao = LinesOf(await PayrollAsync("dibao", december), b.PersonId);
        Assert.Equal([("2026-12-01", "benefit", 80m)], care);
        var monthly = Assert.Single(dibao).Amount;
        Assert.True(monthly > 0);

        // the township clerk edits the person: 死亡, 2026-11-25
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var version = (await clerk.GetJsonAsync($"/api/v1/persons/{b.PersonId}")).GetProperty("version").GetInt32();
        object Edit(string lifeStatus, DateOnly? deathDate, int v) => new
        {
            name = "覃志强",
            divisionCode = Village,
            disabilityCategory = "physical",
            disabilityGrade = 1,
            bankName = "广西农村信用社",
            bankAccount = b.BankAccount,
            lifeStatus,
            deathDate,
            version = v,
        };
        var edited = await (await clerk.PutAsJsonAsync($"/api/v1/persons/{b.PersonId}", Edit("deceased", DeathDate, version)).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await AssertStoppedAsync(b);
        // an edit cannot bring the person back: the modules' stops would stay
        await clerk.PutAsJsonAsync($"/api/v1/persons/{b.PersonId}", Edit("alive", null, edited.GetProperty("version").GetInt32())).ExpectProblemAsync(409, "death_reversal_required");

        // January: nothing more is paid, December becomes a recovery in both programs; 10.00 of the dibao one is repaid
        app.Clock.Advance(TimeSpan.FromDays(36));
        var january = new DateOnly(2027, 1, 1);
        Assert.Empty(LinesOf(await PayrollAsync("disability-care", january), b.PersonId));
        Assert.Empty(LinesOf(await PayrollAsync("dibao", january), b.PersonId));
        var officer = await app.ClientAsync("rongxian.officer");
        var recoveries = (await officer.GetItemsAsync("/api/v1/payments/recoveries")).Where(x => x.GetProperty("payeePersonId").GetGuid() == b.PersonId).ToList();
        Assert.Equal(2, recoveries.Count);
        Assert.All(recoveries, x => Assert.Equal(("2026-12-01", "open"), (x.GetProperty("serviceMonth").GetString(), x.GetProperty("status").GetString())));
        var dibaoRecovery = recoveries.Single(x => x.GetProperty("program").GetString() == "dibao");
        Assert.Equal(monthly, dibaoRecovery.GetProperty("amount").GetDecimal());
        await officer.PostAsJsonAsync($"/api/v1/payments/recoveries/{dibaoRecovery.GetProperty("id").GetString()}/settlements",
            new { version = dibaoRecovery.GetProperty("version").GetInt32(), amount = 10.00m, receivedOn = new DateOnly(2027, 1, 5), note = "现金退回，收据 0001" }).EnsureStatus(HttpStatusCode.OK);

        // the reversal: county only, with a reason, within scope
        var reverse = $"/api/v1/persons/{b.PersonId}/death/reverse";
        version = (await officer.GetJsonAsync($"/api/v1/persons/{b.PersonId}")).GetProperty("version").GetInt32();
        await (await app.ClientAsync("rongzhou.clerk")).PostAsJsonAsync(reverse, new { reason = "殡仪馆误报，本人健在", version }).ExpectProblemAsync(403, "forbidden");
        await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync(reverse, new { reason = "殡仪馆误报，本人健在", version }).ExpectProblemAsync(404, "not_found");
        var noReason = await officer.PostAsJsonAsync(reverse, new { reason = "  ", version }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await officer.PostAsJsonAsync(reverse, new { reason = "误报", version }).ExpectProblemAsync(400, "validation_failed");
        await officer.PostAsJsonAsync(reverse, new { reason = new string('误', PersonDeaths.ReasonMaxLength + 1), version }).ExpectProblemAsync(400, "validation_failed");
        var reversal = await ReverseAsync(b);
        Assert.Equal("2026-11-25", reversal.GetProperty("deathDate").GetString());
        await AssertRestoredAsync(b, reversal);
        version = (await officer.GetJsonAsync($"/api/v1/persons/{b.PersonId}")).GetProperty("version").GetInt32();
        await officer.PostAsJsonAsync(reverse, new { reason = "再次撤销死亡登记", version }).ExpectProblemAsync(409, "person_not_deceased");

        // February: January is paid as arrears, February as usual; both recoveries are cancelled and the 10.00 repaid comes back, once
        app.Clock.Advance(TimeSpan.FromDays(31));
        var february = new DateOnly(2027, 2, 1);
        Assert.Equal([("2027-01-01", "benefit", 80m), ("2027-02-01", "benefit", 80m)], LinesOf(await PayrollAsync("disability-care", february), b.PersonId));
        Assert.Equal([("2026-12-01", "recoveryRefund", 10.00m), ("2027-01-01", "benefit", monthly), ("2027-02-01", "benefit", monthly)], LinesOf(await PayrollAsync("dibao", february), b.PersonId));
        officer = await app.ClientAsync("rongxian.officer");
        recoveries = (await officer.GetItemsAsync("/api/v1/payments/recoveries")).Where(x => x.GetProperty("payeePersonId").GetGuid() == b.PersonId).ToList();
        Assert.Equal(2, recoveries.Count);
        Assert.All(recoveries, x => Assert.Equal("cancelled", x.GetProperty("status").GetString()));

        // March: nothing for December again, no second refund
        app.Clock.Advance(TimeSpan.FromDays(28));
        Assert.Equal([("2027-03-01", "benefit", monthly)], LinesOf(await PayrollAsync("dibao", new DateOnly(2027, 3, 1)), b.PersonId));
    }

    [Fact]
    public async Task A_death_reported_by_a_person_import_stops_everything_like_a_death_record_and_is_reversed_on_the_person_page()
    {
        app.SkipIfUnavailable();
        var b = await BeneficiaryAsync("韦国华");

        // a legacy export lists the registered man as 死亡: the row is a death report, not a second registration
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        var csv = $"""
            户编号,公民身份号码,姓名,与户主关系,区划代码,人员状态,死亡日期
            D1,{b.IdNumber},韦国华,户主,{Village},死亡,2026-11-25
            N1,{TestIds.Next()},韦新登,户主,{Village},,
            """;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await TokenAsync(client, "/imports")), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "upload", "deaths.csv");
        var uploaded = await client.PostAsync("/imports", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var url = uploaded.Headers.Location!.OriginalString;
        await PostFormAsync(client, url, "Map", new()
        {
            ["mapping[householdKey]"] = "户编号",
            ["mapping[idNumber]"] = "公民身份号码",
            ["mapping[name]"] = "姓名",
            ["mapping[relation]"] = "与户主关系",
            ["mapping[divisionCode]"] = "区划代码",
            ["mapping[lifeStatus]"] = "人员状态",
            ["mapping[deathDate]"] = "死亡日期",
        });
        var validated = await WaitAsync(client, url);
        Assert.True(validated.GetProperty("status").GetString() == "Validated", validated.ToString());
        await PostFormAsync(client, url, "Commit", []);
        var committed = await WaitAsync(client, url);
        Assert.True(committed.GetProperty("status").GetString() == "Committed", committed.ToString());
        await AssertStoppedAsync(b);

        // the county reverses it on the person page: the reason is required there too
        var officer = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongxian.officer"));
        var page = $"/registry/persons/{b.PersonId}";
        var html = await officer.GetStringAsync(page);
        Assert.Contains("撤销死亡登记", html, StringComparison.Ordinal);
        var clerkPage = await (await app.ClientAsync("rongzhou.clerk")).GetStringAsync(page);
        Assert.DoesNotContain("id=\"reverse-death\"", clerkPage, StringComparison.Ordinal);
        var version = (await officer.GetJsonAsync($"/api/v1/persons/{b.PersonId}")).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refused = await officer.PostAsync($"{page}?handler=ReverseDeath", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(officer, page),
            ["reason"] = "",
            ["version"] = version,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请写明撤销死亡登记的理由", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await PostFormAsync(officer, page, "ReverseDeath", new() { ["reason"] = "公安户籍数据误报，本人到场核实健在", ["version"] = version });
        var after = await officer.GetStringAsync(page);
        Assert.Contains("已撤销 2026-11-25 的死亡登记", after, StringComparison.Ordinal);
        var subsidy = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{b.SubsidyId}");
        Assert.Equal("approved", subsidy.GetProperty("status").GetString());
        var open = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking().CountAsync(e => e.SourceId == b.DibaoCaseId && e.ToMonth == null));
        Assert.Equal(1, open);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;

    private static async Task PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url);
        var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string batchUrl)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetJsonAsync(batchUrl + "/status");
            if (status.GetProperty("done").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }
}

public sealed class RegistryDeathTestsOnSqlite(SqliteApp app) : RegistryDeathTests(app), IClassFixture<SqliteApp>;

public sealed class RegistryDeathTestsOnPostgres(PostgresApp app) : RegistryDeathTests(app), IClassFixture<PostgresApp>;
