using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.AgeAllowance;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Modules.ElderlyCare.Dashboard;
using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Modules.ElderlyCare.StarRating;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// The elderly-care dashboard, panels and work items on SQLite and PostgreSQL (issue 13 item 10). Two townships of 陆川县 that the demo
/// population left empty get known records: people with known birth dates (one exactly 60 today, one a day short, one dead),
/// homes with beds and nursing beds, residents, ratings (one superseded, one expired), subsidies, a purchase contract past its
/// 80 % line, a draw with one home inspected and a rectification overdue, assessments (one superseded, one due) and 高龄津贴.
/// Each township's clerk gets exactly its own figures and nothing of the other's; the county sees both townships compared and
/// the contract; the work items reach the users whose permission and scope cover them.
/// </summary>
public abstract class DashboardTests(AppFixture app)
{
    private const string County = "450922000000"; // 陆川县

    private sealed record World(string TownA, string TownB, Guid HomeA1, Guid HomeA2, Guid HomeB1, Guid Rectification, Guid DueAssessment, Guid CurrentAssessment,
        string ClerkA, string ClerkB, string Officer);

    private static readonly ConcurrentDictionary<AppFixture, Lazy<Task<World>>> Worlds = new();

    private Task<World> WorldAsync() => Worlds.GetOrAdd(app, _ => new Lazy<Task<World>>(SeedAsync)).Value;

    private async Task<string> UserAsync(string division, string role)
    {
        var userName = "dash" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().CreateAsync(new UserInput
            {
                UserName = userName,
                DisplayName = "统计测试",
                DivisionCode = division,
                Roles = [role],
                Password = Web.Platform.Demo.DemoAccounts.Password,
            });
            user.MustChangePassword = false;
            await sp.GetRequiredService<UserManager<AppUser>>().UpdateAsync(user);
            return 0;
        });
        return userName;
    }

    private async Task<Guid> OrganizationAsync(string name, string village)
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/organizations", new { name, kind = "socialServiceAgency", divisionCode = village });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<World> SeedAsync()
    {
        // two townships of 陆川县 with nobody registered: every person counted below is one of ours
        var (townA, townB, villageA, villageB) = await app.WithServicesAsync(async sp =>
        {
            var divisions = sp.GetRequiredService<DivisionDirectory>();
            var db = sp.GetRequiredService<AppDbContext>();
            var empty = new List<(string Town, string Village)>();
            foreach (var town in divisions.Descendants(County, DivisionLevel.Town).OrderBy(d => d.Code))
            {
                var prefix = town.Code[..9];
                var village = divisions.Descendants(town.Code, DivisionLevel.Village).OrderBy(d => d.Code).FirstOrDefault();
                if (village is null || await db.Persons.AnyAsync(p => p.DivisionCode.StartsWith(prefix))) continue;
                empty.Add((town.Code, village.Code));
                if (empty.Count == 2) break;
            }
            Assert.Equal(2, empty.Count);
            return (empty[0].Town, empty[1].Town, empty[0].Village, empty[1].Village);
        });
        var a1Org = await OrganizationAsync("陆川统计测试颐养院" + townA[6..9], villageA);
        var a2Org = await OrganizationAsync("陆川统计测试敬老院" + townA[6..9], villageA);
        var b1Org = await OrganizationAsync("陆川统计测试安康院" + townB[6..9], villageB);
        var providerOrg = await OrganizationAsync("陆川统计测试居家服务中心" + townA[6..9], villageA);

        var ids = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Person P(string name, string village, DateOnly born, LifeStatus status = LifeStatus.Alive, DateOnly? died = null)
            {
                var p = new Person { Name = name, DivisionCode = village, BirthDate = born, LifeStatus = status, DeathDate = died };
                db.Persons.Add(p);
                return p;
            }
            // 2026-11-30 is the fixture's today: born 1966-11-30 is 60 today, born 1966-12-01 is not yet
            var sixty = P("甲六十", villageA, new DateOnly(1966, 11, 30));
            var young = P("甲五九", villageA, new DateOnly(1966, 12, 1));
            var old = P("甲八六", villageA, new DateOnly(1940, 1, 1));
            var alive = P("甲七一", villageA, new DateOnly(1955, 1, 1));
            P("甲已故", villageA, new DateOnly(1950, 5, 5), LifeStatus.Deceased, new DateOnly(2026, 10, 1));
            var b1 = P("乙七六", villageB, new DateOnly(1950, 1, 1));
            P("乙七六二", villageB, new DateOnly(1950, 2, 1));

            ElderlyHome Home(Guid org, string kind, string village, int beds, int nursing) => new()
            {
                OrganizationId = org,
                Kind = kind,
                DivisionCode = village,
                Private = kind == ElderlyHomeKinds.CareHome,
                OpenedOn = new DateOnly(2025, 6, 1),
                Regime = EntryRegime.Filed66,
                Beds = beds,
                NursingBeds = nursing,
            };
            // A1: not filed, its deadline passed; A2: filed, its on-site check overdue; B1: filing due in two working days
            var a1 = Home(a1Org, ElderlyHomeKinds.CareHome, villageA, 12, 4);
            a1.FirstResidentOn = new DateOnly(2026, 11, 2);
            a1.FilingDueOn = new DateOnly(2026, 11, 16);
            var a2 = Home(a2Org, ElderlyHomeKinds.SpecialCareFacility, villageA, 8, 1);
            a2.FirstResidentOn = new DateOnly(2026, 9, 1);
            a2.FilingDueOn = new DateOnly(2026, 9, 15);
            a2.FiledOn = new DateOnly(2026, 9, 10);
            a2.FilingNumber = "TEST-" + townA;
            a2.Status = HomeStatus.Filed;
            a2.CheckDueOn = new DateOnly(2026, 10, 15);
            var b1Home = Home(b1Org, ElderlyHomeKinds.CareHome, villageB, 10, 0);
            b1Home.FirstResidentOn = new DateOnly(2026, 11, 18);
            b1Home.FilingDueOn = new DateOnly(2026, 12, 2);
            db.AddRange(a1, a2, b1Home);

            Resident R(ElderlyHome h, Person p, DateOnly admitted, DateOnly? discharged = null) =>
                new() { HomeId = h.Id, OrganizationId = h.OrganizationId, DivisionCode = h.DivisionCode, PersonId = p.Id, AdmittedOn = admitted, DischargedOn = discharged };
            db.AddRange(R(a1, sixty, new DateOnly(2026, 11, 2)), R(a1, old, new DateOnly(2026, 11, 3)), R(a1, young, new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 20)),
                R(a2, alive, new DateOnly(2026, 9, 1)), R(b1Home, b1, new DateOnly(2026, 11, 18)));

            StarRatingRecord Star(Guid org, string village, int level, DateOnly rated, DateOnly validUntil, int seq) => new()
            {
                Number = $"XJ-{village}-{seq}",
                OrganizationId = org,
                HomeName = "测试",
                DivisionCode = village,
                AppliedOn = rated,
                AppliedBy = "test",
                Level = level,
                RatedOn = rated,
                ValidUntil = validUntil,
            };
            // A1: 三星 now (its 一星 of 2022 replaced); B1: 二星 expired at the end of 2025
            db.AddRange(Star(a1Org, villageA, 1, new DateOnly(2022, 3, 1), new DateOnly(2027, 2, 28), 1), Star(a1Org, villageA, 3, new DateOnly(2026, 1, 10), new DateOnly(2029, 1, 9), 2),
                Star(b1Org, villageB, 2, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), 3),
                // a rating of an organisation that is no home (the provider) is not a home's level
                Star(providerOrg, villageA, 5, new DateOnly(2026, 2, 1), new DateOnly(2029, 1, 31), 4));

            EntitlementPeriod Due(string program, Guid? org, Guid? person, string village, DateOnly from, DateOnly? to, decimal yuan, bool oneOff) => new()
            {
                Program = program,
                SourceId = Guid.CreateVersion7(),
                SourceNumber = "TEST",
                PayeeOrganizationId = org,
                PayeePersonId = person,
                BeneficiaryPersonId = person,
                DivisionCode = village,
                FromMonth = from,
                ToMonth = to,
                OneOff = oneOff,
                MonthlyAmount = Money.FromYuan(yuan),
                Explanation = "[]",
                Reason = "测试",
                PublishedAt = DateTime.UtcNow,
            };
            db.AddRange(
                Due(HomeSubsidies.Program, a1Org, null, villageA, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), 3000m, true),
                Due(HomeSubsidies.ConstructionProgram, a1Org, null, villageA, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), 50000m, true),
                // 高龄津贴: one running in November, one ended in October, one starting in December
                Due(AgeAllowanceGrants.Program, null, old.Id, villageA, new DateOnly(2026, 1, 1), null, 100m, false),
                Due(AgeAllowanceGrants.Program, null, alive.Id, villageA, new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 1), 100m, false),
                Due(AgeAllowanceGrants.Program, null, b1.Id, villageB, new DateOnly(2026, 12, 1), null, 100m, false));

            // the county's contract: 100,000 budgeted, 82,000 settled (past the 80 % line)
            var contract = new HomeCareContract
            {
                Number = "JJHT-TEST-" + townA,
                OrganizationId = providerOrg,
                ProviderName = "陆川统计测试居家服务中心",
                DivisionCode = County,
                Year = 2026,
                ValidFrom = new DateOnly(2026, 1, 1),
                ValidTo = new DateOnly(2026, 12, 31),
                Budget = Money.FromYuan(100000m),
                Document = "测试合同",
            };
            db.Add(contract);
            HomeCareSettlement Settle(DateOnly month, decimal yuan) => new()
            {
                Number = $"JS-{townA}-{month:yyyyMM}",
                ContractId = contract.Id,
                OrganizationId = providerOrg,
                DivisionCode = County,
                Month = month,
                PayMonth = month.AddMonths(1),
                Amount = Money.FromYuan(yuan),
                Explanation = "[]",
                CreatedBy = "test",
            };
            db.AddRange(Settle(new DateOnly(2026, 9, 1), 30000m), Settle(new DateOnly(2026, 10, 1), 52000m));

            // a draw of the county on 11-05: A1 inspected with a rectification overdue since 11-25, A2 not yet inspected
            var draw = new InspectionDrawRecord
            {
                Number = "CQ-TEST-" + townA,
                DivisionCode = County,
                MatterName = "测试事项",
                Seed = "seed",
                Population = "[]",
                Picks = "[]",
                DrawnOn = new DateOnly(2026, 11, 5),
                DrawnBy = "test",
            };
            Inspection Check(Guid org, string village, int seq) => new()
            {
                Number = $"JC-{townA}-{seq}",
                DrawId = draw.Id,
                MatterName = "测试事项",
                OrganizationId = org,
                HomeName = "测试",
                DivisionCode = village,
                InspectorIds = "[]",
                InspectorNames = "甲、乙",
            };
            var inspected = Check(a1Org, villageA, 1);
            inspected.State = InspectionState.Inspected;
            inspected.InspectedOn = new DateOnly(2026, 11, 10);
            inspected.Conclusion = InspectionConclusion.Rectify;
            var rectification = new Rectification { InspectionId = inspected.Id, DivisionCode = villageA, ItemCode = "F2", Requirement = "疏散通道保持畅通", DueOn = new DateOnly(2026, 11, 25) };
            inspected.Rectifications.Add(rectification);
            db.AddRange(draw, inspected, Check(a2Org, villageA, 2));

            AbilityAssessment Assess(Person p, string village, int level, DateOnly on, DateOnly next, int seq) => new()
            {
                Number = $"PG-{townA}-{seq}",
                PersonId = p.Id,
                DivisionCode = village,
                ScaleVersion = "GB/T 42195-2022",
                Answers = "{}",
                Reasons = "[]",
                Total = 60,
                Level = level,
                BaseLevel = level,
                Assessor1 = "甲",
                Assessor2 = "乙",
                AssessedOn = on,
                NextDueOn = next,
                RecordedBy = "test",
            };
            // 甲六十: level 1 in 2024 replaced by level 2 in 2025, due again 2026-11-01; 甲七一: level 0, due in 2027
            var due = Assess(sixty, villageA, 2, new DateOnly(2025, 11, 1), new DateOnly(2026, 11, 1), 2);
            var current = Assess(alive, villageA, 0, new DateOnly(2026, 6, 1), new DateOnly(2027, 6, 1), 3);
            db.AddRange(Assess(sixty, villageA, 1, new DateOnly(2024, 11, 1), new DateOnly(2025, 11, 1), 1), due, current);
            await db.SaveChangesAsync();
            return (a1.Id, a2.Id, b1Home.Id, rectification.Id, due.Id, current.Id);
        });
        return new World(townA, townB, ids.Item1, ids.Item2, ids.Item3, ids.Item4, ids.Item5, ids.Item6,
            await UserAsync(townA, Roles.TownshipClerk), await UserAsync(townB, Roles.TownshipClerk), await UserAsync(County, Roles.CountyOfficer));
    }

    private static int Count(JsonElement list, string code) => list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("count").GetInt32();

    [Fact]
    public async Task Each_township_clerk_gets_exactly_its_own_figures_and_none_of_the_other_township()
    {
        app.SkipIfUnavailable();
        var world = await WorldAsync();
        var clerkA = await app.ClientAsync(world.ClerkA);
        var d = await clerkA.GetJsonAsync("/api/v1/elderly/dashboard?year=2026&month=11");
        Assert.Equal("2026-11", d.GetProperty("period").GetString());
        Assert.Equal("2026-11-30", d.GetProperty("asOf").GetString());
        Assert.Equal(60, d.GetProperty("elderAge").GetInt32());
        var c = d.GetProperty("capacity");
        Assert.Equal(2, c.GetProperty("homes").GetInt32());
        Assert.Equal(20, c.GetProperty("beds").GetInt32());
        Assert.Equal(5, c.GetProperty("nursingBeds").GetInt32());
        Assert.Equal(3, c.GetProperty("residents").GetInt32());
        // 60 today, 86 and 71 count; 59 (a day short) and the dead do not: 20 beds × 1000 / 3 = 6666.7
        Assert.Equal(3, c.GetProperty("elders").GetInt32());
        Assert.Equal(6666.7m, c.GetProperty("bedsPerThousand").GetDecimal());
        Assert.Equal(25.0m, c.GetProperty("nursingRatio").GetDecimal());
        Assert.Equal(15.0m, c.GetProperty("occupancy").GetDecimal());
        Assert.Equal(1, Count(d.GetProperty("homesByKind"), ElderlyHomeKinds.CareHome));
        Assert.Equal(1, Count(d.GetProperty("homesByKind"), ElderlyHomeKinds.SpecialCareFacility));
        Assert.Equal(1, Count(d.GetProperty("homesByStar"), "3"));
        Assert.Equal(0, Count(d.GetProperty("homesByStar"), "1"));
        Assert.Equal(0, Count(d.GetProperty("homesByStar"), "5"));
        Assert.Equal(1, Count(d.GetProperty("homesByStar"), "0"));
        Assert.Equal(1, d.GetProperty("filingOverdue").GetInt32());
        Assert.Equal(1, d.GetProperty("checkOverdue").GetInt32());
        var s = d.GetProperty("subsidies");
        Assert.Equal(1, s.GetProperty("count").GetInt32());
        Assert.Equal(3000m, s.GetProperty("total").GetDecimal());
        var i = d.GetProperty("inspections");
        Assert.Equal(2, i.GetProperty("planned").GetInt32());
        Assert.Equal(1, i.GetProperty("done").GetInt32());
        Assert.Equal(50.0m, i.GetProperty("donePercent").GetDecimal());
        Assert.Equal(1, i.GetProperty("rectificationsOverdue").GetInt32());
        var a = d.GetProperty("assessments");
        Assert.Equal(2, a.GetProperty("assessed").GetInt32());
        Assert.Equal(1, a.GetProperty("reassessmentsDue").GetInt32());
        Assert.Equal(1, Count(a.GetProperty("byLevel"), "2"));
        Assert.Equal(1, Count(a.GetProperty("byLevel"), "0"));
        Assert.Equal(0, Count(a.GetProperty("byLevel"), "1"));
        Assert.Equal(1, d.GetProperty("allowance").GetProperty("recipients").GetInt32());
        Assert.Equal(100m, d.GetProperty("allowance").GetProperty("amount").GetDecimal());
        // a township compares nothing below itself, and its clerk does not see the county's contract
        Assert.Equal(0, d.GetProperty("areas").GetArrayLength());
        Assert.Equal(0m, d.GetProperty("homeCare").GetProperty("budget").GetDecimal());

        // the whole year: the construction subsidy of March counts too
        var year = await clerkA.GetJsonAsync("/api/v1/elderly/dashboard?year=2026");
        Assert.Equal("2026", year.GetProperty("period").GetString());
        Assert.Equal(53000m, year.GetProperty("subsidies").GetProperty("total").GetDecimal());
        Assert.Equal(50000m, year.GetProperty("subsidies").GetProperty("construction").GetDecimal());

        // township B: its own home, resident and people; nothing of A
        var clerkB = await app.ClientAsync(world.ClerkB);
        var b = await clerkB.GetJsonAsync("/api/v1/elderly/dashboard?year=2026&month=11");
        var cb = b.GetProperty("capacity");
        Assert.Equal(1, cb.GetProperty("homes").GetInt32());
        Assert.Equal(10, cb.GetProperty("beds").GetInt32());
        Assert.Equal(1, cb.GetProperty("residents").GetInt32());
        Assert.Equal(2, cb.GetProperty("elders").GetInt32());
        Assert.Equal(5000.0m, cb.GetProperty("bedsPerThousand").GetDecimal());
        Assert.Equal(0m, cb.GetProperty("nursingRatio").GetDecimal());
        Assert.Equal(0, Count(b.GetProperty("homesByStar"), "2")); // expired
        Assert.Equal(1, Count(b.GetProperty("homesByStar"), "0"));
        Assert.Equal(0, b.GetProperty("filingOverdue").GetInt32());
        Assert.Equal(0, b.GetProperty("checkOverdue").GetInt32());
        Assert.Equal(0m, b.GetProperty("subsidies").GetProperty("total").GetDecimal());
        Assert.Equal(0, b.GetProperty("inspections").GetProperty("planned").GetInt32());
        Assert.Equal(0, b.GetProperty("inspections").GetProperty("rectificationsOverdue").GetInt32());
        Assert.Equal(0, b.GetProperty("assessments").GetProperty("assessed").GetInt32());
        Assert.Equal(0, b.GetProperty("allowance").GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task The_county_compares_its_townships_and_sees_home_care_spending_against_the_budget_with_the_alert()
    {
        app.SkipIfUnavailable();
        var world = await WorldAsync();
        var officer = await app.ClientAsync(world.Officer);
        var d = await officer.GetJsonAsync("/api/v1/elderly/dashboard?year=2026&month=11");
        Assert.Equal("乡级", d.GetProperty("areaLevel").GetString());
        var areas = d.GetProperty("areas").EnumerateArray().ToList();
        var a = areas.Single(x => x.GetProperty("code").GetString() == world.TownA);
        Assert.Equal(2, a.GetProperty("homes").GetInt32());
        Assert.Equal(20, a.GetProperty("beds").GetInt32());
        Assert.Equal(3, a.GetProperty("elders").GetInt32());
        Assert.Equal(6666.7m, a.GetProperty("bedsPerThousand").GetDecimal());
        Assert.Equal(1, a.GetProperty("filingOverdue").GetInt32());
        Assert.Equal(1, a.GetProperty("rectificationsOverdue").GetInt32());
        Assert.Equal(3000m, a.GetProperty("subsidies").GetDecimal());
        Assert.Equal(1, a.GetProperty("allowanceRecipients").GetInt32());
        var b = areas.Single(x => x.GetProperty("code").GetString() == world.TownB);
        Assert.Equal(10, b.GetProperty("beds").GetInt32());
        Assert.Equal(5000.0m, b.GetProperty("bedsPerThousand").GetDecimal());

        var hc = d.GetProperty("homeCare");
        var contract = hc.GetProperty("contracts").EnumerateArray().Single(x => x.GetProperty("number").GetString() == "JJHT-TEST-" + world.TownA);
        Assert.Equal(100000m, contract.GetProperty("budget").GetDecimal());
        Assert.Equal(82000m, contract.GetProperty("settled").GetDecimal());
        Assert.Equal(82.0m, contract.GetProperty("percent").GetDecimal());
        Assert.Equal(80m, contract.GetProperty("alertPercent").GetDecimal());
        Assert.True(contract.GetProperty("alert").GetBoolean());
        // September is outside the chosen month; October is settled within it only when October is the period
        Assert.Equal(0m, contract.GetProperty("settledInPeriod").GetDecimal());
        var october = await officer.GetJsonAsync("/api/v1/elderly/dashboard?year=2026&month=10");
        var inOctober = october.GetProperty("homeCare").GetProperty("contracts").EnumerateArray().Single(x => x.GetProperty("number").GetString() == "JJHT-TEST-" + world.TownA);
        Assert.Equal(52000m, inOctober.GetProperty("settledInPeriod").GetDecimal());
        Assert.Equal(82000m, inOctober.GetProperty("settled").GetDecimal());
        // in September the contract had used 30 %: no alert yet
        var september = await officer.GetJsonAsync("/api/v1/elderly/dashboard?year=2026&month=9");
        var inSeptember = september.GetProperty("homeCare").GetProperty("contracts").EnumerateArray().Single(x => x.GetProperty("number").GetString() == "JJHT-TEST-" + world.TownA);
        Assert.Equal(30.0m, inSeptember.GetProperty("percent").GetDecimal());
        Assert.False(inSeptember.GetProperty("alert").GetBoolean());
    }

    [Fact]
    public async Task A_bad_period_is_refused_on_its_field()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var month = await clerk.GetAsync("/api/v1/elderly/dashboard?year=2026&month=13").ExpectProblemAsync(400, "validation_failed");
        Assert.True(month.GetProperty("errors").TryGetProperty("month", out _), month.ToString());
        var future = await clerk.GetAsync("/api/v1/elderly/dashboard?year=2026&month=12").ExpectProblemAsync(400, "validation_failed");
        Assert.True(future.GetProperty("errors").TryGetProperty("month", out _), future.ToString());
        var year = await clerk.GetAsync("/api/v1/elderly/dashboard?year=2031").ExpectProblemAsync(400, "validation_failed");
        Assert.True(year.GetProperty("errors").TryGetProperty("year", out _), year.ToString());
        // the page shows the problem beside the field and the current month's figures
        var page = await clerk.GetAsync("/elderly?year=2026&month=13");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("月份应为 1 至 12", html, StringComparison.Ordinal);
        // the old links to the overdue home lists still work
        var old = await clerk.GetAsync("/elderly?overdue=filing");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal("/elderly/homes?overdue=filing", old.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Work_items_reach_the_users_whose_permission_and_scope_cover_them()
    {
        app.SkipIfUnavailable();
        var world = await WorldAsync();
        static string Key(string prefix, Guid id) => prefix + id.ToString("N");
        async Task<Dictionary<string, JsonElement>> TasksAsync(string user) =>
            (await (await app.ClientAsync(user)).GetItemsAsync("/api/v1/my/tasks?pageSize=200")).ToDictionary(t => t.GetProperty("key").GetString()!);

        // the county files and checks homes and runs the inspections: A1 overdue, B1 due in two working days (notice 3), A2's check, the rectification
        var officer = await TasksAsync(world.Officer);
        Assert.Equal("overdue", officer[Key(ElderlyWorkItems.FilingPrefix, world.HomeA1)].GetProperty("severity").GetString());
        Assert.Equal("2026-12-02", officer[Key(ElderlyWorkItems.FilingPrefix, world.HomeB1)].GetProperty("deadline").GetString());
        Assert.Equal("duesoon", officer[Key(ElderlyWorkItems.FilingPrefix, world.HomeB1)].GetProperty("severity").GetString());
        Assert.True(officer.ContainsKey(Key(ElderlyWorkItems.CheckPrefix, world.HomeA2)));
        Assert.False(officer.ContainsKey(Key(ElderlyWorkItems.FilingPrefix, world.HomeA2)));
        Assert.Equal("2026-11-25", officer[Key(ElderlyWorkItems.RectificationPrefix, world.Rectification)].GetProperty("deadline").GetString());

        // township A's clerk assesses: the reassessment due, not the replaced or the current one, and no filing or rectification
        var clerkA = await TasksAsync(world.ClerkA);
        Assert.Equal("2026-11-01", clerkA[Key(ElderlyWorkItems.ReassessPrefix, world.DueAssessment)].GetProperty("deadline").GetString());
        Assert.False(clerkA.ContainsKey(Key(ElderlyWorkItems.ReassessPrefix, world.CurrentAssessment)));
        Assert.DoesNotContain(clerkA.Keys, k => k.StartsWith(ElderlyWorkItems.FilingPrefix, StringComparison.Ordinal) || k.StartsWith(ElderlyWorkItems.RectificationPrefix, StringComparison.Ordinal));

        // township B's clerk gets nothing of A
        var clerkB = await TasksAsync(world.ClerkB);
        Assert.DoesNotContain(clerkB.Keys, k => k.StartsWith("elderly-", StringComparison.Ordinal));
        // another county's officer gets none of these
        var rongxian = await TasksAsync("rongxian.officer");
        Assert.False(rongxian.ContainsKey(Key(ElderlyWorkItems.FilingPrefix, world.HomeA1)));
        Assert.False(rongxian.ContainsKey(Key(ElderlyWorkItems.RectificationPrefix, world.Rectification)));
    }

    [Fact]
    public async Task The_person_and_organisation_panels_show_the_stay_the_assessment_the_allowance_and_the_home()
    {
        app.SkipIfUnavailable();
        var world = await WorldAsync();
        var (personId, organizationId) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var due = await db.Set<AbilityAssessment>().SingleAsync(x => x.Id == world.DueAssessment);
            var home = await db.Set<ElderlyHome>().SingleAsync(h => h.Id == world.HomeA1);
            return (due.PersonId, home.OrganizationId!.Value);
        });
        var officer = await app.ClientAsync(world.Officer);
        var person = await (await officer.GetAsync($"/registry/persons/{personId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("在住", person, StringComparison.Ordinal);
        Assert.Contains("2 级", person, StringComparison.Ordinal);
        Assert.Contains("2026-11-01 应再评估", person, StringComparison.Ordinal);
        var organization = await (await officer.GetAsync($"/registry/organizations/{organizationId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("床位 12 张（护理型 4 张），在住 2 人", organization, StringComparison.Ordinal);
        Assert.Contains("三级", organization, StringComparison.Ordinal);
        Assert.Contains("整改超期 1 项", organization, StringComparison.Ordinal);
    }
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
