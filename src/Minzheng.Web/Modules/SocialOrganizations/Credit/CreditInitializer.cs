using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>
/// Demo mode only: the objection time limit as a demo row (60号令 sets none: a local choice, 演示数据), two officer-recorded
/// cases on the core's demo organisations — 北流市陶瓷行业协会 warned in 2026 (on the 活动异常名录, removable 6 months later) and
/// 玉林市餐饮行业协会 listed for a late report and struck out by an upheld objection — and one run of the publication.
/// </summary>
public sealed class CreditInitializer : IModuleInitializer
{
    public const string CeramicsName = "北流市陶瓷行业协会";
    public const string CateringName = "玉林市餐饮行业协会";
    public static readonly DateOnly CeramicsWarnedOn = new(2026, 7, 15);

    public int Order => 180;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == CreditFigures.ObjectionWorkingDays.Module && f.Kind == CreditFigures.ObjectionWorkingDays.Code, ct)) return;
        db.Add(new Figure
        {
            Module = CreditFigures.ObjectionWorkingDays.Module,
            Kind = CreditFigures.ObjectionWorkingDays.Code,
            DivisionCode = RegistrationAuthority.City,
            Category = "",
            Number = 15,
            ValidFrom = new DateOnly(2018, 1, 24),
            Document = "演示数据（民政部令第60号未规定异议核实期限，本地规定未确认）",
            IsDemo = true,
            CreatedBy = "system",
        });
        await db.SaveChangesAsync(ct);

        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var sdb = sp.GetRequiredService<AppDbContext>();
        var ledger = sp.GetRequiredService<CreditLedger>();
        var authority = sp.GetRequiredService<RegistrationAuthority>();
        async Task<SocialOrganization?> Find(string name)
        {
            var id = await sdb.Set<Organization>().Where(o => o.Name == name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            return id is { } g ? await authority.LoadAsync(g, ct) : null;
        }

        if (await Find(CeramicsName) is { } ceramics)
        {
            await ledger.RecordAsync(ceramics, new CreditEntry(ceramics.Id, CeramicsWarnedOn, CreditEventKind.WarningOrSmallFine,
                "未按规定办理负责人变更登记，予以警告（演示）", "officer", "北民社罚决字〔2026〕3号（演示）", SourceKey: "demo:ceramics-warning"), ct);
        }
        if (await Find(CateringName) is { } catering)
        {
            var listed = await ledger.RecordAsync(catering, new CreditEntry(catering.Id, new DateOnly(2025, 6, 1), CreditEventKind.ReportOverdue,
                "未按时报送2024年度工作报告（演示）", "officer", "玉民社异字〔2025〕7号（演示）", SourceKey: "demo:catering-overdue"), ct);
            if (listed is not null)
            {
                var objection = new CreditObjection
                {
                    OrganizationId = catering.Id,
                    DivisionCode = catering.Profile.DivisionCode,
                    EventId = listed.Id,
                    Reason = "本会已于2025年5月28日通过社会组织管理信息系统报送2024年度工作报告，系统回执可查（演示）",
                    Evidence = "网上报送回执截图、邮寄凭证（演示）",
                    FiledOn = new DateOnly(2025, 6, 5),
                    FiledBy = "demo",
                    DueOn = new DateOnly(2025, 6, 26),
                    Status = CreditObjectionStatus.Upheld,
                    DecidedOn = new DateOnly(2025, 6, 12),
                    DecidedBy = "demo",
                    DecisionReason = "经核实，该会已按时报送，系统数据同步延迟（演示）",
                };
                var correction = await ledger.RecordAsync(catering, new CreditEntry(catering.Id, objection.DecidedOn.Value, CreditEventKind.Corrected,
                    "异议成立，更正 2025-06-01“未按时报送2024年度工作报告”（演示）", "objection", SourceKey: $"objection:{objection.Id}", CorrectsId: listed.Id), ct);
                objection.CorrectionEventId = correction?.Id;
                sdb.Add(objection);
            }
        }
        await sdb.SaveChangesAsync(ct);
        await sp.GetRequiredService<CreditPublisher>().PublishAsync(ct);
    }
}
