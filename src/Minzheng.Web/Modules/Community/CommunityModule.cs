using Minzheng.Web.Modules.Community.Admission;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Modules.Community.Elections;
using Minzheng.Web.Modules.Community.Pilots;
using Minzheng.Web.Modules.Community.Publicity;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Community;

/// <summary>
/// 城乡社区治理 (plan 三、): village and residents' committees with their members, reviews and audits; the 换届 elections on the
/// workflow kernel with the county's candidate vetting; village affairs publicity (村务公开); the work-item admission lists
/// (准入) and the certificate catalogue that ends the 社区万能章; rural community pilots and the township service-capacity
/// assessment. Each part registers itself here.
/// </summary>
public static class CommunityModule
{
    public const string FigureModule = "community";

    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("community", typeof(CommunityModule), "com_")
        {
            Permissions = CommunityPermissions.Declared,
            RoleGrants = CommunityPermissions.RoleGrants,
            Errors = Contracts.CommunityErrors.All,
            Navigation = new("community", "社区治理", "村（居）委会、换届选举、村务公开、准入和证明事项、试点和乡镇服务能力", "三、", "/community", 40),
            CitizenLinks = [new("/public/community/roll", "选民查询", Platform.Access.Permissions.CitizenApply, 40)],
        });
        services.AddSingleton(new FigureSection(FigureModule, "社区治理", CommunityPermissions.Oversee, [(FigureModule, "社区治理")],
            [.. CommitteeFigures.All, .. ElectionFigures.All, .. PublicityFigures.All, .. PilotFigures.All]));
        // each part registers itself here, one line each
        services.AddCommittees();
        services.AddElections();
        services.AddPublicity();
        services.AddAdmission();
        services.AddPilots();
        return services;
    }

    public static void MapCommunity(this IEndpointRouteBuilder app)
    {
        // each part maps itself here, one line each
        app.MapCommittees();
        app.MapElections();
        app.MapPublicity();
        app.MapAdmission();
        app.MapPilots();
    }
}
