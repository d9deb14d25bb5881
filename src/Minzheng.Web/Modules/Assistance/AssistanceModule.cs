using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Changes;
using Minzheng.Web.Modules.Assistance.Citizen;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Modules.Assistance.Watch;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>社会救助: dibao, extreme-poverty support, temporary assistance, dynamic management and watch lists.</summary>
public static class AssistanceModule
{
    public static IServiceCollection AddAssistance(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("assistance", typeof(AssistanceModule), "assistance_")
        {
            Permissions = AssistancePermissions.Declared,
            RoleGrants = AssistancePermissions.RoleGrants,
            Errors = Contracts.AssistanceErrors.All,
            Navigation = new("assistance", "社会救助", "低保、特困供养、临时救助、返贫监测、困难群众台账", "一、", "/assistance", 10),
        });
        services.AddSingleton(AssistanceProcesses.Dibao);
        services.AddSingleton(AssistanceProcesses.ExtremePoverty);
        services.AddSingleton(AssistanceProcesses.Temporary);
        services.AddSingleton(Changes.ChangeProcess.Model);
        services.AddSingleton(StandardKinds.Section);
        services.AddScoped<Figures>();
        services.AddScoped<Contracts.IMeansTestLimits, MeansTestLimitsProvider>();
        services.AddScoped<CaseAssessor>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<AssistanceCases>();
        // the use cases of a case, one class each; the process actions are found by AssistanceCases through ICaseAction
        services.AddScoped<ApplyForAssistance>();
        services.AddScoped<RecordInvestigation>();
        services.AddScoped<AttachMaterial>();
        services.AddScoped<RecordCountyVisit>();
        services.AddScoped<RecordSpotCheck>();
        services.AddScoped<ExtendTimeLimit>();
        services.AddScoped<ICaseAction, AcceptApplication>();
        services.AddScoped<ICaseAction, WithdrawApplication>();
        services.AddScoped<ICaseAction, SubmitInvestigation>();
        services.AddScoped<ICaseAction, ReviewCase>();
        services.AddScoped<ICaseAction, NoticeActions>();
        services.AddScoped<ICaseAction, DecideCase>();
        services.AddScoped<ICaseAction, FileCase>();
        services.AddScoped<SuspendOrTerminate>();
        services.AddScoped<ICaseAction>(sp => sp.GetRequiredService<SuspendOrTerminate>());
        services.AddScoped<ICaseAction, Temporary.AssistFirst>();
        services.AddScoped<ICaseAction, ExtremePoverty.ProposeTermination>();
        // what differs between the programs, one policy each in its program's folder
        services.AddScoped<ProgramPolicies>();
        services.AddScoped<IProgramPolicy, Dibao.DibaoPolicy>();
        services.AddScoped<IProgramPolicy, ExtremePoverty.ExtremePovertyPolicy>();
        services.AddScoped<IProgramPolicy, Temporary.TemporaryPolicy>();
        services.AddScoped<MonthlyBenefit>();
        services.AddScoped<AmountChanges>();
        services.AddScoped<NoticePeriod>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseDetails>();
        services.AddScoped<ReviewService>();
        // change proposals (ADR 022): a household's recalculation after a death, a clerk's termination on a finding
        services.AddScoped<Changes.ProposeChange>();
        services.AddScoped<Changes.DecideChange>();
        services.AddScoped<Changes.ChangeQueries>();
        services.AddScoped<WatchQueries>();
        services.AddScoped<Citizen.CitizenAccounts>();
        services.AddScoped<PublicNotice>();
        services.AddScoped<IPersonPanel, AssistancePersonPanel>();
        services.AddScoped<IStartActions, AssistanceStartActions>();
        services.AddScoped<IDeathHandler, AssistanceDeathHandler>();
        services.AddScoped<IBenefitActions, AssistanceBenefitActions>();
        services.AddSingleton<IModuleInitializer, AssistanceInitializer>();
        AssistanceWorkItems.Add(services);
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
        app.MapChangesApi();
        app.MapWatchApi();
        app.MapPublicNoticeApi();
        app.MapCitizenApi();
    }
}
