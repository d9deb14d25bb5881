using System.Net;
using System.Net.Http.Json;
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
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Assistance;

/// <summary>
/// Guard before effect (ADR 020): an assistance action the process refuses — wrong state, missing permission, stale
/// version — is refused by the workflow engine before the action's effect runs, so nothing is even tracked: saving the
/// same unit of work afterwards publishes no entitlement, changes no amount and issues no document. (When the effects ran
/// first, as before, they sat tracked in the context and a caller that went on to save committed them.)
/// </summary>
public abstract class GuardBeforeEffectTests(AppFixture app)
{
    private const string Village = "450921100003"; // 新南社区, 容州镇, 容县
    private const string County = "450921000000";
    private const string Township = "450921100000";

    private static readonly ActingIdentity CountyStaff = new(null, "县级经办（测试）", County, new HashSet<string>
    {
        AssistancePermissions.Read, AssistancePermissions.Apply, AssistancePermissions.Accept, AssistancePermissions.Investigate,
        AssistancePermissions.Approve, AssistancePermissions.Confirm, Permissions.RegistryRead, Permissions.WorkflowRead,
    });

    // the township approves but does not confirm (no assistance.confirm)
    private static readonly ActingIdentity TownshipApprover = new(null, "乡镇审核（测试）", Township, new HashSet<string>
    {
        AssistancePermissions.Read, AssistancePermissions.Accept, AssistancePermissions.Investigate, AssistancePermissions.Approve, Permissions.WorkflowRead,
    });

    private async Task<T> AsAsync<T>(ActingIdentity identity, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(identity);
        return await action(scope.ServiceProvider);
    }

    /// <summary>Attempts the action as <paramref name="identity"/>, expects the refusal, then saves the same unit of work anyway.</summary>
    private Task<AppProblem> RefusedThenSavedAsync(ActingIdentity identity, Guid id, string action, int version) => AsAsync(identity, async sp =>
    {
        var problem = await Assert.ThrowsAsync<AppProblem>(() => sp.GetRequiredService<AssistanceCases>().PerformAsync(id, action, new ActionInput { Opinion = "同意", Version = version }));
        var db = sp.GetRequiredService<AppDbContext>();
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        await db.SaveChangesAsync();
        return problem;
    });

    private sealed record Effects(int Entitlements, int AmountChanges, int Documents, int Reviews, long MonthlyFen, DateOnly? DecidedOn, string State, int Version);

    private Task<Effects> EffectsAsync(Guid id) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var c = await db.Set<AssistanceCase>().AsNoTracking().SingleAsync(x => x.Id == id);
        return new Effects(
            await db.Set<EntitlementPeriod>().CountAsync(e => e.SourceId == id),
            await db.Set<AssistanceAmountChange>().CountAsync(a => a.CaseId == id),
            await db.Set<AssistanceDocument>().CountAsync(d => d.CaseId == id),
            await db.Set<AssistanceReview>().CountAsync(r => r.CaseId == id),
            c.MonthlyAmount.Fen, c.DecidedOn, c.State, c.Version);
    });

    [Fact]
    public async Task A_refused_transition_leaves_no_effect_even_when_its_unit_of_work_is_saved()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next(Sex.Male);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber,
            name = "蒙先生",
            divisionCode = Village,
            disabilityCategory = "physical",
            disabilityGrade = 1,
            disabilityCertificate = $"{idNumber}41",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = person, address = "容州镇新南社区", members = Array.Empty<object>() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        var household = (await h.JsonAsync()).GetProperty("id").GetGuid();

        Task<AssistanceCase> Do(AssistanceCase c, string action) =>
            AsAsync(CountyStaff, sp => sp.GetRequiredService<AssistanceCases>().PerformAsync(c.Id, action, new ActionInput { Opinion = "符合条件", Version = c.Version }));
        var c = await AsAsync(CountyStaff, sp => sp.GetRequiredService<ApplyForAssistance>().RunAsync(new ApplyInput
        {
            Program = AssistanceProgram.Dibao,
            HouseholdId = household,
            Channel = Channel.Counter,
            Reason = "独居，重度残疾，无劳动能力。",
            ConsentToCheck = true,
        }));
        c = await Do(c, "accept");
        c = await AsAsync(CountyStaff, sp => sp.GetRequiredService<RecordInvestigation>().RunAsync(c.Id, new InvestigationInput
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
        var noticed = await EffectsAsync(c.Id);
        Assert.Equal((0, 0, 0), (noticed.Entitlements, noticed.AmountChanges, noticed.Reviews));

        // wrong state: the county confirms while the notice is still running
        var wrongState = await RefusedThenSavedAsync(CountyStaff, c.Id, "confirm-county", c.Version);
        Assert.Equal((409, "workflow_action_not_allowed"), (wrongState.Status, wrongState.Code));
        Assert.Equal(noticed, await EffectsAsync(c.Id));

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var tracked = await db.Set<AssistanceCase>().SingleAsync(x => x.Id == c.Id);
            var today = sp.GetRequiredService<BusinessClock>().Today;
            tracked.NoticeFrom = today.AddDays(-9);
            tracked.NoticeTo = today.AddDays(-3);
            return await db.SaveChangesAsync();
        });
        c = await AsAsync(CountyStaff, sp => sp.GetRequiredService<AssistanceCases>().LoadAsync(c.Id));
        c = await Do(c, "notice-ended");
        var confirming = await EffectsAsync(c.Id);

        // no permission: the township approver may not confirm at county level
        var forbidden = await RefusedThenSavedAsync(TownshipApprover, c.Id, "confirm-county", c.Version);
        Assert.Equal((403, "workflow_forbidden"), (forbidden.Status, forbidden.Code));
        Assert.Equal(confirming, await EffectsAsync(c.Id));

        // a stale version
        var stale = await RefusedThenSavedAsync(CountyStaff, c.Id, "confirm-county", c.Version - 1);
        Assert.Equal(409, stale.Status);
        Assert.Equal(confirming, await EffectsAsync(c.Id));

        // the same action, allowed, has every effect the refusals did not
        await Do(c, "confirm-county");
        var confirmed = await EffectsAsync(c.Id);
        Assert.Equal(AssistanceProcesses.Active, confirmed.State);
        Assert.True(confirmed.MonthlyFen > 0);
        Assert.NotNull(confirmed.DecidedOn);
        Assert.Equal((1, 1, 1, confirming.Documents + 1), (confirmed.Entitlements, confirmed.AmountChanges, confirmed.Reviews, confirmed.Documents));
    }
}

public sealed class GuardBeforeEffectTestsOnSqlite(SqliteApp app) : GuardBeforeEffectTests(app), IClassFixture<SqliteApp>;

public sealed class GuardBeforeEffectTestsOnPostgres(PostgresApp app) : GuardBeforeEffectTests(app), IClassFixture<PostgresApp>;
