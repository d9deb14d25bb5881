namespace Minzheng.Web.Platform.Http;

/// <summary>
/// Security headers on every response (GB/T 22239 level 3 / OWASP): a CSP without inline script,
/// no MIME sniffing, no framing, no referrer leaks. The API reference page (/scalar) ships inline
/// bootstrap script, so it alone gets a CSP that allows it.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    private const string ScalarCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["Content-Security-Policy"] = context.Request.Path.StartsWithSegments("/scalar") ? ScalarCsp : Csp;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "same-origin";
            // a page that needs one of these features for itself (the caregiver's phone page: geolocation) sets its own policy
            if (!h.ContainsKey("Permissions-Policy")) h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
            {
                h.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
