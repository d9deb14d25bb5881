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
            AuditQueries queries, Data.AppDbContext db, CancellationToken ct) =>
        {
            var result = await queries.SearchAsync(new AuditFilter { UserName = userName, Action = action, EntityType = entityType, EntityId = entityId, From = from, To = to },
                PageRequest.From(page, pageSize, 50), ct);
            // a citizen's login is their phone: the answer names them with the phone masked and keeps the account id
            var accounts = await AccountLabels.OfAccountsAsync(db, result.Items.Select(e => e.UserId).OfType<Guid>(), ct);
            return TypedResults.Ok(new
            {
                items = result.Items.Select(e => new
                {
                    e.Id,
                    e.At,
                    e.UserId,
                    userName = e.UserId is { } id && accounts.TryGetValue(id, out var label) ? label : AccountLabels.MaskPhones(e.UserName),
                    e.IpAddress,
                    e.Action,
                    e.EntityType,
                    entityId = AccountLabels.MaskPhones(e.EntityId),
                    e.DivisionCode,
                    changes = AccountLabels.MaskPhones(e.Changes),
                    e.ChainIndex,
                }),
                total = result.Total,
            });
        })
        .WithSummary("查询审计日志");
    }
}
