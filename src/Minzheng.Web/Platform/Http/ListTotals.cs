using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// The totals of server-side lists (ADR 075). The rows of a page are always read fresh; the total of a large list (at least
/// <see cref="CachedFrom"/> rows: a city's or a county's people, every case) is kept for <see cref="Keep"/> per scope and filter,
/// because counting a few million rows on every page turn costs more than everything else the page does, and nobody reads
/// "1,000,003" differently from "1,000,000". Small totals (a township's list, any narrow search) are counted every time, so a
/// record just added shows at once where anyone can tell. While a large total is being counted, other requests for the same
/// total wait for that count instead of starting their own.
/// </summary>
public sealed class ListTotals(IMemoryCache cache)
{
    public const int CachedFrom = 10_000;
    public static readonly TimeSpan Keep = TimeSpan.FromSeconds(60);

    private readonly SingleFlight<int> _counting = new();

    /// <summary>The cache key of a list's total: the list, the reader's scope (what the query filters apply) and the filter.</summary>
    public static string Key(string list, ICurrentUser user, object filter) =>
        $"list-total:{list}:{user.Scope.Low}-{user.Scope.High}:{user.OrganizationId}:{filter}";

    /// <summary>
    /// The rows of the first page tell the total when there are fewer than a page of them (an exact lookup, a narrow search);
    /// otherwise <see cref="CountAsync"/>.
    /// </summary>
    public Task<int> TotalAsync<T>(IQueryable<T> query, string key, PageRequest page, int rowsRead, CancellationToken ct) =>
        page.Skip == 0 && rowsRead < page.PageSize ? Task.FromResult(rowsRead) : CountAsync(query, key, ct);

    public async Task<int> CountAsync<T>(IQueryable<T> query, string key, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out int total)) return total;
        // not the caller's token for the count itself: other requests may be waiting on it
        return await _counting.RunAsync(key, () => CountAndKeepAsync(query, key), ct);
    }

    private async Task<int> CountAndKeepAsync<T>(IQueryable<T> query, string key)
    {
        var counted = await query.CountAsync(CancellationToken.None);
        if (counted >= CachedFrom) cache.Set(key, counted, Keep);
        return counted;
    }
}
