using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>儿童福利: orphans and de-facto unsupported children (allowances paid through payments), left-behind children and children in difficulty under watch.</summary>
public static class ChildWelfareModule
{
    public static IServiceCollection AddChildWelfare(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("child-welfare", typeof(ChildWelfareModule), "child_")
        {
            Permissions = ChildPermissions.Declared,
            RoleGrants = ChildPermissions.RoleGrants,
            Errors = Contracts.ChildWelfareErrors.All,
            Navigation = new("child-welfare", "儿童福利", "孤儿、事实无人抚养儿童、留守和困境儿童", "四、", "/children", 50),
        });
        services.AddScoped<ChildStandards>();
        services.AddSingleton(ChildStandardKinds.Section);
        services.AddScoped<ChildAllowances>();
        services.AddSingleton(ChildProcess.Model);
        services.AddScoped<ChildWatch>();
        services.AddScoped<ChildQueries>();
        services.AddScoped<WatchExport>();
        services.AddRecurringJob<ChildAllowanceSweep>(ChildAllowanceSweep.Kind, "儿童保障到期清理", ChildAllowanceSweep.Every, ChildAllowanceSweep.FirstAfter);
        services.AddScoped<Protection.ProtectionCases>();
        services.AddScoped<Platform.Faces.IFaceSubjects, Protection.ProtectionFaces>();
        services.AddScoped<IChildProtectionReferral, Protection.ShelterReferrals>();
        services.AddScoped<Institutions.ChildInstitutions>();
        services.AddScoped<IPersonPanel, ChildPersonPanel>();
        services.AddScoped<IStartActions, ChildStartActions>();
        services.AddScoped<IDeathHandler, ChildDeathHandler>();
        services.AddScoped<IBenefitActions, ChildBenefitActions>();
        // a township clerk's 停发 on a finding is a proposal the county decides (ADR 028)
        services.AddSingleton(ChildStopDecision.StopModel);
        services.AddScoped<IBenefitProposalEffects, ChildStopDecision>();
        services.AddSingleton<IModuleInitializer, ChildWelfareInitializer>();
        ChildWorkItems.Add(services);
        services.AddSingleton(new EntitlementProgram(ChildPrograms.Orphan, "孤儿基本生活费"));
        services.AddSingleton(new EntitlementProgram(ChildPrograms.Unsupported, "事实无人抚养儿童基本生活补贴"));
        return services;
    }

    public static void MapChildWelfare(this IEndpointRouteBuilder app)
    {
        app.MapChildWelfareApi();
        Protection.ProtectionApi.MapProtectionApi(app);
        Institutions.InstitutionsApi.MapInstitutionsApi(app);
    }
}
