using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>
/// <c>{ "program": "dibao", "kind": "monthly-standard", "divisionCode", "area", "monthlyAmount", "validFrom", "validTo", "document" }</c>;
/// <c>kind</c> defaults to the program's main standard. Other kinds carry <c>amount</c>, <c>multiple</c>,
/// <c>percent</c>, <c>number</c> or <c>choice</c>, and <c>category</c> where they have categories.
/// </summary>
public sealed record StandardInput
{
    [Text(40)] public string? Program { get; init; }
    [Text(40)] public string? Kind { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(10)] public string? Area { get; init; }
    [Text(40)] public string? Category { get; init; }
    [Amount] public decimal? MonthlyAmount { get; init; }
    [Amount] public decimal? Amount { get; init; }
    [Within(0, 100)] public decimal? Multiple { get; init; }
    [Within(0, 100)] public decimal? Percent { get; init; }
    [Within(0, 1000000)] public int? Number { get; init; }
    [Text(40)] public string? Choice { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    [Text(200)] public string? Document { get; init; }
    [Text(500)] public string? Note { get; init; }
}

/// <summary>A figure as this route has always answered it (the fields of the former assistance_standard row).</summary>
public sealed record StandardDto(Guid Id, string Program, string Kind, string DivisionCode, Area Area, string Category, Money? Amount, decimal? Factor, decimal? Percent,
    int? Number, string? Choice, DateOnly ValidFrom, DateOnly? ValidTo, string Document, bool IsDemo, string? Note, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StandardDto From(Figure f) => new(f.Id, f.Module, f.Kind, f.DivisionCode, (Area)(int)f.Area, f.Category, f.Amount, f.Factor, f.Percent, f.Number, f.Choice,
        f.ValidFrom, f.ValidTo, f.Document, f.IsDemo, f.Note, f.CreatedBy, f.CreatedAt, f.UpdatedAt);
}

/// <summary>A row of the list as this route has always answered it.</summary>
public sealed record StandardRow(Guid Id, string Program, string Kind, string KindName, string DivisionCode, string DivisionName, Area Area, string Category, string Value,
    DateOnly ValidFrom, DateOnly? ValidTo, string Document, bool IsDemo, string CreatedBy);

/// <summary><c>/api/v1/assistance/standards</c>: the assistance programs' figures, a thin route over the kernel figure book (kept for existing clients).</summary>
public static class StandardsApi
{
    public static string DefaultKind(string? program) => program switch
    {
        StandardKinds.ExtremePoverty => StandardKinds.EpBasic.Code,
        StandardKinds.Temporary => StandardKinds.TempCap.Code,
        _ => StandardKinds.DibaoMonthly.Code,
    };

    public static FigureInput ToFigureInput(StandardInput input) => new()
    {
        Module = input.Program?.Trim(),
        Kind = string.IsNullOrWhiteSpace(input.Kind) ? DefaultKind(input.Program?.Trim()) : input.Kind,
        DivisionCode = input.DivisionCode,
        Area = input.Area,
        Category = input.Category,
        Amount = input.MonthlyAmount ?? input.Amount,
        Multiple = input.Multiple,
        Percent = input.Percent,
        Number = input.Number,
        Choice = input.Choice,
        ValidFrom = input.ValidFrom,
        ValidTo = input.ValidTo,
        Document = input.Document,
        Note = input.Note,
    };

    private static readonly string[] Programs = [.. StandardKinds.Section.Programs.Select(p => p.Code)];

    public static void MapStandardsApi(this RouteGroupBuilder api)
    {
        var edit = Permissions.Policy(AssistancePermissions.Standards);
        api.MapPost("/standards", async (StandardInput input, FigureBook book, CancellationToken ct) =>
            {
                if (!Programs.Contains(input.Program?.Trim())) throw AppProblem.Field("program", "救助项目应为 dibao、extreme-poverty 或 temporary");
                var row = await book.AddAsync(ToFigureInput(input), ct: ct);
                return TypedResults.Created($"/api/v1/assistance/standards/{row.Id}", StandardDto.From(row));
            })
            .RequireAuthorization(edit)
            .WithSummary("录入救助标准（即标准库 /api/v1/figures 中的救助项目；有效期重叠返回 409 figure_overlap）");

        api.MapGet("/standards", async (string? program, string? divisionCode, int? page, int? pageSize, FigureBook book, CancellationToken ct) =>
            {
                var filter = new FigureFilter(string.IsNullOrWhiteSpace(program) ? null : program, DivisionCode: divisionCode, Modules: Programs);
                var result = await book.ListAsync(filter, PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new
                {
                    items = result.Items.Select(r => new StandardRow(r.Id, r.Module, r.Kind, r.KindName, r.DivisionCode, r.DivisionName, (Area)(int)r.Area, r.CategoryName, r.Value,
                        r.ValidFrom, r.ValidTo, r.Document, r.IsDemo, r.CreatedBy)),
                    total = result.Total,
                });
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("救助标准及其历史，分页");

        api.MapPost("/standards/{id:guid}/end", async (Guid id, DateOnly validTo, FigureBook book, CancellationToken ct) =>
            {
                await book.EndAsync(id, validTo, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(edit)
            .WithSummary("设置标准的截止日期");
    }
}
