using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Patrols;

/// <summary>
/// Demo only: the city-wide winter campaign around today (15 November to 15 March) and one patrol per county with a station in
/// it, so the counts page has a line for each.
/// </summary>
public sealed class PatrolsInitializer : IModuleInitializer
{
    public int Order => 187;

    public static (DateOnly From, DateOnly To) CurrentWinter(DateOnly today)
    {
        var start = today.Month >= 4 ? today.Year : today.Year - 1;
        return (new DateOnly(start, 11, 15), new DateOnly(start + 1, 3, 15));
    }

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<RescueCampaign>().AnyAsync(ct)) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var sdb = sp.GetRequiredService<AppDbContext>();
        var today = sp.GetRequiredService<BusinessClock>().Today;
        var (from, to) = CurrentWinter(today);
        sdb.Add(new RescueCampaign
        {
            Kind = CampaignKind.Winter,
            DivisionCode = RescueInitializer.City,
            Name = $"{from.Year}—{to.Year}年冬季送温暖专项救助行动",
            From = from,
            To = to,
            Note = "演示数据",
            RecordedBy = "demo",
        });
        // a patrol inside the campaign, on or before today (before the campaign starts, on its first day)
        var on = today < from ? from : today > to ? to : today;
        var counties = new[] { ("450902000000", "玉林火车站、汽车总站、人民公园一带", 3, 1, 1, 1), ("450921000000", "容州镇城区、客运站", 2, 1, 1, 0), ("450981000000", "北流市区桥底、市场", 2, 2, 0, 0) };
        foreach (var (county, area, found, persuaded, brought, refused) in counties)
        {
            sdb.Add(new RescuePatrol
            {
                DivisionCode = county,
                PatrolOn = on,
                Area = area,
                Staff = "救助站工作人员2名、志愿者1名（演示数据）",
                Found = found,
                Persuaded = persuaded,
                BroughtIn = brought,
                Refused = refused,
                Clothing = found,
                Quilts = found,
                Water = found * 2,
                ExtremeWeather = true,
                Note = "演示数据：寒潮夜间巡查",
                RecordedBy = "demo",
            });
        }
        await sdb.SaveChangesAsync(ct);
    }
}
