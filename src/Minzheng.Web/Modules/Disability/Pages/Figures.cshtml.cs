using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Disability.Pages;

/// <summary>The two subsidies' standards live in the kernel figure book: this address opens its page on the disability section.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class FiguresModel : PageModel
{
    public IActionResult OnGet() => Redirect("/figures?section=" + DisabilityFigures.Module);
}
