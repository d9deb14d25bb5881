using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

/// <summary>
/// Every installation gets the 工作台 notice period (a management setting of the platform, not a policy amount, so it ships as a
/// real row the city may change in the figure book, like home care's budget alert line).
/// </summary>
public sealed class DashboardInitializer : IModuleInitializer
{
    public int Order => 175;

    public const int DefaultNoticeWorkingDays = 3;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == DashboardFigures.Module, ct)) return;
        db.Add(new Figure
        {
            Module = DashboardFigures.Module,
            Kind = DashboardFigures.NoticeWorkingDays.Code,
            DivisionCode = "450900000000",
            Category = "",
            Number = DefaultNoticeWorkingDays,
            ValidFrom = new DateOnly(2013, 7, 1),
            Document = "平台默认：期限前 3 个工作日列入工作台",
            CreatedBy = "system",
        });
        await db.SaveChangesAsync(ct);
    }
}
