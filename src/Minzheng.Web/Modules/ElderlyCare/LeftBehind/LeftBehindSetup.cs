using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>农村留守老年人关爱 (issue 13 item 9): the register, visits, overdue alerts, the export for the national system.</summary>
public static class LeftBehindSetup
{
    public static IServiceCollection AddLeftBehind(this IServiceCollection services)
    {
        services.AddScoped<LeftBehindRegister>();
        services.AddScoped<LeftBehindVisits>();
        services.AddScoped<LeftBehindQueries>();
        services.AddScoped<LeftBehindExport>();
        services.AddScoped<IDeathHandler, LeftBehindDeathHandler>();
        services.AddScoped<IWorkItemSource, LeftBehindWorkItems>();
        services.AddSingleton<IModuleInitializer, LeftBehindInitializer>();
        // the county sets the local definition and visit frequency (rules-2 §1.9: local, UNCONFIRMED)
        services.AddSingleton(new FigureSection(LeftBehindFigureKinds.Module, "农村留守老年人关爱", LeftBehindPermissions.Manage,
            [(LeftBehindFigureKinds.Module, "农村留守老年人关爱")], LeftBehindFigureKinds.All));
        return services;
    }

    public static object ToDto(LeftBehindElder e, DateOnly today) => new
    {
        e.Id,
        e.PersonId,
        e.Name,
        e.DivisionCode,
        living = e.Living,
        livingName = LeftBehindLabels.Of(e.Living),
        childrenAway = LeftBehindRegister.ChildrenOf(e),
        risk = e.Risk,
        riskName = LeftBehindLabels.Of(e.Risk),
        e.RiskReason,
        e.WorkerUserId,
        e.WorkerName,
        e.ContactName,
        e.ContactRelation,
        contactPhone = e.ContactPhoneMasked,
        e.Basis,
        e.RegisteredOn,
        e.LastVisitOn,
        e.NextVisitDue,
        overdue = e.Status == LeftBehindStatus.InRegister && e.NextVisitDue < today,
        status = e.Status,
        e.ExitedOn,
        e.ExitReason,
        e.IsDemo,
        e.Version,
    };

    public static object ToDto(LeftBehindVisit v) => new
    {
        v.Id,
        v.ElderId,
        mode = v.Mode,
        modeName = LeftBehindLabels.Of(v.Mode),
        v.VisitedOn,
        v.VisitorName,
        v.Health,
        v.Safety,
        v.LivingCondition,
        v.Mental,
        v.Needs,
        referrals = v.ReferralList.Select(r => new { code = r, name = LeftBehindReferrals.Name(r) }),
        v.DueOn,
        v.OnTime,
        v.Version,
    };

    public static void MapLeftBehind(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/left-behind");
        var read = Permissions.Policy(LeftBehindPermissions.Read);
        var write = Permissions.Policy(LeftBehindPermissions.Write);

        g.MapGet("/", async (string? risk, bool? overdue, string? village, string? status, int? page, int? pageSize, LeftBehindQueries q, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var filter = new LeftBehindFilter(QueryEnum.Parse<LeftBehindRisk>(risk, "risk"), overdue ?? false, village,
                status == "all" ? null : QueryEnum.Parse<LeftBehindStatus>(status, "status") ?? LeftBehindStatus.InRegister);
            var rows = await q.ListAsync(filter, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(e => ToDto(e, clock.Today)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("农村留守老年人名册（筛选：risk、overdue、village、status=inRegister|exited|all），按应巡访日期排序，分页");
        g.MapGet("/overdue", async (string? village, int? page, int? pageSize, LeftBehindQueries q, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var rows = await q.ListAsync(new LeftBehindFilter(Overdue: true, Village: village), PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(e => ToDto(e, clock.Today)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("巡访逾期名单（乡镇督促），分页");
        g.MapGet("/stats", async (DateOnly? from, DateOnly? to, LeftBehindQueries q, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var today = clock.Today;
            var start = from ?? new DateOnly(today.Year, today.Month, 1);
            var end = to ?? start.AddMonths(1).AddDays(-1);
            if (end < start) throw AppProblem.Field("to", "截止日期不得早于起始日期");
            var s = await q.StatsAsync(start, end, ct);
            return TypedResults.Ok(new { from = start, to = end, s.InRegister, byRisk = s.ByRisk.ToDictionary(r => LeftBehindFigureKinds.RiskCode(r.Key), r => r.Value), s.DueInPeriod, s.VisitsInPeriod, s.VisitedOnTime, s.Overdue });
        }).RequireAuthorization(read).WithSummary("统计：在册人数、各风险等级人数、期间应巡访、期间巡访与按时巡访、当前逾期");
        g.MapGet("/export.xlsx", async (LeftBehindExport export, CancellationToken ct) =>
            TypedResults.File(await export.ExcelAsync(ct), RegistryApi.XlsxContentType, $"农村留守老年人-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(read).WithSummary("导出名册（按全国农村留守老年人信息系统录入项；完整身份证号须 registry.reveal-id）");
        g.MapGet("/{id:guid}", async (Guid id, LeftBehindRegister register, LeftBehindQueries q, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var e = await register.LoadAsync(id, ct);
            return TypedResults.Ok(new { elder = ToDto(e, clock.Today), visits = (await q.VisitsAsync(id, ct)).Select(ToDto) });
        }).RequireAuthorization(read).WithSummary("留守老年人详情与巡访记录");
        g.MapPost("/", async (RegisterInput input, LeftBehindRegister register, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var e = await register.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/left-behind/{e.Id}", ToDto(e, clock.Today));
        }).RequireAuthorization(write).WithSummary("登记农村留守老年人（按认定条件核对：年龄、农村户籍、子女外出时长、居住情况；不符合：400 指明字段）");
        g.MapPost("/{id:guid}/visits", async (Guid id, VisitInput input, LeftBehindVisits visits, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var (v, e) = await visits.RecordAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/elderly/left-behind/{id}", new { visit = ToDto(v), elder = ToDto(e, clock.Today) });
        }).RequireAuthorization(write).WithSummary("登记巡访（电话、入户；发现、需求、转介）；按风险等级的巡访间隔计算下次应巡访日期");
        g.MapPost("/{id:guid}/risk", async (Guid id, RiskInput input, LeftBehindRegister register, Platform.Time.BusinessClock clock, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await register.ChangeRiskAsync(id, input, ct), clock.Today)))
            .RequireAuthorization(write).WithSummary("调整风险等级（重新计算下次应巡访日期）");
        g.MapPost("/{id:guid}/exit", async (Guid id, ExitInput input, LeftBehindRegister register, Platform.Time.BusinessClock clock, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await register.ExitAsync(id, input, ct), clock.Today)))
            .RequireAuthorization(write).WithSummary("退出名册（原因）");
    }
}
