using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>
/// The shelter's figure: 反家庭暴力法 sets no period and no Guangxi or Yulin text giving one was found, so only demo mode gets a
/// row, marked 演示数据; in production the city enters its own (until then stays have no due day).
/// </summary>
public sealed class ShelterInitializer : IModuleInitializer
{
    public int Order => 186;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == ShelterFigures.LimitDays.Module && f.Kind == ShelterFigures.LimitDays.Code, ct)) return;
        db.Add(new Figure
        {
            Module = ShelterFigures.LimitDays.Module,
            Kind = ShelterFigures.LimitDays.Code,
            DivisionCode = RescueInitializer.City,
            Number = 30,
            ValidFrom = new DateOnly(2016, 3, 1),
            Document = "演示数据：临时庇护一般不超过30天（反家庭暴力法第十八条未规定期限，玉林未确认；由市民政局确定）",
            CreatedBy = "system",
        });
        await db.SaveChangesAsync(ct);
    }
}
