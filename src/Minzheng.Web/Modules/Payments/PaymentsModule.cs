using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.Payments;

/// <summary>资金发放: the one payment ledger every cash benefit is paid through (payroll, bank files, reconciliation, arrears, recoveries, price-linked subsidy).</summary>
public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<Platform.Commands.IKeyRotationParticipant, PayrollLineKeyRotation>();
        services.AddModuleDeclaration(new ModuleDeclaration("payments", typeof(PaymentsModule), "payments_")
        {
            Permissions = PaymentPermissions.Declared,
            RoleGrants = PaymentPermissions.RoleGrants,
            Errors = Contracts.PaymentsErrors.All,
            Navigation = new("payments", "资金发放", "救助金、补贴按月发放、银行代发与对账", "（二）加强民政资金", "/payments", 20),
        });
        services.AddScoped<PayrollGenerator>();
        services.AddScoped<PayrollLinePartitions>();
        services.AddScoped<PayrollService>();
        services.AddScoped<PayrollReview>();
        services.AddScoped<PaymentsQueries>();
        services.AddScoped<BankFiles>();
        services.AddScoped<BankTemplates>();
        services.AddScoped<Recoveries>();
        services.AddScoped<PriceLinkage>();
        services.AddScoped<FundStatements>();
        services.AddScoped<IPaymentLedger, PaymentLedger>();
        services.AddScoped<IRecoveryClaims, RecoveryClaims>();
        services.AddJobKind<PayrollJob>(PayrollJob.Kind, "发放表生成", RestartPolicy.Resume);
        services.AddScoped<Platform.Registry.Organizations.IOrganizationPanel, PaymentsOrganizationPanel>();
        services.AddSingleton<IModuleInitializer, PaymentsInitializer>();
        services.AddScoped<Platform.Tasks.IWorkItemSource, PaymentsWorkItems>();
        return services;
    }

    public static void MapPayments(this IEndpointRouteBuilder app) => app.MapPaymentsApi();
}
