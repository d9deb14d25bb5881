using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Minzheng.Web.Platform.Audit;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// Sign-in, failed sign-in, lockout and sign-out are audited, for the UI and the token endpoint alike; an attempt within an
/// account's delay after a failure (<see cref="SignInThrottle"/>) is refused as <see cref="ThrottledSignInResult"/> unchecked.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AuditLog audit,
    SignInThrottle throttle)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (throttle.Wait(userName) is { } wait) return new ThrottledSignInResult(wait);
        var user = await UserManager.FindByNameAsync(userName);
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded) throttle.Succeeded(userName);
        else if (!result.IsNotAllowed) throttle.Failed(userName);
        var action = result.Succeeded ? "sign_in" : result.IsLockedOut ? "sign_in_locked" : "sign_in_failed";
        await audit.RecordAsync(action, "access_user", user?.Id.ToString(),
            new { userName, channel = AuthenticationScheme == IdentityConstants.BearerScheme ? "api" : "web", known = user is not null },
            user?.DivisionCode, userName);
        return result;
    }

    public override async Task SignOutAsync()
    {
        var name = Context.User.Identity?.Name;
        var id = UserManager.GetUserId(Context.User);
        await base.SignOutAsync();
        if (name is not null) await audit.RecordAsync("sign_out", "access_user", id, null, null, name);
    }
}
