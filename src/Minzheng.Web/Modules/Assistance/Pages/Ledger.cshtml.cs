using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class LedgerModel(WatchQueries watch) : PageModel
{
    public Paged<LedgerEntry> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<LedgerEntry> Entries => Result.Items;

    public async Task OnGetAsync([FromQuery] int? page) => Result = (await watch.LedgerAsync(HttpContext.RequestAborted)).ToPaged(PageRequest.From(page, 50));
}
