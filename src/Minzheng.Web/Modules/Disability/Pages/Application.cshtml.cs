using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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

namespace Minzheng.Web.Modules.Disability.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class ApplicationModel(SubsidyApplications applications, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, WorkflowEngine workflow, WorkflowQueries queries) : PageModel
{
    public sealed class FormInput
    {
        public string? Opinion { get; set; }
        public int? CertificateGeneration { get; set; } = 3;
        public DateOnly? CertificateValidUntil { get; set; }
        public TerminationReason Reason { get; set; } = TerminationReason.Death;
        public DateOnly? EventDate { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public SubsidyApplication Application { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public string DivisionName { get; private set; } = "";
    /// <summary>The kernel case: its timeline, step deadline and the actions this user may take now.</summary>
    public CaseDetail Process { get; private set; } = null!;
    public List<TransitionModel> Allowed { get; private set; } = [];
    public List<string> Findings { get; private set; } = [];
    public List<AmountLine> Explanation { get; private set; } = [];
    public DateOnly Today => clock.Today;

    /// <summary>The step this user may do now, or null.</summary>
    public string? Step => DisabilityProcess.ForwardAction(Application.Status) is { } forward && Allowed.FirstOrDefault(t => t.Action == forward) is { } t
        ? t.Action == DisabilityProcess.VerifyCertificate ? t.ActionName + "（核对残疾人证）" : t.ActionName
        : null;

    public bool CanTerminate => Allowed.Any(t => t.Action == DisabilityProcess.Terminate);

    public bool CanResume => Allowed.Any(t => t.Action == DisabilityProcess.Resume);

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Application = await applications.LoadAsync(id, ct);
        Person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == Application.PersonId, ct);
        DivisionName = divisions.FullName(Application.DivisionCode);
        var wf = await applications.CaseOfAsync(Application, ct);
        Process = await queries.CaseAsync(wf.Id, ct);
        Allowed = workflow.AvailableActions(Process.Case, Process.Model).ToList();
        Findings = Application.Findings is null ? [] : JsonSerializer.Deserialize<List<string>>(Application.Findings, AuditRecorder.Json) ?? [];
        Explanation = Application.Explanation is null ? [] : JsonSerializer.Deserialize<List<AmountLine>>(Application.Explanation, AuditRecorder.Json) ?? [];
    }

    public Task<IActionResult> OnPostStepAsync(Guid id, int version, bool agree) =>
        RunAsync(id, () => applications.StepAsync(id, new SubsidyStepInput(agree, Input.Opinion, version, Input.CertificateGeneration, Input.CertificateValidUntil), HttpContext.RequestAborted), agree ? "已办理" : "已不予通过");

    public Task<IActionResult> OnPostTerminateAsync(Guid id, int version) =>
        RunAsync(id, () => applications.TerminateAsync(id, Input.Reason, Input.EventDate, Input.Note, version, HttpContext.RequestAborted), "已停发");

    public Task<IActionResult> OnPostResumeAsync(Guid id, int version) =>
        RunAsync(id, () => applications.ResumeAsync(id, version, HttpContext.RequestAborted), "已恢复发放，次月起按现行标准发放");

    // an AppProblem is shown on the page by the ProblemPageFilter, which runs OnGetAsync again (ADR 021)
    private async Task<IActionResult> RunAsync(Guid id, Func<Task<SubsidyApplication>> action, string done)
    {
        var a = await action();
        // the clerk sees where the application went: "已办理，现为：待乡镇审核"
        TempData["Message"] = $"{done}，现为：{IndexModel.StatusName(a.Status)}";
        return Redirect($"/disability/{id}");
    }

    public static string ReasonName(TerminationReason r) => r switch
    {
        TerminationReason.Death => "死亡",
        TerminationReason.HukouMovedOut => "户籍迁出",
        TerminationReason.LeftDibao => "退出低保（生活补贴）",
        TerminationReason.CertificateChanged => "残疾等级变更、残疾人证过期或注销",
        TerminationReason.ExtremePoverty => "纳入特困人员救助供养",
        TerminationReason.WorkInjuryCare => "领取工伤保险生活护理费",
        _ => "其他",
    };
}
