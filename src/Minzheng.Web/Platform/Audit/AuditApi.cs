using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Audit;

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Permissions.Policy(Permissions.AuditRead));

        group.MapGet("/verify", async (AuditSealer sealer, CancellationToken ct) =>
        {
            var r = await sealer.VerifyAsync(ct);
            return TypedResults.Ok(new { ok = r.Ok, entries = r.Entries, firstBrokenId = r.FirstBrokenId, unsealed = r.Unsealed, headHash = r.HeadHash });
        })
        .WithSummary("校验审计日志哈希链：{ ok, entries, firstBrokenId }");

        group.MapGet("/", async (string? userName, string? action, string? entityType, string? entityId, DateOnly? from, DateOnly? to, int? page, int? pageSize,
            AuditQueries queries, CancellationToken ct) =>
        {
            var result = await queries.SearchAsync(new AuditFilter { UserName = userName, Action = action, EntityType = entityType, EntityId = entityId, From = from, To = to },
                PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new
            {
                items = result.Items.Select(e => new { e.Id, e.At, e.UserName, e.IpAddress, e.Action, e.EntityType, e.EntityId, e.DivisionCode, e.Changes, e.ChainIndex }),
                total = result.Total,
            });
        })
        .WithSummary("查询审计日志");
    }
}
