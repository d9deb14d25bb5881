using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;

namespace Minzheng.Web.Modules.Payments;

/// <summary>资金发放: the one payment ledger every cash benefit is paid through (payroll, bank files, reconciliation, arrears, recoveries, price-linked subsidy).</summary>
public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddScoped<PayrollGenerator>();
        services.AddScoped<PayrollService>();
        services.AddScoped<PaymentsQueries>();
        services.AddScoped<BankFiles>();
        services.AddScoped<BankTemplates>();
        services.AddScoped<Recoveries>();
        services.AddScoped<PriceLinkage>();
        services.AddScoped<FundStatements>();
        services.AddScoped<IPaymentLedger, PaymentLedger>();
        services.AddScoped<Platform.Registry.Organizations.IOrganizationPanel, PaymentsOrganizationPanel>();
        services.AddSingleton<PayrollProgress>();
        services.AddSingleton<PayrollRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<PayrollRunner>());
        services.AddSingleton<IModuleInitializer, PaymentsInitializer>();
        return services;
    }

    public static void MapPayments(this IEndpointRouteBuilder app) => app.MapPaymentsApi();
}
