using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>
/// The rotating check-in code (pure): an HMAC of the activity id and the time window, keyed by the activity's random secret.
/// A photo of the code passed around stops working after a window or two: only the current and the previous window are
/// accepted (the previous one so a scan taken just before the code turned is not refused).
/// </summary>
public static class CheckInTokens
{
    public static long Window(DateTime utc, int seconds) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds() / Math.Max(1, seconds);

    /// <summary>"&lt;activity id N&gt;.&lt;window&gt;.&lt;mac&gt;", URL-safe.</summary>
    public static string Make(Guid activityId, string secret, DateTime utc, int seconds) => Make(activityId, secret, Window(utc, seconds));

    public static string Make(Guid activityId, string secret, long window) =>
        $"{activityId:N}.{window.ToString(CultureInfo.InvariantCulture)}.{Mac(activityId, secret, window)}";

    /// <summary>The activity a token names, without checking it (to find the secret to check it with).</summary>
    public static Guid? ActivityOf(string? token) =>
        token?.Split('.') is [var id, _, _] && Guid.TryParseExact(id, "N", out var g) ? g : null;

    public enum Outcome { Valid, Forged, Expired }

    public static Outcome Check(string token, Guid activityId, string secret, DateTime utc, int seconds)
    {
        if (token.Split('.') is not [var id, var w, var mac] || id != activityId.ToString("N")
            || !long.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var window) || secret.Length == 0)
        {
            return Outcome.Forged;
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(activityId, secret, window)))) return Outcome.Forged;
        var now = Window(utc, seconds);
        return window == now || window == now - 1 ? Outcome.Valid : Outcome.Expired;
    }

    private static string Mac(Guid activityId, string secret, long window)
    {
        var data = Encoding.ASCII.GetBytes($"{activityId:N}:{window.ToString(CultureInfo.InvariantCulture)}");
        var hash = HMACSHA256.HashData(Convert.FromBase64String(secret), data);
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
