using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Audit;

namespace Minzheng.Web.Platform.Access.Pages;

[Authorize]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入原密码")] public string Current { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "请输入新密码")] public string New { get; set; } = "";
    [BindProperty, Compare(nameof(New), ErrorMessage = "两次输入的新密码不一致")] public string Confirm { get; set; } = "";

    public bool Forced => User.HasClaim(PlatformClaims.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (New == Current)
        {
            ModelState.AddModelError(nameof(New), "新密码不能与原密码相同");
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(Current) : nameof(New), e.Description);
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await audit.RecordAsync("password_change", "access_user", user.Id.ToString(), null, user.DivisionCode);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改";
        return Redirect("/");
    }
}
