using Microsoft.AspNetCore.Identity;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Access;

public static class AccessApi
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record Me(string UserName, string DisplayName, string? DivisionCode, string[] Permissions);

    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");

        // Answers { tokenType, accessToken, expiresIn, refreshToken } (ASP.NET Core bearer tokens).
        group.MapPost("/token", async (TokenRequest request, SignInManager<AppUser> signIn, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return Problems.Result(400, "validation_failed", "请提供用户名和密码");
            }
            var user = await signIn.UserManager.FindByNameAsync(request.UserName.Trim());
            if (user is { IsDisabled: true }) return Problems.Result(401, "account_disabled", "该账号已停用");
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result is ThrottledSignInResult throttled)
            {
                http.Response.Headers.RetryAfter = throttled.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Result(429, "sign_in_throttled", $"该账号刚有登录失败，请 {throttled.RetryAfterSeconds} 秒后再试");
            }
            if (result.IsLockedOut) return Problems.Result(401, "account_locked", "密码错误次数过多，账号已锁定，请稍后再试");
            if (!result.Succeeded) return Problems.Result(401, "invalid_credentials", "用户名或密码错误");
            return TypedResults.Empty; // the sign-in above wrote the token response
        })
        .AllowAnonymous()
        .RequireRateLimiting(PlatformSetup.SignInRateLimit)
        .WithSummary("以用户名和密码换取 API 访问令牌");

        group.MapGet("/me", (ICurrentUser user, HttpContext http) => TypedResults.Ok(new Me(
            user.UserName,
            http.User.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName,
            user.DivisionCode,
            [.. http.User.FindAll(Permissions.ClaimType).Select(c => c.Value).Order()])))
            .RequireAuthorization()
            .WithSummary("当前用户、管辖范围和权限");
    }
}
