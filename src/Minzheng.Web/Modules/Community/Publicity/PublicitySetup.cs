using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Community.Publicity;

/// <summary>村务公开 (issue 18 item 3): services, figures, the township's overdue alerts and the API under /api/v1/community/publicity.</summary>
public static class PublicitySetup
{
    public static IServiceCollection AddPublicity(this IServiceCollection services)
    {
        services.AddScoped<PublicityRecords>();
        services.AddScoped<IWorkItemSource, PublicityWorkItems>();
        services.AddSingleton<IModuleInitializer, PublicityInitializer>();
        return services;
    }

    public static void MapPublicity(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(CommunityPermissions.Read);
        var publish = Permissions.Policy(CommunityPermissions.Publish);
        var g = app.MapGroup("/api/v1/community/publicity").WithTags("Community");
        g.MapGet("", async ([FromQuery] Guid? committeeId, [FromQuery] string? divisionCode, [FromQuery] PublicityKind? kind, [FromQuery] bool? late,
                [FromQuery] int? page, [FromQuery] int? pageSize, PublicityRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.ListAsync(new(committeeId, divisionCode, kind, late), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("村务（居务）公开记录（按村（居）委会、区划、类别、是否迟延公布查询），分页 { items, total }");
        g.MapGet("/{id:guid}", async (Guid id, PublicityRecords records, CancellationToken ct) => TypedResults.Ok(await records.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一条公开记录");
        g.MapPost("", async (PublicityInput input, PublicityRecords records, CancellationToken ct) =>
        {
            var r = await records.CreateAsync(input, null, null, ct);
            return TypedResults.Created($"/api/v1/community/publicity/{r.Id}", await records.DtoAsync(r.Id, ct));
        }).RequireAuthorization(publish)
            .WithSummary("登记一条公开记录：类别（decisions 村务决策、relief 救灾救助补贴和捐赠款物、finance 财务收支、governmentAssistance 协助政府工作、major 重大事项）、所属期间（2026Q4、2026-11，重大事项填事项发生日期）、公布日期、标题、内容");
        g.MapPut("/{id:guid}", async (Guid id, PublicityCorrectionInput input, PublicityRecords records, CancellationToken ct) =>
        {
            await records.CorrectAsync(id, input, ct);
            return TypedResults.Ok(await records.DtoAsync(id, ct));
        }).RequireAuthorization(publish).WithSummary("更正公开记录的公布日期、标题、内容（带 version）");
        g.MapPost("/{id:guid}/photo", async (Guid id, IFormFile? photo, PublicityRecords records, CancellationToken ct) =>
            {
                await using var stream = photo?.OpenReadStream();
                await records.AttachPhotoAsync(id, photo?.FileName, stream, ct);
                return TypedResults.Ok(await records.DtoAsync(id, ct));
            })
            .DisableAntiforgery().RequireAuthorization(publish).WithSummary("上传公开栏照片（multipart/form-data：photo，.jpg/.png）");
        g.MapGet("/{id:guid}/photo", async (Guid id, PublicityRecords records, CancellationToken ct) =>
        {
            var (file, content) = await records.OpenPhotoAsync(id, ct);
            return TypedResults.File(content, file.ContentType, file.FileName);
        }).RequireAuthorization(read).WithSummary("公开栏照片（仅工作人员）");
        g.MapGet("/committees", async ([FromQuery] string? divisionCode, [FromQuery] bool? overdue, [FromQuery] int? page, [FromQuery] int? pageSize,
                PublicityRecords records, CancellationToken ct) =>
                TypedResults.Ok((await records.StatusesAsync(divisionCode, overdue == true, ct)).ToPaged(PageRequest.From(page, pageSize))))
            .RequireAuthorization(read).WithSummary("各村（居）委会的公开情况：逾期未公开的期间、最近公布日期、近一年迟延公布数，分页 { items, total }");
        g.MapGet("/committees/{id:guid}/calendar", async (Guid id, [FromQuery] int? year, PublicityRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.CalendarAsync(id, year, ct)))
            .RequireAuthorization(read).WithSummary("一个村（居）委会一年的公开日历：各类事项按月或按季度已公开、未到期、逾期");
        g.MapGet("/overdue", async ([FromQuery] string? divisionCode, PublicityRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.SummaryAsync(divisionCode, ct)))
            .RequireAuthorization(read).WithSummary("逾期未公开汇总：按时与逾期的村（居）委会数，按县、按类别");
        g.MapGet("/feed/{villageCode}", async (string villageCode, [FromQuery] string? period, PublicityRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.FeedAsync(villageCode, period, ct)))
            .RequireAuthorization(read).WithSummary("平台名单：本村（社区）当期各救助、补贴项目的享受对象（姓名部分隐去，不含身份证号）和金额");
        g.MapPost("/feed/{villageCode}", async (string villageCode, PublicityFromFeedInput input, PublicityRecords records, CancellationToken ct) =>
        {
            var r = await records.FromFeedAsync(villageCode, input, ct);
            return TypedResults.Created($"/api/v1/community/publicity/{r.Id}", await records.DtoAsync(r.Id, ct));
        }).RequireAuthorization(publish).WithSummary("把一个项目的平台名单生成为救灾救助补贴公开记录（program、period、postedOn）");
    }
}

/// <summary>
/// The publicity figures: the days allowed to post a period's items after it ends, and the days within which a major item is made
/// public. 第三十条 says 至少每季度 / 每月 / 随时 without a number of days: both are local practice (UNCONFIRMED), so only demo rows.
/// </summary>
public static class PublicityFigures
{
    public static readonly FigureKind GraceDays = new(CommunityModule.FigureModule, "publicity-grace-days", "村务公开定期事项期满后公布期限", "日");
    public static readonly FigureKind MajorDays = new(CommunityModule.FigureModule, "publicity-major-days", "村务公开重大事项公布期限（自事项发生之日起）", "日");

    public static readonly IReadOnlyList<FigureKind> All = [GraceDays, MajorDays];
}

/// <summary>Seeds the demo publicity figures (UNCONFIRMED values: 演示数据 only; without them a period is due on its last day).</summary>
public sealed class PublicityInitializer : IModuleInitializer
{
    public const string City = "450900000000";

    public int Order => 197;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == CommunityModule.FigureModule && f.Kind == PublicityFigures.GraceDays.Code, ct)) return;
        var from = new DateOnly(2018, 12, 29);
        db.Add(Row(PublicityFigures.GraceDays, from, "演示数据：定期公开事项在季度、月度终了后十日内公布（未经核实，请按自治区村务公开规定录入）", 10));
        db.Add(Row(PublicityFigures.MajorDays, from, "演示数据：重大事项自发生之日起五日内公布（未经核实，请按自治区村务公开规定录入）", 5));
        await db.SaveChangesAsync(ct);
    }

    private static Figure Row(FigureKind kind, DateOnly from, string document, int number) => new()
    {
        Module = CommunityModule.FigureModule,
        Kind = kind.Code,
        DivisionCode = City,
        Category = "",
        Number = number,
        ValidFrom = from,
        Document = document,
        IsDemo = true,
        CreatedBy = "system",
    };
}
