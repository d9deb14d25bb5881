using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Marriage;

/// <summary>
/// The statutory figures of marriage registration (CONFIRMED in rules.md §11 and rules-2.md §5, real rows with their articles,
/// in every mode) and, in demo mode, the 婚姻登记处 of 玉州区, 容县 and 北流市 as registry organisations.
/// </summary>
public sealed class MarriageInitializer : IModuleInitializer
{
    public const string City = "450900000000";

    public int Order => 180;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == MarriageFigures.Module && f.Kind == MarriageFigures.MinAge.Code, ct))
        {
            db.AddRange(FigureRows());
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<MarriageOffice>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows()
    {
        Figure Row(FigureKind k, int number, DateOnly from, string document, string category = "") => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Category = category,
            Number = number,
            ValidFrom = from,
            Document = document,
            CreatedBy = "system",
        };
        var marriageLaw = new DateOnly(1981, 1, 1);
        var regulations = new DateOnly(2003, 10, 1);
        var civilCode = new DateOnly(2021, 1, 1);
        const string law1980 = "《中华人民共和国婚姻法》（1980）第六条：结婚年龄，男不得早于二十二周岁，女不得早于二十周岁";
        const string code1047 = "《民法典》第一千零四十七条：结婚年龄，男不得早于二十二周岁，女不得早于二十周岁";
        return
        [
            Row(MarriageFigures.MinAge, 22, marriageLaw, law1980, "male"),
            Row(MarriageFigures.MinAge, 20, marriageLaw, law1980, "female"),
            Row(MarriageFigures.MinAge, 22, civilCode, code1047, "male"),
            Row(MarriageFigures.MinAge, 20, civilCode, code1047, "female"),
            Row(MarriageFigures.CoolingOffDays, 0, regulations, "《婚姻登记条例》（2003）第十三条：对当事人确属自愿离婚，并已对子女抚养、财产、债务等问题达成一致处理意见的，应当当场予以登记"),
            Row(MarriageFigures.CoolingOffDays, 30, civilCode, "《民法典》第一千零七十七条：自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请"),
            Row(MarriageFigures.AppearanceDays, 0, regulations, "《婚姻登记条例》（2003）第十三条：当场予以登记"),
            Row(MarriageFigures.AppearanceDays, 30, civilCode, "《民法典》第一千零七十七条：期间届满后的三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请"),
            Row(MarriageFigures.DiseaseBar, 1, regulations, "《婚姻登记条例》（2003）第六条第五项：患有医学上认为不应当结婚的疾病的，不予登记"),
            Row(MarriageFigures.DiseaseBar, 0, civilCode, "《民法典》第一千零五十三条：患有重大疾病的应当在结婚登记前如实告知，不再作为不予登记的情形（不如实告知的，另一方可在一年内请求人民法院撤销）"),
            Row(MarriageFigures.RegistryRevokesCoerced, 1, regulations, "《婚姻登记条例》（2003）第九条：因胁迫结婚的，受胁迫的当事人可以向婚姻登记机关请求撤销其婚姻"),
            Row(MarriageFigures.RegistryRevokesCoerced, 0, civilCode, "《民法典》第一千零五十二条：因胁迫结婚的，受胁迫的一方可以向人民法院请求撤销婚姻（婚姻登记机关不再撤销）"),
            Row(MarriageFigures.CrossProvince, 0, regulations, "《婚姻登记条例》（2003）第四条：到一方当事人常住户口所在地的婚姻登记机关办理"),
            Row(MarriageFigures.CrossProvince, 1, new DateOnly(2023, 6, 1), "国函〔2023〕34号：在广西等21个省（区、市）试点婚姻登记“跨省通办”，一方在本地有经常居住地（持居住证）的，可在本地办理"),
        ];
    }

    /// <summary>A demo registry office: the county, the office's seat (a township), its name and the authority printed.</summary>
    private static readonly (string County, string Seat, string Name, string Authority, string Address)[] Offices =
    [
        ("450902000000", "450902001000", "玉林市玉州区婚姻登记处", "玉林市玉州区民政局", "玉州区人民东路（演示地址）"),
        ("450921000000", "450921100000", "容县婚姻登记处", "容县民政局", "容县容州镇城南路（演示地址）"),
        ("450981000000", "450981100000", "北流市婚姻登记处", "北流市民政局", "北流市北流镇城东路（演示地址）"),
    ];

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        foreach (var o in Offices)
        {
            var org = await registration.CreateAsync(new OrganizationInput
            {
                Name = o.Name,
                Kind = OrganizationKind.GovernmentAgency,
                DivisionCode = o.Seat,
                Address = o.Address,
                LegalRepresentativeName = "（演示）",
                RegisteredOn = new DateOnly(2003, 10, 1),
            }, ct);
            db.Add(new MarriageOffice
            {
                OrganizationId = org.Id,
                DivisionCode = o.County,
                Name = o.Name,
                Authority = o.Authority,
                NumberCode = o.County[..6],
                Address = o.Address,
                Phone = "0775-0000000（演示）",
                DailyCapacity = 40,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
