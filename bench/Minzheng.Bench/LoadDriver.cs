using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

namespace Minzheng.Bench;

/// <summary>Latencies of one timed run (warm-up excluded), summarised as a sorted array: exact percentiles, no histogram buckets.</summary>
internal sealed record LoadResult(string Scenario, string Side, int Connections, double Seconds, long Requests, long Errors, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    string? FirstError)
{
    public double PerSecond => Seconds > 0 ? Requests / Seconds : 0;

    public static LoadResult From(string scenario, string side, int connections, double seconds, List<long>[] perWorker, long errors, string? firstError)
    {
        var all = new long[perWorker.Sum(l => l.Count)];
        var i = 0;
        foreach (var list in perWorker)
        {
            list.CopyTo(all, i);
            i += list.Count;
        }
        Array.Sort(all);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        // nearest rank: the smallest latency with at least p of all requests at or below it
        double P(double p) => all.Length == 0 ? 0 : Ms(all[Math.Clamp((int)Math.Ceiling(p * all.Length) - 1, 0, all.Length - 1)]);
        return new LoadResult(scenario, side, connections, seconds, all.Length, errors, P(0.50), P(0.95), P(0.99), all.Length == 0 ? 0 : Ms(all[^1]), firstError);
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario,-14} {Side,-5} c={Connections,-3} {PerSecond,8:F0} req/s  p50 {P50Ms,7:F1}  p95 {P95Ms,7:F1}  p99 {P99Ms,7:F1}  max {MaxMs,7:F1} ms  errors {Errors}");
}

/// <summary>
/// A closed-loop load driver: N workers, each sending its next request as soon as the previous answer is read in full, for a
/// warm-up (not recorded) and then a fixed duration (recorded). Any answer other than 2xx counts as an error.
/// </summary>
internal static class LoadDriver
{
    /// <summary>HTTP GETs through one <see cref="SocketsHttpHandler"/> with exactly <paramref name="connections"/> keep-alive connections.</summary>
    public static async Task<LoadResult> HttpAsync(string scenario, Uri baseAddress, string token, int connections, TimeSpan warmUp, TimeSpan duration,
        Func<Random, string> nextPath)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false, // a redirect (to the sign-in page, say) is an error, not a second request
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var buffer = new byte[connections][];
        for (var i = 0; i < connections; i++) buffer[i] = new byte[64 * 1024];
        return await RunAsync(scenario, "http", connections, warmUp, duration, async (worker, random) =>
        {
            using var response = await client.GetAsync(nextPath(random), HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            while (await body.ReadAsync(buffer[worker]) > 0)
            {
            }
            return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        });
    }

    /// <summary>
    /// The raw bound: the same work as SQL through Npgsql, one pooled connection taken and returned per request, as the application
    /// does, with the connection settings the application adds (statements prepared per connection, no reset: ADR 080).
    /// </summary>
    public static async Task<LoadResult> SqlAsync(string scenario, string connectionString, int connections, TimeSpan warmUp, TimeSpan duration,
        Func<NpgsqlConnection, Random, Task> request)
    {
        var cs = new NpgsqlConnectionStringBuilder(Web.Platform.Data.DbContextSetup.WithPreparedStatements(connectionString)) { MaxPoolSize = connections }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(cs);
        return await RunAsync(scenario, "sql", connections, warmUp, duration, async (_, random) =>
        {
            await using var conn = await source.OpenConnectionAsync();
            await request(conn, random);
            return null;
        });
    }

    private static async Task<LoadResult> RunAsync(string scenario, string side, int connections, TimeSpan warmUp, TimeSpan duration,
        Func<int, Random, Task<string?>> request)
    {
        var latencies = new List<long>[connections];
        long errors = 0;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var list = latencies[w] = new List<long>(1 << 16);
            var random = new Random(w * 7919 + 17);
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= measureTo) break;
                string? error;
                try
                {
                    error = await request(w, random);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NpgsqlException or IOException)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                var t1 = Stopwatch.GetTimestamp();
                // a request counts where it started: those begun in the warm-up are not recorded, those begun in the window are
                if (t0 < measureFrom) continue;
                list.Add(t1 - t0);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        // the window is the duration plus the tail of the requests begun in it
        var seconds = (Stopwatch.GetTimestamp() - measureFrom) / (double)Stopwatch.Frequency;
        return LoadResult.From(scenario, side, connections, seconds, latencies, errors, firstError);
    }
}
