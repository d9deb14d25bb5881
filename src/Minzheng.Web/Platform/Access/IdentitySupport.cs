using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Minzheng.Web.Platform.Access;

/// <summary>Adds the division and display name to the sign-in principal; role permission claims come from the base factory.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaims.Division, user.DivisionCode));
        if (user.OrganizationId is { } organization) identity.AddClaim(new Claim(PlatformClaims.Organization, organization.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PlatformClaims.MustChangePassword, "true"));
        return identity;
    }
}

/// <summary>
/// GB/T 22239 level 3 password complexity: at least 8 characters using 3 of the 4 classes
/// (upper case, lower case, digit, symbol).
/// </summary>
public sealed class ThreeOfFourPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
            + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0)
            + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return Task.FromResult(classes >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "password_too_simple", Description = "密码须包含大写字母、小写字母、数字、符号中的至少三类" }));
    }
}

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已存在" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字和 . _ -" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };
    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色“{role}”已存在" };
}
