using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations;

/// <summary>
/// The statutory figures of social organisations (CONFIRMED in rules.md §6.1–6.2, so real rows with their documents, in every
/// mode) and, in demo mode, eight social organisations of 玉林 registered by the city and the counties, with the account
/// <see cref="DemoUserName"/> bound to one of them.
/// </summary>
public sealed class SocialOrganizationsInitializer : IModuleInitializer
{
    public const string DemoUserName = "yangguang.org";
    public const string DemoOrganizationName = "容县阳光社会工作服务中心";

    public int Order => 170;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == SocialOrganizationFigures.Module && f.Kind == SocialOrganizationFigures.TransferYears.Code, ct))
        {
            db.AddRange(FigureRows());
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<SocialOrganizationProfile>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows()
    {
        Figure Row(FigureKind k, int number, DateOnly from, string document, string category = "", decimal? amount = null) => new()
        {
            Amount = amount is { } a ? Platform.Money.Money.FromYuan(a) : null,
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = RegistrationAuthority.City,
            Category = category,
            Number = amount is null ? number : null,
            ValidFrom = from,
            Document = document,
            CreatedBy = "system",
        };
        var order60 = new DateOnly(2018, 1, 24);
        const string o60 = "民政部令第60号《社会组织信用信息管理办法》";
        var regulations = new DateOnly(1998, 10, 25);
        return
        [
            Row(SocialOrganizationFigures.AutoRemovalMonths, 6, order60, o60 + "：无需整改的，列入满6个月自动移出"),
            Row(SocialOrganizationFigures.TransferYears, 2, order60, o60 + "：列入活动异常名录满2年的，列入严重违法失信名单"),
            Row(SocialOrganizationFigures.DishonestRemovalYears, 2, order60, o60 + "：列入满2年且无新情形的，可申请移出"),
            Row(SocialOrganizationFigures.FulfilmentRemovalWorkingDays, 5, order60, o60 + "：履行义务经核实后5个工作日内移出"),
            Row(SocialOrganizationFigures.RepeatPenaltyYears, 3, order60, o60 + "：3年内"),
            Row(SocialOrganizationFigures.RepeatPenaltyCount, 2, order60, o60 + "：3年内2次以上受到警告或不满5万元罚款"),
            Row(Credit.CreditFigures.LargeFineFrom, 0, order60, o60 + "：受到5万元以上罚款处罚的列入严重违法失信名单", amount: 50_000m),
            Row(SocialOrganizationFigures.ReportReviewBy, 331, regulations, "社会团体登记管理条例 第二十八条：每年3月31日前报业务主管单位初审", "social-group"),
            Row(SocialOrganizationFigures.ReportSubmitBy, 531, regulations, "社会团体登记管理条例 第二十八条：5月31日前报登记管理机关", "social-group"),
            Row(SocialOrganizationFigures.ReportReviewBy, 331, regulations, "民办非企业单位登记管理暂行条例 第二十三条：每年3月31日前报业务主管单位初审", "social-service"),
            Row(SocialOrganizationFigures.ReportSubmitBy, 531, regulations, "民办非企业单位登记管理暂行条例 第二十三条：5月31日前报登记管理机关", "social-service"),
            Row(SocialOrganizationFigures.ReportReviewBy, 0, new DateOnly(2004, 6, 1), "基金会管理条例 第三十六条：直接报登记管理机关，无初审", "foundation"),
            Row(SocialOrganizationFigures.ReportSubmitBy, 331, new DateOnly(2004, 6, 1), "基金会管理条例 第三十六条：每年3月31日前报登记管理机关", "foundation"),
            Row(SocialOrganizationFigures.ReportExemptMonths, 6, new DateOnly(2005, 6, 1), "民政部令第27号《民办非企业单位年度检查办法》：上年度12月31日前6个月内登记的不参加当年年检"),
        ];
    }

    /// <summary>A demo organisation: its registry row's facts and the profile's.</summary>
    private sealed record DemoOrg(string Name, OrganizationKind Kind, RegistrationLevel Level, string Seat, string Body8, DateOnly RegisteredOn,
        string Representative, string? SupervisingUnit, string Category, decimal Capital, bool TradeAssociation, string Purpose);

    private static readonly DemoOrg[] Demo =
    [
        new("玉林市慈善总会", OrganizationKind.SocialGroup, RegistrationLevel.City, "450902001000", "50001001", new(2005, 3, 18), "陈慈", "玉林市民政局", "social-service", 300000m, false, "弘扬慈善文化，募集善款，救助困难群众"),
        new("玉林市餐饮行业协会", OrganizationKind.SocialGroup, RegistrationLevel.City, "450902001000", "50001002", new(2012, 9, 6), "李厨", null, "business", 50000m, true, "行业自律、行业服务、维护会员合法权益"),
        new("玉林市助学基金会", OrganizationKind.Foundation, RegistrationLevel.City, "450902100000", "50001003", new(2016, 5, 20), "黄助", "玉林市教育局", "education", 2000000m, false, "资助家庭经济困难学生完成学业"),
        new("容县老年人协会", OrganizationKind.SocialGroup, RegistrationLevel.County, "450921100000", "50002101", new(2010, 4, 2), "覃寿", "容县民政局", "social-service", 30000m, false, "组织老年人开展文体活动，维护老年人权益"),
        new(DemoOrganizationName, OrganizationKind.SocialServiceAgency, RegistrationLevel.County, "450921100003", "50002102", new(2018, 7, 9), "梁阳光", null, "social-service", 30000m, false, "为困难群众、老年人、留守儿童提供专业社会工作服务"),
        new("容县书法家协会", OrganizationKind.SocialGroup, RegistrationLevel.County, "450921100000", "50002103", new(2026, 8, 12), "莫墨", "容县文联", "culture", 30000m, false, "繁荣书法艺术，开展书法交流与培训"),
        new("北流市陶瓷行业协会", OrganizationKind.SocialGroup, RegistrationLevel.County, "450981100000", "50002201", new(2008, 11, 3), "钟瓷", null, "business", 50000m, true, "服务北流陶瓷企业，推动行业发展"),
        new("北流市新荣镇乡村振兴服务中心", OrganizationKind.SocialServiceAgency, RegistrationLevel.County, "450981101000", "50002202", new(2019, 3, 28), "韦振兴", "北流市农业农村局", "agriculture", 30000m, false, "为农户提供技术培训和产销对接服务"),
    ];

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        Guid? own = null;
        var n = 0;
        foreach (var d in Demo)
        {
            n++;
            var authority = RegistrationAuthority.AuthorityFor(d.Level, d.Seat);
            var code = CreditCode.Compose('5', SocialOrganizationKinds.CreditCodeType(d.Kind), authority[..6], d.Body8);
            var org = await registration.CreateAsync(new OrganizationInput
            {
                CreditCode = code,
                Name = d.Name,
                Kind = d.Kind,
                DivisionCode = d.Seat,
                Address = "玉林市（演示地址）",
                LegalRepresentativeName = d.Representative,
                RegisteredOn = d.RegisteredOn,
            }, ct);
            db.Add(new SocialOrganizationProfile
            {
                OrganizationId = org.Id,
                DivisionCode = d.Seat,
                Kind = d.Kind,
                Level = d.Level,
                AuthorityDivisionCode = authority,
                SupervisingUnit = d.SupervisingUnit,
                Category = d.Category,
                Purpose = d.Purpose,
                BusinessScope = d.Purpose + "（演示）",
                RegisteredCapital = Money.FromYuan(d.Capital),
                CertificateNumber = $"{(d.Level == RegistrationLevel.City ? "玉" : authority[4..6] == "21" ? "容" : "北")}社证字第{d.RegisteredOn.Year}{n:D3}号（演示）",
                CertificateIssuedOn = d.RegisteredOn,
                IsTradeAssociation = d.TradeAssociation,
            });
            if (d.Name == DemoOrganizationName) own = org.Id;
        }
        await db.SaveChangesAsync(ct);

        // the social-work centre's own account (bound to its organisation: it sees this organisation only)
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (own is { } id && await users.FindByNameAsync(DemoUserName) is { } user)
        {
            user.OrganizationId = id;
            await users.UpdateAsync(user);
        }
    }
}
