using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Charity;
using Minzheng.Web.Modules.ChildWelfare;
using Minzheng.Web.Modules.Community;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Modules.ElderlyCare;
using Minzheng.Web.Modules.Funeral;
using Minzheng.Web.Modules.Geography;
using Minzheng.Web.Modules.Marriage;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Modules.Rescue;
using Minzheng.Web.Modules.SocialOrganizations;
using Minzheng.Web.Modules.SocialWork;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Platform.Composition;

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
        builder.Services.AddElderlyCare();
        builder.Services.AddSocialOrganizations();
        builder.Services.AddMarriage();
        builder.Services.AddRescue();
        builder.Services.AddVolunteers();
        builder.Services.AddSocialWork();
        builder.Services.AddCharity();
        builder.Services.AddGeography();
        builder.Services.AddCommunity();
        // lines of business of the 2020 work plan that no module serves yet (their page quotes the plan), and the one a
        // kernel page serves; the order is the plan's, between the modules' own entries
        builder.Services.AddPlannedLine(new NavigationEntry("planning", "规划·资金·统计", "工作计划目标、资金项目、统计报表（同源同表）", "九、", null, 140));
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
        app.MapElderlyCare();
        app.MapSocialOrganizations();
        app.MapMarriage();
        app.MapRescue();
        app.MapVolunteers();
        app.MapSocialWork();
        app.MapCharity();
        app.MapGeography();
        app.MapCommunity();
        return app;
    }
}
