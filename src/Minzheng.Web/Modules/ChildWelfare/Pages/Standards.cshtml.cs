using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

/// <summary>The child-welfare standards live in the kernel figure book: this address opens its page on the child-welfare section.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class StandardsModel : PageModel
{
    public IActionResult OnGet() => Redirect("/figures?section=" + ChildStandardKinds.Module);
}
