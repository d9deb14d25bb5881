namespace Minzheng.Web.Platform.Registry;

public static class RegistrySetup
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddScoped<PersonRegistration>();
        services.AddScoped<MaritalStatuses>();
        services.AddScoped<HouseholdRegistration>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<RegistryQueries>();
        services.AddScoped<RegistryExport>();
        services.AddScoped<RevealIdentifiers>();
        services.AddScoped<PersonDeaths>();
        services.AddScoped<Organizations.OrganizationRegistration>();
        services.AddScoped<Organizations.OrganizationQueries>();
        services.AddScoped<Organizations.OrganizationExport>();
        services.AddScoped<Organizations.OrganizationPayees>();
        return services;
    }
}
