using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Modules.ElderlyCare.Homes.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.ElderlyCare.Homes;

/// <summary>
/// Every figure of homes is UNCONFIRMED for Guangxi (rules-2 §1.7, §1.11): they ship only as demo rows marked 演示数据. In demo
/// mode also two homes of 容县 (a private care home filed and checked, with assessed residents; a 敬老院 not yet filed) and the
/// private home's own account <see cref="DemoUserName"/>.
/// </summary>
public sealed class HomesInitializer : IModuleInitializer
{
    public const string DemoUserName = "fushou.home";
    public const string DemoHomeName = "容县福寿养老院";
    private const string City = "450900000000";

    public int Order => 160;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == HomesFigures.Module, ct)) return;
        db.AddRange(FigureRows());
        await db.SaveChangesAsync(ct);
        await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows()
    {
        var from = new DateOnly(2020, 1, 1);
        Figure Row(FigureKind k, string document, decimal? amount = null, int? number = null, decimal? percent = null, string category = "") => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Category = category,
            Amount = amount is { } a ? Money.FromYuan(a) : null,
            Number = number,
            Percent = percent,
            ValidFrom = from,
            Document = document,
            IsDemo = true,
            CreatedBy = "system",
        };
        const string maanshan = "演示数据（参照马鞍山市花山区，广西标准未确认）";
        return
        [
            Row(HomesFigures.ReassessMonths, "演示数据（GB/T 42195-2022 再评估间隔未确认，公开实现多为 12 个月）", number: 12),
            Row(HomesFigures.ConstructionPerBed, "演示数据（参照马鞍山市花山区 50–299 张床位 2,000 元/张，广西标准未确认）", amount: 2000m),
            Row(HomesFigures.OperatingPerBed, "演示数据（参照马鞍山市花山区 200 元/张·月，广西标准未确认）", amount: 200m),
            Row(HomesFigures.OperatingRaise, maanshan, percent: 0m, category: "0"),
            Row(HomesFigures.OperatingRaise, maanshan + "：轻度失能 +50%", percent: 50m, category: "1"),
            Row(HomesFigures.OperatingRaise, maanshan + "：中度失能 +100%", percent: 100m, category: "2"),
            Row(HomesFigures.OperatingRaise, maanshan + "：重度失能 +200%", percent: 200m, category: "3"),
            Row(HomesFigures.OperatingRaise, maanshan + "：完全失能按重度 +200%", percent: 200m, category: "4"),
            Row(HomesFigures.MinOperatingMonths, "演示数据（最短运营月数未确认）", number: 6),
            Row(HomesFigures.ClawbackYears, "演示数据（参照贵州省 5 年，广西标准未确认）", number: 5),
        ];
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        var homes = sp.GetRequiredService<CareHomes>();
        var calendar = sp.GetRequiredService<WorkingCalendar>();
        var today = sp.GetRequiredService<Platform.Time.BusinessClock>().Today;
        var elderly = today.AddYears(-60);
        async Task<List<Person>> Elders(string township, int n) => await db.Persons.AsNoTracking()
            .Where(p => p.DivisionCode.StartsWith(township) && p.BirthDate <= elderly && p.LifeStatus == LifeStatus.Alive)
            .OrderBy(p => p.BirthDate).ThenBy(p => p.Id).Take(n).ToListAsync(ct);

        // a private care home of 容州镇, filed and checked, with assessed residents
        var opened = today.AddMonths(-10);
        opened = new DateOnly(opened.Year, opened.Month, 1);
        var org = await registration.CreateAsync(new OrganizationInput
        {
            Name = DemoHomeName,
            Kind = OrganizationKind.SocialServiceAgency,
            DivisionCode = "450921100003",
            Address = "容县容州镇新南社区福寿路 8 号（演示）",
            LegalRepresentativeName = "黄福寿",
            BankName = "广西农村信用社容县联社",
            BankAccount = "6230100088881234",
            RegisteredOn = opened.AddDays(-20),
        }, ct);
        var home = await homes.RegisterAsync(new HomeInput
        {
            OrganizationId = org.Id,
            Kind = ElderlyHomeKinds.CareHome,
            Private = true,
            OpenedOn = opened,
            Beds = 60,
            NursingBeds = 30,
            FloorArea = 2400m,
            PremisesOwnership = "租赁",
        }, ct);
        var residents = await Elders("450921100", 4);
        var admitted = calendar.AddWorkingDays(opened, 3);
        foreach (var p in residents)
        {
            db.Add(new Resident { HomeId = home.Id, OrganizationId = org.Id, DivisionCode = home.DivisionCode, PersonId = p.Id, AdmittedOn = admitted, FeeLevel = "标准间 1,800 元/月" });
        }
        home.FirstResidentOn = admitted;
        home.FilingDueOn = calendar.AddWorkingDays(admitted, HomeRules.FilingWorkingDays);
        await db.SaveChangesAsync(ct);
        await homes.FileAsync(home.Id, new FilingInput(calendar.AddWorkingDays(admitted, 6), [.. CareHomes.Materials.Select(m => m.Code)], home.Version), ct);
        await homes.CheckAsync(home.Id, new CheckInput(calendar.AddWorkingDays(home.FiledOn!.Value, 12), "消防通道畅通，护理员持证上岗，入院评估记录齐全（演示）", home.Version), ct);
        await homes.AddStaffAsync(home.Id, new StaffInput("陈秀兰", "护理员", "养老护理员（四级/中级工）", "GX2021-0001", opened), ct);
        await homes.AddStaffAsync(home.Id, new StaffInput("李明", "医生", "执业医师", "1104509210001", opened), ct);
        var assessments = sp.GetRequiredService<AbilityAssessments>();
        var sheets = new[] { 90, 70, 50, 20 };
        foreach (var (p, i) in residents.Select((p, i) => (p, i)))
        {
            await assessments.AssessAsync(new AssessInput
            {
                PersonId = p.Id,
                Answers = Sheet(sheets[i % sheets.Length]),
                Reason = AssessmentReason.First,
                Assessor1 = "韦评估",
                Assessor2 = "覃评估",
                AssessedOn = admitted.AddDays(-1),
            }, ct);
        }

        // last month's operating subsidy applied, reviewed and approved (paid with this month's payroll); a construction subsidy waiting
        var subsidies = sp.GetRequiredService<Subsidies.HomeSubsidies>();
        try
        {
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var operating = await subsidies.ApplyAsync(new Subsidies.SubsidyApplyInput(home.Id, Subsidies.HomeSubsidyKind.Operating, lastMonth, null), ct);
            operating = await subsidies.PerformAsync(operating.Id, Subsidies.HomeSubsidyProcess.Review, new Subsidies.SubsidyActionInput("床位、在住老人和评估记录核对无误（演示）", operating.Version), ct);
            await subsidies.PerformAsync(operating.Id, Subsidies.HomeSubsidyProcess.Approve, new Subsidies.SubsidyActionInput(null, operating.Version), ct);
            await subsidies.ApplyAsync(new Subsidies.SubsidyApplyInput(home.Id, Subsidies.HomeSubsidyKind.Construction, null, 20), ct);
        }
        catch (Platform.Http.AppProblem)
        {
            // a demo month the rules refuse (e.g. too few operating months on a young demo database): the demo has no subsidy then
        }

        // a 敬老院 of 杨梅镇 without 法人登记, with residents and no filing yet: listed as overdue
        var jly = await registration.CreateAsync(new OrganizationInput
        {
            Name = "容县杨梅镇敬老院",
            Kind = OrganizationKind.PublicInstitution,
            DivisionCode = "450921102000",
            Address = "容县杨梅镇（演示）",
            LegalRepresentativeName = "梁院长",
        }, ct);
        var facility = await homes.RegisterAsync(new HomeInput
        {
            OrganizationId = jly.Id,
            Kind = ElderlyHomeKinds.SpecialCareFacility,
            OpenedOn = new DateOnly(2019, 6, 1),
            Beds = 40,
            NursingBeds = 4,
            PremisesOwnership = "自有",
            LegalPersonRegistered = false,
        }, ct);
        var first = today.AddDays(-30);
        foreach (var p in await Elders("450921102", 2))
        {
            db.Add(new Resident { HomeId = facility.Id, OrganizationId = jly.Id, DivisionCode = facility.DivisionCode, PersonId = p.Id, AdmittedOn = first, FeeLevel = "特困集中供养" });
        }
        facility.FirstResidentOn = first;
        facility.FilingDueOn = calendar.AddWorkingDays(first, HomeRules.FilingWorkingDays);
        await db.SaveChangesAsync(ct);

        // two more 敬老院 for the survey (/elderly/homes/survey, plan chapter 二): one of 容县 with 法人登记 and a credit code, one of
        // 北流市 without, each with a few residents of its township, so the per-county subtotals and the idle beds show
        foreach (var (name, township, creditCode, beds) in new[]
                 {
                     ("容县六王镇敬老院", "450921104000", (string?)CreditCode.Compose('1', '2', "450921", "LW000001"), 30),
                     ("北流市新荣镇敬老院", "450981101000", null, 50),
                 })
        {
            var organization = await registration.CreateAsync(new OrganizationInput
            {
                Name = name,
                CreditCode = creditCode,
                Kind = OrganizationKind.PublicInstitution,
                DivisionCode = township,
                Address = name[..^3] + "（演示）",
            }, ct);
            var survey = await homes.RegisterAsync(new HomeInput
            {
                OrganizationId = organization.Id,
                Kind = ElderlyHomeKinds.SpecialCareFacility,
                OpenedOn = new DateOnly(2019, 3, 1),
                Beds = beds,
                NursingBeds = beds / 10,
                PremisesOwnership = "自有",
                LegalPersonRegistered = creditCode is not null,
            }, ct);
            var since = today.AddMonths(-3);
            foreach (var p in await Elders(township[..9], 3))
            {
                db.Add(new Resident { HomeId = survey.Id, OrganizationId = organization.Id, DivisionCode = survey.DivisionCode, PersonId = p.Id, AdmittedOn = since, FeeLevel = "特困集中供养" });
            }
            survey.FirstResidentOn = since;
            survey.FilingDueOn = calendar.AddWorkingDays(since, HomeRules.FilingWorkingDays);
            await db.SaveChangesAsync(ct);
        }

        // the private home's own account (bound to its organisation: it sees this home only)
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(DemoUserName) is { } user)
        {
            user.OrganizationId = org.Id;
            await users.UpdateAsync(user);
        }
    }

    /// <summary>An answer sheet with the given total (items lowered from the first; B3.9 意识水平 kept clear).</summary>
    public static Dictionary<string, int?> Sheet(int total)
    {
        var sheet = AbilityRules.Items.ToDictionary(i => i.Code, i => (int?)i.Max);
        var missing = AbilityRules.MaxTotal - total;
        foreach (var item in AbilityRules.Items.Where(i => i.Code != AbilityRules.Consciousness))
        {
            var cut = Math.Min(missing, item.Max);
            sheet[item.Code] = item.Max - cut;
            missing -= cut;
        }
        return sheet;
    }
}
