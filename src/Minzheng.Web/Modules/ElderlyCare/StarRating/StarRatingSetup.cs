using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

/// <summary>养老机构星级评定 (GB/T 37276-2018): the pure evaluation, applications with self-assessment and expert scores, the public list.</summary>
public static class StarRatingSetup
{
    /// <summary>Section points as experts give them: whole or half points, within the section's maximum.</summary>
    public sealed record EvaluateInput(
        [RequiredInput, Within(0, 120), OneDecimal] decimal? Environment,
        [RequiredInput, Within(0, 130), OneDecimal] decimal? Facilities,
        [RequiredInput, Within(0, 150), OneDecimal] decimal? Management,
        [RequiredInput, Within(0, 600), OneDecimal] decimal? Service);

    /// <summary>Experts give whole or half points: at most one decimal, checked with the other limits so one answer names every field.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
    public sealed class OneDecimalAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        public override bool IsValid(object? value) => value is not decimal d || decimal.Round(d, 1) == d;

        public override string FormatErrorMessage(string name) => "最多一位小数";
    }

    public static IServiceCollection AddStarRating(IServiceCollection services)
    {
        services.AddSingleton(StarRatingProcess.Model);
        services.AddSingleton(new Platform.Tasks.WorkflowSubjectLink(StarRatingProcess.SubjectType, "/elderly/star-ratings#r-{0}"));
        return services.AddScoped<StarRatings>();
    }

    private static object ToDto(StarRatingRecord r) => new
    {
        r.Id,
        r.Number,
        r.OrganizationId,
        r.HomeName,
        r.DivisionCode,
        r.AppliedOn,
        r.AppliedLevel,
        selfAssessment = new { environment = r.SelfEnvironment, facilities = r.SelfFacilities, management = r.SelfManagement, service = r.SelfService },
        r.SelfLevel,
        r.State,
        stateName = StarRatingSetup.StateName(r.State),
        scores = r.Total is not null ? new { environment = r.Environment, facilities = r.Facilities, management = r.Management, service = r.Service } : null,
        r.Total,
        r.Level,
        levelName = r.Level is { } l ? StarRules.LevelName(l) : null,
        r.Experts,
        r.RatedOn,
        r.ValidUntil,
        r.Basis,
        r.Version,
    };

    public static string StateName(StarRatingState s) => s switch
    {
        StarRatingState.Applied => "待专家评分",
        StarRatingState.Scored => "待评定决定",
        StarRatingState.Published => "已公布",
        _ => "不予评定",
    };

    public static void MapStarRating(RouteGroupBuilder api)
    {
        api.MapPost("/star-rating/evaluate", (EvaluateInput input) =>
            {
                var scores = Scores(input);
                var result = StarRules.Evaluate(scores);
                return TypedResults.Ok(new { total = result.Total, level = result.Level, levelName = StarRules.LevelName(result.Level), reasons = result.Reasons });
            })
            .RequireAuthorization(Permissions.Policy(ElderlyCarePermissions.Read))
            .WithSummary("星级试算（GB/T 37276-2018：环境120、设施设备130、运营管理150、服务600；总分与各部分得分率同时达到；未达一级为0）");
        var rate = Permissions.Policy(StarRatingPermissions.Rate);
        api.MapGet("/star-ratings", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<StarRatingRecord>().AsNoTracking().OrderByDescending(r => r.Number).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(Permissions.Policy(ElderlyCarePermissions.Read)).WithSummary("星级评定申请和结果（管辖范围内）");
        api.MapPost("/star-ratings", async (StarApplyInput input, StarRatings s, CancellationToken ct) =>
        {
            var r = await s.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/star-ratings/{r.Id}", ToDto(r));
        }).RequireAuthorization(rate).WithSummary("受理星级评定申请（申请等级和机构自评分）");
        api.MapPost("/star-ratings/{id:guid}/score", async (Guid id, StarScoreInput input, StarRatings s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.ScoreAsync(id, input, ct))))
            .RequireAuthorization(rate).WithSummary("录入专家评分（各部分得分）：等级按总分和各部分得分率计算，待评定决定");
        api.MapPost("/star-ratings/{id:guid}/actions/{action}", async (Guid id, string action, StarActionInput input, StarRatings s, CancellationToken ct) =>
                TypedResults.Ok(ToDto(await s.DecideAsync(id, action, input, ct))))
            .RequireAuthorization(rate).WithSummary("评定决定：publish 公布（有效期按标准，自决定之日起）、return 退回重新评分、refuse 不予评定（后两项 opinion 必填）");
        api.MapGet("/public/star-ratings", async (int? page, int? pageSize, StarRatings s, DivisionDirectory divisions, Platform.Time.BusinessClock clock, CancellationToken ct) =>
            {
                var rows = await s.PublicAsync(PageRequest.From(page, pageSize, 50), divisions, ct);
                return TypedResults.Ok(new { asOf = clock.Today, items = rows.Items, total = rows.Total });
            })
            .AllowAnonymous()
            .RequireRateLimiting(PlatformSetup.PublicRateLimit)
            .WithSummary("养老机构等级公开名单（有效期内，按等级）");
    }

    /// <summary>
    /// The four sections checked once for pages and API alike: present, in range, at most one decimal (half points), by the attributes above. Errors are
    /// named under <paramref name="prefix"/> (<c>scores.service</c>) when the scores are part of a larger input.
    /// </summary>
    public static StarScores Scores(EvaluateInput input, string prefix = "")
    {
        var errors = new ValidationErrors();
        InputRules.Collect(input, prefix.TrimEnd('.'), errors, 0);
        errors.ThrowIfAny();
        return new StarScores(input.Environment!.Value, input.Facilities!.Value, input.Management!.Value, input.Service!.Value);
    }
}
