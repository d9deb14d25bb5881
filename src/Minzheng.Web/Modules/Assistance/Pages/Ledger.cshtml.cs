using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Watch;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class LedgerModel(WatchQueries watch) : PageModel
{
    public List<LedgerEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await watch.LedgerAsync(HttpContext.RequestAborted);
}
