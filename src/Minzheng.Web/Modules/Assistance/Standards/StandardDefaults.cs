using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>
/// Figures shipped with the platform. Rules and periods of the current national texts ship as defaults on
/// every installation (each names its source). No amount ships as if it were official (domain decision 3):
/// amounts and local multiples are seeded only in demo mode, marked 演示数据; a city administrator enters
/// the real ones with their document number.
/// </summary>
public static class StandardDefaults
{
    public const string City = "450900000000";
    private const string DefaultsSetting = "assistance.standard_defaults";
    private const string DemoSetting = "assistance.standard_demo";
    private const string Demo = "演示数据（非官方，须由民政部门录入正式标准）";

    private static readonly DateOnly Start = new(2014, 5, 1); // 社会救助暂行办法 in force

    private static Figure Row(FigureKind k, string document, DateOnly from, DateOnly? to = null, Area area = Area.All, string category = "") => new()
    {
        Module = k.Module,
        Kind = k.Code,
        DivisionCode = City,
        Area = area.ToFigureArea(),
        Category = category,
        ValidFrom = from,
        ValidTo = to,
        Document = document,
        CreatedBy = "system:defaults",
    };

    private static Figure Set(Figure row, Action<Figure> set)
    {
        set(row);
        return row;
    }

    public static IEnumerable<Figure> Rules() =>
    [
        Set(Row(StandardKinds.ElderlyAge, "默认值（待玉林市民政局确认）", Start), r => r.Number = 60),
        Set(Row(StandardKinds.MinorAge, "默认值：未成年人指未满18周岁", Start), r => r.Number = 18),
        Set(Row(StandardKinds.GraceMonths, "民发〔2020〕69号（各地多为6个月，待确认）", Start), r => r.Number = 6),
        Set(Row(StandardKinds.RoundingRule, "默认：按户按月向上取整到元（待确认）", Start), r => r.Choice = "CeilingYuan"),
        Set(Row(StandardKinds.MarginalMultiple, "民发〔2021〕57号：低保标准的1.5倍", Start), r => r.Factor = 1.5m),
        Set(Row(StandardKinds.ReviewStableMonths, "民发〔2021〕57号：收入基本稳定的每年复核", Start), r => r.Number = 12),
        Set(Row(StandardKinds.ReviewIrregularMonths, "民发〔2021〕57号：收入不固定且有劳动能力的每半年复核", Start), r => r.Number = 6),
        Set(Row(StandardKinds.NoticeDays, "民发〔2021〕57号：在村（社区）公示7天", Start), r => r.Number = 7),
        Set(Row(StandardKinds.ApprovalDelegated, "玉林市2020年民政工作要点：全面实施低保审批权限下放乡镇", new DateOnly(2020, 1, 1)), r => r.Choice = "yes"),
        Set(Row(StandardKinds.WatchLeftMonths, "默认：退出低保12个月内纳入返贫监测", Start), r => r.Number = 12),
        Set(Row(StandardKinds.EpRuleVersion, "民发〔2016〕178号", new DateOnly(2017, 1, 1), new DateOnly(2021, 6, 30)), r => r.Choice = "2016"),
        Set(Row(StandardKinds.EpRuleVersion, "民发〔2021〕43号（施行日期待确认）", new DateOnly(2021, 7, 1)), r => r.Choice = "2021"),
        Set(Row(StandardKinds.EpBasic, "原则上不低于当地低保标准的1.3倍（国家规定，广西倍数待确认）", Start, area: Area.All), r => r.Factor = 1.3m),
    ];

    public static async Task EnsureAsync(AppDbContext db, bool demo, CancellationToken ct = default)
    {
        var set = db.Set<Figure>();
        if (!await db.Settings.AnyAsync(s => s.Key == DefaultsSetting, ct))
        {
            set.AddRange(Rules());
            db.Settings.Add(new PlatformSetting { Key = DefaultsSetting, Value = "1", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Settings.AnyAsync(s => s.Key == DemoSetting, ct))
        {
            set.AddRange(DemoFigures().Select(r => { r.IsDemo = true; return r; }));
            db.Settings.Add(new PlatformSetting { Key = DemoSetting, Value = "1", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Illustrative figures for the demo: plausible orders of magnitude, not Yulin's.</summary>
    public static IEnumerable<Figure> DemoFigures()
    {
        Figure Amount(FigureKind k, decimal yuan, DateOnly from, DateOnly? to = null, Area area = Area.All, string category = "")
        {
            var r = Row(k, Demo, from, to, area, category);
            r.Amount = Money.FromYuan(yuan);
            return r;
        }
        Figure Percent(FigureKind k, decimal percent, string category = "")
        {
            var r = Row(k, Demo, Start, category: category);
            r.Percent = percent;
            return r;
        }
        var y2019 = new DateOnly(2019, 1, 1);
        var y2020 = new DateOnly(2020, 1, 1);
        var y2023 = new DateOnly(2023, 1, 1);
        var list = new List<Figure>
        {
            Amount(StandardKinds.DibaoMonthly, 620, y2019, new DateOnly(2019, 12, 31), Area.Urban),
            Amount(StandardKinds.DibaoMonthly, 690, y2020, new DateOnly(2022, 12, 31), Area.Urban),
            Amount(StandardKinds.DibaoMonthly, 800, y2023, null, Area.Urban),
            Amount(StandardKinds.DibaoMonthly, 360, y2019, new DateOnly(2019, 12, 31), Area.Rural),
            Amount(StandardKinds.DibaoMonthly, 420, y2020, new DateOnly(2022, 12, 31), Area.Rural),
            Amount(StandardKinds.DibaoMonthly, 510, y2023, null, Area.Rural),
            Percent(StandardKinds.DibaoAddOn, 10, "elderly"),
            Percent(StandardKinds.DibaoAddOn, 10, "minor"),
            Percent(StandardKinds.DibaoAddOn, 20, "severe-disability"),
            Percent(StandardKinds.DibaoAddOn, 15, "serious-illness"),
            Percent(StandardKinds.SinglePersonFloor, 60),
            Amount(StandardKinds.EpCare, 100, Start, category: "selfCare"),
            Amount(StandardKinds.EpCare, 300, Start, category: "partiallyLost"),
            Amount(StandardKinds.EpCare, 600, Start, category: "completelyLost"),
            Amount(StandardKinds.TempCap, 20000, Start),
            Amount(StandardKinds.TempTownshipLimit, 2000, Start),
            Amount(StandardKinds.WatchTemporaryThreshold, 5000, Start),
        };
        var deposit = Row(StandardKinds.DepositMultiple, Demo, Start);
        deposit.Factor = 2;
        var vehicles = Row(StandardKinds.MaxVehicles, Demo, Start);
        vehicles.Number = 0;
        var houses = Row(StandardKinds.MaxHouses, Demo, Start);
        houses.Number = 1;
        var business = Row(StandardKinds.BusinessAllowed, Demo, Start);
        business.Choice = "no";
        var urgent = Row(StandardKinds.TempUrgentMultiple, Demo, Start);
        urgent.Factor = 6;
        var expense = Row(StandardKinds.TempExpenseMultiple, Demo, Start);
        expense.Factor = 12;
        var paperwork = Row(StandardKinds.TempPaperworkDays, Demo, Start);
        paperwork.Number = 10;
        list.AddRange([deposit, vehicles, houses, business, urgent, expense, paperwork]);
        return list;
    }
}
