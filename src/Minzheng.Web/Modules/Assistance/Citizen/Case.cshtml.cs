using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Citizen;

/// <summary>The applicant's view of their own case: progress, decisions with reasons, notices, materials, withdrawal.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CitizenApply)]
// the upload's size is UploadLimitFilter's, for every form with files
public sealed class CaseModel(CitizenAccounts accounts, AssistanceCases cases, AttachMaterial attachments, AppDbContext db) : PageModel
{
    public AssistanceCase Case { get; private set; } = null!;
    public string StateName => CaseQueries.StateName(Case.Program, Case.State);
    public List<WorkflowCaseEvent> Timeline { get; private set; } = [];
    public List<AssistanceDocument> Documents { get; private set; } = [];
    public bool Open => !AssistanceProcesses.IsClosed(Case.State);
    public bool CanWithdraw => Case.State is AssistanceProcesses.Submitted or AssistanceProcesses.Investigating;

    /// <summary>By when the township must act on the current step (受理 while the application waits), from the workflow's deadline.</summary>
    public DateOnly? StepDueDate { get; private set; }

    public string StepDueLabel => Case.State == AssistanceProcesses.Submitted ? "乡镇（街道）应受理或告知不予受理" : "本环节应办结";

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, int version)
    {
        await accounts.MyCaseAsync(id, HttpContext.RequestAborted);
        return await Act(id, () => cases.PerformAsync(id, "withdraw", new ActionInput { Opinion = "申请人在网上撤回申请", Version = version }, HttpContext.RequestAborted), "申请已撤回");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file)
    {
        if (file is null || file.Length == 0) throw AppProblem.Field("file", "请选择要上传的文件");
        await using var stream = file.OpenReadStream();
        return await Act(id, () => accounts.UploadAsync(id, file.FileName, stream, attachments, HttpContext.RequestAborted), "材料已上传");
    }

    private async Task<IActionResult> Act(Guid id, Func<Task> action, string done)
    {
        await action();
        TempData["Message"] = done;
        return Redirect($"/citizen/cases/{id}");
    }

    private async Task LoadAsync(Guid id)
    {
        Case = await accounts.MyCaseAsync(id, HttpContext.RequestAborted);
        Timeline = await db.WorkflowCaseEvents.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(e => e.CaseId == Case.WorkflowCaseId).OrderBy(e => e.At).ToListAsync();
        StepDueDate = await accounts.StepDueDateAsync(Case, HttpContext.RequestAborted);
        Documents = await db.Set<AssistanceDocument>().AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.IssuedAt).ToListAsync();
    }
}
