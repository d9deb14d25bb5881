using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

/// <summary>养老机构星级评定 (GB/T 37276-2018): the pure evaluation, applications with self-assessment and expert scores, the public list.</summary>
public static class StarRatingSetup
{
    /// <summary>Section points as experts give them: whole or half points, within the section's maximum.</summary>
    public sealed record EvaluateInput(
        [RequiredInput, Within(0, 120)] decimal? Environment,
        [RequiredInput, Within(0, 130)] decimal? Facilities,
        [RequiredInput, Within(0, 150)] decimal? Management,
        [RequiredInput, Within(0, 600)] decimal? Service);

    public static IServiceCollection AddStarRating(this IServiceCollection services) => services;

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
    }

    /// <summary>The four sections checked once for pages and API alike: present, in range, at most one decimal (half points).</summary>
    public static StarScores Scores(EvaluateInput input)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        foreach (var (field, value) in new[] { ("environment", input.Environment), ("facilities", input.Facilities), ("management", input.Management), ("service", input.Service) })
        {
            if (value is { } v && decimal.Round(v, 1) != v) errors.Add(field, "最多一位小数");
        }
        errors.ThrowIfAny();
        return new StarScores(input.Environment!.Value, input.Facilities!.Value, input.Management!.Value, input.Service!.Value);
    }
}
