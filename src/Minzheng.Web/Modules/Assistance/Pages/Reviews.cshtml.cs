using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class ReviewsModel(ReviewService reviews, Changes.ChangeQueries changes, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool IncludeDone { get; set; }
    public Paged<ReviewRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<ReviewRow> Rows => Result.Items;

    /// <summary>Change proposals waiting for the approver (ADR 022): a household recalculated after a death, a termination asked for on a finding.</summary>
    public Paged<Changes.ChangeView> Proposals { get; private set; } = new([], 0, 1, 50);
    public bool CanComplete => user.HasPermission(AssistancePermissions.Approve);

    public string OutcomeName(ReviewOutcome? o) => o switch
    {
        ReviewOutcome.Continue => "继续保障（不调整）",
        ReviewOutcome.Adjust => "调整金额（次月起）",
        ReviewOutcome.Grace => "给予渐退期",
        ReviewOutcome.Suspend => "暂停",
        ReviewOutcome.Terminate => "终止",
        _ => "",
    };

    public async Task OnGetAsync([FromQuery] int? page = null)
    {
        Result = await reviews.QueueAsync(IncludeDone, PageRequest.From(page, 50), HttpContext.RequestAborted);
        Proposals = await changes.ListAsync(Changes.ChangeStatus.Proposed, PageRequest.From(1, 50), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, ReviewOutcome? outcome, string? reason, int version)
    {
        await reviews.CompleteAsync(id, new ReviewInput(outcome, reason, version), HttpContext.RequestAborted);
        TempData["Message"] = "复核结论已保存";
        return RedirectToPage();
    }
}
