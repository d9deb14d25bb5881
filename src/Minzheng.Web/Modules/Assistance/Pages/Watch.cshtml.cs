using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class WatchModel(WatchQueries watch) : PageModel
{
    public Paged<WatchEntry> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<WatchEntry> Entries => Result.Items;

    public string RiskName(RiskLevel r) => r switch { RiskLevel.High => "高风险", RiskLevel.Medium => "中风险", _ => "低风险" };

    public async Task OnGetAsync([FromQuery] int? page = null) => Result = (await watch.WatchListAsync(HttpContext.RequestAborted)).ToPaged(PageRequest.From(page, 50));

    public async Task<IActionResult> OnPostAsync(Guid householdId, DateOnly? visitedOn, string? visitor, RiskLevel? risk, string? note)
    {
        await watch.AddFollowUpAsync(householdId, new FollowUpInput(visitedOn, visitor, risk, note), HttpContext.RequestAborted);
        TempData["Message"] = "走访已登记";
        return RedirectToPage();
    }
}
