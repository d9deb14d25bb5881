using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Assistance;

/// <summary>
/// The setting of issue 12's household tests (integration and browser): people in 新南社区, a dibao case driven to 在保 through the
/// module's own use cases and paid since September, a one-row comparison dataset for 容县 and a comparison run.
/// </summary>
internal static class HouseholdScenario
{
    public const string Village = "450921100003"; // 新南社区, 容州镇, 容县
    public const string Rongxian = "450921000000";
    private static int _seq = Random.Shared.Next(0, 400);

    public static readonly ActingIdentity AssistanceStaff = new(null, "县级经办（测试）", Rongxian, new HashSet<string>
    {
        AssistancePermissions.Read, AssistancePermissions.Apply, AssistancePermissions.Accept, AssistancePermissions.Investigate,
        AssistancePermissions.Approve, AssistancePermissions.Confirm, Permissions.RegistryRead, Permissions.WorkflowRead,
    });

    public static async Task<T> AsAsync<T>(AppFixture app, ActingIdentity identity, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(identity);
        return await action(scope.ServiceProvider);
    }

    public static async Task<(Guid Id, string IdNumber)> PersonAsync(AppFixture app, string name, DateOnly birth, bool account = true)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose("450102", birth, Interlocked.Increment(ref _seq) % 999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name,
            divisionCode = Village,
            bankName = account ? "广西农村信用社" : null,
            bankAccount = account ? "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999) : null,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.JsonAsync()).GetProperty("id").GetGuid(), id);
    }

    /// <summary>A dibao case of the household driven to 在保 through the module's own use cases, paid from three months back; <paramref name="earned"/> adds income rows earned by named members.</summary>
    public static async Task<AssistanceCase> ActiveDibaoAsync(AppFixture app, Guid household, decimal income, params (Guid Earner, decimal Amount)[] earned)
    {
        Task<AssistanceCase> Act(Func<AssistanceCases, Task<AssistanceCase>> step) => AsAsync(app, AssistanceStaff, sp => step(sp.GetRequiredService<AssistanceCases>()));
        Task<AssistanceCase> Do(AssistanceCase c, string action) => Act(s => s.PerformAsync(c.Id, action, new ActionInput { Opinion = "符合条件", Version = c.Version }));
        var c = await AsAsync(app, AssistanceStaff, sp => sp.GetRequiredService<ApplyForAssistance>().RunAsync(new ApplyInput
        {
            Program = AssistanceProgram.Dibao,
            HouseholdId = household,
            Channel = Channel.Counter,
            Reason = "户主务工收入低，两个孩子年幼，老人多病，生活困难。",
            ConsentToCheck = true,
        }));
        c = await Do(c, "accept");
        c = await AsAsync(app, AssistanceStaff, sp => sp.GetRequiredService<RecordInvestigation>().RunAsync(c.Id, new InvestigationInput
        {
            InvestigatedOn = c.AppliedOn,
            Investigators = "黄志明、陈丽娟",
            VisitRecord = "入户查看住房和生活情况，核实家庭人口与收入。",
            EconomicCheck = EconomicCheck.Passed,
            Members = [.. c.Members.Select(m => new MemberFacts(m.PersonId))],
            Income = [new IncomeInput("wage", "务工收入", income), .. earned.Select(e => new IncomeInput("transfer", "养老金", e.Amount, e.Earner))],
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
        // paid since September: the payrolls of October and November have months to look back at
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var p in await db.Set<EntitlementPeriod>().Where(e => e.SourceId == c.Id).ToListAsync()) p.FromMonth = new DateOnly(2026, 9, 1);
            return await db.SaveChangesAsync();
        });
        return c;
    }

    /// <summary>A dataset of the kind for 容县, newer than any before it.</summary>
    public static Task<Guid> DatasetAsync(AppFixture app, DatasetKind kind, string idNumber, Action<ComparisonRecord> fill) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<IdentifierProtector>();
        var previous = await db.Set<ComparisonDataset>().Where(d => d.Kind == kind && d.DivisionCode == Rongxian).ToListAsync();
        foreach (var p in previous) p.Status = DatasetStatus.Superseded;
        var d = new ComparisonDataset
        {
            Kind = kind,
            Source = "容县公安局",
            AsOf = new DateOnly(2026, 11, 29),
            Version = previous.Count == 0 ? 1 : previous.Max(x => x.Version) + 1,
            DivisionCode = Rongxian,
            RowCount = 1,
            FileName = "test",
            ImportedBy = "test",
            ImportedAt = DateTime.UtcNow,
        };
        db.Add(d);
        var r = new ComparisonRecord { DatasetId = d.Id, Line = 2, IdNumberHash = protector.Hash(idNumber, ProtectedKind.IdNumber), IdNumberMasked = IdNumber.Mask(idNumber), Name = "测试" };
        fill(r);
        db.Add(r);
        await db.SaveChangesAsync();
        return d.Id;
    });

    public static async Task RunComparisonAsync(HttpClient officer)
    {
        var start = await officer.PostAsync("/api/v1/comparison/runs", null);
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, await start.Content.ReadAsStringAsync());
        var url = start.Headers.Location!.OriginalString;
        for (var i = 0; i < 600; i++)
        {
            var run = await officer.GetJsonAsync(url);
            if (run.GetProperty("done").GetBoolean())
            {
                Assert.True(run.GetProperty("status").GetString() == "Finished", run.ToString());
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("comparison run did not finish");
    }

}
