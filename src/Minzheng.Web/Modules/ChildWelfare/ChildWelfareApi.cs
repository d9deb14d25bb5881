using System.Text.Json.Serialization;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare;

public static class ChildWelfareApi
{
    public sealed record DecisionInput([property: JsonRequired] bool Agree, [Text(500)] string? Opinion, int? Version);

    public sealed record EndInput([property: JsonRequired] ChildEndReason Reason, DateOnly? LastMonth, [Text(500)] string? Note, int? Version);

    public sealed record StandardInput([Text(40)] string? Kind, [Text(12)] string? DivisionCode, [Text(40)] string? Category, [Amount] decimal? Amount, [Within(0, 1000000)] int? Number, [Text(40)] string? Choice, DateOnly? ValidFrom, DateOnly? ValidTo, [Text(200)] string? Document);

    /// <summary>A figure as this route has always answered it (the fields of the former child_standard row).</summary>
    public sealed record StandardDto(Guid Id, string Kind, string DivisionCode, string Category, Platform.Money.Money? Amount, int? Number, string? Choice,
        DateOnly ValidFrom, DateOnly? ValidTo, string Document, bool IsDemo, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public static StandardDto From(Figure f) => new(f.Id, f.Kind, f.DivisionCode, f.Category, f.Amount, f.Number, f.Choice, f.ValidFrom, f.ValidTo, f.Document, f.IsDemo,
            f.CreatedBy, f.CreatedAt, f.UpdatedAt);
    }

    /// <summary>The case as clients have always read it, with its kernel timeline.</summary>
    public static object ToDto(ChildAllowanceCase c, IReadOnlyList<Platform.Workflow.WorkflowCaseEvent> timeline) => new
    {
        c.Id,
        c.Number,
        c.Kind,
        c.Status,
        c.ChildPersonId,
        c.DivisionCode,
        c.Placement,
        c.InstitutionName,
        c.GuardianName,
        c.GuardianRelation,
        father = new { situation = c.FatherSituation, since = c.FatherSince, termMonths = c.FatherTermMonths, evidence = c.FatherEvidence },
        mother = new { situation = c.MotherSituation, since = c.MotherSince, termMonths = c.MotherTermMonths, evidence = c.MotherEvidence },
        c.InFullTimeEducation,
        findings = c.Findings is null ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(c.Findings),
        monthlyAmount = c.MonthlyAmount.Yuan,
        explanation = c.Explanation is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(c.Explanation).RootElement,
        c.FromMonth,
        c.LastMonthByAge,
        c.EndedMonth,
        c.EndReason,
        c.RefusalReason,
        timeline = timeline.Select(e => new { e.At, e.ActorName, e.Action, e.ActionName, e.FromState, e.ToState, e.Opinion }),
        c.Version,
    };

    private static async Task<object> DtoAsync(ChildAllowances s, ChildAllowanceCase c, CancellationToken ct) => ToDto(c, await s.TimelineAsync(c.Id, ct));

    public static void MapChildWelfareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/children").WithTags("ChildWelfare");
        var read = Permissions.Policy(ChildPermissions.Read);

        api.MapGet("/cases", async (string? status, string? kind, int? page, int? pageSize, ChildQueries q, CancellationToken ct) =>
            {
                var result = await q.CasesAsync(QueryEnum.Parse<ChildCaseStatus>(status, "status"), QueryEnum.Parse<ChildAllowanceKind>(kind, "kind"), PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = result.Items, total = result.Total });
            })
            .RequireAuthorization(read).WithSummary("孤儿、事实无人抚养儿童业务（管辖范围内）");
        api.MapGet("/cases/{id:guid}", async (Guid id, ChildAllowances s, CancellationToken ct) => TypedResults.Ok(await DtoAsync(s, await s.LoadAsync(id, ct), ct)))
            .RequireAuthorization(read).WithSummary("业务详情（认定依据、金额说明、发放起止）");
        api.MapPost("/cases", async (ChildApplyInput input, ChildAllowances s, CancellationToken ct) =>
            {
                var c = await s.ApplyAsync(input, ct);
                return TypedResults.Created($"/api/v1/children/cases/{c.Id}", await DtoAsync(s, c, ct));
            })
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Apply)).WithSummary("登记申请（父母情形及证明、安置方式、监护人）");
        // the one transition shape (issue 11): the engine checks state and permission per the process definition before any effect
        api.MapPost("/cases/{id:guid}/actions/{action}", async (Guid id, string action, ChildActionInput input, ChildAllowances s, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(s, await s.PerformAsync(id, action, input, ct), ct)))
            .RequireAuthorization(read).WithSummary("办理动作（review 乡镇审核同意、refuse-review 乡镇审核不同意、confirm 县级认定、refuse-confirm 不予认定、end 停发（reason、lastMonth））；权限和状态按流程定义检查");
        // the old routes, thin aliases over the same use case for one release (same bodies, same answers)
        api.MapPost("/cases/{id:guid}/review", async (Guid id, DecisionInput input, ChildAllowances s, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(s, await s.ReviewAsync(id, input.Agree, input.Opinion, input.Version, ct), ct)))
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Review)).WithSummary("乡镇审核（不符合条件时 409 not_eligible 并列出原因）");
        api.MapPost("/cases/{id:guid}/confirm", async (Guid id, DecisionInput input, ChildAllowances s, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(s, await s.ConfirmAsync(id, input.Agree, input.Opinion, input.Version, ct), ct)))
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Confirm)).WithSummary("县级认定：次月起按标准发放至到龄月份（409 double_benefit / not_eligible / standard_missing）");
        api.MapPost("/cases/{id:guid}/end", async (Guid id, EndInput input, ChildAllowances s, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(s, await s.EndAsync(id, input.Reason, input.LastMonth, input.Note, input.Version, ct), ct)))
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Confirm)).WithSummary("停发（收养、死亡、父母情形消失等）");

        api.MapGet("/watch", async (bool? alertsOnly, int? page, int? pageSize, ChildQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.WatchAsync(alertsOnly == true, PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("留守和困境儿童关爱名册，分页 { items, total }");
        api.MapPost("/watch", async (WatchInput input, ChildWatch w, CancellationToken ct) =>
            {
                var c = await w.RegisterAsync(input, ct);
                return TypedResults.Created($"/api/v1/children/watch/{c.Id}", new { c.Id, c.LeftBehind, c.Difficulties, c.Risk, c.NextVisitDue, c.Version });
            })
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Apply)).WithSummary("登记留守或困境儿童");
        api.MapPost("/watch/{id:guid}/visits", async (Guid id, VisitInput input, int? version, ChildWatch w, CancellationToken ct) =>
            {
                var v = await w.VisitAsync(id, input, version, ct);
                return TypedResults.Created($"/api/v1/children/watch/{id}", new { v.Id, v.VisitedOn, v.RiskItem, v.RiskAfter });
            })
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Visit)).WithSummary("登记走访（?version= 当前版本号）");
        api.MapGet("/alerts", async (int? page, int? pageSize, ChildWatch w, CancellationToken ct) => TypedResults.Ok((await w.AlertsAsync(ct)).ToPaged(PageRequest.From(page, pageSize, 50))))
            .RequireAuthorization(read).WithSummary("预警：超期未走访、未解除的风险事项，分页 { items, total }");
        api.MapGet("/dashboard", async (ChildQueries q, CancellationToken ct) => TypedResults.Ok(await q.DashboardAsync(ct)))
            .RequireAuthorization(read).WithSummary("按县统计：孤儿、事实无人抚养儿童、留守、困境儿童，超期走访，本月应发");

        app.MapGet("/children/watch/export.xlsx", async (WatchExport export, CancellationToken ct) =>
                TypedResults.File(await export.ExcelAsync(ct), Platform.Registry.RegistryApi.XlsxContentType, $"留守和困境儿童-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(read).ExcludeFromDescription();

        // a thin route over the kernel figure book, kept for existing clients (same body, same answer)
        api.MapPost("/standards", async (StandardInput input, FigureBook book, ICurrentUser user, CancellationToken ct) =>
            {
                var row = await book.AddAsync(new FigureInput
                {
                    Module = ChildStandardKinds.Module,
                    Kind = input.Kind,
                    DivisionCode = input.DivisionCode ?? user.DivisionCode,
                    Category = input.Category,
                    Amount = input.Amount,
                    Number = input.Number,
                    Choice = input.Choice,
                    ValidFrom = input.ValidFrom,
                    ValidTo = input.ValidTo,
                    Document = input.Document,
                }, ct: ct);
                return TypedResults.Created($"/api/v1/children/standards/{row.Id}", StandardDto.From(row));
            })
            .RequireAuthorization(Permissions.Policy(ChildPermissions.Standards)).WithSummary("录入儿童福利标准（即标准库 /api/v1/figures 中的儿童福利项目；有效期不得重叠：409 figure_overlap）");
        api.MapGet("/standards", async (string? kind, string? divisionCode, int? page, int? pageSize, FigureBook book, CancellationToken ct) =>
            {
                var result = await book.ListAsync(new FigureFilter(ChildStandardKinds.Module, kind, divisionCode), PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = result.Items, total = result.Total });
            })
            .RequireAuthorization(read).WithSummary("儿童福利标准及其历史，分页");
    }
}
