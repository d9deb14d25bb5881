using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Citizen;

[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.SignInRateLimit)]
public sealed class RegisterModel(CitizenAccounts accounts, SignInManager<AppUser> signIn) : PageModel
{
    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await accounts.RegisterAsync(new CitizenRegistration(Input.IdNumber, Input.Name, Input.Phone, Input.Password), HttpContext.RequestAborted);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/citizen");
    }
}
