using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace Minzheng.Web.Platform.Access;

/// <summary>A sign-in refused before the password was checked: the account's delay after its last failure has not passed.</summary>
public sealed class ThrottledSignInResult(TimeSpan retryAfter) : SignInResult
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds, at least one, for the <c>Retry-After</c> header and the message.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// A per-account delay after failed sign-ins: none after the first (a typo costs nothing), then 1, 2, 4 … at most
/// <see cref="MaxDelaySeconds"/> seconds after the 2nd, 3rd, 4th … consecutive failure; an attempt within the delay is refused (429 with <c>Retry-After</c>) without checking the password
/// and without counting towards the lockout. The lockout stays (five failures, see <c>Minzheng:Security</c>), but guessing an
/// account's password, or locking it by guessing, now takes time instead of five requests in a second; administrators see
/// failed sign-ins and lockouts on <c>/admin/users</c>. Kept in memory per instance: a restart forgets the delays, not the lockout.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxDelaySeconds = 60;

    // bounded: names that do not exist count too (else guessing names would be free), so old entries are swept
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset NotBefore)> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the account must still wait, or null when an attempt may be made now.</summary>
    public TimeSpan? Wait(string userName)
    {
        var now = time.GetUtcNow();
        return _accounts.TryGetValue(Key(userName), out var s) && s.NotBefore > now ? s.NotBefore - now : null;
    }

    public void Failed(string userName)
    {
        var now = time.GetUtcNow();
        if (_accounts.Count >= MaxEntries)
        {
            foreach (var old in _accounts.Where(a => a.Value.NotBefore.AddMinutes(15) < now).Select(a => a.Key).ToList()) _accounts.TryRemove(old, out _);
        }
        _accounts.AddOrUpdate(Key(userName), _ => (1, now), (_, s) =>
        {
            var failures = s.Failures + 1;
            return (failures, now.AddSeconds(Math.Min(MaxDelaySeconds, 1 << Math.Min(failures - 2, 10))));
        });
    }

    public void Succeeded(string userName) => _accounts.TryRemove(Key(userName), out _);

    private static string Key(string userName) => userName.Trim();
}
