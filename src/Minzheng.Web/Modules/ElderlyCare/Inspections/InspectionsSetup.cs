using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>双随机、一公开 for care homes: services, the figure book section of the oversight parts, the API and the public JSON.</summary>
public static class InspectionsSetup
{
    public static IServiceCollection AddInspections(IServiceCollection services)
    {
        services.AddScoped<InspectionService>();
        // one section for the oversight figures (draw ratio, publication and rectification periods, star validity): county civil affairs enter them
        services.AddSingleton(new FigureSection(OversightFigures.Module, "养老机构监管（双随机、星级评定）", InspectionPermissions.Manage,
            [(OversightFigures.Module, "养老机构监管")], OversightFigures.All));
        services.AddSingleton<IModuleInitializer, OversightInitializer>();
        return services;
    }

    public static object ToDto(Inspection i) => new
    {
        i.Id,
        i.Number,
        i.DrawId,
        i.MatterName,
        i.OrganizationId,
        i.HomeName,
        i.DivisionCode,
        inspectors = i.InspectorNames,
        i.State,
        stateName = InspectionService.StateName(i.State),
        i.InspectedOn,
        results = i.Results is null ? (JsonElement?)null : JsonDocument.Parse(i.Results).RootElement,
        i.Findings,
        i.Conclusion,
        conclusionName = InspectionService.ConclusionName(i.Conclusion),
        i.PublishDueOn,
        i.PublishedOn,
        rectifications = i.Rectifications.OrderBy(r => r.ItemCode, StringComparer.Ordinal).Select(r => new { r.Id, r.ItemCode, r.Requirement, r.DueOn, r.CompletedOn, r.CompletionNote, r.Version }),
        i.Version,
    };

    private static object DrawDto(InspectionDrawRecord d) => new
    {
        d.Id,
        d.Number,
        d.DivisionCode,
        d.MatterId,
        d.MatterName,
        d.RatioPercent,
        d.InspectorsPerHome,
        d.Seed,
        population = JsonDocument.Parse(d.Population).RootElement,
        picks = JsonDocument.Parse(d.Picks).RootElement,
        d.DrawnOn,
        d.DrawnBy,
    };

    public static void MapInspections(RouteGroupBuilder api)
    {
        var read = Permissions.Policy(ElderlyCarePermissions.Read);
        var manage = Permissions.Policy(InspectionPermissions.Manage);
        var g = api.MapGroup("/inspections");
        g.MapGet("/matters", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<InspectionMatter>().AsNoTracking().OrderBy(m => m.Name).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("随机抽查事项清单");
        g.MapPost("/matters", async (MatterInput input, InspectionService s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/elderly/inspections/matters", await s.AddMatterAsync(input, ct)))
            .RequireAuthorization(manage).WithSummary("新增抽查事项（须有法律依据；method：现场检查或书面检查）");
        g.MapGet("/targets", async (int? page, int? pageSize, InspectionService s, CancellationToken ct) =>
        {
            var rows = await s.Targets().ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("检查对象名录库（名称、统一社会信用代码、法定代表人、地址、联系电话）");
        g.MapPost("/targets", async (TargetInput input, InspectionService s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/elderly/inspections/targets", await s.AddTargetAsync(input, ct)))
            .RequireAuthorization(manage).WithSummary("将养老机构（登记的组织）列入检查对象名录库");
        g.MapGet("/inspectors", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<Inspector>().AsNoTracking().Where(i => i.Active).OrderBy(i => i.Name).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(i => new { i.Id, i.Name, i.CertificateNumber, i.Field, i.UserName, conflicts = i.ConflictIds, i.DivisionCode }), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("执法检查人员名录库（姓名、执法证号、专业领域、回避的机构）");
        g.MapPost("/inspectors", async (InspectorInput input, InspectionService s, CancellationToken ct) =>
        {
            var i = await s.AddInspectorAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/inspections/inspectors/{i.Id}", new { i.Id, i.Name, i.CertificateNumber, i.Field, i.UserName, conflicts = i.ConflictIds });
        }).RequireAuthorization(manage).WithSummary("登记检查人员");
        g.MapGet("/draws", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<InspectionDrawRecord>().AsNoTracking().OrderByDescending(d => d.DrawnOn).ThenByDescending(d => d.Number).ToPagedAsync(PageRequest.From(page, pageSize, 20), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(DrawDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("抽取记录（种子和名录快照，可复核）");
        g.MapPost("/draws", async (DrawRequest input, InspectionService s, CancellationToken ct) =>
        {
            var d = await s.DrawAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/inspections/draws/{d.Id}", DrawDto(d));
        }).RequireAuthorization(manage).WithSummary("双随机抽取：按比例（向上取整）抽取检查对象，每个对象抽取不少于2名无需回避的检查人员；保存种子和名录快照");
        g.MapGet("/draws/{id:guid}/replay", async (Guid id, InspectionService s, CancellationToken ct) =>
        {
            var (same, replayed) = await s.ReplayAsync(id, ct);
            return TypedResults.Ok(new { same, picks = replayed.Picks });
        }).RequireAuthorization(read).WithSummary("用保存的种子和名录快照重新抽取，核对结果是否一致");
        g.MapGet("", async (string? state, bool? overduePublication, int? page, int? pageSize, InspectionService s, AppDbContext db, CancellationToken ct) =>
        {
            var q = overduePublication == true ? s.PublicationOverdue() : db.Set<Inspection>().AsNoTracking();
            if (QueryEnum.Parse<InspectionState>(state, "state") is { } st) q = q.Where(i => i.State == st);
            var rows = await q.Include(i => i.Rectifications).OrderByDescending(i => i.Number).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("检查记录（管辖范围内；overduePublication=true 为逾期未公开）");
        g.MapGet("/{id:guid}", async (Guid id, InspectionService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.LoadAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("检查记录详情");
        g.MapPost("/{id:guid}/record", async (Guid id, RecordInput input, InspectionService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.RecordAsync(id, input, ct))))
            .RequireAuthorization(Permissions.Policy(InspectionPermissions.Record))
            .WithSummary("录入检查结果：results 为每个检查项目的结论（pass/fail/na），不符合的须在 rectifications 中提出整改要求和期限（工作日）");
        g.MapPost("/{id:guid}/publish", async (Guid id, VersionInput input, InspectionService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.PublishAsync(id, input.Version, ct))))
            .RequireAuthorization(manage).WithSummary("公开检查结果");
        g.MapGet("/rectifications", async (bool? overdue, int? page, int? pageSize, InspectionService s, AppDbContext db, CancellationToken ct) =>
        {
            var q = overdue == true ? s.Overdue() : db.Set<Rectification>().AsNoTracking();
            var rows = await q.OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(r => new { r.Id, r.InspectionId, r.ItemCode, r.Requirement, r.DueOn, r.CompletedOn, r.CompletionNote, r.Version }), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("整改事项（overdue=true 为逾期未整改的预警）");
        g.MapPost("/rectifications/{id:guid}/complete", async (Guid id, CompleteInput input, InspectionService s, CancellationToken ct) =>
        {
            var r = await s.CompleteAsync(id, input, ct);
            return TypedResults.Ok(new { r.Id, r.ItemCode, r.Requirement, r.DueOn, r.CompletedOn, r.CompletionNote, r.Version });
        }).RequireAuthorization(Permissions.Policy(InspectionPermissions.Record)).WithSummary("整改销号（写明整改情况）");
        api.MapGet("/public/inspections", async (string? q, int? page, int? pageSize, InspectionService s, CancellationToken ct) =>
            {
                var rows = await s.PublishedAsync(q, PageRequest.From(page, pageSize, 20), ct);
                return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
            })
            .AllowAnonymous()
            .RequireRateLimiting(PlatformSetup.PublicRateLimit)
            .WithSummary("双随机抽查结果公开（任何人可查；不含检查人员和个人信息）");
    }
}
