using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry.Organizations;

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

    public static IServiceCollection AddCredit(this IServiceCollection services)
    {
        services.AddScoped<CreditLedger>();
        services.AddScoped<CreditOffice>();
        services.AddScoped<CreditPublisher>();
        services.AddScoped<CreditExport>();
        services.AddScoped<IOrganizationPanel, CreditOrganizationPanel>();
        services.AddScoped<IPublicFactSource, CreditPublicFacts>();
        services.AddRecurringJob<CreditPublicationJob>(CreditPublicationJob.Kind, "社会组织信用名录公告", CreditPublicationJob.Every, CreditPublicationJob.FirstAfter);
        services.AddSingleton<IModuleInitializer, CreditInitializer>();
        return services;
    }

    public sealed record EventDto(Guid Id, string Date, string Kind, string KindName, string Fact, string? DocumentNumber, decimal? FineYuan, string? Fulfils,
        Guid? CorrectsId, bool Struck, string Source, string RecordedBy);

    public sealed record ObjectionDto(Guid Id, Guid OrganizationId, Guid EventId, string Reason, string Evidence, string FiledOn, string? DueOn, string Status,
        string StatusName, string? DecidedOn, string? DecisionReason, Guid? CorrectionEventId, int Version);

    public sealed record PublicationDto(Guid Id, Guid OrganizationId, string EffectiveOn, string Action, string ActionName, string Grounds, string PublishedOn);

    public sealed record ListRowDto(Guid OrganizationId, string Name, string? CreditCode, string Authority, EvaluateResponse Status);

    public static EventDto ToDto(CreditEventView e) => new(e.Id, Iso(e.OccurredOn)!, e.KindCode, e.KindName, e.Fact, e.DocumentNumber, e.Fine?.Yuan, e.FulfilsName,
        e.CorrectsId, e.Struck, e.Source, e.RecordedBy);

    public static EventDto ToDto(CreditEventRecord r) => ToDto(CreditOffice.Views([r])[0]);

    public static ObjectionDto ToDto(CreditObjection o) => new(o.Id, o.OrganizationId!.Value, o.EventId, o.Reason, o.Evidence, Iso(o.FiledOn)!, Iso(o.DueOn),
        ObjectionStatusCode(o.Status), ObjectionStatusName(o.Status), Iso(o.DecidedOn), o.DecisionReason, o.CorrectionEventId, o.Version);

    public static PublicationDto ToDto(CreditPublication p) => new(p.Id, p.OrganizationId!.Value, Iso(p.EffectiveOn)!, p.Action switch
    {
        CreditPublicationAction.EnterAbnormal => "enter-abnormal",
        CreditPublicationAction.LeaveAbnormal => "leave-abnormal",
        CreditPublicationAction.EnterDishonest => "enter-dishonest",
        _ => "leave-dishonest",
    }, CreditPublisher.Name(p.Action), p.Grounds, Iso(p.PublishedOn)!);

    public static string ObjectionStatusCode(CreditObjectionStatus s) => s switch
    {
        CreditObjectionStatus.Upheld => "upheld",
        CreditObjectionStatus.Rejected => "rejected",
        _ => "pending",
    };

    public static string ObjectionStatusName(CreditObjectionStatus s) => s switch
    {
        CreditObjectionStatus.Upheld => "异议成立，已更正",
        CreditObjectionStatus.Rejected => "异议不成立",
        _ => "待核实",
    };

    /// <summary><c>?list=abnormal|dishonest</c> (empty = both); anything else is refused on the field.</summary>
    public static CreditList? ParseList(string? list) => list?.Trim() switch
    {
        null or "" or "all" => null,
        "abnormal" => CreditList.Abnormal,
        "dishonest" => CreditList.Dishonest,
        _ => throw AppProblem.Field("list", "名录须为 abnormal（活动异常名录）或 dishonest（严重违法失信名单）"),
    };

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

        var read = Permissions.Policy(CreditPermissions.Read);
        var record = Permissions.Policy(CreditPermissions.Record);
        g.MapGet("/lists", async (string? list, int? page, int? pageSize, CreditOffice office, CancellationToken ct) =>
        {
            var rows = await office.CurrentListsAsync(ParseList(list), ct);
            var paging = PageRequest.From(page, pageSize, 50);
            return TypedResults.Ok(new { items = rows.Skip(paging.Skip).Take(paging.PageSize).Select(r => new ListRowDto(r.OrganizationId, r.Name, r.CreditCode, r.AuthorityDivisionCode, ToDto(r.Status))), total = rows.Count });
        }).RequireAuthorization(read).WithSummary("管辖范围内当前列入活动异常名录、严重违法失信名单的社会组织（由信用事件推算），分页 { items, total }");
        g.MapGet("/lists.xlsx", async (string? list, CreditExport export, CancellationToken ct) =>
            TypedResults.File(await export.ExcelAsync(ParseList(list), ct), Platform.Registry.RegistryApi.XlsxContentType, $"社会组织信用名录-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(read).WithSummary("导出当前名录（xlsx）");
        g.MapGet("/organizations/{id:guid}", async (Guid id, CreditOffice office, ICurrentUser user, CancellationToken ct) =>
        {
            RequireReadOrOwn(user);
            var v = await office.ViewAsync(id, ct);
            return TypedResults.Ok(new
            {
                organizationId = v.Organization.Id,
                name = v.Organization.Organization.Name,
                status = ToDto(v.Status),
                events = v.Events.Select(ToDto),
                objections = v.Objections.Select(ToDto),
                publications = v.Publications.Select(ToDto),
                canAct = v.CanAct,
            });
        }).RequireAuthorization().WithSummary("一个社会组织的信用状态（当前名录、列入日期、情形、可移出日期）和全部信用事件、异议、公告；登记管理机关、审计和本组织账号可查看");
        g.MapPost("/organizations/{id:guid}/events", async (Guid id, CreditOffice.RecordInput input, CreditOffice office, CancellationToken ct) =>
        {
            var row = await office.RecordAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/credit/organizations/{id}", ToDto(row));
        }).RequireAuthorization(record).WithSummary("登记管理机关登记信用事件：列入情形（含决定书文号、罚款金额）、履行义务核实（fulfils 指明情形）、移出决定；事件不可修改");
        g.MapPost("/organizations/{id:guid}/objections", async (Guid id, CreditOffice.ObjectionInput input, CreditOffice office, CancellationToken ct) =>
        {
            var o = await office.ObjectAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/credit/objections/{o.Id}", ToDto(o));
        }).RequireAuthorization(Permissions.Policy(CreditPermissions.OwnObjection)).WithSummary("社会组织对本组织的信用事件提出异议（理由、证明材料）");
        g.MapGet("/objections", async (string? status, int? page, int? pageSize, CreditOffice office, CancellationToken ct) =>
        {
            CreditObjectionStatus? s = status?.Trim() switch
            {
                null or "" => null,
                "pending" => CreditObjectionStatus.Pending,
                "upheld" => CreditObjectionStatus.Upheld,
                "rejected" => CreditObjectionStatus.Rejected,
                _ => throw AppProblem.Field("status", "状态须为 pending、upheld 或 rejected"),
            };
            var rows = await office.ObjectionsAsync(s, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(r => new { objection = ToDto(r.Objection), organization = r.Name }), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("管辖范围内的信用信息异议，待核实在前，分页 { items, total }");
        g.MapPost("/objections/{id:guid}/decision", async (Guid id, CreditOffice.DecisionInput input, CreditOffice office, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await office.DecideAsync(id, input, ct))))
            .RequireAuthorization(record).WithSummary("登记管理机关处理异议：upheld 成立（以更正事件撤销该事件）/ rejected 不成立（须书面说明理由）；version 防止并发覆盖");
        g.MapGet("/publications", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var paging = PageRequest.From(page, pageSize, 50);
            var q = db.Set<CreditPublication>().AsNoTracking();
            var rows = await q.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.EffectiveOn).ThenByDescending(p => p.RecordedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return TypedResults.Ok(new { items = rows.Select(ToDto), total = await q.CountAsync(ct) });
        }).RequireAuthorization(read).WithSummary("名录变化公告（列入、移出，含生效日期和情形），分页 { items, total }");
    }

    /// <summary>An organisation's credit page: the registration authorities and the auditor, or the organisation's own account.</summary>
    public static void RequireReadOrOwn(ICurrentUser user)
    {
        if (!user.HasPermission(CreditPermissions.Read) && !user.HasPermission(CreditPermissions.OwnObjection))
            throw AppProblem.Forbidden("需要查看社会组织信用信息的权限");
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
