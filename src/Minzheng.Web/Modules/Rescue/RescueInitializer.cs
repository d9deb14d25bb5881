using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Rescue;

/// <summary>
/// The figures of vagrant rescue (real rows where rules-2 §3 confirms them; the alert lead and the settlement months only as
/// 演示数据 rows, their sources being a local example or none) and, in demo mode, the stations of 玉林市, 容县 and 北流市.
/// </summary>
public sealed class RescueInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string DemoUserName = "yulin.rescue";

    public int Order => 182;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == RescueFigures.Module && f.Kind == RescueFigures.StayLimitDays.Code, ct))
        {
            db.AddRange(FigureRows(demo));
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<RescueStation>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    /// <summary>The confirmed rows in every mode; the unconfirmed ones only in demo mode, marked 演示数据.</summary>
    public static List<Figure> FigureRows(bool demo)
    {
        Figure Row(FigureKind k, int number, DateOnly from, string document, decimal? amount = null) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Number = amount is null ? number : null,
            Amount = amount is { } a ? Platform.Money.Money.FromYuan(a) : null,
            ValidFrom = from,
            Document = document,
            CreatedBy = "system",
        };
        var rules24 = new DateOnly(2003, 8, 1);
        var guide132 = new DateOnly(2014, 7, 1);
        var notice158 = new DateOnly(2015, 8, 20);
        var rows = new List<Figure>
        {
            Row(RescueFigures.StayLimitDays, 10, rules24, "民政部令第24号《城市生活无着的流浪乞讨人员救助管理办法实施细则》第十二条：救助站应当根据受助人员的情况确定救助期限，一般不超过10天"),
            Row(RescueFigures.CashCap, 0, guide132, "民发〔2014〕132号《生活无着的流浪乞讨人员救助管理机构工作规程》：原则上不提供现金，确需少量乘车等费用的不超过20元，并由受助人员签字", 20m),
            Row(RescueFigures.SearchNoticeHours, 24, notice158, "民发〔2015〕158号：对无法提供个人信息的受助人员，救助管理机构应当在其入站后24小时内发布寻亲公告"),
            Row(RescueFigures.DnaRequestWorkingDays, 7, notice158, "民发〔2015〕158号：入站后7个工作日内报请公安机关采集DNA数据"),
            Row(RescueFigures.PlacementAfterDays, 10, notice158, "民发〔2015〕158号：身份查询不清、超过10天的，予以照料安置"),
        };
        if (demo)
        {
            rows.Add(Row(RescueFigures.StayAlertDaysBefore, 2, guide132, "演示数据：在站期限届满前2天提醒（无出处，由市民政局确定）"));
            rows.Add(Row(RescueFigures.SettlementAfterMonths, 3, notice158, "演示数据：寻亲无果满3个月办理落户、纳入特困（地方做法举例：内蒙古、天津，玉林未确认）"));
        }
        return rows;
    }

    private static readonly (string County, string Seat, string Name, string Address, int Male, int Female)[] Stations =
    [
        ("450902000000", "450902001000", "玉林市救助管理站", "玉林市玉州区二环北路（演示地址）", 40, 20),
        ("450921000000", "450921100000", "容县救助管理站", "容县容州镇（演示地址）", 12, 6),
        ("450981000000", "450981100000", "北流市救助管理站", "北流市北流镇（演示地址）", 16, 8),
    ];

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        foreach (var s in Stations)
        {
            var org = await registration.CreateAsync(new OrganizationInput
            {
                Name = s.Name,
                Kind = OrganizationKind.PublicInstitution,
                DivisionCode = s.Seat,
                Address = s.Address,
                LegalRepresentativeName = "（演示）",
                RegisteredOn = new DateOnly(2003, 8, 1),
            }, ct);
            db.Add(new RescueStation
            {
                OrganizationId = org.Id,
                DivisionCode = s.County,
                Name = s.Name,
                Address = s.Address,
                Phone = "0775-0000000（24小时，演示）",
                BedsMale = s.Male,
                BedsFemale = s.Female,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
