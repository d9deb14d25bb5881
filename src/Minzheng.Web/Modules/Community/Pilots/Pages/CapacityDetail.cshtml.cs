using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>
/// /community/capacity/{id}: one township's assessment (scores, total, grade and its basis, findings) and its follow-up
/// actions; for community.oversee the edit form (with the version: a stale one shows the 409 and saves nothing), the form of
/// a new follow-up and the "done" form of each open one. Another county's assessment is 404.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class CapacityDetailModel(CapacityAssessments assessments, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FollowUpForm
    {
        public string? Action { get; set; }
        public string? Responsible { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class DoneForm
    {
        public Guid? FollowUpId { get; set; }
        public int? Version { get; set; }
        public DateOnly? DoneOn { get; set; }
        public string? Note { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public AssessForm Edit { get; set; } = new();
    [BindProperty] public FollowUpForm FollowUp { get; set; } = new();
    [BindProperty] public DoneForm Done { get; set; } = new();

    public CapacityDto? Assessment { get; private set; }
    public IReadOnlyList<ScoreLine> Lines { get; private set; } = [];
    public AssessFieldsModel EditFields => new("Edit", Edit, Lines, ModelState);
    public bool CanOversee => user.HasPermission(CommunityPermissions.Oversee);
    public DateOnly Today => clock.Today;
    public string? Posted => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].FirstOrDefault() : null;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        var a = await assessments.LoadAsync(Id, ct);
        Assessment = assessments.ToDto(a);
        Lines = [.. a.Scores.OrderBy(s => s.SortOrder).ThenBy(s => s.Code).Select(s => new ScoreLine(s.Code, s.Name, s.Group, s.MaxScore, ""))];
        if (Posted != "Edit") Edit = AssessForm.From(a);
        if (Posted != "FollowUp") FollowUp = new FollowUpForm();
    }

    [ProblemPrefix("Edit")]
    public async Task<IActionResult> OnPostEditAsync()
    {
        if (!CanOversee) return Forbid();
        await assessments.UpdateAsync(Id, Edit.ToInput(), HttpContext.RequestAborted);
        TempData["Message"] = "已保存评估";
        return Redirect($"/community/capacity/{Id}");
    }

    [ProblemPrefix("FollowUp")]
    public async Task<IActionResult> OnPostFollowUpAsync()
    {
        if (!CanOversee) return Forbid();
        await assessments.AddFollowUpAsync(Id, new FollowUpInput { Action = FollowUp.Action, Responsible = FollowUp.Responsible, DueOn = FollowUp.DueOn }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记整改事项";
        return Redirect($"/community/capacity/{Id}");
    }

    [ProblemPrefix("Done")]
    public async Task<IActionResult> OnPostDoneAsync()
    {
        if (!CanOversee) return Forbid();
        // the follow-up must be this assessment's: a key from another page is not found here
        if (Done.FollowUpId is not { } fid || (await assessments.LoadAsync(Id, HttpContext.RequestAborted)).FollowUps.All(f => f.Id != fid))
            throw AppProblem.NotFound("整改事项");
        await assessments.CompleteFollowUpAsync(fid, new FollowUpDoneInput { Version = Done.Version, DoneOn = Done.DoneOn, Note = Done.Note }, HttpContext.RequestAborted);
        TempData["Message"] = "整改事项已完成";
        return Redirect($"/community/capacity/{Id}");
    }

    public string Errors(string key) =>
        ModelState.TryGetValue(key, out var e) ? string.Join("；", e.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0)) : "";
}
