using Minzheng.Web.Modules.SocialOrganizations.Cleanup;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Public;
using Minzheng.Web.Modules.SocialOrganizations.Registration;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Imports;

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
            Navigation = new("social-organizations", "社会组织", "登记、年检、评估、活动异常名录、严重违法失信名单", "五、", "/social-organizations", 60),
        });
        services.AddScoped<Registry.RegistrationAuthority>();
        services.AddSingleton(new FigureSection(SocialOrganizationFigures.Module, "社会组织", SocialOrganizationPermissions.FiguresWrite,
            [(SocialOrganizationFigures.Module, "社会组织")], SocialOrganizationFigures.All));
        services.AddSingleton<IModuleInitializer, SocialOrganizationsInitializer>();
        services.AddScoped<Import.SocialOrganizationImport>();
        services.AddScoped<IImportKind>(sp => sp.GetRequiredService<Import.SocialOrganizationImport>());
        services.AddScoped<Dashboard.SocialOrganizationDashboard>();
        // each part registers itself here, one line each
        services.AddCredit();
        services.AddReports();
        services.AddPublicCreditQuery();
        services.AddGovernance();
        Evaluation.EvaluationSetup.AddEvaluation(services);
        SpotChecks.SpotCheckSetup.AddSpotChecks(services);
        services.AddRegistration();
        return services;
    }

    public static void MapSocialOrganizations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/social-organizations").WithTags("SocialOrganizations");
        api.MapGet("/dashboard", async (int? year, Dashboard.SocialOrganizationDashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.LoadAsync(year, ct)))
            .RequireAuthorization(Permissions.Policy(SocialOrganizationPermissions.Read))
            .WithSummary("社会组织统计：按类型、层级、县（市、区）、行业；某报告年度的年检报送进度和结论；信用名录、评估等级、党组织覆盖（实时计算）");
        // each part maps itself here, one line each
        api.MapCredit();
        api.MapReports();
        app.MapPublicCreditQuery();
        api.MapGovernance();
        Evaluation.EvaluationSetup.MapEvaluation(api);
        SpotChecks.SpotCheckSetup.MapSpotChecks(api);
        api.MapRegistration();
    }
}
