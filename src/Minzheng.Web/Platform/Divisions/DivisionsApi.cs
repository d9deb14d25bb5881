using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

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

        // 行政区划变更 (ADR 065): registered by the city, applied on the effective date with every record moved
        var changes = group.MapGroup("/changes");
        changes.MapGet("", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Set<DivisionChange>().AsNoTracking().Include(c => c.Items).OrderByDescending(c => c.EffectiveOn).ThenBy(c => c.Id)
                    .ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)).Select(ChangeDto)))
            .WithSummary("行政区划变更记录，分页 { items, total }");
        changes.MapGet("/{id:guid}", async (Guid id, AppDbContext db, CancellationToken ct) =>
                await db.Set<DivisionChange>().AsNoTracking().Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
                    ? Results.Ok(ChangeDto(c)) : throw AppProblem.NotFound("区划变更"))
            .WithSummary("一项区划变更：内容、状态和迁移的记录数");
        changes.MapPost("/preview", (DivisionChangeInput input, DivisionChanges use) =>
            {
                var plan = use.Preview(input, out _, out _);
                return TypedResults.Ok(PlanDto(plan));
            }).RequireAuthorization(Permissions.Policy(Permissions.DivisionsWrite))
            .WithSummary("预览区划变更：代码对照、新设、撤销和更名的区划（不保存）");
        changes.MapPost("", async (DivisionChangeInput input, DivisionChanges use, CancellationToken ct) =>
            {
                var c = await use.RegisterAsync(input, ct);
                return TypedResults.Created($"/api/v1/divisions/changes/{c.Id}", ChangeDto(c));
            }).RequireAuthorization(Permissions.Policy(Permissions.DivisionsWrite))
            .WithSummary("登记经批准的区划变更；生效日期已到的立即执行（区划树、代码对照和所有业务记录在一个事务内迁移）");

        group.MapGet("/{code}/history", async (string code, DateOnly? asOf, DivisionHistory history, CancellationToken ct) =>
            {
                var date = asOf ?? throw AppProblem.Field("asOf", "请填写查询日期 asOf（yyyy-MM-dd）");
                var persons = await history.CountAsOfAsync<Person>(date, code, ct);
                var households = await history.CountAsOfAsync<Household>(date, code, ct);
                var organizations = await history.CountAsOfAsync<Registry.Organizations.Organization>(date, code, ct);
                var tree = await history.TreeAsOfAsync(date, ct);
                if (tree.Find(code) is not { } d) throw new AppProblem(404, "division_not_found", $"区划代码 {code} 在 {date:yyyy-MM-dd} 不存在");
                return TypedResults.Ok(new
                {
                    asOf = date,
                    division = ToDto(d),
                    children = persons.Select((p, i) => new { division = ToDto(p.Division), persons = p.Count, households = households[i].Count, organizations = organizations[i].Count }),
                });
            }).RequireAuthorization(Permissions.Policy(Permissions.RegistryRead))
            .WithSummary("某日的下级区划及当日在其中的人员、家庭、组织数（按当日区划树，已迁移的记录计入原区划）");
    }

    public static object ChangeDto(DivisionChange c) => new
    {
        c.Id,
        kind = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()),
        kindName = DivisionChanges.KindNames[c.Kind],
        status = c.Status == DivisionChangeStatus.Applied ? "applied" : "pending",
        c.EffectiveOn,
        c.DocumentNumber,
        c.ApprovedBy,
        c.Reason,
        items = c.Items.Select(i => new { i.FromCode, i.ToCode, i.ToName }),
        c.AppliedAt,
        c.MovedSummary,
        c.Problem,
        c.Version,
    };

    public static object PlanDto(DivisionChangePlanner.Plan p) => new
    {
        mapping = p.RecordMapping.Select(m => new { fromCode = m.Key, toCode = m.Value, keepsIdentity = p.IdentityMapping.ContainsKey(m.Key) }),
        created = p.Created.Select(ToDto),
        retired = p.Retired.Select(r => new { code = r.Code, succeededBy = r.SucceededBy }),
        renamed = p.Renamed.Select(r => new { code = r.Code, name = r.NewName }),
    };
}
