using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Platform.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportProgress>();
        services.AddJobKind<ImportJob>(ImportJob.Kind, "导入", RestartPolicy.Fail, ImportJob.InterruptedMessage);
        services.AddScoped<PersonImport>();
        services.AddScoped<IImportKind>(sp => sp.GetRequiredService<PersonImport>());
        services.AddScoped<Registry.Organizations.OrganizationImport>();
        services.AddScoped<IImportKind>(sp => sp.GetRequiredService<Registry.Organizations.OrganizationImport>());
        services.AddScoped<ImportService>();
        return services;
    }
}
