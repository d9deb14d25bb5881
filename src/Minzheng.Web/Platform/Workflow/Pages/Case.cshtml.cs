using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Workflow.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.WorkflowRead)]
public sealed class CaseModel(WorkflowQueries queries, BusinessClock clock) : PageModel
{
    public CaseDetail Detail { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(Guid id) => Detail = await queries.CaseAsync(id, HttpContext.RequestAborted);
}
