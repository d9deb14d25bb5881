using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>
/// Figures every installation gets (the legal age of an elder, the alert line), the UNCONFIRMED ones (prices, hours, criteria,
/// sampling rate) as demo rows only; in demo mode a provider in 玉州区 with the plan's 150万元 contract, its caregiver's account
/// bound to it, orders for elders aged 80 and over, and visit records.
/// </summary>
public sealed class HomeCareInitializer : IModuleInitializer
{
    public int Order => 160;

    /// <summary>The demo provider's caregiver (Platform/Demo/DemoAccounts.cs), bound to the demo provider here.</summary>
    public const string DemoCaregiver = "yikang.caregiver";
    public const string DemoDistrict = "450902000000"; // 玉州区 (城区)

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == HomeCareFigures.Module, ct)) return;
        db.AddRange(FigureRows(demo, services.GetRequiredService<BusinessClock>().Today));
        await db.SaveChangesAsync(ct);
        if (demo) await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows(bool demo, DateOnly today)
    {
        const string City = "450900000000";
        Figure Row(FigureKind k, string document, DateOnly from, decimal? amount = null, int? number = null, string? choice = null, decimal? percent = null, string category = "") => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Category = category,
            Amount = amount is { } a ? Money.FromYuan(a) : null,
            Number = number,
            Choice = choice,
            Percent = percent,
            ValidFrom = from,
            Document = document,
            IsDemo = document.StartsWith("演示数据", StringComparison.Ordinal),
            CreatedBy = "system",
        };
        var law = new DateOnly(2013, 7, 1);
        var rows = new List<Figure>
        {
            Row(HomeCareFigures.ElderFrom, "中华人民共和国老年人权益保障法 第二条（六十周岁以上）", law, number: 60),
            // the line (issue 13 item 5); a management threshold, not a policy amount
            Row(HomeCareFigures.BudgetAlert, "平台默认：合同预算执行达 80% 预警", law, percent: 80m),
        };
        if (demo)
        {
            var from = new DateOnly(today.Year - 1, 1, 1);
            const string doc = "演示数据（参照财社〔2014〕105号服务目录；单价待玉林市民政局确认）";
            foreach (var (code, price) in new[] { ("meal", 20m), ("bath", 40m), ("clean", 30m), ("emergency", 35m), ("medical", 35m), ("comfort", 25m) })
            {
                rows.Add(Row(HomeCareFigures.UnitPrice, doc, from, amount: price, category: code));
            }
            rows.Add(Row(HomeCareFigures.MonthlyHours, "演示数据（每人每月服务时长待确认）", from, number: 20));
            rows.Add(Row(HomeCareFigures.ExtremePoverty, "演示数据（服务对象范围待确认）", from, choice: "yes"));
            rows.Add(Row(HomeCareFigures.DibaoElder, "演示数据（服务对象范围待确认）", from, choice: "yes"));
            rows.Add(Row(HomeCareFigures.Disabled, "演示数据（服务对象范围待确认）", from, choice: "yes"));
            rows.Add(Row(HomeCareFigures.Aged, "演示数据（服务对象范围待确认）", from, choice: "yes"));
            rows.Add(Row(HomeCareFigures.AgedFrom, "演示数据（高龄年龄待确认）", from, number: 80));
            rows.Add(Row(HomeCareFigures.Ability, "演示数据（服务对象范围待确认）", from, choice: "yes"));
            rows.Add(Row(HomeCareFigures.AbilityFrom, "演示数据（失能等级待确认）", from, number: 2));
            rows.Add(Row(HomeCareFigures.SampleRate, "演示数据（抽查比例待确认）", from, percent: 10m));
        }
        return rows;
    }

    private static async Task DemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<BusinessClock>();
        var today = clock.Today;
        var divisions = sp.GetRequiredService<DivisionDirectory>();
        var town = divisions.Descendants(DemoDistrict, DivisionLevel.Town).OrderBy(d => d.Code).FirstOrDefault();
        if (town is null) return;

        var provider = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
        {
            CreditCode = CreditCode.Compose('5', '2', "450902", "MJY00001"),
            Name = "玉林市玉州区颐康居家养老服务中心",
            Kind = OrganizationKind.SocialServiceAgency,
            LegalRepresentativeName = "陈丽华",
            DivisionCode = town.Code,
            Address = "玉州区人民东路 88 号（演示数据）",
            BankName = "广西北部湾银行玉林分行",
            BankAccount = "800120300000188",
            RegisteredOn = new DateOnly(2018, 5, 20),
        }, ct);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(DemoCaregiver) is { } caregiver)
        {
            caregiver.OrganizationId = provider.Id;
            caregiver.DivisionCode = provider.DivisionCode;
            await users.UpdateAsync(caregiver);
        }

        var contract = await sp.GetRequiredService<HomeCareContracts>().CreateAsync(new ContractInput(provider.Id, DemoDistrict, today.Year, 1_500_000m,
            "演示数据：玉林市2020年民政工作计划——城区政府购买居家养老服务 150 万元"), isDemo: true, ct);

        var eighty = today.AddYears(-80);
        var elders = await db.Persons.AsNoTracking()
            .Where(p => p.DivisionCode.StartsWith("450902") && p.LifeStatus == LifeStatus.Alive && p.BirthDate <= eighty)
            .OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync(ct);
        var orders = sp.GetRequiredService<HomeCareOrders>();
        var placed = new List<HomeCareOrder>();
        var start = new DateOnly(today.Year, 1, 1) > today.AddMonths(-1) ? new DateOnly(today.Year, 1, 1) : new DateOnly(today.AddMonths(-1).Year, today.AddMonths(-1).Month, 1);
        foreach (var person in elders)
        {
            try
            {
                placed.Add(await orders.CreateAsync(new OrderInput(person, null, contract.Id, ["meal", "clean", "comfort"], null, start), ct));
            }
            catch (AppProblem)
            {
                // not eligible under the demo criteria: one fewer order
            }
        }

        // visit records as the caregiver made them (earlier days of the period; the last one of each elder left unconfirmed)
        var caregiverName = "颐康护理员黄秀兰";
        var day = 0;
        foreach (var order in placed)
        {
            for (var i = 0; i < 3; i++)
            {
                var date = start.AddDays(2 + (day++ % 20));
                if (date >= today) date = today.AddDays(-1);
                if (date < start) continue;
                var inAt = date.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc).AddMinutes(day * 7);
                db.Add(new HomeCareVisit
                {
                    OrderId = order.Id,
                    ContractId = contract.Id,
                    OrganizationId = provider.Id,
                    DivisionCode = order.DivisionCode,
                    PersonId = order.PersonId,
                    ElderName = order.ElderName,
                    ServiceCode = order.ServiceList[i % order.ServiceList.Count],
                    CaregiverName = caregiverName,
                    ServiceDate = date,
                    CheckInAt = inAt,
                    CheckInAddress = string.IsNullOrEmpty(order.Address) ? "老人家中" : order.Address,
                    CheckOutAt = inAt.AddMinutes(60 + 15 * i),
                    CheckOutAddress = string.IsNullOrEmpty(order.Address) ? "老人家中" : order.Address,
                    ConfirmedBy = i < 2 ? "code" : null,
                    Minutes = 60 + 15 * i,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
