using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>Evaluation 1A–5A (issue 14 item 5): services, the process, the public facts, the organisation panel and the API.</summary>
public static class EvaluationSetup
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationService>();
        services.AddSingleton(EvaluationProcess.Model);
        services.AddSingleton(new Platform.Tasks.WorkflowSubjectLink(EvaluationProcess.SubjectType, "/social-organizations/evaluations/{0}"));
        services.AddScoped<IPublicFactSource, EvaluationPublicFacts>();
        services.AddScoped<IOrganizationPanel, EvaluationOrganizationPanel>();
        services.AddSingleton<IModuleInitializer, EvaluationInitializer>();
        return services;
    }

    public static object ToDto(OrganizationEvaluation e) => new
    {
        e.Id,
        e.Number,
        e.OrganizationId,
        e.OrganizationName,
        e.Kind,
        e.Level,
        e.State,
        stateName = EvaluationProcess.StateName(e.State),
        e.AppliedOn,
        e.AppliedBy,
        e.IndicatorVersion,
        e.Score,
        e.Grade,
        gradeName = e.Grade is null ? null : EvaluationRules.GradeName(e.Grade),
        e.ScoredOn,
        e.ApprovedOn,
        e.PublicityUntil,
        e.GradedOn,
        e.ValidUntil,
        e.CaseId,
        e.Version,
    };

    public static object ToDto(EligibilityView v) => new
    {
        v.OrganizationId,
        v.OrganizationName,
        v.Eligible,
        reasons = v.Reasons.Select(r => new { code = r.Code, name = r.Name }),
        v.Grade,
        gradeName = EvaluationRules.GradeName(v.Grade),
        v.GradeValidUntil,
        privileges = new { v.Privileges.PurchaseOfServices, v.Privileges.TaxDeduction, v.Privileges.SimplifiedInspection, names = v.Privileges.Names },
    };

    public static void MapEvaluation(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(SocialOrganizationPermissions.Read);
        var apply = Permissions.Policy(EvaluationPermissions.Apply);
        var manage = Permissions.Policy(EvaluationPermissions.Manage);
        var g = api.MapGroup("/evaluations");

        g.MapGet("", async (int? page, int? pageSize, string? state, AppDbContext db, CancellationToken ct) =>
        {
            var q = db.Set<OrganizationEvaluation>().AsNoTracking();
            if (!string.IsNullOrEmpty(state)) q = q.Where(e => e.State == state);
            var rows = await q.OrderByDescending(e => e.AppliedOn).ThenByDescending(e => e.Number).ToPagedAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(apply).WithSummary("评估申请列表（社会组织账号只见本组织）");

        g.MapGet("/{id:guid}", async (Guid id, EvaluationService s, AppDbContext db, CancellationToken ct) =>
        {
            var e = await s.LoadAsync(id, ct);
            var indicators = await s.IndicatorsAsync(e.IndicatorVersion, e.Kind, ct);
            var scores = await db.Set<EvaluationScore>().AsNoTracking().Where(x => x.EvaluationId == id).ToListAsync(ct);
            return TypedResults.Ok(new
            {
                evaluation = ToDto(e),
                indicators = indicators.Select(i => new { i.Code, i.Section, sectionName = EvaluationSections.Name(i.Section), i.Name, i.MaxPoints }),
                sheets = scores.GroupBy(x => x.ExpertId).Select(sheet => new
                {
                    expertId = sheet.Key,
                    scorer = sheet.First().ScorerName,
                    total = sheet.Sum(x => x.Points),
                    scores = sheet.ToDictionary(x => x.IndicatorCode, x => x.Points),
                }),
            });
        }).RequireAuthorization(apply).WithSummary("评估申请详情：指标、自评和专家评分");

        g.MapGet("/eligibility/{organizationId:guid}", async (Guid organizationId, EvaluationService s, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await s.EligibilityAsync(organizationId, ct))))
            .RequireAuthorization(apply).WithSummary("申请评估的条件逐项核验，以及现有等级和由等级产生的待遇");

        g.MapPost("", async (ApplyInput input, EvaluationService s, CancellationToken ct) =>
        {
            var e = await s.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/evaluations/{e.Id}", ToDto(e));
        }).RequireAuthorization(apply).WithSummary("申请评估（社会组织网上申请或登记管理机关窗口代办）；不符合条件的逐项说明");

        g.MapPut("/{id:guid}/self-assessment", async (Guid id, ScoreSheetInput input, EvaluationService s, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await s.SaveSelfAssessmentAsync(id, input, ct))))
            .RequireAuthorization(apply).WithSummary("保存自评得分（scores：指标编码 → 得分）");

        g.MapPut("/{id:guid}/experts/{expertId:guid}/scores", async (Guid id, Guid expertId, ScoreSheetInput input, EvaluationService s, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await s.SaveExpertScoresAsync(id, expertId, input, ct))))
            .RequireAuthorization(manage).WithSummary("录入一名评估专家的评分（需回避的专家不能评分）");

        g.MapPost("/{id:guid}/actions", async (Guid id, ActionInput input, EvaluationService s, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await s.ActAsync(id, input, ct))))
            .RequireAuthorization(apply).WithSummary("办理：submit-self、withdraw、finish-scoring、approve、reject、confirm、object");

        g.MapGet("/experts", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<EvaluationExpert>().AsNoTracking().Where(x => x.Active).OrderBy(x => x.Name).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(x => new { x.Id, x.Name, x.Field, conflicts = x.ConflictIds, x.DivisionCode }), total = rows.Total });
        }).RequireAuthorization(manage).WithSummary("评估专家");

        g.MapPost("/experts", async (ExpertInput input, EvaluationService s, CancellationToken ct) =>
        {
            var x = await s.AddExpertAsync(input, ct);
            return TypedResults.Created("/api/v1/social-organizations/evaluations/experts", new { x.Id, x.Name, x.Field, conflicts = x.ConflictIds });
        }).RequireAuthorization(manage).WithSummary("登记评估专家及其需回避的社会组织");

        g.MapGet("/indicators", async (string? kind, int? version, AppDbContext db, CancellationToken ct) =>
        {
            var q = db.Set<EvaluationIndicator>().AsNoTracking();
            var v = version ?? await q.MaxAsync(i => (int?)i.SetVersion, ct) ?? 0;
            var rows = await q.Where(i => i.SetVersion == v).OrderBy(i => i.Kind).ThenBy(i => i.Order).ToListAsync(ct);
            if (kind is not null)
            {
                // the kind as the figure book writes it: social-group, social-service, foundation
                var k = SocialOrganizationKinds.All.Where(x => SocialOrganizationKinds.FigureCategory(x) == kind).Select(x => (OrganizationKind?)x).FirstOrDefault()
                    ?? throw AppProblem.Field("kind", "未知的社会组织类型（social-group、social-service 或 foundation）");
                rows = [.. rows.Where(i => i.Kind == k)];
            }
            return TypedResults.Ok(new { items = rows.Select(i => new { i.SetVersion, i.SetName, i.Kind, i.Section, sectionName = EvaluationSections.Name(i.Section), i.Code, i.Name, i.MaxPoints }), total = rows.Count });
        }).RequireAuthorization(read).WithSummary("评估指标（按版本；新版本不影响已申请的评估）");
    }
}
