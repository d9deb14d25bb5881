using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>
/// Opens the city's system accounts (always) and, in the demo, adds the time bank's figures — all 演示数据: there is no
/// national rule, these follow the local examples of 南京 and 北京 (rules-2.md §6.7). No expiry row: nothing expires.
/// </summary>
public sealed class TimeBankInitializer : IModuleInitializer
{
    public int Order => 195;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("timebank");
        var ledger = sp.GetRequiredService<TimeBankLedger>();
        foreach (var role in Enum.GetValues<TimeSystemAccount>()) await ledger.SystemAsync(role, ct);
        if (!demo) return;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == VolunteerFigures.Module && f.Kind == TimeBankFigures.WithdrawalMinAge.Code, ct)) return;
        db.AddRange(DemoFigures());
        await db.SaveChangesAsync(ct);
    }

    public static List<Figure> DemoFigures()
    {
        Figure Row(FigureKind kind, string category, int number, string document) => new()
        {
            Module = VolunteerFigures.Module,
            Kind = kind.Code,
            DivisionCode = TimeBankLedger.City,
            Category = category,
            Number = number,
            ValidFrom = new DateOnly(2020, 1, 1),
            Document = document,
            IsDemo = true,
            CreatedBy = "demo",
        };
        return
        [
            Row(TimeBankFigures.PersonalCapHours, "", 1500, "演示数据：参照南京市时间银行做法，个人账户存储上限1500小时，超出部分转入捐赠池"),
            Row(TimeBankFigures.WithdrawalMinAge, "", 60, "演示数据：参照南京、北京时间银行做法，年满60周岁可兑换服务"),
            Row(TimeBankFigures.DepositAge, "min", 18, "演示数据：年满18周岁的志愿者可存储服务时长"),
            Row(TimeBankFigures.DepositAge, "max", 70, "演示数据：参照南京市做法，70周岁以下志愿者可存储服务时长"),
            Row(TimeBankFigures.GrantAge, "alone", 80, "演示数据：80周岁以上独居老人优先获赠时长"),
            Row(TimeBankFigures.GrantAge, "dibao-disabled-min", 60, "演示数据：60至79周岁低保家庭中的残疾老人优先获赠时长"),
            Row(TimeBankFigures.GrantAge, "dibao-disabled-max", 79, "演示数据：60至79周岁低保家庭中的残疾老人优先获赠时长"),
        ];
    }
}
