using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Funeral.Benefits;
using Minzheng.Web.Modules.Funeral.Cremations;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Modules.Funeral.Rectification;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>
/// The funeral figures (the one CONFIRMED-S row, Guangxi's 500 元 花坛葬 award, in every mode; the plot limits, the waiver and
/// the other awards, unconfirmed for Guangxi and Yulin, only as 演示数据 rows) and, in demo mode, 玉林市殡仪馆, a 公益性公墓 and
/// a 农村公益性墓地 in 容县 with plots, a few cremations, a plot sold, an award and rectification cases.
/// </summary>
public sealed class FuneralInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string DemoVillage = "450921100003"; // 容县 容州镇 新南社区

    public int Order => 185;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == FuneralFigures.Module, ct))
        {
            db.AddRange(FigureRows(demo));
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<FuneralFacility>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows(bool demo)
    {
        Figure Row(FigureKind k, string category, DateOnly from, string document, int? number = null, decimal? amount = null, string? choice = null) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Category = category,
            Number = number,
            Amount = amount is { } a ? Platform.Money.Money.FromYuan(a) : null,
            Choice = choice,
            ValidFrom = from,
            Document = document,
            CreatedBy = "system",
            IsDemo = document.StartsWith("演示数据", StringComparison.Ordinal),
        };
        var rows = new List<Figure>
        {
            Row(FuneralFigures.EcoAward, "flower-bed", new DateOnly(2015, 1, 1), "广西2015年公益花坛葬：每具骨灰奖补500元（rules-2 §4.3，CONFIRMED-S）", amount: 500m),
        };
        if (!demo) return rows;
        var pattern = new DateOnly(1992, 8, 25);
        const string plotDoc = "演示数据：《公墓管理暂行办法》（1992）全国通行标准，广西标准未确认";
        rows.Add(Row(FuneralFigures.PlotMaxArea, "ashes", pattern, plotDoc + "：骨灰墓穴不超过1平方米", number: 1));
        rows.Add(Row(FuneralFigures.PlotMaxArea, "single", pattern, plotDoc + "：单人遗体墓穴不超过4平方米", number: 4));
        rows.Add(Row(FuneralFigures.PlotMaxArea, "double", pattern, plotDoc + "：合葬遗体墓穴不超过6平方米", number: 6));
        rows.Add(Row(FuneralFigures.PlotTermYears, "", pattern, plotDoc + "：使用年限20年，期满可续", number: 20));
        var waiver = new DateOnly(2015, 1, 1);
        const string waiverDoc = "演示数据：玉林市惠民殡葬减免对象和项目未确认（参照民发〔2012〕211号及惠州做法）";
        foreach (var g in new[] { "dibao", "extreme-poverty", "orphan", "unidentified" }) rows.Add(Row(FuneralFigures.WaiverGroup, g, waiver, waiverDoc, choice: "yes"));
        rows.Add(Row(FuneralFigures.WaiverCap, "transport", waiver, waiverDoc + "：遗体接运（市内）", amount: 200m));
        rows.Add(Row(FuneralFigures.WaiverCap, "storage", waiver, waiverDoc + "：遗体冷藏存放3天以内", amount: 150m));
        rows.Add(Row(FuneralFigures.WaiverMaxUnits, "storage", waiver, waiverDoc + "：免费存放不超过3天", number: 3));
        rows.Add(Row(FuneralFigures.WaiverCap, "cremation", waiver, waiverDoc + "：普通炉火化", amount: 400m));
        rows.Add(Row(FuneralFigures.WaiverCap, "ashes-storage", waiver, waiverDoc + "：骨灰寄存3年以内", amount: 150m));
        rows.Add(Row(FuneralFigures.WaiverMaxUnits, "ashes-storage", waiver, waiverDoc + "：免费寄存不超过3年", number: 3));
        const string awardDoc = "演示数据：广西生态安葬奖补（花坛葬以外的金额未确认）";
        rows.Add(Row(FuneralFigures.EcoAward, "tree", waiver, awardDoc + "：树葬", amount: 500m));
        rows.Add(Row(FuneralFigures.EcoAward, "sea", waiver, awardDoc + "：海葬（骨灰撒散）", amount: 1000m));
        rows.Add(Row(FuneralFigures.EcoAward, "deep", waiver, awardDoc + "：深埋不留坟头", amount: 300m));
        return rows;
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var today = sp.GetRequiredService<BusinessClock>().Today;
        var facilities = sp.GetRequiredService<FuneralFacilities>();
        var home = await facilities.CreateAsync(new FacilityInput
        {
            Name = "玉林市殡仪馆",
            Kind = FacilityKind.FuneralHome,
            DivisionCode = "450902001000",
            Address = "玉林市玉州区（演示地址）",
            ApprovalAuthority = "玉林市人民政府",
            ApprovalDocument = "演示数据：玉政函〔2005〕1号",
            ApprovedOn = new DateOnly(2005, 6, 1),
            Capacity = 40,
            LandArea = 30000,
        }, ct);
        var cemetery = await facilities.CreateAsync(new FacilityInput
        {
            Name = "容县城市公益性公墓",
            Kind = FacilityKind.UrbanPublicCemetery,
            DivisionCode = "450921100000",
            Address = "容县容州镇（演示地址）",
            ApprovalAuthority = "广西壮族自治区民政厅",
            ApprovalDocument = "演示数据：桂民函〔2019〕1号",
            ApprovedOn = new DateOnly(2019, 3, 1),
            Capacity = 2000,
            LandArea = 20000,
            EcoShare = 30,
        }, ct);
        var rural = await facilities.CreateAsync(new FacilityInput
        {
            Name = "容州镇新南社区农村公益性墓地",
            Kind = FacilityKind.RuralPublicCemetery,
            DivisionCode = DemoVillage,
            Address = "容县容州镇新南社区（演示地址）",
            ApprovalAuthority = "容县民政局",
            ApprovalDocument = "演示数据：容民发〔2020〕1号",
            ApprovedOn = new DateOnly(2020, 5, 1),
            Capacity = 300,
            LandArea = 3000,
            EcoShare = 20,
        }, ct);
        var plots = new List<BurialPlot>();
        for (var i = 1; i <= 6; i++)
        {
            plots.Add(await facilities.AddPlotAsync(cemetery.Id, new PlotInput { Section = "A", RowNo = "1", Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Area = 0.8m, Kind = PlotKind.Ashes, TermYears = 20, Price = 3000m }, ct));
        }
        for (var i = 1; i <= 3; i++)
        {
            await facilities.AddPlotAsync(rural.Id, new PlotInput { Section = "东", RowNo = "1", Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Area = 1m, Kind = PlotKind.Ashes, TermYears = 20, Price = 0m }, ct);
        }

        // three deaths of the demo's own people (not the demo population's: their benefits would stop)
        var persons = sp.GetRequiredService<PersonRegistration>();
        var cremations = sp.GetRequiredService<Cremations.Cremations>();
        var people = new List<Person>();
        foreach (var (name, birth, seq) in new[] { ("黄德福", new DateOnly(1938, 3, 2), 951), ("李桂兰", new DateOnly(1941, 7, 9), 962), ("陈家明", new DateOnly(1975, 11, 20), 973) })
        {
            try
            {
                people.Add(await persons.CreateAsync(new PersonInput { IdNumber = IdNumber.Compose("450921", birth, seq), Name = name, HukouType = HukouType.Rural, DivisionCode = DemoVillage, Address = "容州镇新南社区（演示数据）" }, ct));
            }
            catch (AppProblem)
            {
                // the demo population already holds that number: one fewer demo death
            }
        }
        for (var i = 0; i < people.Count; i++)
        {
            var died = today.AddDays(-20 - (15 * i));
            await cremations.RecordAsync(new CremationInput { PersonId = people[i].Id, FacilityId = home.Id, CrematedOn = died.AddDays(3), CertificateNumber = $"YLBYG{died:yyyyMMdd}{i + 1:D2}", DeathDate = died, DeathPlace = "家中" }, ct);
        }
        if (people.Count > 1)
        {
            var family = await persons.CreateAsync(new PersonInput
            {
                IdNumber = IdNumber.Compose("450921", new DateOnly(1966, 5, 5), 984),
                Name = "黄志坚",
                HukouType = HukouType.Rural,
                DivisionCode = DemoVillage,
                Address = "容州镇新南社区（演示数据）",
                BankName = "广西农村信用社",
                BankAccount = "6230901234567890123",
            }, ct);
            await facilities.SellAsync(plots[0].Id, new PlotSaleInput { HolderPersonId = family.Id, DeceasedPersonId = people[0].Id, CertificateKind = "cremation", CertificateNumber = "YLBYG-演示", Version = plots[0].Version }, ct);
            var awards = sp.GetRequiredService<EcoAwards>();
            var award = await awards.ApplyAsync(new EcoAwardInput { DeceasedPersonId = people[1].Id, ApplicantPersonId = family.Id, Kind = "flower-bed", BuriedOn = today.AddDays(-10), Place = "容县城市公益性公墓花坛葬区" }, ct);
            await awards.DecideAsync(award.Id, new EcoAwardDecision(true, "材料齐全，同意奖补", award.Version), ct);
        }

        var graves = sp.GetRequiredService<GraveCases>();
        var found = await graves.CreateAsync(new GraveCaseInput { Type = GraveCaseType.ScatteredBurial, Location = "容州镇新南社区后山耕地（演示）", DivisionCode = DemoVillage, Area = 12m, FoundOn = today.AddDays(-5) }, ct);
        var luxury = await graves.CreateAsync(new GraveCaseInput { Type = GraveCaseType.LuxuryTomb, Location = "容州镇城郊山坡（演示）", DivisionCode = "450921100000", Area = 45m, FoundOn = today.AddDays(-60) }, ct);
        await graves.OrderAsync(luxury.Id, new GraveOrderInput(GraveMeasure.Unharden, today.AddDays(30), luxury.Version), ct);
        var late = await graves.CreateAsync(new GraveCaseInput { Type = GraveCaseType.ProtectedAreaGrave, Location = "容县水库水源保护区（演示）", DivisionCode = "450921100000", Area = 8m, FoundOn = today.AddDays(-90) }, ct);
        await graves.OrderAsync(late.Id, new GraveOrderInput(GraveMeasure.Relocate, today, late.Version), ct);
        // the deadline passed: an order given in the past, recorded as it stood (the use case only takes deadlines from today on)
        late.Deadline = today.AddDays(-30);
        await db.SaveChangesAsync(ct);
        _ = found;
    }
}
