using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>不予办理结婚登记告知书 (/marriage/refusals/{id}/print): every ground in writing, with the remedies, on the print layout.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class RefusalNoticeModel(MarriageQueries queries, PrintFooters footers) : PageModel
{
    public RefusalDto Refusal { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;

    public async Task OnGetAsync(Guid id)
    {
        Refusal = await queries.RefusalAsync(id, HttpContext.RequestAborted);
        Footer = footers.ByUnit(Refusal.Authority);
    }
}
