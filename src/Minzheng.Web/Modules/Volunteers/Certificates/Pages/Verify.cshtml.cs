using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;

namespace Minzheng.Web.Modules.Volunteers.Certificates.Pages;

/// <summary>
/// 证明核验 (/public/volunteers/certificates/{token}): the page a proof's QR code opens. Anonymous on purpose — a school or an
/// employer scans the paper without an account — and it shows only the masked name and number, the hours, the issuer and
/// whether the proof still stands. An unknown token answers 404 with the same text for every unknown token; every scan is
/// audited by <see cref="ServiceCertificates.VerifyAsync"/>.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class VerifyModel(ServiceCertificates certificates) : PageModel
{
    public CertificateVerification? Result { get; private set; }

    /// <summary>Every answer takes at least this long, so a forged token and a real one cannot be told apart by timing.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(250);

    public async Task OnGetAsync(string token)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Result = await certificates.VerifyAsync(token, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        var left = Floor - System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero) await Task.Delay(left, HttpContext.RequestAborted);
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
