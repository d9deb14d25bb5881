using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Access.Pages;

[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.SignInRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, PlatformOptions options) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => options.DemoSeed;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "该账号已停用，请联系管理员");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result is ThrottledSignInResult throttled)
        {
            ModelState.AddModelError("", $"该账号刚有登录失败，请 {throttled.RetryAfterSeconds} 秒后再试");
            return Page();
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "密码错误次数过多，账号已锁定，请稍后再试或联系管理员解锁"
            : "用户名或密码错误");
        return Page();
    }
}
