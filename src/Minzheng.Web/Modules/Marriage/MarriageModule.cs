using Minzheng.Web.Modules.Marriage.Backfill;
using Minzheng.Web.Modules.Marriage.Certificates;
using Minzheng.Web.Modules.Marriage.Counselling;
using Minzheng.Web.Modules.Marriage.Divorce;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage;

/// <summary>What the timeline endpoint takes: the day the registry received a divorce application.</summary>
public sealed record DivorceTimelineInput(DateOnly? ReceivedOn);

/// <summary>The divorce timeline answered: the days of the rule, and whether the official calendar of every year involved is loaded.</summary>
public sealed record DivorceTimelineAnswer(DateOnly ReceivedOn, DateOnly WithdrawUntil, DateOnly AppearFrom, DateOnly AppearUntil, int CoolingOffDays, int AppearanceDays,
    bool CalendarCovered, string Rule);

/// <summary>
/// 婚姻登记 (chapter 六 of the plan): registry offices, marriage and divorce registrations, certificates verified by QR, the
/// marital status on the registry person, and the historical archive backfill. Each part registers itself here from its own folder.
/// </summary>
public static class MarriageModule
{
    public static IServiceCollection AddMarriage(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("marriage", typeof(MarriageModule), "marriage_")
        {
            Permissions = MarriagePermissions.Declared,
            RoleGrants = MarriagePermissions.RoleGrants,
            Errors = Contracts.MarriageErrors.All,
            Navigation = new("marriage", "婚姻登记", "结婚、离婚、补领、历史数据补录", "（四）加强婚姻登记", "/marriage", 110),
        });
        services.AddSingleton(new FigureSection(MarriageFigures.Module, "婚姻登记", MarriagePermissions.FiguresWrite,
            [(MarriageFigures.Module, "婚姻登记")], MarriageFigures.All));
        services.AddSingleton<IModuleInitializer, MarriageInitializer>();
        services.AddScoped<MarriageCertificates>();
        services.AddScoped<Platform.Registry.IDeathHandler, MarriageDeathHandler>();
        // each part registers itself here, one line each
        Registration.MarriageRegistrationSetup.AddMarriageRegistration(services);
        services.AddDivorce();
        services.AddCertificateRequests();
        services.AddBackfill();
        services.AddCounselling();
        return services;
    }

    public static void MapMarriage(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/marriage").WithTags("Marriage");
        api.MapPost("/divorce/timeline", (DivorceTimelineInput input, FigureBook figures, WorkingCalendar calendar) => TypedResults.Ok(Timeline(input.ReceivedOn, figures, calendar)))
            .RequireAuthorization(Permissions.Policy(MarriagePermissions.Read))
            .WithSummary("离婚冷静期：受理日 → 可撤回的最后一日、到场申请发证的起止日（民法典第一千零七十七条，末日遇休息日、法定节假日顺延，按官方日历）");
        // each part maps itself here, one line each
        Registration.MarriageRegistrationSetup.MapMarriageRegistration(api);
        api.MapDivorce();
        api.MapCertificateRequests();
        api.MapBackfill();
        api.MapCounselling();
    }

    /// <summary>The timeline of the law in force on the day of receipt (the city's figures: the law is national).</summary>
    public static DivorceTimelineAnswer Timeline(DateOnly? receivedOn, FigureBook figures, WorkingCalendar calendar)
    {
        if (receivedOn is not { } received) throw AppProblem.Field("receivedOn", "请填写受理日期（yyyy-MM-dd）");
        if (received.Year is < 2003 or > 2100) throw AppProblem.Field("receivedOn", "受理日期超出可计算的范围（2003年以后）");
        var law = MarriageFigures.LawOn(figures, MarriageInitializer.City, received);
        var dates = DivorceTimeline.Compute(received, law.CoolingOffDays, law.AppearanceDays, calendar.IsWorkingDay);
        var rule = law.CoolingOffDays == 0
            ? "受理日适用《婚姻登记条例》（2003）第十三条：当场登记，无冷静期"
            : $"《民法典》第一千零七十七条：受理次日起{law.CoolingOffDays}日内可撤回；届满次日起{law.AppearanceDays}日内双方亲自到场申请发证，否则视为撤回；期间末日为休息日或法定节假日的，顺延至其后第一个工作日（第二百零三条）";
        return new(dates.ReceivedOn, dates.WithdrawUntil, dates.AppearFrom, dates.AppearUntil, law.CoolingOffDays, law.AppearanceDays,
            calendar.Covers(dates.ReceivedOn, dates.AppearUntil), rule);
    }
}
