using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Web.Platform.Access.Pages;

[Authorize]
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
