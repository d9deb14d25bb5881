using Microsoft.EntityFrameworkCore;

namespace Minzheng.Web.Platform.Http;

/// <summary>A page of a server-side list: <c>{ items, total }</c> (plus the page it is, for pagers).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The same page with its rows turned into what the caller shows or returns.</summary>
    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, Page, PageSize);
}

/// <summary><c>?page=&amp;pageSize=</c> of every list (ADR 021): page from 1, at most <see cref="MaxPageSize"/> rows.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static PageRequest From(int? page, int? pageSize, int defaultSize = 20) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}

public static class PagingExtensions
{
    /// <summary>Counts the query and reads one page of it; the query must be ordered (a stable order, ending on a key).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<T>(items, total, page.Page, page.PageSize);
    }

    /// <summary>One page of a list computed in memory (a rule evaluated per row, e.g. alerts), in the list's order.</summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyList<T> all, PageRequest page) =>
        new(all.Skip(page.Skip).Take(page.PageSize).ToList(), all.Count, page.Page, page.PageSize);
}
