using System.Globalization;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Patrols;

/// <summary>Street patrols and the summer and winter campaigns (issue 15 item 4): services and the API under /patrols.</summary>
public static class PatrolsSetup
{
    public static IServiceCollection AddRescuePatrols(this IServiceCollection services)
    {
        services.AddScoped<PatrolLog>();
        services.AddSingleton<Platform.Data.IModuleInitializer, PatrolsInitializer>();
        return services;
    }

    public static void MapRescuePatrols(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/patrols");
        var read = Permissions.Policy(RescuePermissions.Read);
        var record = Permissions.Policy(PatrolsPermissions.Record);
        var campaigns = Permissions.Policy(PatrolsPermissions.Campaigns);

        g.MapGet("/", async (Guid? campaignId, DateOnly? from, DateOnly? to, int? page, int? pageSize, PatrolLog log, CancellationToken ct) =>
        {
            var rows = await log.ListAsync(campaignId, from, to, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("街面巡查记录（可按专项行动 campaignId 或日期筛选），分页 { items, total }");
        g.MapPost("/", async (PatrolInput? input, PatrolLog log, CancellationToken ct) =>
        {
            var p = await log.CreateAsync(input ?? new PatrolInput(), ct);
            return TypedResults.Created($"/api/v1/rescue/patrols/{p.Id}", ToDto(p));
        }).RequireAuthorization(record).WithSummary("登记街面巡查：日期、区域、人员、发现/劝导/护送入站/拒绝救助人数、发放物资（饮用水、药品、衣物、棉被）、极端天气");
        g.MapGet("/{id:guid}", async (Guid id, PatrolLog log, CancellationToken ct) => TypedResults.Ok(ToDto(await log.GetAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("一条街面巡查记录");
        g.MapPut("/{id:guid}", async (Guid id, PatrolInput? input, PatrolLog log, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await log.UpdateAsync(id, input ?? new PatrolInput(), ct))))
            .RequireAuthorization(record).WithSummary("修改街面巡查记录（version 过期 409）");

        g.MapGet("/campaigns", async (PatrolLog log, CancellationToken ct) =>
        {
            var rows = await log.CampaignsAsync(ct);
            return TypedResults.Ok(new { items = rows.Select(ToDto), total = rows.Count });
        }).RequireAuthorization(read).WithSummary("专项救助行动（本县的和全市的），{ items, total }");
        g.MapPost("/campaigns", async (CampaignInput? input, PatrolLog log, CancellationToken ct) =>
        {
            var c = await log.CreateCampaignAsync(input ?? new CampaignInput(), ct);
            return TypedResults.Created($"/api/v1/rescue/patrols/campaigns/{c.Id}", ToDto(c));
        }).RequireAuthorization(campaigns).WithSummary("设定专项救助行动（kind: summer 夏季送清凉 / winter 冬季送温暖；divisionCode 县或全市；from/to）");
        g.MapGet("/campaigns/{id:guid}", async (Guid id, PatrolLog log, CancellationToken ct) => TypedResults.Ok(ToDto(await log.CampaignAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("一次专项救助行动");
        g.MapGet("/campaigns/{id:guid}/counts", async (Guid id, PatrolLog log, CancellationToken ct) =>
        {
            var rows = await log.CountsAsync(id, ct);
            return TypedResults.Ok(new { items = rows, total = rows.Count });
        }).RequireAuthorization(read).WithSummary("专项救助行动按县、按月的巡查统计（巡查次数、发现、劝导、护送入站、拒绝救助、发放物资、极端天气巡查次数）");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDto(RescuePatrol p) => new
    {
        p.Id,
        p.DivisionCode,
        patrolOn = Iso(p.PatrolOn),
        p.Area,
        p.Staff,
        p.Found,
        p.Persuaded,
        p.BroughtIn,
        p.Refused,
        p.Water,
        p.Medicine,
        p.Clothing,
        p.Quilts,
        p.ExtremeWeather,
        p.Note,
        p.Version,
    };

    public static object ToDto(RescueCampaign c) => new
    {
        c.Id,
        kind = CampaignText.Code(c.Kind),
        c.DivisionCode,
        c.Name,
        from = Iso(c.From),
        to = Iso(c.To),
        c.Note,
        c.Version,
    };
}
