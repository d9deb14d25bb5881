using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>
/// The definition and the visit intervals are UNCONFIRMED (rules-2 §1.9), so an installation gets no figure rows and registration
/// answers standard_missing until the county enters its own; in demo mode the figures come as demo rows, with a handful of
/// left-behind elders of 新南社区 (容州镇) visited by the community's worker, one of them overdue.
/// </summary>
public sealed class LeftBehindInitializer : IModuleInitializer
{
    public const string DemoVillage = "450921100003"; // 容县 容州镇 新南社区
    public const string DemoWorker = "xinnan.worker";

    public int Order => 170;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == LeftBehindFigureKinds.Module, ct)) return;
        var today = services.GetRequiredService<BusinessClock>().Today;
        db.AddRange(FigureRows(new DateOnly(today.Year - 1, 1, 1)));
        await db.SaveChangesAsync(ct);
        await DemoAsync(services, today, ct);
    }

    public static List<Figure> FigureRows(DateOnly from)
    {
        const string City = "450900000000";
        Figure Row(FigureKind k, string document, int? number = null, string? choice = null, string category = "") => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Category = category,
            Number = number,
            Choice = choice,
            ValidFrom = from,
            Document = document,
            IsDemo = true,
            CreatedBy = "system",
        };
        return
        [
            Row(LeftBehindFigureKinds.MinAge, "演示数据（参照各地落实民发〔2017〕193号的做法：60 周岁以上；全国认定标准待确认）", number: 60),
            Row(LeftBehindFigureKinds.MinMonthsAway, "演示数据（子女外出半年以上，参照地方做法，待确认）", number: 6),
            Row(LeftBehindFigureKinds.SpouseOnly, "演示数据（独居或仅与配偶居住，待确认）", choice: "yes"),
            Row(LeftBehindFigureKinds.VisitEveryDays, "演示数据（低风险每季度巡访一次，待县级民政部门确认）", number: 90, category: "low"),
            Row(LeftBehindFigureKinds.VisitEveryDays, "演示数据（中风险每月巡访一次，待确认）", number: 30, category: "medium"),
            Row(LeftBehindFigureKinds.VisitEveryDays, "演示数据（高风险每周巡访一次，待确认）", number: 7, category: "high"),
        ];
    }

    private sealed record DemoElder(string Name, int Age, int Sequence, LivingArrangement Living, LeftBehindRisk Risk, string RiskReason, int RegisteredDaysAgo,
        (string Name, string Relation, string Place, int MonthsAway)[] Children, (int DaysAgo, VisitMode Mode, string Health, string Safety)[] Visits, string[] Referrals);

    private static async Task DemoAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var worker = await db.Users.AsNoTracking().Where(u => u.UserName == DemoWorker && u.DivisionCode == DemoVillage).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (worker is null) return;
        var persons = sp.GetRequiredService<PersonRegistration>();
        var register = sp.GetRequiredService<LeftBehindRegister>();
        var visits = sp.GetRequiredService<LeftBehindVisits>();
        DemoElder[] elders =
        [
            new("黄桂英", 81, 802, LivingArrangement.Alone, LeftBehindRisk.Medium, "独居，患高血压，子女均在广东务工", 120,
                [("李志强", "儿子", "广东省东莞市", 30), ("李志芳", "女儿", "广东省佛山市", 24)],
                [(100, VisitMode.Home, "血压偏高，按时服药", "住房安全，用电正常"), (45, VisitMode.Phone, "自述身体尚可", "无异常")], []),
            new("陈福生", 86, 811, LivingArrangement.Alone, LeftBehindRisk.High, "独居，行动不便，曾在家中跌倒", 60,
                [("陈永红", "儿子", "浙江省宁波市", 48)],
                [(55, VisitMode.Home, "腿脚不便，需助行器", "地面湿滑，已提醒子女安装扶手"), (10, VisitMode.Home, "精神尚好", "扶手已安装"), (3, VisitMode.Phone, "无不适", "无异常")],
                ["home-care", "family"]),
            new("梁秀珍", 74, 824, LivingArrangement.WithSpouseOnly, LeftBehindRisk.Low, "与配偶同住，身体健康", 150,
                [("梁建国", "儿子", "广西南宁市", 36), ("梁建英", "女儿", "广东省广州市", 20)],
                [(140, VisitMode.Home, "身体健康", "住房安全"), (20, VisitMode.Phone, "身体健康", "无异常")], []),
            new("何德明", 69, 833, LivingArrangement.WithSpouseOnly, LeftBehindRisk.Medium, "配偶患慢性病，需照料", 40,
                [("何丽", "女儿", "广东省深圳市", 12)],
                [(10, VisitMode.Home, "本人身体尚可，配偶患糖尿病", "煤气灶老化，已建议更换")], ["medical", "safety"]),
            new("苏玉兰", 77, 842, LivingArrangement.Alone, LeftBehindRisk.Low, "独居，生活能自理", 30,
                [("苏海", "儿子", "福建省厦门市", 60)], [], []),
        ];
        foreach (var d in elders)
        {
            var birth = today.AddYears(-d.Age).AddDays(-40);
            Person person;
            try
            {
                person = await persons.CreateAsync(new PersonInput
                {
                    IdNumber = IdNumber.Compose("450921", birth, d.Sequence),
                    Name = d.Name,
                    HukouType = HukouType.Rural,
                    DivisionCode = DemoVillage,
                    Address = "容州镇新南社区（演示数据）",
                }, ct);
            }
            catch (AppProblem)
            {
                continue; // the demo population already holds that number: one fewer demo elder
            }
            var on = today.AddDays(-d.RegisteredDaysAgo);
            var elder = await register.RegisterAsync(new RegisterInput(person.Id, null, d.Living,
                [.. d.Children.Select(c => new ChildAwayInput(c.Name, c.Relation, c.Place, on.AddMonths(-c.MonthsAway)))],
                d.Risk, d.RiskReason, DemoWorker, d.Children[0].Name, d.Children[0].Relation, "13807750" + d.Sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture), on), ct);
            elder.IsDemo = true;
            await db.SaveChangesAsync(ct);
            var last = d.Visits.Length - 1;
            for (var i = 0; i <= last; i++)
            {
                var v = d.Visits[i];
                LeftBehindVisit visit;
                (visit, elder) = await visits.RecordAsync(elder.Id, new VisitInput(v.Mode, today.AddDays(-v.DaysAgo), v.Health, v.Safety, "生活能自理", "情绪稳定",
                    i == last && d.Referrals.Length > 0 ? "需协助联系相关服务" : null, i == last ? [.. d.Referrals] : [], elder.Version), ct);
                // recorded at start-up as the system; shown as the community worker who made the rounds
                visit.VisitorUserId = worker.Id;
                visit.VisitorName = worker.DisplayName;
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
