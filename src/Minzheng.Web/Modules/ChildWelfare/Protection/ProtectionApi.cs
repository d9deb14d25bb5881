using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare.Protection;

public static class ProtectionApi
{
    public static object ToDto(ProtectionCase c) => new
    {
        c.Id,
        c.Number,
        c.ChildPersonId,
        c.DivisionCode,
        c.Harm,
        c.Status,
        c.ReportedOn,
        c.Source,
        c.Description,
        c.ReferredTo,
        c.ReferredOn,
        c.ShelterName,
        c.ShelterFrom,
        c.ShelterTo,
        c.ShelterStayId,
        c.ShelterStayNumber,
        c.ClosedOn,
        c.Closure,
        c.Version,
        services = c.Services.OrderBy(s => s.On).Select(s => new { s.On, s.Service, s.By, s.Note }),
    };

    public static void MapProtectionApi(this IEndpointRouteBuilder app)
    {
        // restricted information: every endpoint needs child.protection (the use cases check it again)
        var api = app.MapGroup("/api/v1/children/protection").WithTags("ChildWelfare").RequireAuthorization(Permissions.Policy(ChildPermissions.Protection));
        api.MapGet("/", async (int? page, int? pageSize, ProtectionCases s, CancellationToken ct) =>
            TypedResults.Ok((await s.ListAsync(PageRequest.From(page, pageSize, 50), ct)).Select(x => new { x.Case.Id, x.Case.Number, childName = x.ChildName, x.Case.Harm, x.Case.Status, x.Case.ReportedOn, x.Case.DivisionCode })))
            .WithSummary("未成年人保护个案（专门权限），分页 { items, total }");
        api.MapGet("/{id:guid}", async (Guid id, ProtectionCases s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.LoadAsync(id, ct)))).WithSummary("个案详情");
        api.MapPost("/", async (ProtectionInput input, ProtectionCases s, CancellationToken ct) =>
        {
            var c = await s.OpenAsync(input, ct);
            return TypedResults.Created($"/api/v1/children/protection/{c.Id}", ToDto(c));
        }).WithSummary("登记个案（虐待、遗弃、家庭暴力等）");
        api.MapPost("/{id:guid}/refer", async (Guid id, ProtectionActionInput input, ProtectionCases s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.ReferAsync(id, input, ct)))).WithSummary("转介");
        api.MapPost("/{id:guid}/shelter", async (Guid id, ProtectionActionInput input, ProtectionCases s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.ShelterAsync(id, input, ct)))).WithSummary("临时庇护（入住）");
        api.MapPost("/{id:guid}/leave-shelter", async (Guid id, ProtectionActionInput input, ProtectionCases s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.LeaveShelterAsync(id, input, ct)))).WithSummary("离开庇护");
        api.MapPost("/{id:guid}/services", async (Guid id, ProtectionActionInput input, ProtectionCases s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.AddServiceAsync(id, input, ct)))).WithSummary("登记服务");
        api.MapPost("/{id:guid}/close", async (Guid id, ProtectionActionInput input, ProtectionCases s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.CloseAsync(id, input, ct)))).WithSummary("结案");
    }
}
