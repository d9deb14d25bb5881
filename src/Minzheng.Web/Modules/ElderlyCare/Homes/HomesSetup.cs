using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.ElderlyCare.Homes;

/// <summary>Care homes, ability assessment and home subsidies: services, figures, panels and the API under <c>/api/v1/elderly</c>.</summary>
public static class HomesSetup
{
    public static IServiceCollection AddHomes(this IServiceCollection services)
    {
        services.AddScoped<CareHomes>();
        services.AddScoped<AbilityAssessments>();
        // home care's ability criterion reads the stored assessments
        services.AddScoped<HomeCare.IAbilityLevelSource, AbilityLevels>();
        // county civil affairs (who approve the subsidies) enter the figures
        services.AddSingleton(new FigureSection(HomesFigures.Module, "养老机构补贴与能力评估", HomesPermissions.SubsidyApprove, [(HomesFigures.Module, "养老机构")], HomesFigures.All));
        services.AddSingleton<IModuleInitializer, HomesInitializer>();
        return services;
    }

    public static void MapHomes(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(HomesPermissions.Read);
        var manage = Permissions.Policy(HomesPermissions.Manage);
        var residents = Permissions.Policy(HomesPermissions.Residents);

        api.MapPost("/ability/score", (ScoreInput input) => TypedResults.Ok(AbilityAssessments.Score(input)))
            .RequireAuthorization(Permissions.Policy(ElderlyCarePermissions.Read))
            .WithSummary("按 GB/T 42195-2022 计算能力评估总分、各一级指标得分和等级（不保存）；缺项或超出范围的项目逐项 400");
        api.MapPost("/ability/assessments", async (AssessInput input, AbilityAssessments a, CancellationToken ct) =>
        {
            var row = await a.AssessAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/ability/assessments/{row.Id}", AbilityAssessments.ToDto(row));
        }).RequireAuthorization(Permissions.Policy(HomesPermissions.Assess)).WithSummary("录入能力评估（两名评估员、评估原因；总分和等级由服务器计算，再评估日期按标准）");
        api.MapGet("/ability/assessments", async (Guid? personId, bool? due, int? page, int? pageSize, AbilityAssessments a, CancellationToken ct) =>
        {
            var rows = await a.ListAsync(personId, due ?? false, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(AbilityAssessments.ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("能力评估（due=true：到期应再评估的）");
        api.MapGet("/ability/assessments/{id:guid}", async (Guid id, AbilityAssessments a, CancellationToken ct) => TypedResults.Ok(AbilityAssessments.ToDto(await a.LoadAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("能力评估详情");

        api.MapPost("/homes", async (HomeInput input, CareHomes homes, CancellationToken ct) =>
        {
            var home = await homes.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/homes/{home.Id}", await homes.RowAsync(home, ct));
        }).RequireAuthorization(manage).WithSummary("登记养老机构（敬老院）：按开办日期确定许可或备案制度，2018-12-29 以后开办的不要求许可证");
        api.MapGet("/homes", async (string? kind, string? overdue, int? page, int? pageSize, CareHomes homes, CancellationToken ct) =>
        {
            var rows = await homes.ListAsync(kind, overdue, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("养老机构（overdue=filing 逾期未备案，overdue=check 逾期未现场检查）");
        api.MapGet("/homes/survey", async (int? page, int? pageSize, CareHomes homes, CancellationToken ct) =>
        {
            var rows = await homes.SurveyAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("敬老院摸底：法人登记、床位、入住率、闲置床位");
        api.MapGet("/homes/{id:guid}", async (Guid id, CareHomes homes, CancellationToken ct) => TypedResults.Ok(await homes.RowAsync(await homes.LoadAsync(id, ct), ct)))
            .RequireAuthorization(read).WithSummary("养老机构详情");
        api.MapPost("/homes/{id:guid}/filing", async (Guid id, FilingInput input, CareHomes homes, CancellationToken ct) => TypedResults.Ok(await homes.FileAsync(id, input, ct)))
            .RequireAuthorization(manage).WithSummary("备案（materials: application、registration、commitment 齐全出具备案回执；现场检查期限为备案后 20 个工作日）");
        api.MapPost("/homes/{id:guid}/changes", async (Guid id, ChangeFilingInput input, CareHomes homes, CancellationToken ct) => TypedResults.Ok(await homes.ChangeAsync(id, input, ct)))
            .RequireAuthorization(manage).WithSummary("变更备案（床位等）");
        api.MapGet("/homes/{id:guid}/filings", async (Guid id, CareHomes homes, CancellationToken ct) => TypedResults.Ok(await homes.FilingsAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("备案和变更备案记录");
        api.MapPost("/homes/{id:guid}/check", async (Guid id, CheckInput input, CareHomes homes, CancellationToken ct) =>
            TypedResults.Ok(await homes.RowAsync(await homes.CheckAsync(id, input, ct), ct))).RequireAuthorization(manage).WithSummary("备案后现场检查");
        api.MapPost("/homes/{id:guid}/close", async (Guid id, CloseInput input, CareHomes homes, CancellationToken ct) =>
            TypedResults.Ok(await homes.RowAsync(await homes.CloseAsync(id, input, ct), ct))).RequireAuthorization(manage).WithSummary("关闭（在住老人须先安置）；提前关闭的，建设补贴按规定追回");
        api.MapPost("/homes/{id:guid}/residents", async (Guid id, AdmitInput input, CareHomes homes, CancellationToken ct) =>
        {
            var r = await homes.AdmitAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/elderly/residents/{r.Id}", new { r.Id, r.HomeId, r.PersonId, r.AdmittedOn, r.AbilityLevel, r.ExtremePovertyCase, r.Version });
        }).RequireAuthorization(residents).WithSummary("入住（身份证号；首位老人入住起 10 个工作日内应备案）");
        api.MapGet("/homes/{id:guid}/residents", async (Guid id, bool? current, int? page, int? pageSize, CareHomes homes, CancellationToken ct) =>
        {
            var rows = await homes.ResidentsAsync(id, current ?? false, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("入住老人（current=true：在住）");
        api.MapPost("/residents/{id:guid}/discharge", async (Guid id, DischargeInput input, CareHomes homes, CancellationToken ct) =>
        {
            var r = await homes.DischargeAsync(id, input, ct);
            return TypedResults.Ok(new { r.Id, r.DischargedOn, r.DischargeReason, r.Version });
        }).RequireAuthorization(residents).WithSummary("退住");
        api.MapPost("/homes/{id:guid}/staff", async (Guid id, StaffInput input, CareHomes homes, CancellationToken ct) =>
        {
            var s = await homes.AddStaffAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/elderly/homes/{id}/staff", s);
        }).RequireAuthorization(residents).WithSummary("登记工作人员（护理员须培训合格）");
        api.MapGet("/homes/{id:guid}/staff", async (Guid id, CareHomes homes, CancellationToken ct) => TypedResults.Ok(await homes.StaffAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("工作人员");
        api.MapGet("/homes/{id:guid}/occupancy", async (Guid id, DateOnly? from, DateOnly? to, CareHomes homes, Platform.Time.BusinessClock clock, CancellationToken ct) =>
        {
            var until = to ?? clock.Today;
            return TypedResults.Ok(await homes.OccupancyAsync(id, from ?? until.AddMonths(-11), until, ct));
        }).RequireAuthorization(read).WithSummary("按月入住率（月末在住人数 / 床位）");
    }
}
