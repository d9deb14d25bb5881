namespace Minzheng.Web.Platform.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        services.AddScoped<PersonImport>();
        services.AddScoped<IImportKind>(sp => sp.GetRequiredService<PersonImport>());
        services.AddScoped<Registry.Organizations.OrganizationImport>();
        services.AddScoped<IImportKind>(sp => sp.GetRequiredService<Registry.Organizations.OrganizationImport>());
        services.AddScoped<ImportService>();
        return services;
    }
}
