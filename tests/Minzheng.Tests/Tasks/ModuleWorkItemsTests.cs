using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ChildWelfare;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Tasks;

/// <summary>
/// Issue 12 item 9, the modules' own sources (ADR 026): a child's visit due and an open risk (儿童主任, by village), an open comparison
/// finding (by village), payrolls to review and to approve (not one's own: separation of duties) — each listed for the roles that act
/// on it, within scope; and whatever the source, no user sees an item outside their division scope.
/// </summary>
public abstract class ModuleWorkItemsTests(AppFixture app)
{
    private const string Xinnan = "450921100003";
    private const string Rongxian = "450921000000";

    private async Task<List<JsonElement>> TasksOfAsync(string user) => await (await app.ClientAsync(user)).GetItemsAsync("/api/v1/my/tasks");

    private static bool Has(List<JsonElement> items, string key) => items.Any(i => i.GetProperty("key").GetString() == key);

    private Task<Guid> PersonInAsync(string division) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.Where(p => p.DivisionCode == division && p.LifeStatus == LifeStatus.Alive).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private string SiblingVillage() => app.Services.GetRequiredService<DivisionDirectory>().ChildrenOf("450921100000")
        .First(d => d.Code != Xinnan && app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.AnyAsync(p => p.DivisionCode == d.Code)).GetAwaiter().GetResult()).Code;

    [Fact]
    public async Task Child_visits_due_and_open_risks_and_open_findings_go_to_those_who_act_on_them_in_their_village_or_township()
    {
        app.SkipIfUnavailable();
        var sibling = SiblingVillage();
        var today = app.Services.GetRequiredService<BusinessClock>().Today;
        var (visit, risk, finding) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            WatchedChild Child(Guid person, string division) => new()
            {
                PersonId = person,
                DivisionCode = division,
                GuardianName = "祖母",
                GuardianRelation = "祖母",
                Director = "儿童主任",
                RegisteredOn = today.AddMonths(-3),
                NextVisitDue = today.AddDays(30),
            };
            var late = Child(await PersonInAsync(Xinnan), Xinnan);
            late.NextVisitDue = today.AddDays(-3);
            var risky = Child(await PersonInAsync(sibling), sibling);
            risky.OpenRisk = "监护人长期外出，联系电话 13912345678 无人接听";
            var f = new ComparisonFinding
            {
                RuleCode = "deceased",
                Direction = FindingDirection.Stop,
                PersonId = await PersonInAsync(sibling),
                DivisionCode = sibling,
                CountyCode = Rongxian,
                Program = "dibao",
                FoundAt = DateTime.UtcNow,
                RunId = Guid.NewGuid(),
            };
            db.AddRange(late, risky, f);
            await db.SaveChangesAsync();
            return (ChildWorkItems.VisitPrefix + late.Id.ToString("N"), ChildWorkItems.RiskPrefix + risky.Id.ToString("N"), ComparisonWorkItems.Prefix + f.Id);
        });

        var worker = await TasksOfAsync("xinnan.worker");
        Assert.True(Has(worker, visit));
        Assert.False(Has(worker, risk));
        Assert.False(Has(worker, finding));
        var item = worker.Single(i => i.GetProperty("key").GetString() == visit);
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal(today.AddDays(-3).ToString("yyyy-MM-dd"), item.GetProperty("deadline").GetString());

        var clerk = await TasksOfAsync("rongzhou.clerk");
        Assert.True(Has(clerk, visit) && Has(clerk, risk) && Has(clerk, finding));
        var riskItem = clerk.Single(i => i.GetProperty("key").GetString() == risk);
        Assert.Equal("alert", riskItem.GetProperty("severity").GetString());
        Assert.DoesNotContain("13912345678", riskItem.GetProperty("title").GetString());
        Assert.Equal("alert", clerk.Single(i => i.GetProperty("key").GetString() == finding).GetProperty("severity").GetString());

        // finance acts on none of these; another township sees none of them
        var finance = await TasksOfAsync("rongxian.finance");
        Assert.False(Has(finance, visit) || Has(finance, risk) || Has(finance, finding));
        var yangmei = await TasksOfAsync("yangmei.clerk");
        Assert.False(Has(yangmei, visit) || Has(yangmei, risk) || Has(yangmei, finding));

        // resolved: the risk item leaves the list
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Set<WatchedChild>().Where(w => w.OpenRisk != null && w.DivisionCode == sibling).ExecuteUpdateAsync(u => u.SetProperty(w => w.OpenRisk, (string?)null));
            return 0;
        });
        Assert.False(Has(await TasksOfAsync("rongzhou.clerk"), risk));
    }

    [Fact]
    public async Task A_payroll_waits_for_review_by_preparers_and_for_approval_by_approvers_other_than_its_author()
    {
        app.SkipIfUnavailable();
        var month = new DateOnly(2031, 1, 1);
        var (generated, reviewed) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var g = new Payroll { DivisionCode = Rongxian, Program = "dibao", Month = month, Kind = PayrollKind.Regular, Status = PayrollStatus.Generated, GeneratedBy = "rongxian.officer", LineCount = 3 };
            var r = new Payroll { DivisionCode = Rongxian, Program = "dibao", Month = month, Kind = PayrollKind.Supplementary, Status = PayrollStatus.Reviewed, GeneratedBy = "rongxian.finance", LineCount = 1 };
            db.AddRange(g, r);
            await db.SaveChangesAsync();
            return (PaymentsWorkItems.PayrollPrefix + g.Id.ToString("N"), PaymentsWorkItems.PayrollPrefix + r.Id.ToString("N"));
        });

        var officer = await TasksOfAsync("rongxian.officer"); // payments.prepare
        Assert.True(Has(officer, generated));
        Assert.False(Has(officer, reviewed));
        Assert.Equal("2031-01-31", officer.Single(i => i.GetProperty("key").GetString() == generated).GetProperty("deadline").GetString());
        // finance holds payments.approve, but generated the reviewed one: not theirs to approve
        var finance = await TasksOfAsync("rongxian.finance");
        Assert.False(Has(finance, reviewed));
        Assert.True(Has(await TasksOfAsync("admin"), reviewed));
        Assert.False(Has(await TasksOfAsync("beiliu.officer"), generated)); // another county
        Assert.False(Has(await TasksOfAsync("rongzhou.clerk"), generated));
    }

    [Fact]
    public async Task No_user_sees_an_item_outside_their_division_scope_whatever_its_source()
    {
        app.SkipIfUnavailable();
        foreach (var account in Web.Platform.Demo.DemoAccounts.All)
        {
            var scope = DivisionScope.Of(account.DivisionCode);
            foreach (var item in await TasksOfAsync(account.UserName))
            {
                Assert.True(scope.Contains(item.GetProperty("divisionCode").GetString()), $"{account.UserName}: {item}");
            }
        }
        Assert.All(await TasksOfAsync("xinnan.worker"), i => Assert.Equal(Xinnan, i.GetProperty("divisionCode").GetString()));
    }
}

public sealed class ModuleWorkItemsTestsOnSqlite(SqliteApp app) : ModuleWorkItemsTests(app), IClassFixture<SqliteApp>;

public sealed class ModuleWorkItemsTestsOnPostgres(PostgresApp app) : ModuleWorkItemsTests(app), IClassFixture<PostgresApp>;
