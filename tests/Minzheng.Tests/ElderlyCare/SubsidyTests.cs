using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// 民办养老机构补贴 on SQLite and PostgreSQL (issue 13 item 3, ADR 034): a home's account applies for a construction subsidy, the county
/// reviews and approves it, the month's payroll pays the home's account with the explanation; refusing without an opinion is a 400 on
/// the field with nothing saved; a home's account cannot open another home's application; a home that closes within the claw-back
/// years owes the construction subsidy back as a payments recovery with its reason, and one that closes after them owes nothing.
/// </summary>
public abstract class SubsidyTests(AppFixture app)
{
    private const string County = "450981000000";   // 北流市
    private const string Village = "450981001001";  // 陵城街道 陵宁社区
    private static int _seq = Random.Shared.Next(0, 100000);

    private static string Next() => Interlocked.Increment(ref _seq).ToString(CultureInfo.InvariantCulture);

    private async Task<(Guid Organization, Guid Home, int Version)> HomeAsync(string name, int beds = 30)
    {
        var admin = await app.ClientAsync("admin");
        var org = await admin.PostAsJsonAsync("/api/v1/organizations", new { name, kind = "socialServiceAgency", divisionCode = Village, bankName = "北流农商银行", bankAccount = "62301000" + Next().PadLeft(8, '0') });
        Assert.True(org.StatusCode == HttpStatusCode.Created, await org.Content.ReadAsStringAsync());
        var organization = (await org.JsonAsync()).GetProperty("id").GetGuid();
        var officer = await app.ClientAsync("beiliu.officer");
        var r = await officer.PostAsJsonAsync("/api/v1/elderly/homes", new { organizationId = organization, kind = "care_home", @private = true, openedOn = new DateOnly(2025, 1, 6), beds, nursingBeds = 8, floorArea = 900m, premisesOwnership = "租赁" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var home = await r.JsonAsync();
        return (organization, home.GetProperty("id").GetGuid(), home.GetProperty("version").GetInt32());
    }

    private async Task<HttpClient> AccountAsync(Guid organization)
    {
        var userName = "subsidyhome" + Next();
        await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().CreateAsync(new UserInput
            {
                UserName = userName,
                DisplayName = "养老院工作人员",
                DivisionCode = County,
                OrganizationId = organization,
                Roles = [Roles.OrganizationStaff],
                Password = Web.Platform.Demo.DemoAccounts.Password,
            });
            user.MustChangePassword = false;
            await sp.GetRequiredService<UserManager<AppUser>>().UpdateAsync(user);
            return 0;
        });
        return await app.ClientAsync(userName);
    }

    /// <summary>The home's account applies for <paramref name="beds"/> new beds; the county reviews and approves.</summary>
    private async Task<JsonElement> ApprovedConstructionAsync(HttpClient account, int beds)
    {
        var officer = await app.ClientAsync("beiliu.officer");
        var applied = await (await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "construction", newBeds = beds }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = applied.GetProperty("id").GetGuid();
        var reviewed = await (await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/review", new { opinion = "新增床位已核实", version = applied.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        return await (await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/approve", new { version = reviewed.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
    }

    private async Task<List<Recovery>> RecoveriesAsync(Guid applicationId) =>
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Recovery>().IgnoreQueryFilters().AsNoTracking().Where(r => r.SourceId == applicationId).ToListAsync());

    [Fact]
    public async Task A_construction_subsidy_applied_reviewed_and_approved_is_paid_to_the_homes_account_with_its_explanation()
    {
        app.SkipIfUnavailable();
        var (organization, _, _) = await HomeAsync("北流市陵宁康养院" + Next());
        var account = await AccountAsync(organization);
        var officer = await app.ClientAsync("beiliu.officer");

        // what the server will count, before applying: nothing is saved
        var preview = await (await account.PostAsJsonAsync("/api/v1/elderly/subsidies/preview", new { kind = "construction", newBeds = 10 }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(20000m, preview.GetProperty("decision").GetProperty("amount").GetDecimal()); // demo figure 2,000 元/张
        Assert.Equal(0, (await account.GetJsonAsync("/api/v1/elderly/subsidies")).GetProperty("total").GetInt32());
        var tooMany = await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "construction", newBeds = 31 }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("newBeds", out _), tooMany.ToString());

        var approved = await ApprovedConstructionAsync(account, 10);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(20000m, approved.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-11-01", approved.GetProperty("paidMonth").GetString());
        // the county's queue filters by state and kind, and by the home's name
        var queue = await officer.GetItemsAsync("/api/v1/elderly/subsidies?status=approved&kind=construction&q=陵宁康养院&pageSize=200");
        Assert.Contains(queue, r => r.GetProperty("id").GetGuid() == approved.GetProperty("id").GetGuid());
        Assert.DoesNotContain(await officer.GetItemsAsync("/api/v1/elderly/subsidies?status=submitted&q=陵宁康养院&pageSize=200"), r => r.GetProperty("id").GetGuid() == approved.GetProperty("id").GetGuid());

        var created = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = County, program = HomeSubsidies.ConstructionProgram, month = new DateOnly(2026, 11, 1), kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var payrollId = (await created.JsonAsync()).GetProperty("id").GetString();
        JsonElement payroll = default;
        for (var i = 0; i < 600; i++)
        {
            payroll = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}");
            if (payroll.GetProperty("status").GetString() == "generated") break;
            await Task.Delay(100);
        }
        Assert.Equal("generated", payroll.GetProperty("status").GetString());
        var line = Assert.Single((await officer.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}/lines?pageSize=200")).GetProperty("items").EnumerateArray(),
            l => l.GetProperty("payeeOrganizationId").ValueKind != JsonValueKind.Null && l.GetProperty("payeeOrganizationId").GetGuid() == organization);
        Assert.Equal(20000m, line.GetProperty("amount").GetDecimal());
        Assert.Contains(line.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("label").GetString()!.Contains("新增床位 10 张", StringComparison.Ordinal)
            && l.GetProperty("basis").GetString()!.Contains("演示数据", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusing_without_an_opinion_is_a_400_on_the_field_with_nothing_saved_and_a_stale_version_is_a_409()
    {
        app.SkipIfUnavailable();
        var (organization, _, _) = await HomeAsync("北流市陵宁福乐院" + Next());
        var account = await AccountAsync(organization);
        var officer = await app.ClientAsync("beiliu.officer");
        var applied = await (await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "construction", newBeds = 5 }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = applied.GetProperty("id").GetGuid();
        var version = applied.GetProperty("version").GetInt32();

        var problem = await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/refuse", new { opinion = "  ", version }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("opinion", out _), problem.ToString());
        var unchanged = await officer.GetJsonAsync($"/api/v1/elderly/subsidies/{id}");
        Assert.Equal("submitted", unchanged.GetProperty("status").GetString());
        Assert.Equal(version, unchanged.GetProperty("version").GetInt32());
        // the page shows the same error beside the opinion, and the application is still waiting
        var page = await officer.GetAsync($"/elderly/subsidies/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("县级审核不同意", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reviewed = await (await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/review", new { version }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/approve", new { version }).ExpectProblemAsync(409, "concurrency_conflict");
        var refused = await (await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/refuse", new { opinion = "新增床位未通过消防验收", version = reviewed.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("paidMonth").ValueKind);
    }

    [Fact]
    public async Task A_homes_account_cannot_see_another_homes_application()
    {
        app.SkipIfUnavailable();
        var (mine, _, _) = await HomeAsync("北流市陵宁安康院" + Next());
        var (other, _, _) = await HomeAsync("北流市陵宁永福院" + Next());
        var account = await AccountAsync(mine);
        var theirs = await (await (await AccountAsync(other)).PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "construction", newBeds = 3 }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = theirs.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/v1/elderly/subsidies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/elderly/subsidies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/v1/elderly/subsidies/{id}/recoveries")).StatusCode);
        Assert.DoesNotContain(await account.GetItemsAsync("/api/v1/elderly/subsidies?pageSize=200"), r => r.GetProperty("id").GetGuid() == id);
        // nor may it apply in the other home's name
        var problem = await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { homeId = theirs.GetProperty("homeId").GetGuid(), kind = "construction", newBeds = 3 }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("homeId", out _));
    }

    [Fact]
    public async Task A_home_closing_within_the_years_owes_the_construction_subsidy_back_as_a_recovery_and_one_closing_after_them_owes_nothing()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("beiliu.officer");
        var name = "北流市陵宁长乐院" + Next();
        var (organization, home, version) = await HomeAsync(name);
        var account = await AccountAsync(organization);
        var approved = await ApprovedConstructionAsync(account, 12);
        var id = approved.GetProperty("id").GetGuid();
        Assert.Empty(await RecoveriesAsync(id));

        // closed the day it was approved, within the 5 years (demo figure): the whole 24,000 元 is owed back by the home
        var closed = await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{home}/close", new { closedOn = new DateOnly(2026, 11, 30), reason = "经营困难停业", version });
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var recovery = Assert.Single(await RecoveriesAsync(id));
        Assert.Equal(2_400_000, recovery.AmountFen);
        Assert.Equal(organization, recovery.PayeeOrganizationId);
        Assert.Null(recovery.PayeePersonId);
        Assert.Equal(RecoveryStatus.Open, recovery.Status);
        Assert.Equal(RecoveryOrigin.Claim, recovery.Origin);
        Assert.Equal(HomeSubsidies.ConstructionProgram, recovery.Program);
        Assert.Equal(new DateOnly(2026, 11, 1), recovery.ServiceMonth);
        foreach (var part in new[] { "2026-11-30 批准", "2026-11-30 关闭", "不满 5 年", "演示数据" }) Assert.Contains(part, recovery.Reason, StringComparison.Ordinal);

        var after = await officer.GetJsonAsync($"/api/v1/elderly/subsidies/{id}");
        Assert.Equal("clawedBack", after.GetProperty("status").GetString());
        Assert.Equal(24000m, after.GetProperty("clawbackAmount").GetDecimal());
        var claimed = Assert.Single((await officer.GetJsonAsync($"/api/v1/elderly/subsidies/{id}/recoveries")).EnumerateArray());
        Assert.True(claimed.GetProperty("open").GetBoolean());
        // payments lists it with the home as payee and the reason; the subsidy page and /payments/recoveries show it
        var listed = await officer.GetItemsAsync("/api/v1/payments/recoveries?status=open&pageSize=50");
        Assert.Contains(listed, r => r.GetProperty("id").GetGuid() == recovery.Id && r.GetProperty("payeeName").GetString() == name);
        Assert.Contains("提前关闭追回", await (await officer.GetAsync($"/elderly/subsidies/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(name, await (await officer.GetAsync("/payments/recoveries?status=Open")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // the timeline names the closure as the authority of the 追回 step
        var again = await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{id}/actions/clawback", new { opinion = "再次追回", version = after.GetProperty("version").GetInt32() });
        await again.ExpectProblemAsync(409, "workflow_action_not_allowed");
        Assert.Single(await RecoveriesAsync(id));

        // a home whose construction subsidy was approved more than 5 years before it closes owes nothing
        var (organization2, home2, version2) = await HomeAsync("北流市陵宁久安院" + Next());
        var old = await ApprovedConstructionAsync(await AccountAsync(organization2), 8);
        var oldId = old.GetProperty("id").GetGuid();
        await app.WithServicesAsync(async sp =>
            // history arranged: approved (and paid) in March 2021
            await sp.GetRequiredService<AppDbContext>().Set<HomeSubsidyApplication>().IgnoreQueryFilters().Where(a => a.Id == oldId)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ApprovedOn, new DateOnly(2021, 3, 1)).SetProperty(a => a.PaidMonth, new DateOnly(2021, 3, 1))));
        (await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{home2}/close", new { closedOn = new DateOnly(2026, 11, 30), reason = "经营期满停业", version = version2 })).EnsureSuccessStatusCode();
        Assert.Empty(await RecoveriesAsync(oldId));
        Assert.Equal("approved", (await officer.GetJsonAsync($"/api/v1/elderly/subsidies/{oldId}")).GetProperty("status").GetString());
    }
}

public sealed class SubsidyTestsOnSqlite(SqliteApp app) : SubsidyTests(app), IClassFixture<SqliteApp>;

public sealed class SubsidyTestsOnPostgres(PostgresApp app) : SubsidyTests(app), IClassFixture<PostgresApp>;
