using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Community.Pilots;

/// <summary>
/// Rural community pilots and the township service-capacity assessment (issue 18 item 5): services, figures and the API under
/// /api/v1/community/pilots and /api/v1/community/capacity.
/// </summary>
public static class PilotsSetup
{
    public static IServiceCollection AddPilots(this IServiceCollection services)
    {
        services.AddScoped<CommunityPilots>();
        services.AddScoped<CapacityAssessments>();
        services.AddScoped<PilotQueries>();
        services.AddScoped<IWorkItemSource, CapacityWorkItems>();
        services.AddSingleton<IModuleInitializer, PilotsInitializer>();
        return services;
    }

    public static void MapPilots(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(CommunityPermissions.Read);
        var oversee = Permissions.Policy(CommunityPermissions.Oversee);

        var p = app.MapGroup("/api/v1/community/pilots").WithTags("Community");
        p.MapGet("", async ([FromQuery] string? county, [FromQuery] int? year, [FromQuery] string? status, [FromQuery] string? q, [FromQuery] int? page,
                [FromQuery] int? pageSize, CommunityPilots pilots, CancellationToken ct) =>
            TypedResults.Ok(await pilots.ListAsync(new(county, year, QueryEnum.Parse<PilotStatus>(status, "status"), q), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("农村社区试点（按县、乡镇或村代码，年度，状态 building/accepted，村名或主题查询），分页 { items, total }");
        p.MapGet("/coverage", async ([FromQuery] int? year, PilotQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CoverageAsync(year, ct)))
            .RequireAuthorization(read).WithSummary("各县（市、区）农村社区试点覆盖率（截至该年度的试点村数 / 村委会数）与计划目标（community/pilot-coverage-percent），及合计");
        p.MapGet("/{id:guid}", async (Guid id, CommunityPilots pilots, CancellationToken ct) => TypedResults.Ok(await pilots.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一个试点村");
        p.MapPost("", async (PilotDesignateInput input, CommunityPilots pilots, CancellationToken ct) =>
        {
            var pilot = await pilots.DesignateAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/pilots/{pilot.Id}", pilots.ToDto(pilot));
        }).RequireAuthorization(oversee).WithSummary("确定试点村（只限未撤销的村委会；同一村每年一次，重复 409 com_pilot_exists）：divisionCode、year、theme、measures");
        p.MapPost("/{id:guid}/accept", async (Guid id, PilotAcceptInput input, CommunityPilots pilots, CancellationToken ct) =>
            TypedResults.Ok(pilots.ToDto(await pilots.AcceptAsync(id, input, ct))))
            .RequireAuthorization(oversee).WithSummary("试点验收（带 version）：acceptedOn、note");

        var c = app.MapGroup("/api/v1/community/capacity").WithTags("Community");
        c.MapGet("", async ([FromQuery] string? county, [FromQuery] int? year, [FromQuery] string? grade, [FromQuery] int? page, [FromQuery] int? pageSize,
                CapacityAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(await assessments.ListAsync(new(county, year, QueryEnum.Parse<CapacityGrade>(grade, "grade")), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("乡镇（街道）服务能力评估（按县或乡镇、年度、等次查询），含总分、等次、未完成和逾期整改数，分页 { items, total }");
        c.MapGet("/summary", async ([FromQuery] int? year, PilotQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CapacityAsync(year, ct)))
            .RequireAuthorization(read).WithSummary("各县（市、区）某年度的评估：乡镇数、已评估数、平均分（百分制）、各等次数、未完成和逾期整改数");
        c.MapGet("/indicators", async ([FromQuery] DateOnly? on, CapacityAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok((await assessments.IndicatorsAsync(on, ct)).Select(CapacityAssessments.ToDto).ToList()))
            .RequireAuthorization(read).WithSummary("服务能力评估指标目录（on=日期：只列当日执行的指标）");
        c.MapPost("/indicators", async (IndicatorInput input, CapacityAssessments assessments, CancellationToken ct) =>
        {
            var row = await assessments.AddIndicatorAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/capacity/indicators/{row.Id}", CapacityAssessments.ToDto(row));
        }).RequireAuthorization(oversee).WithSummary("新增指标（市级）：code、name、group、maxScore、sortOrder、validFrom、validTo；同一代码期间重叠 409 com_indicator_overlap");
        c.MapPost("/indicators/{id:guid}/end", async (Guid id, IndicatorEndInput input, CapacityAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(CapacityAssessments.ToDto(await assessments.EndIndicatorAsync(id, input, ct))))
            .RequireAuthorization(oversee).WithSummary("给指标设置截止日期（带 version）");
        c.MapGet("/{id:guid}", async (Guid id, CapacityAssessments assessments, CancellationToken ct) => TypedResults.Ok(await assessments.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一次评估：各指标得分、总分、等次及其依据、发现的问题、整改事项");
        c.MapPost("", async (CapacityAssessInput input, CapacityAssessments assessments, CancellationToken ct) =>
        {
            var a = await assessments.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/capacity/{a.Id}", assessments.ToDto(a));
        }).RequireAuthorization(oversee)
            .WithSummary("评估一个乡镇（街道）：divisionCode、year、assessedOn、assessors、findings、scores[{code, score, note}]（每项指标一个，0 至满分）；每年一次，重复 409 com_assessment_exists");
        c.MapPut("/{id:guid}", async (Guid id, CapacityAssessInput input, CapacityAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(assessments.ToDto(await assessments.UpdateAsync(id, input, ct))))
            .RequireAuthorization(oversee).WithSummary("修改评估（带 version）：assessedOn、assessors、findings、scores");
        c.MapPost("/{id:guid}/follow-ups", async (Guid id, FollowUpInput input, CapacityAssessments assessments, CancellationToken ct) =>
        {
            await assessments.AddFollowUpAsync(id, input, ct);
            return TypedResults.Ok(await assessments.DtoAsync(id, ct));
        }).RequireAuthorization(oversee).WithSummary("登记整改事项：action、responsible、dueOn（逾期未完成的列入县级“我的待办”）");
        c.MapPost("/follow-ups/{id:guid}/done", async (Guid id, FollowUpDoneInput input, CapacityAssessments assessments, CancellationToken ct) =>
        {
            var f = await assessments.CompleteFollowUpAsync(id, input, ct);
            return TypedResults.Ok(await assessments.DtoAsync(f.AssessmentId, ct));
        }).RequireAuthorization(oversee).WithSummary("整改事项完成（带 version）：doneOn、note");
    }
}

/// <summary>
/// The figures of the pilots and the assessment: the coverage target (PLAN 三、, 2020 work plan) and the grade thresholds
/// (a 100-point scale; no Guangxi or Yulin assessment rules found, so demo rows only).
/// </summary>
public static class PilotFigures
{
    public static readonly FigureKind CoverageTarget = new(CommunityModule.FigureModule, "pilot-coverage-percent", "农村社区试点覆盖率目标", "%", Type: FigureValueType.Percent);

    public static readonly FigureKind GradeMinimum = new(CommunityModule.FigureModule, "capacity-grade-min", "乡镇（街道）服务能力评估等次最低分", "分",
        Categories: CapacityRules.GradeCategories, Type: FigureValueType.Number);

    public static readonly IReadOnlyList<FigureKind> All = [CoverageTarget, GradeMinimum];
}

/// <summary>
/// Seeds the PLAN target (30 % of villages from 2020-01-01, the 2020 work plan) as a real figure; the grade thresholds and the
/// indicator catalogue are UNCONFIRMED, so only in demo mode and marked 演示数据. Runs after the committees (196).
/// </summary>
public sealed class PilotsInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string PlanDocument = "玉林市民政局2020年工作计划：农村社区试点覆盖30%以上的村";
    public static readonly DateOnly PlanYear = new(2020, 1, 1);

    public int Order => 197;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var module = CommunityModule.FigureModule;
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == module && f.Kind == PilotFigures.CoverageTarget.Code, ct))
        {
            db.Add(new Figure
            {
                Module = module,
                Kind = PilotFigures.CoverageTarget.Code,
                DivisionCode = City,
                Percent = 30,
                ValidFrom = PlanYear,
                Document = PlanDocument,
                Note = "计划目标（PLAN 三、）",
                CreatedBy = "system",
            });
        }
        if (demo && !await db.Set<Figure>().AnyAsync(f => f.Module == module && f.Kind == PilotFigures.GradeMinimum.Code, ct))
        {
            foreach (var (category, score) in new[] { ("excellent", 90), ("good", 80), ("pass", 60) })
            {
                db.Add(new Figure
                {
                    Module = module,
                    Kind = PilotFigures.GradeMinimum.Code,
                    DivisionCode = City,
                    Category = category,
                    Number = score,
                    ValidFrom = PlanYear,
                    Document = "演示数据：乡镇（街道）服务能力评估等次（优秀90分、良好80分、合格60分，未经核实，请按本地评估办法录入）",
                    IsDemo = true,
                    CreatedBy = "system",
                });
            }
        }
        if (demo && !await db.Set<CapacityIndicator>().AnyAsync(ct))
        {
            (string Code, string Name, string Group, int Max, string Description)[] demoSet =
            [
                ("service-center", "便民服务中心建设", "基础设施", 20, "乡镇（街道）便民服务中心场所、窗口设置、事项进驻和办理时限"),
                ("assistance", "社会救助经办", "民生服务", 20, "低保、特困、临时救助的受理、审核确认和动态管理"),
                ("elderly-care", "养老服务", "民生服务", 15, "特困供养服务设施、居家和社区养老服务、留守老人关爱"),
                ("facilities", "社区服务设施", "基础设施", 15, "村（社区）综合服务设施覆盖和使用"),
                ("informatization", "信息化", "能力支撑", 15, "民政业务系统使用、数据质量和网上办理"),
                ("staffing", "队伍建设", "能力支撑", 15, "民政专干配备、培训和社会工作者"),
            ];
            var order = 0;
            foreach (var (code, name, group, max, description) in demoSet)
            {
                db.Add(new CapacityIndicator
                {
                    Code = code,
                    Name = name,
                    Group = group,
                    MaxScore = max,
                    SortOrder = order += 10,
                    Description = "演示数据：" + description,
                    ValidFrom = PlanYear,
                    IsDemo = true,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
