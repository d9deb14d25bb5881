using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// A user whose password was set or reset by an administrator must choose a new one before doing
/// anything else: pages redirect to /account/password, API calls answer 403 password_change_required.
/// </summary>
public sealed class PasswordChangeRequiredMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account/password", "/account/logout", "/css", "/js", "/favicon.svg"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(PlatformClaims.MustChangePassword, "true")
            && !Allowed.Any(a => context.Request.Path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            if (ProblemExceptionHandler.IsApi(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var pd = ProblemExceptionHandler.Create(context, 403, "password_change_required", "您的密码由管理员重置，须先修改密码", null);
                await context.Response.WriteAsJsonAsync(pd, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }
            context.Response.Redirect("/account/password");
            return;
        }
        await next(context);
    }
}
