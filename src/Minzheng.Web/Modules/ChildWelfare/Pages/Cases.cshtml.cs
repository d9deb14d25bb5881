using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class CasesModel(ChildQueries queries) : PageModel
{
    public Paged<ChildCaseRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<ChildCaseRow> Rows => Result.Items;
    public ChildCaseStatus? Status { get; private set; }
    public ChildAllowanceKind? Kind { get; private set; }

    public async Task OnGetAsync(string? status, string? kind, [FromQuery] int? page = null)
    {
        Status = Enum.TryParse<ChildCaseStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        Kind = Enum.TryParse<ChildAllowanceKind>(kind, true, out var k) && Enum.IsDefined(k) ? k : null;
        Result = await queries.CasesAsync(Status, Kind, PageRequest.From(page, 50), HttpContext.RequestAborted);
    }
}
