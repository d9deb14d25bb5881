using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Naming.Pages;

/// <summary>
/// /geography/applications/{id}: one application with the art. 9 check result stored at submission, the facts, each step's
/// record and the filing and announcement deadlines; one form per step the officer may take now, each with the version it
/// was shown (a stale form shows 409 and keeps what was typed); a field error is shown beside the field of its own form.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class DetailModel(NamingApplications apps, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class StepForm
    {
        public int? Version { get; set; }
        public string? Opinion { get; set; }
        public string? ProposedName { get; set; }
        public DateOnly? ConsultationFrom { get; set; }
        public DateOnly? ConsultationUntil { get; set; }
        public string? ApprovingAuthority { get; set; }
        public string? ApprovalDocument { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public DateOnly? FiledOn { get; set; }
        public string? FiledWith { get; set; }
        public DateOnly? AnnouncedOn { get; set; }
    }

    [BindProperty] public StepForm Review { get; set; } = new();
    [BindProperty] public StepForm Close { get; set; } = new();
    [BindProperty] public StepForm Approve { get; set; } = new();
    [BindProperty] public StepForm SendBack { get; set; } = new();
    [BindProperty] public StepForm Resubmit { get; set; } = new();
    [BindProperty] public StepForm Filing { get; set; } = new();
    [BindProperty] public StepForm Announcement { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public NamingDto? Application { get; private set; }
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);

    public async Task OnGetAsync() => Fill(Application = await apps.DtoAsync(Id, HttpContext.RequestAborted));

    /// <summary>After a failed step the posted form keeps what was typed (and its version: a stale one stays stale); the others are filled again.</summary>
    public async Task ReloadAfterProblemAsync(CancellationToken ct) => Fill(Application = await apps.DtoAsync(Id, ct));

    private void Fill(NamingDto a)
    {
        var today = clock.Today;
        foreach (var f in new[] { Review, Close, Approve, SendBack, Resubmit, Filing, Announcement }) f.Version ??= a.Version;
        Review.ConsultationFrom ??= today;
        if (string.IsNullOrEmpty(Approve.ApprovingAuthority)) Approve.ApprovingAuthority = a.SuggestedAuthority;
        Approve.ApprovedOn ??= today;
        Filing.FiledOn ??= today;
        Announcement.AnnouncedOn ??= today;
    }

    [ProblemPrefix("Review")] public Task<IActionResult> OnPostReviewAsync() => StepAsync(NamingProcess.Review, Review, "专家论证意见已记录，开始征求社会公众意见");
    [ProblemPrefix("Close")] public Task<IActionResult> OnPostCloseAsync() => StepAsync(NamingProcess.CloseConsultation, Close, "征求意见已结束，待批准");
    [ProblemPrefix("Approve")] public Task<IActionResult> OnPostApproveAsync() => StepAsync(NamingProcess.Approve, Approve, "已记录批准");
    [ProblemPrefix("SendBack")] public Task<IActionResult> OnPostSendBackAsync() => StepAsync(NamingProcess.SendBack, SendBack, "已退回重新拟名");
    [ProblemPrefix("Resubmit")] public Task<IActionResult> OnPostResubmitAsync() => StepAsync(NamingProcess.Resubmit, Resubmit, "已提出新名称，重新进行第九条检查");
    [ProblemPrefix("Filing")] public Task<IActionResult> OnPostFileAsync() => StepAsync(NamingProcess.File, Filing, "已记录备案");
    [ProblemPrefix("Announcement")] public Task<IActionResult> OnPostAnnounceAsync() => StepAsync(NamingProcess.Announce, Announcement, "已记录公告，标准地名已发布");

    private async Task<IActionResult> StepAsync(string action, StepForm f, string done)
    {
        if (!CanManage) return Forbid();
        await apps.StepAsync(Id, action, new NamingStepInput
        {
            Version = f.Version,
            Opinion = f.Opinion,
            ProposedName = f.ProposedName,
            ConsultationFrom = f.ConsultationFrom,
            ConsultationUntil = f.ConsultationUntil,
            ApprovingAuthority = f.ApprovingAuthority,
            ApprovalDocument = f.ApprovalDocument,
            ApprovedOn = f.ApprovedOn,
            FiledOn = f.FiledOn,
            FiledWith = f.FiledWith,
            AnnouncedOn = f.AnnouncedOn,
        }, HttpContext.RequestAborted);
        TempData["Message"] = done;
        return Redirect($"/geography/applications/{Id}");
    }
}
