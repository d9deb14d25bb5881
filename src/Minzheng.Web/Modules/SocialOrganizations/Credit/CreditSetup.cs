using System.Globalization;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>Credit lists (issue 14 item 3): the officer's check of a case against 民政部令第60号.</summary>
public static class CreditSetup
{
    /// <summary>A case has a handful of events; the cap keeps one request from costing much.</summary>
    public const int MaxEvents = 200;

    public sealed record EventInput(string? Date, string? Kind, string? Id, string? Corrects, string? Ground);

    public sealed record EvaluateRequest(List<EventInput?>? Events, string? AsOf);

    public sealed record GroundDto(string Kind, string Name, string Date);

    public sealed record EvaluateResponse(string List, string ListName, string? Since, IReadOnlyList<GroundDto> Grounds, string? RemovableFrom);

    public static IServiceCollection AddCredit(this IServiceCollection services) => services.AddScoped<CreditLedger>();

    public static void MapCredit(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/credit");
        g.MapPost("/evaluate", (EvaluateRequest? request, WorkingCalendar calendar, CreditLedger ledger, ICurrentUser user) =>
        {
            var (events, asOf) = Parse(request);
            // the periods in force on the checked date for the officer's own authority (county rows first, then the city's)
            var periods = ledger.Periods(user.DivisionCode is { Length: 12 } d ? d : RegistrationAuthority.City, asOf);
            var status = CreditRules.Evaluate(events, asOf, periods, calendar.AddWorkingDays);
            return TypedResults.Ok(ToDto(status));
        })
        .RequireAuthorization(Permissions.Policy(CreditPermissions.Read))
        .WithSummary("按民政部令第60号，由信用事件推算某日的名录状态（活动异常名录 / 严重违法失信名单）");
    }

    public static EvaluateResponse ToDto(CreditStatus s) => new(
        s.List switch { CreditList.Abnormal => "abnormal", CreditList.Dishonest => "dishonest", _ => "none" },
        CreditLabels.Name(s.List),
        Iso(s.Since),
        [.. s.Grounds.Select(g => new GroundDto(g.Kind, g.Name, Iso(g.Date)!))],
        Iso(s.RemovableFrom));

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every bad field at once (events[i].date, events[i].kind, …), or the parsed case.</summary>
    public static (List<CreditEvent> Events, DateOnly AsOf) Parse(EvaluateRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TryDate(request?.AsOf, out var asOf)) errors["asOf"] = ["核验日期须为 YYYY-MM-DD 格式的日期"];
        var inputs = request?.Events;
        var events = new List<CreditEvent>();
        if (inputs is null) errors["events"] = ["请提供信用事件列表（可以为空列表）"];
        else if (inputs.Count > MaxEvents) errors["events"] = [$"信用事件最多 {MaxEvents} 条"];
        else
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var e = inputs[i];
                var at = $"events[{i}]";
                if (e is null)
                {
                    errors[at] = ["信用事件不能为空"];
                    continue;
                }
                var ok = true;
                if (!TryDate(e.Date, out var date))
                {
                    errors[at + ".date"] = ["事件日期须为 YYYY-MM-DD 格式的日期"];
                    ok = false;
                }
                var kind = CreditLabels.Parse(e.Kind);
                if (kind is null)
                {
                    errors[at + ".kind"] = ["未知的信用事件类型"];
                    ok = false;
                }
                CreditEventKind? ground = null;
                if (!string.IsNullOrEmpty(e.Ground))
                {
                    ground = CreditLabels.Parse(e.Ground);
                    if (ground is not { } gk || !CreditRules.IsAbnormalGround(gk) || !CreditRules.NeedsRectification(gk))
                    {
                        errors[at + ".ground"] = ["履行义务所对应的须为需要整改的活动异常名录列入情形"];
                        ok = false;
                    }
                }
                if (kind == CreditEventKind.Corrected && string.IsNullOrWhiteSpace(e.Corrects))
                {
                    errors[at + ".corrects"] = ["更正事件须写明所更正事件的编号（id）"];
                    ok = false;
                }
                if (ok) events.Add(new CreditEvent(date, kind!.Value, NullIfBlank(e.Id), NullIfBlank(e.Corrects), ground));
            }
        }
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        return (events, asOf);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool TryDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
}
