using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare.Institutions;

public static class InstitutionsApi
{
    public sealed record AdmitInput(Guid PersonId, DateOnly? On, [Text(1000)] string? Rehabilitation);

    public sealed record RectifyInput(DateOnly? RectifiedOn, [Text(1000)] string? RectifiedNote, int? Version);

    public static void MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/children/institutions").WithTags("ChildWelfare");
        var read = Permissions.Policy(ChildPermissions.Read);
        var manage = Permissions.Policy(ChildPermissions.Confirm);
        api.MapGet("/", async (int? page, int? pageSize, ChildQueries queries, CancellationToken ct) =>
        {
            var result = await queries.InstitutionsAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(result.Select(r => new
            {
                r.Institution.Id,
                r.Institution.Name,
                r.Institution.Kind,
                r.Institution.DivisionCode,
                r.Institution.Beds,
                r.Institution.Director,
                r.Institution.Phone,
                r.Institution.Version,
                childrenInCare = r.InCare,
                openProblems = r.Open,
                overdueRectifications = r.Overdue,
            }));
        }).RequireAuthorization(read).WithSummary("儿童福利机构（在院儿童、待整改问题、逾期未整改），分页 { items, total }");
        api.MapPost("/", async (InstitutionInput input, ChildInstitutions s, CancellationToken ct) =>
        {
            var i = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/children/institutions/{i.Id}", new { i.Id, i.Name, i.Version });
        }).RequireAuthorization(manage).WithSummary("登记机构");
        api.MapPost("/{id:guid}/children", async (Guid id, AdmitInput input, ChildInstitutions s, CancellationToken ct) =>
        {
            var c = await s.AdmitAsync(id, input.PersonId, input.On, input.Rehabilitation, ct);
            return TypedResults.Created($"/api/v1/children/institutions/{id}", new { c.Id, c.AdmittedOn });
        }).RequireAuthorization(manage).WithSummary("儿童入院（含康复服务）");
        api.MapPost("/{id:guid}/checks", async (Guid id, CheckInput input, ChildInstitutions s, CancellationToken ct) =>
        {
            var c = await s.RecordCheckAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/children/institutions/{id}", new { c.Id, c.Kind, c.Item, c.Problem, c.DueOn, c.Version });
        }).RequireAuthorization(manage).WithSummary("登记风险排查项目或疫情防控记录（发现问题须有整改措施和期限）");
        api.MapPost("/checks/{checkId:guid}/rectify", async (Guid checkId, RectifyInput input, ChildInstitutions s, CancellationToken ct) =>
        {
            var c = await s.RectifyAsync(checkId, input.RectifiedOn, input.RectifiedNote, input.Version, ct);
            return TypedResults.Ok(new { c.Id, c.RectifiedOn, c.Version });
        }).RequireAuthorization(manage).WithSummary("整改完成");
    }
}
