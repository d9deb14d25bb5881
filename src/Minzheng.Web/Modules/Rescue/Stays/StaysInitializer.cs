using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>
/// Demo stays at 玉林市救助管理站 (demo mode only, after the stations of <see cref="RescueInitializer"/>): one person with an ID
/// number returned home by ticket, one in station, one unidentified 无名氏 in 站内照料 — so the dashboard and lists show each case.
/// </summary>
public sealed class StaysInitializer : IModuleInitializer
{
    public int Order => 183;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Set<RescueStay>().AnyAsync(ct)) return;
        var station = await db.Set<RescueStation>().Where(s => s.DivisionCode == "450902000000").FirstOrDefaultAsync(ct);
        if (station is null) return;
        var stays = sp.GetRequiredService<RescueStays>();
        IntakeInput Eligible(IntakeInput i) => i with { StationId = station.Id, NoFoodOrLodging = true, NoRelativesToTurnTo = true, NoBasicAllowance = true, VagrantInCity = true };

        var home = await stays.IntakeAsync(Eligible(new IntakeInput
        {
            IdNumber = IdNumber.Compose("430521", new DateOnly(1971, 3, 14), 357),
            Name = "刘志强",
            Source = StaySource.SelfReferred,
            DeclaredOrigin = "湖南省邵阳县（自述）",
            Situation = "务工被欠薪，钱物被盗，无力返乡（演示数据）",
            IdentityKnown = true,
            Room = "男2-3",
        }), ct);
        await stays.AddServiceAsync(home.Id, new ServiceInput { Version = home.Version, Kind = ServiceKind.Food, Note = "三餐" }, ct);
        home = await stays.LoadAsync(home.Id, ct);
        await stays.ExitAsync(home.Id, new ExitInput
        {
            Version = home.Version,
            Exit = StayExit.ReturnedHome,
            Note = "购票返乡，已通知邵阳县救助站（演示数据）",
            Return = new ReturnInput { Mode = ReturnMode.Ticket, TicketMode = "火车", From = "玉林站", To = "邵阳站", Fare = 186.5m },
        }, ct);

        await stays.IntakeAsync(Eligible(new IntakeInput
        {
            NoIdNumber = true,
            Name = "黄阿妹",
            Sex = Sex.Female,
            BirthYear = 1958,
            Source = StaySource.Police,
            SourceReference = "玉公交〔2026〕118号",
            DeclaredOrigin = "广西北流市（自述，待核实）",
            Situation = "在火车站候车室滞留，言语不清（演示数据）",
            UnableToGiveFacts = true,
            Room = "女1-1",
        }), ct);

        await stays.IntakeAsync(Eligible(new IntakeInput
        {
            NoIdNumber = true,
            Sex = Sex.Male,
            BirthYear = 1980,
            Features = "身高约170厘米，偏瘦，左手腕有疤痕",
            Source = StaySource.Patrol,
            Situation = "街面巡查发现，不能说出姓名住址（演示数据）",
            UnableToGiveFacts = true,
            Room = "男1-2",
        }), ct);
    }
}
