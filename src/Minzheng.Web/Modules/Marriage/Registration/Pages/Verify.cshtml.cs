using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>
/// 证书核验 (/verify/marriage/{token}): the page a certificate's QR code opens. Anonymous on purpose — whoever holds the paper
/// (a bank, an employer, the holder) scans it without an account — and it shows only masked data and the validity now. An
/// unknown token answers 404 with the same page text for every unknown token; each scan is audited by the core's VerifyAsync.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class VerifyModel(MarriageCertificates certificates) : PageModel
{
    public CertificateVerification? Result { get; private set; }

    /// <summary>Every answer takes at least this long, so a forged token and a real (revoked or valid) one cannot be told apart by timing.</summary>
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
