using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>
/// Demo mode only: the registration time limits as demo rows (UNCONFIRMED, see <see cref="RegistrationFigures"/>), one
/// establishment application entered at 容县's counter waiting for acceptance (there is no demo citizen account), and one change
/// application submitted online by <c>yangguang.org</c> waiting for 容县's officer.
/// </summary>
public sealed class RegistrationInitializer : IModuleInitializer
{
    public int Order => 175;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == SocialOrganizationFigures.Module && f.Kind == RegistrationFigures.LimitDays.Code, ct))
        {
            db.AddRange(RegistrationFigures.DemoRows());
            await db.SaveChangesAsync(ct);
        }
        if (await db.Set<RegistrationApplication>().IgnoreQueryFilters().AnyAsync(ct)) return;

        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var apps = sp.GetRequiredService<RegistrationApplications>();
        await apps.EstablishAsync(new EstablishInput
        {
            Kind = "social-group",
            Level = "county",
            DivisionCode = "450921100000",
            Name = "容县摄影家协会",
            LegalRepresentative = "覃光影",
            Address = "容县容州镇人民路（演示地址）",
            SupervisingUnit = "容县文联",
            Category = "culture",
            Purpose = "团结全县摄影工作者，繁荣摄影艺术",
            BusinessScope = "摄影创作、展览、培训、交流（演示）",
            RegisteredCapital = 30000m,
            ApplicantName = "覃光影",
            Materials = [.. RegistrationMaterials.Required(ApplicationKind.Establish, OrganizationKind.SocialGroup, true).Select(m => m.Code)],
        }, ct);

        var sdb = sp.GetRequiredService<AppDbContext>();
        var own = await sdb.Organizations.FirstOrDefaultAsync(o => o.Name == SocialOrganizationsInitializer.DemoOrganizationName, ct);
        var account = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(SocialOrganizationsInitializer.DemoUserName);
        if (own is null || account is null) return;
        // filed as the organisation's own account would file it online (its id on the application, the system in the audit log)
        var change = await apps.ChangeAsync(own.Id, new ChangeInput
        {
            Address = "容县容州镇新南社区阳光路8号（演示地址）",
            ApplicantName = account.DisplayName,
            Reason = "办公场所搬迁",
            Materials = [.. RegistrationMaterials.Required(ApplicationKind.Change, OrganizationKind.SocialServiceAgency, false).Select(m => m.Code)],
        }, ct);
        change.Channel = ApplicationChannel.Online;
        change.ApplicantUserId = account.Id;
        await sdb.SaveChangesAsync(ct);
    }
}
