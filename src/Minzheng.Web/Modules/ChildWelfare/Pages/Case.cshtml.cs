using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class CaseModel(ChildAllowances allowances, AppDbContext db, DivisionDirectory divisions, WorkflowEngine workflow, WorkflowQueries queries, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? Opinion { get; set; }
        public ChildEndReason Reason { get; set; } = ChildEndReason.Adoption;
        public DateOnly? LastMonth { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public ChildAllowanceCase Case { get; private set; } = null!;
    public Person Child { get; private set; } = null!;
    public string DivisionName { get; private set; } = "";
    public List<string> Findings { get; private set; } = [];
    public List<AmountLine> Explanation { get; private set; } = [];
    /// <summary>The kernel case: its timeline, step deadline and the actions this user may take now.</summary>
    public CaseDetail Process { get; private set; } = null!;
    public List<TransitionModel> Allowed { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public bool CanReview => Allowed.Any(t => t.Action == ChildProcess.Review);
    public bool CanConfirm => Allowed.Any(t => t.Action == ChildProcess.Confirm);
    public bool CanEnd => Allowed.Any(t => t.Action == ChildProcess.End);

    public async Task OnGetAsync(Guid id)
    {
        Case = await allowances.LoadAsync(id, HttpContext.RequestAborted);
        Child = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == Case.ChildPersonId, HttpContext.RequestAborted);
        DivisionName = divisions.FullName(Case.DivisionCode);
        Findings = Case.Findings is null ? [] : JsonSerializer.Deserialize<List<string>>(Case.Findings, AuditRecorder.Json) ?? [];
        Explanation = Case.Explanation is null ? [] : JsonSerializer.Deserialize<List<AmountLine>>(Case.Explanation, AuditRecorder.Json) ?? [];
        var wf = await allowances.CaseOfAsync(Case, HttpContext.RequestAborted);
        Process = await queries.CaseAsync(wf.Id, HttpContext.RequestAborted);
        Allowed = workflow.AvailableActions(Process.Case, Process.Model).ToList();
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, int version, bool agree) =>
        RunAsync(id, () => allowances.ReviewAsync(id, agree, Input.Opinion, version, HttpContext.RequestAborted), agree ? "乡镇审核同意，已报县级认定" : "已不予通过");

    public Task<IActionResult> OnPostConfirmAsync(Guid id, int version, bool agree) =>
        RunAsync(id, () => allowances.ConfirmAsync(id, agree, Input.Opinion, version, HttpContext.RequestAborted), agree ? "已认定，次月起按标准发放" : "已不予认定");

    public Task<IActionResult> OnPostEndAsync(Guid id, int version) =>
        RunAsync(id, () => allowances.EndAsync(id, Input.Reason, Input.LastMonth, Input.Note, version, HttpContext.RequestAborted), "已停发");

    // an AppProblem is shown on the page by the ProblemPageFilter, which runs OnGetAsync again (ADR 021)
    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, string done)
    {
        await action();
        TempData["Message"] = done;
        return Redirect($"/children/cases/{id}");
    }
}
