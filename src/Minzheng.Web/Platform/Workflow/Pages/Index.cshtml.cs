using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Workflow.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.WorkflowRead)]
public sealed class IndexModel(WorkflowQueries queries) : PageModel
{
    public Paged<CaseListItem> Overdue { get; private set; } = new([], 0, 1, 20);
    public List<WorkflowProcess> Definitions { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int? page)
    {
        Overdue = await queries.OverdueAsync(PageRequest.From(page, 20), HttpContext.RequestAborted);
        Definitions = await queries.CurrentDefinitionsAsync(HttpContext.RequestAborted);
    }
}
