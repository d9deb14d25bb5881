using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registration;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialOrganizations;

/// <summary>
/// 社会组织 (chapter 五 of the plan): registration, annual reports, evaluation, spot checks and the credit lists of 民政部令第60号.
/// This slice holds the pure rules and the officer's credit check; each later part registers itself here from its own folder.
/// </summary>
public static class SocialOrganizationsModule
{
    public static IServiceCollection AddSocialOrganizations(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("social-organizations", typeof(SocialOrganizationsModule), "socorg_")
        {
            Permissions = SocialOrganizationPermissions.Declared,
            RoleGrants = SocialOrganizationPermissions.RoleGrants,
            Errors = Contracts.SocialOrganizationErrors.All,
            // no page yet, so the entry still leads to the line's page (尚未上线) instead of a path that answers 404
            Navigation = new("social-organizations", "社会组织", "登记、年检、评估、活动异常名录、严重违法失信名单", "五、", null, 60),
        });
        services.AddScoped<Registry.RegistrationAuthority>();
        services.AddSingleton(new FigureSection(SocialOrganizationFigures.Module, "社会组织", SocialOrganizationPermissions.FiguresWrite,
            [(SocialOrganizationFigures.Module, "社会组织")], SocialOrganizationFigures.All));
        services.AddSingleton<IModuleInitializer, SocialOrganizationsInitializer>();
        // each part registers itself here, one line each
        services.AddCredit();
        services.AddRegistration();
        return services;
    }

    public static void MapSocialOrganizations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/social-organizations").WithTags("SocialOrganizations");
        // each part maps itself here, one line each
        api.MapCredit();
        api.MapRegistration();
    }
}
