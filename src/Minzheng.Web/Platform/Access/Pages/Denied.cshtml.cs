using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Web.Platform.Access.Pages;

public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
