using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>One registration (/marriage/registrations/{id}): the parties, the certificates to print, and the revocation form.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class RegistrationModel(MarriageQueries queries, MarriageRegistrations registrations, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public int? Version { get; set; }
        public DateOnly? AppliedOn { get; set; }
        public string? Grounds { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public RegistrationDto Registration { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Registration = await queries.RegistrationAsync(id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        // the page is for readers; revoking is the part's own permission
        if (!user.HasPermission(RegistrationPermissions.Revoke)) return Forbid();
        await registrations.RevokeAsync(id, new RevokeMarriageInput(Input.Version, Input.AppliedOn, Input.Grounds), HttpContext.RequestAborted);
        TempData["Message"] = "已撤销该婚姻登记，双方婚姻状况已恢复，结婚证失效";
        return Redirect($"/marriage/registrations/{id}");
    }
}
