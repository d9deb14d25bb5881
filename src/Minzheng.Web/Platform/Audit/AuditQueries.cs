using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Audit;

public sealed record AuditFilter
{
    public string? UserName { get; init; }
    public string? Action { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

public sealed class AuditQueries(AppDbContext db)
{
    public async Task<Paged<AuditEntry>> SearchAsync(AuditFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.UserName)) q = q.Where(e => e.UserName == f.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(e => e.Action == f.Action.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(e => e.EntityType == f.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(e => e.EntityId == f.EntityId.Trim());
        // Dates are China dates: 00:00 China time is 16:00 UTC the day before.
        if (f.From is { } from) q = q.Where(e => e.At >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8));
        if (f.To is { } to) q = q.Where(e => e.At < to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8));
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<AuditEntry>(items, total, page.Page, page.PageSize);
    }
}
