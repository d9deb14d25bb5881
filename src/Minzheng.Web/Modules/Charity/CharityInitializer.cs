using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Modules.Charity.Trusts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity;

/// <summary>
/// The charity figures — the rows of 民发〔2016〕189号 rules-2 §6.3 confirms as real rows, the ones it marks UNCONFIRMED only as
/// 演示数据 in demo mode — and, in demo mode, plans, gifts and spending of two demo social organisations, a trust filed late, and
/// yearly figures of which one body (玉林市助学基金会) falls short of its ratio.
/// </summary>
public sealed class CharityInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string FederationName = "玉林市慈善总会";
    public const string CentreName = "容县阳光社会工作服务中心";
    public const string FoundationName = "玉林市助学基金会";

    public int Order => 192;

    private static readonly DateOnly LawInForce = new(2016, 9, 1);
    private static readonly DateOnly Notice189 = new(2016, 10, 11);
    private const string Doc189 = "民政部 财政部 国家税务总局《关于慈善组织开展慈善活动年度支出和管理费用的规定》（民发〔2016〕189号）";

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == CharityFigures.Module, ct))
        {
            db.AddRange(FigureRows());
            if (demo) db.AddRange(DemoFigureRows());
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<FundraisingPlan>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    private static Figure Row(FigureKind kind, string category, DateOnly from, string document, decimal? percent = null, int? number = null, Money? amount = null, bool demo = false) => new()
    {
        Module = CharityFigures.Module,
        Kind = kind.Code,
        DivisionCode = City,
        Category = category,
        Percent = percent,
        Number = number,
        Amount = amount,
        ValidFrom = from,
        Document = document,
        IsDemo = demo,
        CreatedBy = "system",
    };

    /// <summary>CONFIRMED rows (rules-2 §6.1, §6.3): real figures, seeded in production too.</summary>
    public static List<Figure> FigureRows() =>
    [
        Row(CharityFigures.SpendingMin, RatioTiers.PublicFoundation, LawInForce, "慈善法（2016）第六十条：具有公开募捐资格的基金会年度慈善活动支出不得低于上一年总收入的百分之七十", percent: 70),
        Row(CharityFigures.ManagementMax, RatioTiers.PublicFoundation, LawInForce, "慈善法（2016）第六十条：具有公开募捐资格的基金会年度管理费用不得超过当年总支出的百分之十", percent: 10),
        Row(CharityFigures.SpendingMin, RatioTiers.PublicOther, Notice189, Doc189 + " 第六条：具有公开募捐资格的社会团体和社会服务机构不得低于上一年总收入的70%", percent: 70),
        Row(CharityFigures.SpendingMin, RatioTiers.FoundationSmall, Notice189, Doc189 + " 第七条：上年末净资产低于400万元的基金会不得低于上年末净资产的8%", percent: 8),
        Row(CharityFigures.ManagementMax, RatioTiers.FoundationSmall, Notice189, Doc189 + " 第七条：管理费用不得高于当年总支出的20%", percent: 20),
        Row(CharityFigures.SpendingMin, RatioTiers.Other1000, Notice189, Doc189 + " 第八条：上年末净资产高于1000万元的，不得低于6%", percent: 6),
        Row(CharityFigures.ManagementMax, RatioTiers.Other1000, Notice189, Doc189 + " 第八条：管理费用不得高于13%", percent: 13),
        Row(CharityFigures.SpendingMin, RatioTiers.Other500, Notice189, Doc189 + " 第八条：500万至1000万元的，不得低于7%", percent: 7),
        Row(CharityFigures.ManagementMax, RatioTiers.Other500, Notice189, Doc189 + " 第八条：管理费用不得高于14%", percent: 14),
        Row(CharityFigures.SpendingMin, RatioTiers.Other100, Notice189, Doc189 + " 第八条：100万至500万元的，不得低于8%", percent: 8),
        Row(CharityFigures.ManagementMax, RatioTiers.Other100, Notice189, Doc189 + " 第八条：管理费用不得高于15%", percent: 15),
        Row(CharityFigures.SpendingMin, RatioTiers.OtherSmall, Notice189, Doc189 + " 第八条：低于100万元的，不得低于8%", percent: 8),
        Row(CharityFigures.IncomeShareMin, RatioTiers.OtherSmall, Notice189, Doc189 + " 第八条：且不得低于上一年总收入的50%", percent: 50),
        Row(CharityFigures.ManagementMax, RatioTiers.OtherSmall, Notice189, Doc189 + " 第八条：管理费用不得高于20%", percent: 20),
        Row(CharityFigures.ManagementExempt, "", Notice189, Doc189 + " 第十一条：管理费用低于20万元的，不受管理费用比例限制", amount: Money.FromYuan(200_000m)),
        Row(CharityFigures.TrustFilingDays, "", LawInForce, "慈善法（2016）第四十五条：受托人应当在慈善信托文件签订之日起七日内，将相关文件向受托人所在地县级以上人民政府民政部门备案", number: 7),
        Row(CharityFigures.DisclosureMonths, DisclosureRule.LongPlan, LawInForce, "慈善法（2016）第七十三条：公开募捐周期超过六个月的……", number: 6),
        Row(CharityFigures.DisclosureMonths, DisclosureRule.Interval, LawInForce, "慈善法（2016）第七十三条：至少每三个月公开一次募捐情况", number: 3),
        Row(CharityFigures.DisclosureMonths, DisclosureRule.Final, LawInForce, "慈善法（2016）第七十三条：公开募捐活动结束后三个月内应当全面、详细公开募捐情况", number: 3),
    ];

    /// <summary>UNCONFIRMED in rules-2 §6.3 and §9 (the foundations ≥ 400万 bands, the 公募 社团 management cap) and the platform list: demo rows only.</summary>
    public static List<Figure> DemoFigureRows()
    {
        const string Pending = "演示数据：征求意见稿数值，待玉林市民政局确认（rules-2 §6.3 UNCONFIRMED）";
        List<Figure> rows =
        [
            Row(CharityFigures.ManagementMax, RatioTiers.PublicOther, Notice189, Pending, percent: 13, demo: true),
            Row(CharityFigures.SpendingMin, RatioTiers.Foundation6000, Notice189, Pending, percent: 6, demo: true),
            Row(CharityFigures.ManagementMax, RatioTiers.Foundation6000, Notice189, Pending, percent: 12, demo: true),
            Row(CharityFigures.SpendingMin, RatioTiers.Foundation800, Notice189, Pending, percent: 6, demo: true),
            Row(CharityFigures.ManagementMax, RatioTiers.Foundation800, Notice189, Pending, percent: 13, demo: true),
            Row(CharityFigures.SpendingMin, RatioTiers.Foundation400, Notice189, Pending, percent: 7, demo: true),
            Row(CharityFigures.ManagementMax, RatioTiers.Foundation400, Notice189, Pending, percent: 15, demo: true),
        ];
        rows.AddRange(CharityFigures.DesignatedPlatform.Categories!.Select(c =>
            Row(CharityFigures.DesignatedPlatform, c.Code, LawInForce, "演示数据：民政部指定互联网公开募捐信息平台名单以民政部公告为准，请按公告录入", number: 1, demo: true)));
        return rows;
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var today = sp.GetRequiredService<BusinessClock>().Today;
        var orgs = await db.Organizations.Where(o => o.Name == FederationName || o.Name == CentreName || o.Name == FoundationName).ToListAsync(ct);
        if (orgs.Count < 3) return; // the social organisations' demo is not there: nothing to hang the charity demo on

        var federation = orgs.Single(o => o.Name == FederationName);
        var centre = orgs.Single(o => o.Name == CentreName);
        var foundation = orgs.Single(o => o.Name == FoundationName);
        var year = today.Year;

        // plans filed before they started; the centre's runs longer than six months and has not disclosed (an alert)
        FundraisingPlan Plan(Guid orgId, string division, int seq, string title, string purpose, DateOnly starts, DateOnly ends, FundraisingChannel channel, string? platform, string? place, decimal target) => new()
        {
            Number = $"MJ{year}{seq:D5}",
            OrganizationId = orgId,
            DivisionCode = division,
            Title = title,
            Purpose = purpose + "（演示）",
            StartsOn = starts,
            EndsOn = ends,
            Channel = channel,
            Platform = platform,
            Place = place,
            Target = Money.FromYuan(target),
            FiledOn = starts.AddDays(-10),
            FiledBy = "演示",
        };
        var study = Plan(federation.Id, federation.DivisionCode, 1, "“助学圆梦”网络募捐", "资助困难家庭学生完成学业", today.AddDays(-60), today.AddDays(30),
            FundraisingChannel.Online, "tencent", null, 300_000m);
        var elders = Plan(centre.Id, centre.DivisionCode, 2, "“银龄关爱”社区募捐", "为社区独居、空巢老人提供上门关爱服务", today.AddDays(-200), today.AddDays(100),
            FundraisingChannel.OnSite, null, "容县容州镇各社区", 80_000m);
        db.AddRange(study, elders);
        void Gift(FundraisingPlan p, string? donor, decimal yuan, int daysAgo)
        {
            db.Add(new CharityDonation { PlanId = p.Id, OrganizationId = p.OrganizationId, DivisionCode = p.DivisionCode, DonorName = donor, Amount = Money.FromYuan(yuan), ReceivedOn = today.AddDays(-daysAgo), RecordedBy = "演示" });
            p.Raised += Money.FromYuan(yuan);
        }
        void Spend(FundraisingPlan p, string purpose, decimal yuan, int daysAgo)
        {
            db.Add(new CharitySpending { PlanId = p.Id, OrganizationId = p.OrganizationId, DivisionCode = p.DivisionCode, Purpose = purpose, Amount = Money.FromYuan(yuan), SpentOn = today.AddDays(-daysAgo), RecordedBy = "演示" });
            p.Spent += Money.FromYuan(yuan);
        }
        Gift(study, "玉林某企业（演示）", 50_000m, 55);
        Gift(study, null, 1_280.50m, 40);
        Gift(study, "爱心人士（演示）", 20_000m, 20);
        Spend(study, "首批资助30名困难学生（演示）", 45_000m, 10);
        Gift(elders, null, 3_600m, 150);
        Gift(elders, "容州镇商会（演示）", 10_000m, 90);
        Spend(elders, "购买上门服务和慰问物资（演示）", 6_000m, 30);

        db.Add(new CharityTrust
        {
            Number = $"XT{year}00001",
            DivisionCode = "450921000000",
            Name = "容县“乡村助老”慈善信托（演示）",
            Purpose = "资助农村留守老年人关爱服务",
            TrusteeKind = TrusteeKind.Charity,
            TrusteeName = FederationName,
            Settlor = "某爱心企业（演示）",
            Property = Money.FromYuan(1_000_000m),
            EstablishedOn = today.AddDays(-30),
            FiledOn = today.AddDays(-20),
            FilingDueOn = today.AddDays(-23),
            RecordedBy = "演示",
        });
        await db.SaveChangesAsync(ct);

        // last year's figures: the federation passes, the foundation spends 5 % of its net assets where 8 % is due (an alert)
        var yearly = sp.GetRequiredService<YearlyReports>();
        await yearly.RecordAsync(new YearlyInput(federation.Id, year - 1, true, false, 1_200_000m, 900_000m, 100_000m, 1_050_000m, 800_000m, 1_100_000m, null), ct);
        await yearly.RecordAsync(new YearlyInput(foundation.Id, year - 1, false, false, 150_000m, 100_000m, 30_000m, 140_000m, 2_000_000m, 160_000m, null), ct);
    }
}
