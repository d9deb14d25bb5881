using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>精神障碍社区康复购买服务 (issue 20 item 2): contracts, a restricted roll, sessions, outcomes, monthly settlement through payments.</summary>
public static class RehabSetup
{
    public static IServiceCollection AddRehab(this IServiceCollection services)
    {
        services.AddScoped<RehabPurchase>();
        services.AddScoped<RehabEnrolments>();
        services.AddScoped<RehabExport>();
        services.AddScoped<Platform.Registry.IPersonPanel, RehabPersonPanel>();
        services.AddSingleton<IModuleInitializer, RehabInitializer>();
        services.AddSingleton(new EntitlementProgram(RehabPurchase.Program, "精神障碍社区康复服务结算"));
        // the outcome scale: county civil affairs, who buy the service, set it
        services.AddSingleton(new FigureSection(RehabFigures.Module, "精神障碍社区康复功能评估量表", RehabPermissions.Manage, [(RehabFigures.Module, "精神障碍社区康复")], RehabFigures.All));
        return services;
    }

    public static void MapRehab(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(DisabilityPermissions.Read);
        var manage = Permissions.Policy(RehabPermissions.Manage);
        var g = api.MapGroup("/rehab");
        g.MapGet("/codes", () => TypedResults.Ok(new { sessionTypes = RehabCodes.SessionTypes, exitReasons = RehabCodes.ExitReasons }))
            .RequireAuthorization(read).WithSummary("服务类型、退出原因（固定列表；诊断类别见 /enrolments/codes，受限）");

        g.MapGet("/contracts", async (int? page, int? pageSize, AppDbContext db, RehabPurchase purchase, CancellationToken ct) =>
            {
                var paged = await db.Set<RehabContract>().AsNoTracking().OrderByDescending(c => c.ValidFrom).ThenBy(c => c.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = await purchase.ViewsAsync(paged.Items, ct), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("精神障碍社区康复购买合同（含已结算、剩余预算；分页 { items, total }）");
        g.MapPost("/contracts", async (RehabContractInput input, RehabPurchase purchase, CancellationToken ct) =>
            {
                var c = await purchase.CreateContractAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/disability/rehab/contracts/{c.Id}", await purchase.ViewAsync(c, ct));
            })
            .RequireAuthorization(manage).WithSummary("登记购买合同：服务机构（已登记组织）、购买方区划、服务期、预算、每人每月服务单价（元）");
        g.MapGet("/contracts/{id:guid}", async (Guid id, RehabPurchase purchase, CancellationToken ct) => TypedResults.Ok(await purchase.ViewAsync(await purchase.LoadAsync(id, ct), ct)))
            .RequireAuthorization(read).WithSummary("一份合同：预算、已结算、剩余");
        g.MapGet("/contracts/{id:guid}/settlements", async (Guid id, AppDbContext db, RehabPurchase purchase, CancellationToken ct) =>
            {
                await purchase.LoadAsync(id, ct);
                var all = await db.Set<RehabSettlement>().AsNoTracking().Where(s => s.ContractId == id).OrderByDescending(s => s.Month).ToListAsync(ct);
                return TypedResults.Ok(new { items = all.Select(s => RehabPurchase.ToDto(s)), total = all.Count });
            })
            .RequireAuthorization(read).WithSummary("合同的月度结算（只有人数、次数）");
        g.MapPost("/contracts/{id:guid}/settlements", async (Guid id, RehabSettleInput input, RehabPurchase purchase, CancellationToken ct) =>
            {
                var o = await purchase.SettleAsync(id, input, ct);
                return TypedResults.Ok(RehabPurchase.ToDto(o.Settlement, o.AlreadySettled));
            })
            .RequireAuthorization(manage)
            .WithSummary("按月结算（服务人·月 × 每人每月单价），列入本月资金发放支付给服务机构；超出剩余预算 409 disability_rehab_over_budget；同月再次结算返回原结算（alreadySettled=true）");

        // the roll: any signed-in user may ask, and without disability.rehab every answer is 404 or empty (existence must not leak,
        // so not even a 403 that would differ from a missing record)
        var roll = g.MapGroup("/enrolments").RequireAuthorization();
        roll.MapGet("/codes", (RehabEnrolments e) => e.CanSeeDiagnosis
                ? Results.Ok(new { diagnoses = RehabCodes.Diagnoses, sessionTypes = RehabCodes.SessionTypes, exitReasons = RehabCodes.ExitReasons })
                : Results.Ok(new { sessionTypes = RehabCodes.SessionTypes, exitReasons = RehabCodes.ExitReasons }))
            .WithSummary("服务对象的代码表（诊断类别仅限诊断权限）");
        roll.MapGet("", async (Guid? contractId, bool? active, int? page, int? pageSize, RehabEnrolments enrolments, CancellationToken ct) =>
            {
                var paged = await enrolments.Visible(new RehabEnrolmentFilter(contractId, active)).OrderByDescending(e => e.EnrolledOn).ThenBy(e => e.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = await enrolments.ViewsAsync(paged.Items, ct), total = paged.Total });
            })
            .WithSummary("康复服务对象（受限：无 disability.rehab 权限时为空；诊断类别仅限 disability.rehab.diagnosis；分页 { items, total }）");
        roll.MapGet("/export.xlsx", async (Guid? contractId, bool? active, RehabExport export, CancellationToken ct) =>
                TypedResults.File(await export.ExcelAsync(new RehabEnrolmentFilter(contractId, active), ct), RehabExport.ContentType, $"精神障碍社区康复服务对象-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .WithSummary("导出服务对象名单（Excel；受限同列表，诊断类别列仅限诊断权限；导出留痕）");
        roll.MapPost("", async (RehabEnrolInput input, RehabEnrolments enrolments, CancellationToken ct) =>
            {
                var e = await enrolments.EnrolAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/disability/rehab/enrolments/{e.Id}", (await enrolments.ViewsAsync([e], ct))[0]);
            })
            .WithSummary("纳入服务对象：合同、人员、纳入日期、诊断类别（诊断权限）、康复目标、服务频次、入组功能评分（按当日执行的量表）");
        roll.MapGet("/{id:guid}", async (Guid id, RehabEnrolments enrolments, CancellationToken ct) => TypedResults.Ok(await enrolments.ReadAsync(id, ct)))
            .WithSummary("一名服务对象（查看留痕）");
        roll.MapPut("/{id:guid}", async (Guid id, RehabPlanInput input, RehabEnrolments enrolments, CancellationToken ct) =>
                TypedResults.Ok((await enrolments.ViewsAsync([await enrolments.UpdatePlanAsync(id, input, ct)], ct))[0]))
            .WithSummary("修改服务计划（康复目标、服务频次；诊断类别仅限诊断权限）；版本过期 409");
        roll.MapPost("/{id:guid}/exit", async (Guid id, RehabExitInput input, RehabEnrolments enrolments, CancellationToken ct) =>
                TypedResults.Ok((await enrolments.ViewsAsync([await enrolments.ExitAsync(id, input, ct)], ct))[0]))
            .WithSummary("退出服务（日期、原因）；版本过期 409");
        roll.MapGet("/{id:guid}/sessions", async (Guid id, int? page, int? pageSize, AppDbContext db, RehabEnrolments enrolments, CancellationToken ct) =>
            {
                await enrolments.LoadAsync(id, ct);
                var paged = await db.Set<RehabSession>().AsNoTracking().Where(s => s.EnrolmentId == id).OrderByDescending(s => s.HeldOn).ThenBy(s => s.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = paged.Items.Select(RehabEnrolments.ToDto), total = paged.Total });
            })
            .WithSummary("服务记录（分页 { items, total }）");
        roll.MapPost("/{id:guid}/sessions", async (Guid id, RehabSessionInput input, RehabEnrolments enrolments, CancellationToken ct) =>
            {
                var s = await enrolments.RecordSessionAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/disability/rehab/enrolments/{id}/sessions", RehabEnrolments.ToDto(s));
            })
            .WithSummary("登记一次康复服务（日期、类型、时长、服务人员）；已结算月份 409 disability_rehab_month_settled");
        roll.MapGet("/{id:guid}/scores", async (Guid id, AppDbContext db, RehabEnrolments enrolments, CancellationToken ct) =>
            {
                await enrolments.LoadAsync(id, ct);
                var all = await db.Set<RehabScore>().AsNoTracking().Where(s => s.EnrolmentId == id).OrderBy(s => s.ScoredOn).ThenBy(s => s.CreatedAt).ToListAsync(ct);
                return TypedResults.Ok(new { items = all.Select(RehabEnrolments.ToView), total = all.Count });
            })
            .WithSummary("功能评估（入组及各次复评，各按当时执行的量表）");
        roll.MapPost("/{id:guid}/scores", async (Guid id, RehabScoreInput input, RehabEnrolments enrolments, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/disability/rehab/enrolments/{id}/scores", RehabEnrolments.ToView(await enrolments.ReviewAsync(id, input, ct))))
            .WithSummary("复评功能评分（按评估日执行的量表校验分值范围）");
    }
}
