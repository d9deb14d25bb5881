using Microsoft.AspNetCore.Http.HttpResults;

namespace Minzheng.Web.Platform.Divisions;

public static class DivisionsApi
{
    public sealed record DivisionDto(string Code, string Name, string Level, string? ParentCode, string Pinyin, bool? Urban, string? AlternativeCode, string? SourceName);

    public static DivisionDto ToDto(Division d) =>
        new(d.Code, d.Name, DivisionCodes.ApiName(d.Level), d.ParentCode, d.Pinyin, d.IsUrban, d.AlternativeCode, d.SourceName);

    public static void MapDivisionsApi(this IEndpointRouteBuilder app)
    {
        // Division names and codes are public reference data: any signed-in user may read the whole tree.
        var group = app.MapGroup("/api/v1/divisions").WithTags("Divisions").RequireAuthorization();

        group.MapGet("/{code}", Results<Ok<DivisionDto>, ProblemHttpResult> (string code, DivisionDirectory divisions) =>
            divisions.Find(code) is { } d
                ? TypedResults.Ok(ToDto(d))
                : TypedResults.Problem(detail: $"区划代码 {code} 不存在", statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = "division_not_found" }))
            .WithSummary("按12位区划代码查询区划");

        group.MapGet("/{code}/children", Results<Ok<DivisionDto[]>, ProblemHttpResult> (string code, DivisionDirectory divisions) =>
            divisions.Find(code) is null
                ? TypedResults.Problem(detail: $"区划代码 {code} 不存在", statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = "division_not_found" })
                : TypedResults.Ok(divisions.ChildrenOf(code).Select(ToDto).ToArray()))
            .WithSummary("下一级区划");

        group.MapGet("/search", (string q, DivisionDirectory divisions) =>
            TypedResults.Ok(divisions.Search(q, 50).Select(ToDto).ToArray()))
            .WithSummary("按名称、代码或拼音查找区划");
    }
}
