using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Assistance.Pages;

/// <summary>The assistance standards live in the kernel figure book: this address opens its page on the assistance section.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class StandardsModel : PageModel
{
    public IActionResult OnGet() => Redirect("/figures?section=" + Standards.StandardKinds.SectionCode);
}
