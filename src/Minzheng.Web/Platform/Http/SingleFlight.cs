using System.Collections.Concurrent;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// One computation per key at a time (ADR 075): when many requests miss the same cached figure at once (a list's total, the
/// home page's counts when their minute is up), the first computes it and the others await its result instead of each scanning
/// the same rows. The first awaits without its cancellation token, so that the context it computes on outlives the work even
/// when its reader leaves; the others may leave at any time.
/// </summary>
public sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _running = new(StringComparer.Ordinal);

    public async Task<T> RunAsync(string key, Func<Task<T>> work, CancellationToken ct)
    {
        var mine = new Lazy<Task<T>>(work);
        var running = _running.GetOrAdd(key, mine);
        try
        {
            return ReferenceEquals(running, mine) ? await running.Value : await running.Value.WaitAsync(ct);
        }
        finally
        {
            if (running.Value.IsCompleted) _running.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, running));
        }
    }
}
