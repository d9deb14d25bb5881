using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>Intake, stay and exit (issue 15 item 4, the stay half): services, the daily sweep, the panel and the API under /stays.</summary>
public static class StaysSetup
{
    public static IServiceCollection AddStays(this IServiceCollection services)
    {
        services.AddScoped<RescueStays>();
        services.AddScoped<StayQueries>();
        services.AddScoped<IPersonPanel, RescueStayPanel>();
        services.AddScoped<IWorkItemSource, RescueStayWorkItems>();
        services.AddSingleton<IModuleInitializer, StaysInitializer>();
        services.AddRecurringJob<RescueStaySweep>(RescueStaySweep.Kind, "救助在站期限提醒、滞留人员转入照料安置", RescueStaySweep.Every, RescueStaySweep.FirstAfter);
        return services;
    }

    public static void MapStays(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(RescuePermissions.Read);
        var work = Permissions.Policy(RescuePermissions.Work);

        api.MapGet("/stations", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<RescueStation>().AsNoTracking().OrderBy(s => s.DivisionCode).ThenBy(s => s.Name).ThenBy(s => s.Id)
                .Select(s => new { s.Id, s.Name, s.DivisionCode, s.Address, s.Phone, s.BedsMale, s.BedsFemale }).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("本辖区的救助管理站，分页 { items, total }");

        api.MapGet("/dashboard", async (StayQueries q, CancellationToken ct) =>
        {
            var d = await q.DashboardAsync(ct);
            return TypedResults.Ok(new { d.Stations, pastLimit = d.PastLimit.Select(ToDto), d.Months, d.ReturnedHomeThisYear });
        }).RequireAuthorization(read).WithSummary("救助看板：各站在站人数（按性别对床位）、超期滞留、各县每月入站离站和返乡人数");

        var g = api.MapGroup("/stays");
        g.MapGet("/candidates", async (string? idNumber, string? name, DateOnly? birthDate, RescueStays stays, CancellationToken ct) =>
            TypedResults.Ok((await stays.CandidatesAsync(idNumber, name, birthDate, ct)).Select(c => new
            {
                c.PersonId,
                c.Name,
                c.Number,
                birthDate = Iso(c.BirthDate),
                stays = c.Stays.Select(s => new { s.Id, s.Number, admittedOn = Iso(s.AdmittedOn), status = Code(s.Status), leftOn = Iso(s.LeftOn), exit = Code(s.Exit) }),
            }))).RequireAuthorization(work).WithSummary("再次求助识别：同一身份证号，或同名同出生日期的人员及其以往救助记录");

        g.MapPost("/", async (IntakeInput? input, RescueStays stays, CancellationToken ct) =>
        {
            var s = await stays.IntakeAsync(input ?? new IntakeInput(), ct);
            return TypedResults.Created($"/api/v1/rescue/stays/{s.Id}", await DetailAsync(s.Id, stays, ct));
        }).RequireAuthorization(work).WithSummary("求助登记：有身份证号按号识别或登记，无号的登记平台编号；不符合救助条件的写明理由不予救助；同一人只能有一条在站记录（409）");

        g.MapGet("/", async (string? status, Guid? stationId, string? q, int? page, int? pageSize, StayQueries queries, CancellationToken ct) =>
        {
            var paged = await queries.ListAsync(status, stationId, q, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = paged.Items.Select(ToDto), total = paged.Total });
        }).RequireAuthorization(read).WithSummary("救助记录（status: all/open/in-station/placed/left/refused），分页 { items, total }");

        g.MapGet("/export", async (string? status, Guid? stationId, string? q, StayQueries queries, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
        {
            var rows = await queries.RowsAsync(await queries.Filter(status, stationId, q).OrderByDescending(s => s.AdmittedAt).ThenBy(s => s.Id).ToListAsync(ct), ct);
            var sheet = rows.Select((r, i) => new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["救助编号"] = r.Stay.Number,
                ["救助管理站"] = r.Station,
                ["所在县"] = divisions.NameOf(r.Stay.DivisionCode),
                ["姓名"] = r.Name,
                ["证件号/平台编号"] = r.PersonNumber,
                ["性别"] = r.Sex == Sex.Male ? "男" : "女",
                ["来源"] = StayRules.SourceName(r.Stay.Source),
                ["入站日期"] = Iso(r.Stay.AdmittedOn),
                ["自述户籍地"] = r.Stay.DeclaredOrigin,
                ["状态"] = StayRules.StatusName(r.Stay.Status),
                ["安置方式"] = StayRules.PlacementName(r.Stay.Placement),
                ["离站日期"] = Iso(r.Stay.LeftOn),
                ["离站方式"] = StayRules.ExitName(r.Stay.Exit),
                ["在站天数"] = RescueDeadlines.DaysIn(r.Stay.AdmittedOn, r.Stay.LeftOn ?? clock.Today),
                ["再次求助"] = r.Stay.PreviousStayId is null ? "否" : "是",
            }).ToList();
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(sheet, sheetName: "救助记录", cancellationToken: ct);
            return TypedResults.File(stream.ToArray(), RegistryApi.XlsxContentType, $"救助记录-{clock.Today:yyyyMMdd}.xlsx");
        }).RequireAuthorization(read).WithSummary("导出救助记录（xlsx，与列表同样的筛选）");

        g.MapGet("/quality", async (int? days, StayQueries queries, CancellationToken ct) =>
        {
            var q = await queries.QualityAsync(days, ct);
            return TypedResults.Ok(new
            {
                overlapping = q.Overlapping.Select(p => new { first = ToDto(p.A), second = ToDto(p.B) }),
                noExit = q.NoExit.Select(ToDto),
                noExitDays = q.NoExitDays,
                duplicatePersons = q.DuplicatePersons.Select(same => same.Select(ToDto)),
            });
        }).RequireAuthorization(read).WithSummary("数据质量：同一人救助时间重叠、超过 days 天（默认90）仍未离站、疑似重复登记的人员（同名同出生日期、不同编号）");

        g.MapGet("/{id:guid}", async (Guid id, RescueStays stays, CancellationToken ct) => TypedResults.Ok(await DetailAsync(id, stays, ct)))
            .RequireAuthorization(read).WithSummary("一条救助记录：期限、服务、返乡交接和该人员以往的救助");

        g.MapPost("/{id:guid}/services", async (Guid id, ServiceInput? input, RescueStays stays, CancellationToken ct) =>
        {
            await stays.AddServiceAsync(id, input ?? new ServiceInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).RequireAuthorization(work).WithSummary("登记在站服务（饮食、住宿、就医转介、衣物、现金；现金不超过当日上限并须签字）");

        g.MapPost("/{id:guid}/place", async (Guid id, PlaceInput? input, RescueStays stays, CancellationToken ct) =>
        {
            await stays.PlaceAsync(id, input ?? new PlaceInput(null, null, null), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).RequireAuthorization(work).WithSummary("转入照料安置（站内照料、医院、委托代养）");

        g.MapPost("/{id:guid}/exit", async (Guid id, ExitInput? input, RescueStays stays, CancellationToken ct) =>
        {
            await stays.ExitAsync(id, input ?? new ExitInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).RequireAuthorization(work).WithSummary("离站：返乡（购票、护送、亲属接领）、自行离站（须签声明书）、擅自离站、转送、落户安置、死亡");
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // the same camelCase names the API's enum converter writes and reads
    private static string? Code(Enum? value) => value is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static object ToDto(StayRow r) => new
    {
        r.Stay.Id,
        r.Stay.Number,
        r.Stay.StationId,
        station = r.Station,
        r.Stay.DivisionCode,
        r.Stay.PersonId,
        name = r.Name,
        personNumber = r.PersonNumber,
        admittedOn = Iso(r.Stay.AdmittedOn),
        status = Code(r.Stay.Status),
        placement = Code(r.Stay.Placement),
        leftOn = Iso(r.Stay.LeftOn),
        exit = Code(r.Stay.Exit),
        r.Stay.PreviousStayId,
        r.Stay.Version,
    };

    public static async Task<object> DetailAsync(Guid id, RescueStays stays, CancellationToken ct)
    {
        var d = await stays.DetailAsync(id, ct);
        var s = d.Row.Stay;
        return new
        {
            s.Id,
            s.Number,
            s.StationId,
            station = d.Row.Station,
            s.DivisionCode,
            s.PersonId,
            name = d.Row.Name,
            personNumber = d.Row.PersonNumber,
            source = Code(s.Source),
            s.SourceReference,
            admittedAt = s.AdmittedAt,
            admittedOn = Iso(s.AdmittedOn),
            s.IdentityKnown,
            s.DeclaredOrigin,
            s.Situation,
            s.RefusalReason,
            s.Room,
            status = Code(s.Status),
            placement = Code(s.Placement),
            placedOn = Iso(s.PlacedOn),
            leftOn = Iso(s.LeftOn),
            exit = Code(s.Exit),
            exitNote = s.ExitNote,
            s.PreviousStayId,
            alertRaisedOn = Iso(s.AlertRaisedOn),
            limitPassedOn = Iso(s.LimitPassedOn),
            daysIn = RescueDeadlines.DaysIn(s.AdmittedOn, s.LeftOn ?? d.Today),
            dates = d.Dates is { } x ? new { stayUntil = Iso(x.StayUntil), alertFrom = Iso(x.AlertFrom), noticeDueAt = x.NoticeDueAt, dnaRequestDue = Iso(x.DnaRequestDue), placementFrom = Iso(x.PlacementFrom), settlementFrom = Iso(x.SettlementFrom) } : null,
            services = d.Services.Select(v => new { v.Id, kind = Code(v.Kind), on = Iso(v.On), cash = v.Cash, v.ReceiptSigned, v.Note, v.RecordedBy }),
            @return = d.Return is { } r ? new { mode = Code(r.Mode), r.TicketMode, r.From, r.To, fare = r.Fare, r.Escorts, r.CollectorName, r.CollectorRelation, r.CollectorIdMasked } : null,
            history = d.History.Select(h => new { h.Id, h.Number, admittedOn = Iso(h.AdmittedOn), status = Code(h.Status), leftOn = Iso(h.LeftOn), exit = Code(h.Exit) }),
            s.Version,
        };
    }
}
