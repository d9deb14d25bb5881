using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Citizen;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Modules.Assistance.Watch;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>社会救助: dibao, extreme-poverty support, temporary assistance, dynamic management and watch lists.</summary>
public static class AssistanceModule
{
    public static IServiceCollection AddAssistance(this IServiceCollection services)
    {
        services.AddSingleton(AssistanceProcesses.Dibao);
        services.AddSingleton(AssistanceProcesses.ExtremePoverty);
        services.AddSingleton(AssistanceProcesses.Temporary);
        services.AddSingleton(StandardKinds.Section);
        services.AddScoped<Figures>();
        services.AddScoped<Platform.Figures.IMeansTestLimits, MeansTestLimitsProvider>();
        services.AddScoped<CaseAssessor>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<AssistanceCases>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseDetails>();
        services.AddScoped<ReviewService>();
        services.AddScoped<WatchQueries>();
        services.AddScoped<Citizen.CitizenAccounts>();
        services.AddScoped<PublicNotice>();
        services.AddScoped<IPersonPanel, AssistancePersonPanel>();
        services.AddScoped<IDeathHandler, AssistanceDeathHandler>();
        services.AddScoped<IBenefitActions, AssistanceBenefitActions>();
        services.AddSingleton<IModuleInitializer, AssistanceInitializer>();
        // what the payment ledger pays for this module (the codes its entitlements are published under)
        services.AddSingleton(new EntitlementProgram(AssistanceCases.ProgramCode(AssistanceProgram.Dibao), "最低生活保障金"));
        services.AddSingleton(new EntitlementProgram(AssistanceCases.ProgramCode(AssistanceProgram.ExtremePoverty), "特困人员供养金"));
        services.AddSingleton(new EntitlementProgram(AssistanceCases.ProgramCode(AssistanceProgram.Temporary), "临时救助金"));
        return services;
    }

    public static void MapAssistance(this IEndpointRouteBuilder app)
    {
        app.MapAssistanceApi();
        app.MapReviewsApi();
        app.MapWatchApi();
        app.MapPublicNoticeApi();
        app.MapCitizenApi();
    }
}
