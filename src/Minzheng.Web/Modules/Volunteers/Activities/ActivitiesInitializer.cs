using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>
/// The check-in code's rotation (a platform setting, always) and, in demo mode, a project of 新南社区居委会 grouping its
/// activities, so the organiser's pages show one.
/// </summary>
public sealed class ActivitiesInitializer : IModuleInitializer
{
    public int Order => 195;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == ActivityFigures.QrSeconds.Module && f.Kind == ActivityFigures.QrSeconds.Code, ct))
        {
            db.Add(new Figure
            {
                Module = ActivityFigures.QrSeconds.Module,
                Kind = ActivityFigures.QrSeconds.Code,
                DivisionCode = VolunteersInitializer.City,
                Number = ActivityFigures.DefaultQrSeconds,
                ValidFrom = new DateOnly(2017, 12, 1),
                Document = "平台设置（非政策标准）：签到二维码每60秒更换一次，当前和上一个二维码有效",
                CreatedBy = "system",
            });
            await db.SaveChangesAsync(ct);
        }
        if (!demo || await db.Set<VolunteerProject>().IgnoreQueryFilters().AnyAsync(ct)) return;
        var team = await db.Set<VolunteerTeam>().IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Name == VolunteersInitializer.CommitteeName, ct);
        if (team is null) return;
        var today = services.GetRequiredService<BusinessClock>().Today;
        var project = new VolunteerProject
        {
            TeamId = team.Id,
            OrganizationId = team.OrganizationId,
            DivisionCode = team.DivisionCode,
            Title = "新南社区“邻里守望”志愿服务项目（演示）",
            Category = ServiceCategory.Community,
            StartsOn = new DateOnly(today.Year, 1, 1),
            EndsOn = new DateOnly(today.Year, 12, 31),
            Description = "走访独居老人、整治环境卫生、关爱留守儿童（演示数据）",
        };
        db.Add(project);
        foreach (var a in await db.Set<VolunteerActivity>().IgnoreQueryFilters().Where(a => a.TeamId == team.Id).ToListAsync(ct)) a.ProjectId = project.Id;
        await db.SaveChangesAsync(ct);
    }
}
