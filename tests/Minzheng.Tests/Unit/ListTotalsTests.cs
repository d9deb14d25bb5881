using Microsoft.Extensions.Caching.Memory;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Tests.Unit;

/// <summary>Issue 19, item 4 (ADR 075): a cached figure is computed once however many ask at once; a short first page is its own total.</summary>
public sealed class ListTotalsTests
{
    [Fact]
    public async Task Callers_that_miss_together_share_one_computation()
    {
        var flight = new SingleFlight<int>();
        var runs = 0;
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> Work()
        {
            Interlocked.Increment(ref runs);
            return release.Task;
        }
        var callers = Enumerable.Range(0, 8).Select(_ => flight.RunAsync("k", Work, CancellationToken.None)).ToArray();
        release.SetResult(42);
        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(1, runs);

        // once it is done, the next miss computes again (the result is kept by the cache, not here)
        Assert.Equal(7, await flight.RunAsync("k", () => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task A_waiter_that_leaves_does_not_fail_the_others()
    {
        var flight = new SingleFlight<int>();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = flight.RunAsync("k", () => release.Task, CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var second = flight.RunAsync("k", () => Task.FromResult(-1), leaving.Token);
        var third = flight.RunAsync("k", () => Task.FromResult(-1), CancellationToken.None);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        release.SetResult(5);
        Assert.Equal(5, await first);
        Assert.Equal(5, await third);
    }

    [Fact]
    public async Task A_first_page_shorter_than_a_page_is_the_total_without_a_count()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var totals = new ListTotals(cache);
        // a query that fails if anything runs it: the total must come from the rows read
        var never = new ThrowingQuery().AsQueryable();
        Assert.Equal(3, await totals.TotalAsync(never, "k", new PageRequest(1, 20), rowsRead: 3, CancellationToken.None));
        Assert.Equal(0, await totals.TotalAsync(never, "k", new PageRequest(1, 20), rowsRead: 0, CancellationToken.None));
        // a full first page, or a later page, needs the count
        await Assert.ThrowsAsync<InvalidOperationException>(() => totals.TotalAsync(never, "k", new PageRequest(1, 20), rowsRead: 20, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => totals.TotalAsync(never, "k", new PageRequest(2, 20), rowsRead: 3, CancellationToken.None));
    }

    private sealed class ThrowingQuery : IEnumerable<int>
    {
        public IEnumerator<int> GetEnumerator() => throw new InvalidOperationException("counted");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
