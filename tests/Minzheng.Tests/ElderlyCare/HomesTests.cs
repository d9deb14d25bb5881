using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// Care homes over the API on SQLite and PostgreSQL (issue 13 items 1, 2, 3, 7): a private home of 北流市 is registered (no licence
/// after 2018), its first resident starts the 10-working-day filing clock, it is filed (missing materials named, nothing saved) and
/// checked; its own account admits and assesses residents and applies for a month's operating subsidy, which the county reviews
/// and approves and the payroll pays to the home's account with its explanation. The home's account sees no other home; a
/// township clerk elsewhere sees nothing of it.
/// </summary>
public abstract class HomesTests(AppFixture app)
{
    private const string County = "450981000000";   // 北流市
    private const string Village = "450981001001";  // 陵城街道 陵宁社区
    private static int _seq = Random.Shared.Next(0, 400);

    private static Dictionary<string, int> Sheet(int total) =>
        AbilityRulesTests.Sheet(total).ToDictionary(e => e.Key, e => e.Value!.Value);

    private async Task<(Guid Id, string IdNumber)> ElderAsync(string name)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose("450981", new DateOnly(1948, 3, 3), Interlocked.Increment(ref _seq) % 999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name, divisionCode = Village });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.JsonAsync()).GetProperty("id").GetGuid(), id);
    }

    private async Task<Guid> OrganizationAsync(string name, string? bankAccount = null)
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name,
            kind = "socialServiceAgency",
            divisionCode = Village,
            bankName = bankAccount is null ? null : "北流农商银行",
            bankAccount,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> HomeAsync(Guid organization, int beds = 20)
    {
        var officer = await app.ClientAsync("beiliu.officer");
        var r = await officer.PostAsJsonAsync("/api/v1/elderly/homes", new
        {
            organizationId = organization,
            kind = "care_home",
            @private = true,
            openedOn = new DateOnly(2025, 1, 6),
            beds,
            nursingBeds = 8,
            floorArea = 900m,
            premisesOwnership = "租赁",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    private async Task<HttpClient> HomeAccountAsync(Guid organization)
    {
        var userName = "home" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
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

    [Fact]
    public async Task The_score_endpoint_answers_totals_indicators_and_level_and_names_each_bad_item()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var ok = await (await clerk.PostAsJsonAsync("/api/v1/elderly/ability/score", new { answers = Sheet(65), dementiaDiagnosis = true, riskEvents30Days = 2 })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(65, ok.GetProperty("total").GetInt32());
        Assert.Equal(2, ok.GetProperty("baseLevel").GetInt32());
        Assert.Equal(4, ok.GetProperty("level").GetInt32());
        var indicators = ok.GetProperty("indicators");
        Assert.Equal(65, indicators.GetProperty("selfCare").GetInt32() + indicators.GetProperty("motor").GetInt32() + indicators.GetProperty("mental").GetInt32() + indicators.GetProperty("perception").GetInt32());
        Assert.True(ok.GetProperty("reasons").GetArrayLength() >= 4);

        var bad = Sheet(90);
        bad["B2.4"] = 4;
        bad.Remove("B4.5");
        var problem = await clerk.PostAsJsonAsync("/api/v1/elderly/ability/score", new { answers = bad, riskEvents30Days = -1 }).ExpectProblemAsync(400, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("answers.B2.4", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("answers.B4.5", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("riskEvents30Days", out _), errors.ToString());
    }

    [Fact]
    public async Task A_home_is_filed_and_checked_its_residents_assessed_and_its_operating_subsidy_paid_to_its_account_with_the_explanation()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("beiliu.officer");
        var organization = await OrganizationAsync("北流市陵宁颐养院" + _seq, "6230100012345678");

        // a home opened after 2018 is never asked for a licence: giving one is refused, and nothing is saved
        var licensed = await officer.PostAsJsonAsync("/api/v1/elderly/homes", new { organizationId = organization, kind = "care_home", @private = true, openedOn = new DateOnly(2025, 1, 6), beds = 20, licenceNumber = "X-1" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(licensed.GetProperty("errors").TryGetProperty("licenceNumber", out _));
        await officer.PostAsJsonAsync("/api/v1/elderly/homes", new { organizationId = organization, kind = "care_home", openedOn = new DateOnly(2025, 1, 6), beds = 8 })
            .ExpectProblemAsync(400, "validation_failed");
        var home = await HomeAsync(organization);
        var homeId = home.GetProperty("id").GetGuid();
        Assert.Equal("filed66", home.GetProperty("regime").GetString());
        Assert.False(home.GetProperty("needsLicence").GetBoolean());
        await officer.PostAsJsonAsync("/api/v1/elderly/homes", new { organizationId = organization, kind = "care_home", openedOn = new DateOnly(2025, 1, 6), beds = 20 })
            .ExpectProblemAsync(409, "home_exists");

        // the home's own account admits two elders; the first admission starts the filing clock (10 working days)
        var account = await HomeAccountAsync(organization);
        var (wang, wangId) = await ElderAsync("王颐养");
        var (li, liId) = await ElderAsync("李颐养");
        foreach (var id in new[] { wangId, liId })
        {
            await account.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/residents", new { idNumber = id, admittedOn = new DateOnly(2026, 9, 1), feeLevel = "标准间" }).EnsureStatus(HttpStatusCode.Created);
        }
        await account.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/residents", new { idNumber = wangId, admittedOn = new DateOnly(2026, 9, 1) }).ExpectProblemAsync(409, "already_resident");
        await account.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/residents", new { idNumber = "450981194803031234", admittedOn = new DateOnly(2026, 9, 1) }).ExpectProblemAsync(400, "validation_failed");
        home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal("2026-09-01", home.GetProperty("firstResidentOn").GetString());
        Assert.Equal("2026-09-15", home.GetProperty("filingDueOn").GetString()); // 10 working days: 9-2 … 9-15
        Assert.True(home.GetProperty("filingOverdue").GetBoolean());
        Assert.Contains(await officer.GetItemsAsync("/api/v1/elderly/homes?overdue=filing&pageSize=200"), h => h.GetProperty("id").GetGuid() == homeId);

        // 备案: a missing material is named and nothing is saved; complete materials give the receipt and the check deadline
        var version = home.GetProperty("version").GetInt32();
        var missing = await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/filing", new { filedOn = new DateOnly(2026, 9, 10), materials = new[] { "application", "registration" }, version })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Contains("承诺书", missing.GetProperty("errors").GetProperty("materials")[0].GetString(), StringComparison.Ordinal);
        home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal(JsonValueKind.Null, home.GetProperty("filedOn").ValueKind);
        Assert.Equal(version, home.GetProperty("version").GetInt32());
        var filing = await (await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/filing", new { filedOn = new DateOnly(2026, 9, 10), materials = new[] { "application", "registration", "commitment" }, version })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.StartsWith("YLBA2026", filing.GetProperty("number").GetString(), StringComparison.Ordinal);
        home = await officer.GetJsonAsync($"/api/v1/elderly/homes/{homeId}");
        Assert.Equal("filed", home.GetProperty("status").GetString());
        Assert.Equal("2026-10-14", home.GetProperty("checkDueOn").GetString()); // 20 working days after 9-10: 9-20 and 10-10 worked, 9-25 and 10-1…10-7 off
        await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/check", new { checkedOn = new DateOnly(2026, 9, 20), findings = "", version = home.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(400, "validation_failed");
        home = await (await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{homeId}/check", new { checkedOn = new DateOnly(2026, 9, 20), findings = "消防设施完好，护理员持证上岗", version = home.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("checked", home.GetProperty("status").GetString());

        // the home's account assesses its residents: two different assessors, the server's totals; bad sheets save nothing
        var sameAssessor = await account.PostAsJsonAsync("/api/v1/elderly/ability/assessments", new { personId = wang, answers = Sheet(90), reason = "first", assessor1 = "甲", assessor2 = "甲", assessedOn = new DateOnly(2026, 9, 2) })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(sameAssessor.GetProperty("errors").TryGetProperty("assessor2", out _));
        var partial = Sheet(90);
        partial.Remove("B1.1");
        await account.PostAsJsonAsync("/api/v1/elderly/ability/assessments", new { personId = wang, answers = partial, reason = "first", assessor1 = "甲", assessor2 = "乙" }).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(0, (await account.GetJsonAsync($"/api/v1/elderly/ability/assessments?personId={wang}")).GetProperty("total").GetInt32());
        var a1 = await (await account.PostAsJsonAsync("/api/v1/elderly/ability/assessments", new { personId = wang, answers = Sheet(90), reason = "first", assessor1 = "甲", assessor2 = "乙", assessedOn = new DateOnly(2026, 9, 2) })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(0, a1.GetProperty("level").GetInt32());
        Assert.Equal("GB/T 42195-2022", a1.GetProperty("scaleVersion").GetString());
        Assert.Equal("2027-09-02", a1.GetProperty("nextDueOn").GetString()); // demo figure: 12 months
        var a2 = await (await account.PostAsJsonAsync("/api/v1/elderly/ability/assessments", new { personId = li, answers = Sheet(50), reason = "first", assessor1 = "甲", assessor2 = "乙", assessedOn = new DateOnly(2026, 9, 2) })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(2, a2.GetProperty("level").GetInt32());
        // home care's ability criterion reads the same stored level: known from the day assessed, unknown before it
        var levels = await app.WithServicesAsync(async sp =>
        {
            var source = sp.GetRequiredService<Minzheng.Web.Modules.ElderlyCare.HomeCare.IAbilityLevelSource>();
            return (await source.LevelOfAsync(li, new DateOnly(2026, 10, 1), default), await source.LevelOfAsync(li, new DateOnly(2026, 9, 1), default));
        });
        Assert.Equal(((int?)2, (int?)null), levels);
        // the one-person view shows the stay and the assessment (the county's view; the home's account has no registry access)
        var personPage = await officer.GetAsync($"/registry/persons/{wang}");
        var personHtml = await personPage.Content.ReadAsStringAsync();
        Assert.True(personPage.StatusCode == HttpStatusCode.OK, personHtml[..Math.Min(800, personHtml.Length)]);
        Assert.Contains("北流市陵宁颐养院", personHtml, StringComparison.Ordinal);
        Assert.Contains(a1.GetProperty("number").GetString()!, personHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await account.GetAsync($"/elderly/assessments/{a1.GetProperty("id").GetGuid()}")).StatusCode);
        // the home's first page is its 工作台 (tasks and modules), not a denial, and shows no registry counts it may not read
        var first = await account.GetAsync("/");
        var firstHtml = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK && first.RequestMessage!.RequestUri!.AbsolutePath == "/", first.RequestMessage?.RequestUri + " " + first.StatusCode);
        Assert.Contains("我的待办", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("登记人口（健在）", firstHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/elderly/filings/{filing.GetProperty("id").GetGuid()}")).StatusCode);
        var residents = await account.GetItemsAsync($"/api/v1/elderly/homes/{homeId}/residents?current=true");
        Assert.Equal([0, 2], residents.Select(r => r.GetProperty("abilityLevel").GetInt32()).Order());

        // the home applies for October; the county reviews and approves; November's payroll pays the home's account
        await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "operating", month = new DateOnly(2026, 11, 1) }).ExpectProblemAsync(400, "validation_failed");
        var applied = await (await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "operating", month = new DateOnly(2026, 10, 1) }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(600m, applied.GetProperty("amount").GetDecimal()); // 200 × (1 + 0) + 200 × (1 + 100%)
        await account.PostAsJsonAsync("/api/v1/elderly/subsidies", new { kind = "operating", month = new DateOnly(2026, 10, 1) }).ExpectProblemAsync(409, "subsidy_exists");
        var subsidyId = applied.GetProperty("id").GetGuid();
        await account.PostAsJsonAsync($"/api/v1/elderly/subsidies/{subsidyId}/actions/approve", new { version = applied.GetProperty("version").GetInt32() }).ExpectProblemAsync(409, "workflow_action_not_allowed");
        var reviewed = await (await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{subsidyId}/actions/review", new { version = applied.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("reviewed", reviewed.GetProperty("status").GetString());
        var approved = await (await officer.PostAsJsonAsync($"/api/v1/elderly/subsidies/{subsidyId}/actions/approve", new { version = reviewed.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("2026-11-01", approved.GetProperty("paidMonth").GetString());
        var explanation = approved.GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("Label").GetString()).ToList();
        Assert.Contains(explanation, l => l!.Contains("王颐养", StringComparison.Ordinal) && l.Contains("0 级", StringComparison.Ordinal));
        Assert.Contains(explanation, l => l!.Contains("李颐养", StringComparison.Ordinal) && l.Contains("2 级", StringComparison.Ordinal));

        var created = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = County, program = "elderly-home-operating", month = new DateOnly(2026, 11, 1), kind = "regular" });
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
        Assert.Equal(600m, line.GetProperty("amount").GetDecimal());
        Assert.Matches(@"^6230\*+5678$", line.GetProperty("bankAccount").GetString()!);
        var paidLines = line.GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("label").GetString()).ToList();
        Assert.Contains(paidLines, l => l!.Contains("李颐养", StringComparison.Ordinal));
        Assert.Contains(line.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("basis").GetString()!.Contains("演示数据", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_homes_account_sees_its_own_home_only_and_a_clerk_of_another_township_sees_nothing_of_it()
    {
        app.SkipIfUnavailable();
        var mine = await OrganizationAsync("北流市甲颐养院" + _seq);
        var other = await OrganizationAsync("北流市乙颐养院" + _seq);
        var mineId = (await HomeAsync(mine)).GetProperty("id").GetGuid();
        var otherId = (await HomeAsync(other)).GetProperty("id").GetGuid();
        var account = await HomeAccountAsync(mine);
        var (_, elderId) = await ElderAsync("张颐养");
        var (_, otherElderId) = await ElderAsync("赵颐养");
        var resident = await (await account.PostAsJsonAsync($"/api/v1/elderly/homes/{mineId}/residents", new { idNumber = elderId, admittedOn = new DateOnly(2026, 11, 2) })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var officer = await app.ClientAsync("beiliu.officer");
        await officer.PostAsJsonAsync($"/api/v1/elderly/homes/{otherId}/residents", new { idNumber = otherElderId, admittedOn = new DateOnly(2026, 11, 2) }).EnsureStatus(HttpStatusCode.Created);

        // its own home, and nothing of the other: 404 like a record that does not exist, and never in a list
        Assert.Equal(HttpStatusCode.OK, (await account.GetAsync($"/api/v1/elderly/homes/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/v1/elderly/homes/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/v1/elderly/homes/{otherId}/residents")).StatusCode);
        await account.PostAsJsonAsync($"/api/v1/elderly/homes/{otherId}/residents", new { idNumber = elderId }).ExpectProblemAsync(404, "not_found");
        var listed = await account.GetItemsAsync("/api/v1/elderly/homes?pageSize=200");
        Assert.Equal([mineId], listed.Select(h => h.GetProperty("id").GetGuid()));
        Assert.Single(await account.GetItemsAsync($"/api/v1/elderly/homes/{mineId}/residents"));
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/v1/organizations/{other}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await account.GetAsync("/api/v1/persons/" + resident.GetProperty("personId").GetGuid())).StatusCode);

        // a township clerk of 容县 杨梅镇 sees nothing of 北流's homes, residents or assessments
        var clerk = await app.ClientAsync("yangmei.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/elderly/homes/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/elderly/homes/{mineId}/residents")).StatusCode);
        Assert.DoesNotContain(await clerk.GetItemsAsync("/api/v1/elderly/homes?pageSize=200"), h => h.GetProperty("id").GetGuid() == mineId || h.GetProperty("id").GetGuid() == otherId);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/elderly/homes/{mineId}")).StatusCode);
        // the county sees both
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/elderly/homes/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/elderly/homes/{mineId}")).StatusCode);
    }
}

public sealed class HomesTestsOnSqlite(SqliteApp app) : HomesTests(app), IClassFixture<SqliteApp>;

public sealed class HomesTestsOnPostgres(PostgresApp app) : HomesTests(app), IClassFixture<PostgresApp>;
