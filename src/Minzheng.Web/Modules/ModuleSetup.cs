using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.ChildWelfare;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Modules.Funeral;
using Minzheng.Web.Modules.Payments;

namespace Minzheng.Web.Modules;

/// <summary>
/// The one place business modules are plugged in: each adds its services and process definitions in
/// <see cref="AddModules"/> and maps its API in <see cref="MapModules"/>. Pages are found by Razor.
/// </summary>
public static class ModuleSetup
{
    public static WebApplicationBuilder AddModules(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistance();
        builder.Services.AddPayments();
        builder.Services.AddChildWelfare();
        builder.Services.AddDisability();
        builder.Services.AddFuneral();
        builder.Services.AddDataComparison();
        return builder;
    }

    public static WebApplication MapModules(this WebApplication app)
    {
        app.MapAssistance();
        app.MapPayments();
        app.MapChildWelfare();
        app.MapDisability();
        app.MapFuneral();
        app.MapDataComparison();
        return app;
    }
}
