using Minzheng.Web.Modules.Volunteers.Certificates;
using Minzheng.Web.Modules.Volunteers.Dashboard;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Volunteers;

/// <summary>
/// 志愿服务 and the 时间银行 (chapter 八 of the plan): real-name volunteers of the shared registry, the organisations they serve
/// with, activities with check-in and check-out, verified service time, star levels, service proofs, and the time bank for
/// mutual elderly care. Each part registers itself here from its own folder.
/// </summary>
public static class VolunteersModule
{
    public static IServiceCollection AddVolunteers(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("volunteers", typeof(VolunteersModule), "volunteer_")
        {
            Permissions = VolunteerPermissions.Declared,
            RoleGrants = VolunteerPermissions.RoleGrants,
            Errors = Contracts.VolunteerErrors.All,
            Navigation = new("volunteers", "志愿服务", "志愿者、活动、服务时长、时间银行", "八、", "/volunteers", 130),
            CitizenLinks =
            [
                new("/volunteer/join", "志愿者", VolunteerPermissions.Self, 130),
                new("/volunteer/activities", "志愿活动", VolunteerPermissions.Self, 131),
                new("/volunteer/certificates", "服务证明", VolunteerPermissions.Self, 132),
                new("/volunteer/timebank", "时间银行", VolunteerPermissions.Self, 133),
            ],
        });
        services.AddSingleton(new FigureSection(VolunteerFigures.Module, "志愿服务", VolunteerPermissions.FiguresWrite,
            [(VolunteerFigures.Module, "志愿服务")], VolunteerFigures.All));
        services.AddSingleton<IModuleInitializer, VolunteersInitializer>();
        services.AddScoped<VolunteerHours>();
        services.AddScoped<ServiceVerification>();
        services.AddScoped<VolunteerIdentity>();
        // each part registers itself here, one line each
        Registration.RegistrationSetup.AddRegistration(services);
        Activities.ActivitiesSetup.AddActivities(services);
        services.AddVolunteerCertificates();
        services.AddVolunteerDashboard();
        TimeBank.TimeBankSetup.AddTimeBank(services);
        return services;
    }

    public static void MapVolunteers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/volunteers").WithTags("Volunteers");
        // each part maps itself here, one line each
        Registration.RegistrationSetup.MapRegistration(api);
        Registration.RegistrationSetup.MapRegistrationExport(app);
        Activities.ActivitiesSetup.MapActivities(api);
        api.MapVolunteerCertificates();
        api.MapVolunteerDashboard();
        TimeBank.TimeBankSetup.MapTimeBank(api);
    }
}
