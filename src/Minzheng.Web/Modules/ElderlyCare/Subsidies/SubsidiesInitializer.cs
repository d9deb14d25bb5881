using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies;

/// <summary>
/// Demo only: a private home of 容县自良镇 whose construction subsidy was approved and which then closed within the claw-back years,
/// so that the subsidy queue shows an application 已追回 and /payments/recoveries the home's debt with its reason (ADR 034). Runs
/// after the homes' demo (their figures) and after the other demo data that counts homes, once, where the demo has its cases.
/// </summary>
public sealed class SubsidiesInitializer : IModuleInitializer
{
    public const string DemoClosedHomeName = "容县自良镇安乐养老院（演示）";

    public int Order => 400;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Set<Platform.Figures.Figure>().AnyAsync(f => f.Module == HomesFigures.Module, ct)) return;
        if (await db.Organizations.AnyAsync(o => o.Name == DemoClosedHomeName, ct)) return;
        // a payments example like the demo payrolls: only with the demo cases (a database seeded without them, as the integration
        // tests' are, keeps its recoveries list to what its own scenario creates)
        if (!await db.Settings.AnyAsync(s => s.Key == "assistance.demo_cases", ct)) return;
        var today = sp.GetRequiredService<Platform.Time.BusinessClock>().Today;
        try
        {
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                Name = DemoClosedHomeName,
                Kind = OrganizationKind.SocialServiceAgency,
                DivisionCode = "450921108201",
                Address = "容县自良镇自良村（演示）",
                LegalRepresentativeName = "莫安乐",
                BankName = "广西农村信用社容县联社",
                BankAccount = "6230100077774321",
                RegisteredOn = today.AddYears(-2),
            }, ct);
            var homes = sp.GetRequiredService<CareHomes>();
            var home = await homes.RegisterAsync(new HomeInput
            {
                OrganizationId = org.Id,
                Kind = ElderlyHomeKinds.CareHome,
                Private = true,
                OpenedOn = today.AddYears(-2),
                Beds = 30,
                NursingBeds = 10,
                FloorArea = 1200m,
                PremisesOwnership = "租赁",
            }, ct);
            var subsidies = sp.GetRequiredService<HomeSubsidies>();
            var a = await subsidies.ApplyAsync(new SubsidyApplyInput(home.Id, HomeSubsidyKind.Construction, null, 10), ct);
            a = await subsidies.PerformAsync(a.Id, HomeSubsidyProcess.Review, new SubsidyActionInput("新增床位 10 张已现场核实（演示）", a.Version), ct);
            await subsidies.PerformAsync(a.Id, HomeSubsidyProcess.Approve, new SubsidyActionInput(null, a.Version), ct);
            // the closure claws the construction subsidy back by itself: a payments recovery for the home, with its reason
            await homes.CloseAsync(home.Id, new CloseInput(today, "经营困难，停止运营（演示）", home.Version), ct);
        }
        catch (AppProblem)
        {
            // a demo database the rules refuse (a figure missing): the demo then has no claw-back example
        }
    }
}
