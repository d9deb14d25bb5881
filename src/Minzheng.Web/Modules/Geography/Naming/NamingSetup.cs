using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Geography.Naming;

/// <summary>Naming and renaming applications (issue 17 item 2): services, the process, the figures and the API under /api/v1/place-names/applications.</summary>
public static class NamingSetup
{
    public static IServiceCollection AddNaming(this IServiceCollection services)
    {
        services.AddScoped<NamingApplications>();
        services.AddSingleton(NamingProcess.Model);
        services.AddSingleton(new WorkflowSubjectLink(NamingProcess.SubjectType, "/geography/applications/{0}"));
        services.AddSingleton(new FigureSection(NamingFigures.Module, "区划地名", GeographyPermissions.Manage, [(NamingFigures.Module, "地名管理")], [.. NamingFigures.All, .. Boundaries.BoundaryFigures.All]));
        services.AddSingleton<IModuleInitializer, NamingInitializer>();
        return services;
    }

    public static void MapNaming(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(GeographyPermissions.Read);
        var manage = Permissions.Policy(GeographyPermissions.Manage);
        var g = app.MapGroup("/api/v1/place-names/applications").WithTags("PlaceNames");
        g.MapGet("", async ([FromQuery] string? state, [FromQuery] bool? overdue, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize,
                NamingApplications apps, CancellationToken ct) => TypedResults.Ok(await apps.ListAsync(new(state, overdue, q), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("地名命名、更名申请（按环节、是否逾期未备案或公告查询），分页 { items, total }");
        g.MapGet("/alerts", async (NamingApplications apps, CancellationToken ct) => TypedResults.Ok(await apps.AlertsAsync(ct)))
            .RequireAuthorization(read).WithSummary("批准后逾期未备案、未公告的申请数（《地名管理条例》第十三条、第十四条）");
        g.MapGet("/{id:guid}", async (Guid id, NamingApplications apps, CancellationToken ct) => TypedResults.Ok(await apps.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一件申请：第九条检查结果、各环节记录、备案和公告期限、可办理的动作");
        g.MapPost("", async (NamingApplyInput input, NamingApplications apps, CancellationToken ct) =>
        {
            var a = await apps.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/place-names/applications/{a.Id}", await apps.DtoAsync(a.Id, ct));
        }).RequireAuthorization(manage).WithSummary("提出命名或更名申请（方案和理由、位置规模性质、拟用地名），自动进行第九条检查并记录结果");
        g.MapPost("/{id:guid}/{action}", async (Guid id, string action, NamingStepInput input, NamingApplications apps, CancellationToken ct) =>
        {
            await apps.StepAsync(id, action, input, ct);
            return TypedResults.Ok(await apps.DtoAsync(id, ct));
        }).RequireAuthorization(manage)
            .WithSummary("办理一步（带 version）：review 专家论证并开始征求意见、close-consultation 期满结束征求意见、approve 批准（有重名同音不能批准）、send-back 退回重新拟名、resubmit 提出新名称、file 备案、announce 公告并发布标准地名");
    }
}

/// <summary>
/// Seeds the CONFIRMED periods (rules §7.1): filing and announcement within 15 days of approval, from 2022-05-01 (the 1986
/// 条例 had none, so no row before). The consultation period is UNCONFIRMED: a demo row only, marked 演示数据.
/// </summary>
public sealed class NamingInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public static readonly DateOnly Regulation2022 = new(2022, 5, 1);

    public int Order => 194;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        // the boundary figures share the module's section: look for the naming kinds themselves
        if (await db.Set<Figure>().AnyAsync(f => f.Module == NamingFigures.Module && f.Kind == NamingFigures.FilingDays.Code, ct)) return;
        db.Add(Row(NamingFigures.FilingDays, Regulation2022, "《地名管理条例》（2022）第十三条：批准地名后十五日内备案", 15, false));
        db.Add(Row(NamingFigures.AnnouncementDays, Regulation2022, "《地名管理条例》（2022）第十四条：批准地名后十五日内向社会公告", 15, false));
        if (demo) db.Add(Row(NamingFigures.ConsultationDays, Regulation2022, "演示数据：征求社会公众意见期限（未经核实，请按本地规定录入）", 30, true));
        await db.SaveChangesAsync(ct);
    }

    private static Figure Row(FigureKind kind, DateOnly from, string document, int number, bool demo) => new()
    {
        Module = NamingFigures.Module,
        Kind = kind.Code,
        DivisionCode = City,
        Category = "",
        Number = number,
        ValidFrom = from,
        Document = document,
        IsDemo = demo,
        CreatedBy = "system",
    };
}
