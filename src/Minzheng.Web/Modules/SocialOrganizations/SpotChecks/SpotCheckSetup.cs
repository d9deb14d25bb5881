using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

/// <summary>Spot checks (issue 14 item 6): services, the daily rectification sweep on the job queue, and the API.</summary>
public static class SpotCheckSetup
{
    public static IServiceCollection AddSpotChecks(this IServiceCollection services)
    {
        services.AddScoped<SpotCheckService>();
        services.AddRecurringJob<SpotCheckSweep>(SpotCheckSweep.Kind, "社会组织抽查逾期整改记入信用记录", SpotCheckSweep.Every, SpotCheckSweep.FirstAfter);
        return services;
    }

    public static object ToDto(SpotCheck c) => new
    {
        c.Id,
        c.DrawId,
        c.Year,
        c.OrganizationId,
        c.OrganizationName,
        c.AuthorityDivisionCode,
        inspectors = c.InspectorNames,
        c.State,
        stateName = SpotCheckService.StateName(c.State),
        c.InspectedOn,
        c.Findings,
        c.Requirement,
        c.RectifyDueOn,
        c.RectifiedOn,
        c.RectificationNote,
        c.CreditRecordedOn,
        c.PublishedOn,
        c.Version,
    };

    public static object ToDto(SpotCheckDraw d) => new
    {
        d.Id,
        d.Number,
        d.Year,
        authorityDivisionCode = d.DivisionCode,
        d.Level,
        d.RatioPercent,
        d.InspectorsPerOrganization,
        d.Seed,
        d.Population,
        snapshot = JsonDocument.Parse(d.PopulationJson).RootElement,
        picks = JsonDocument.Parse(d.PicksJson).RootElement,
        d.DrawnOn,
        d.DrawnBy,
    };

    public static void MapSpotChecks(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(SocialOrganizationPermissions.Read);
        var manage = Permissions.Policy(SpotCheckPermissions.Manage);
        var g = api.MapGroup("/spot-checks");

        g.MapGet("", async (int? page, int? pageSize, int? year, AppDbContext db, CancellationToken ct) =>
        {
            var q = db.Set<SpotCheck>().AsNoTracking();
            if (year is { } y) q = q.Where(c => c.Year == y);
            var rows = await q.OrderByDescending(c => c.Year).ThenBy(c => c.OrganizationName).ToPagedAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("抽查记录");

        g.MapGet("/{id:guid}", async (Guid id, SpotCheckService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.LoadAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("一条抽查记录：检查人员、发现、整改、公开");

        g.MapPost("/{id:guid}/findings", async (Guid id, FindingsInput input, SpotCheckService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.RecordFindingsAsync(id, input, ct))))
            .RequireAuthorization(manage).WithSummary("记录检查发现；rectify=true 时责令整改（整改期限为空取默认期限）");

        g.MapPost("/{id:guid}/rectified", async (Guid id, RectifiedInput input, SpotCheckService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.CompleteRectificationAsync(id, input, ct))))
            .RequireAuthorization(manage).WithSummary("整改完成并核实");

        g.MapPost("/{id:guid}/publish", async (Guid id, VersionInput input, SpotCheckService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.PublishAsync(id, input, ct))))
            .RequireAuthorization(manage).WithSummary("公开抽查结果（公众信用查询可见）");

        g.MapGet("/draws", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<SpotCheckDraw>().AsNoTracking().OrderByDescending(d => d.Year).ThenBy(d => d.Number).ToPagedAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("年度抽取记录（比例、种子、名录快照、抽中名单）");

        g.MapPost("/draws", async (DrawInput input, SpotCheckService s, CancellationToken ct) =>
        {
            var d = await s.DrawAsync(input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/spot-checks/draws/{d.Id}", ToDto(d));
        }).RequireAuthorization(manage).WithSummary("本登记管理机关的年度定期抽查：按本层级比例随机抽取社会组织，每个抽取不少于2名无需回避的检查人员");

        g.MapGet("/draws/{id:guid}/replay", async (Guid id, SpotCheckService s, CancellationToken ct) => TypedResults.Ok(await s.ReplayAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("按保存的种子和名录快照重新抽取，核对结果是否一致");

        g.MapGet("/inspectors", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<SpotCheckInspector>().AsNoTracking().Where(i => i.Active).OrderBy(i => i.Name).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(i => new { i.Id, i.Name, i.CertificateNumber, i.DivisionCode, conflicts = i.ConflictIds }), total = rows.Total });
        }).RequireAuthorization(manage).WithSummary("执法检查人员名录库");

        g.MapPost("/inspectors", async (InspectorInput input, SpotCheckService s, CancellationToken ct) =>
        {
            var i = await s.AddInspectorAsync(input, ct);
            return TypedResults.Created("/api/v1/social-organizations/spot-checks/inspectors", new { i.Id, i.Name, i.CertificateNumber, conflicts = i.ConflictIds });
        }).RequireAuthorization(manage).WithSummary("登记检查人员及其需回避的社会组织");
    }
}
