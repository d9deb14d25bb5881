using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>
/// 社会工作 (chapter 八 of the plan, issue 16 item 5): 乡镇（街道）社工站 and their coverage against the plan's target, the
/// social workers with their exam record and derived qualification, the services delivered, and referrals to and from the
/// assistance, child-welfare and elderly-care lines (linked by person).
/// </summary>
public static class SocialWorkModule
{
    public static IServiceCollection AddSocialWork(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("socialwork", typeof(SocialWorkModule), "socialwork_")
        {
            Permissions = SocialWorkPermissions.Declared,
            RoleGrants = SocialWorkPermissions.RoleGrants,
            Errors = Contracts.SocialWorkErrors.All,
            Navigation = new("socialwork", "社会工作", "乡镇（街道）社工站、社工与职业资格、服务、转介", "八、", "/socialwork", 131),
        });
        services.AddSingleton(new FigureSection(SocialWorkFigures.Module, "社会工作", SocialWorkPermissions.FiguresWrite,
            [(SocialWorkFigures.Module, "社会工作")], SocialWorkFigures.All));
        services.AddScoped<Stations>();
        services.AddScoped<Staff>();
        services.AddScoped<Services>();
        services.AddScoped<Referrals>();
        services.AddScoped<Trainings>();
        services.AddScoped<Pickers>();
        services.AddScoped<SocialWorkDashboard>();
        services.AddSingleton<IModuleInitializer, SocialWorkInitializer>();
        return services;
    }

    public static void MapSocialWork(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/socialwork").WithTags("SocialWork");
        api.MapSocialWorkApi();
        api.MapSocialWorkTrainings();
    }
}
