using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Figures;

/// <summary><c>/api/v1/figures</c>: the one figure book. Reading needs a signed-in user; writing the permission the kind's module declared.</summary>
public static class FiguresApi
{
    public sealed record EndInput(DateOnly? ValidTo);

    public static void MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/figures").WithTags("Figures").RequireAuthorization();

        group.MapGet("/", async (string? module, string? kind, string? divisionCode, int? page, int? pageSize, FigureBook book, CancellationToken ct) =>
            {
                var result = await book.ListAsync(new FigureFilter(module, kind, divisionCode), PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = result.Items, total = result.Total });
            })
            .WithSummary("标准（含历史），按模块/项目、种类、制定机关筛选，分页");

        group.MapGet("/kinds", (FigureCatalog catalog) => TypedResults.Ok(catalog.Sections.Select(s => new
        {
            s.Name,
            s.EditPermission,
            programs = s.Programs.Select(p => new { p.Code, p.Name }),
            kinds = s.Kinds.Select(k => new
            {
                k.Module,
                k.Code,
                k.Name,
                k.Unit,
                k.ValueType,
                k.ByArea,
                categories = k.Categories?.Select(c => new { c.Code, c.Name }),
                choices = k.Choices?.Select(c => new { c.Code, c.Name }),
            }),
        })))
            .WithSummary("各模块声明的标准种类及录入所需权限");

        group.MapPost("/", async (FigureInput input, FigureBook book, CancellationToken ct) =>
            {
                var row = await book.AddAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/figures/{row.Id}", book.ToRow(row));
            })
            .WithSummary("录入标准（须有该模块的标准维护权限；与同类标准期间重叠返回 409 figure_overlap）");

        group.MapPost("/{id:guid}/end", async (Guid id, EndInput input, FigureBook book, CancellationToken ct) =>
            {
                var row = await book.EndAsync(id, input.ValidTo ?? throw AppProblem.Field("validTo", "请填写截止日期"), ct);
                return TypedResults.Ok(book.ToRow(row));
            })
            .WithSummary("设置标准的截止日期（结束执行期间，历史保留）");
    }
}
