using Minzheng.Web.Modules.Charity.Dashboard;
using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.Charity.Public;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Modules.Charity.Trusts;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Charity;

/// <summary>
/// 慈善 (chapter 八 of the plan): fundraising plans filed with the registering 民政 and the funds raised and spent per plan,
/// charity trusts filed, the yearly spending and management ratios of 民发〔2016〕189号 with alerts, and 慈善信息公开. The
/// qualifications themselves (认定, 公开募捐资格, 税前扣除资格) are decided in the social organisations' registry (issue 14).
/// </summary>
public static class CharityModule
{
    public static IServiceCollection AddCharity(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("charity", typeof(CharityModule), "charity_")
        {
            Permissions = CharityPermissions.Declared,
            RoleGrants = CharityPermissions.RoleGrants,
            Errors = Contracts.CharityErrors.All,
            Navigation = new("charity", "慈善", "募捐方案备案、捐赠收支、慈善信托、年度支出比例、信息公开", "八、", "/charity", 132),
        });
        services.AddSingleton(new FigureSection(CharityFigures.Module, "慈善", CharityPermissions.FiguresWrite,
            [(CharityFigures.Module, "慈善")], CharityFigures.All));
        services.AddSingleton<IModuleInitializer, CharityInitializer>();
        services.AddScoped<CharityOrganizations>();
        services.AddScoped<CharityForms>();
        services.AddCharityFunds();
        services.AddCharityRatios();
        services.AddCharityTrusts();
        services.AddScoped<CharityDashboard>();
        services.AddScoped<PublicCharity>();
        return services;
    }

    public static void MapCharity(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/charity").WithTags("Charity");
        api.MapCharityFunds();
        api.MapCharityRatios();
        api.MapCharityTrusts();
    }
}
