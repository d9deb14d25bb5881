using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Rescue.Search.Pages;

/// <summary>/rescue/search/inquiries/{id}: a family inquiry, the unidentified people in station that match it, confirm or close.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
[ProblemPrefix("")]
public sealed class InquiryModel(FamilyInquiries inquiries, ICurrentUser user) : PageModel
{
    public FamilyInquiry Inquiry { get; private set; } = null!;
    public IReadOnlyList<MatchCandidate> Candidates { get; private set; } = [];
    public bool CanWork => user.HasPermission(SearchPermissions.Work);

    public async Task OnGetAsync(Guid id)
    {
        Inquiry = await inquiries.GetAsync(id, HttpContext.RequestAborted);
        Candidates = await inquiries.CandidatesForInquiryAsync(id, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid stayId, int version)
    {
        await inquiries.ConfirmAsync(id, new ConfirmInput(stayId, version, null), HttpContext.RequestAborted);
        TempData["Message"] = "已确认身份，寻亲公告已撤下";
        return Redirect($"/rescue/search/inquiries/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, int version, string? reason)
    {
        await inquiries.CloseAsync(id, new VersionInput(version, reason), HttpContext.RequestAborted);
        TempData["Message"] = "寻人登记已结束";
        return Redirect($"/rescue/search/inquiries/{id}");
    }
}
