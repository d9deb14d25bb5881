using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class CasesModel(ChildQueries queries) : PageModel
{
    public List<ChildCaseRow> Rows { get; private set; } = [];
    public ChildCaseStatus? Status { get; private set; }
    public ChildAllowanceKind? Kind { get; private set; }

    public async Task OnGetAsync(string? status, string? kind)
    {
        Status = Enum.TryParse<ChildCaseStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        Kind = Enum.TryParse<ChildAllowanceKind>(kind, true, out var k) && Enum.IsDefined(k) ? k : null;
        Rows = await queries.CasesAsync(Status, Kind, HttpContext.RequestAborted);
    }
}
