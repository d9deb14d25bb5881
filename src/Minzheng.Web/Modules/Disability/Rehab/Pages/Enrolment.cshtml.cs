using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Rehab.Pages;

/// <summary>One enrolled person: plan, sessions, scores (with the change since entry), and the forms to record more. 404 without the permission.</summary>
[Authorize]
public sealed class EnrolmentModel(RehabEnrolments enrolments, AppDbContext db, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public DateOnly? HeldOn { get; set; }
        public string? Type { get; set; }
        public int? Minutes { get; set; } = 60;
        public string? Staff { get; set; }
        public DateOnly? ScoredOn { get; set; }
        public int? Score { get; set; }
        public string? Assessor { get; set; }
        public string? Diagnosis { get; set; }
        public string? Goals { get; set; }
        public int? SessionsPerMonth { get; set; }
        public DateOnly? ExitedOn { get; set; }
        public string? Reason { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public RehabEnrolmentView View { get; private set; } = null!;
    public IReadOnlyList<RehabSession> Sessions { get; private set; } = [];
    public IReadOnlyList<RehabScore> Scores { get; private set; } = [];
    public RehabEnrolments.RehabScale? Scale { get; private set; }
    public bool CanSeeDiagnosis => enrolments.CanSeeDiagnosis;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync()
    {
        await ReloadAfterProblemAsync(HttpContext.RequestAborted);
        Input.Goals = View.Goals;
        Input.SessionsPerMonth = View.SessionsPerMonth;
        Input.Diagnosis = View.Diagnosis;
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        // 404 without the permission; the look is audited
        View = await enrolments.ReadAsync(Id, ct);
        Input.Version ??= View.Version;
        Sessions = await db.Set<RehabSession>().AsNoTracking().Where(s => s.EnrolmentId == Id).OrderByDescending(s => s.HeldOn).ThenBy(s => s.Id).Take(200).ToListAsync(ct);
        Scores = await db.Set<RehabScore>().AsNoTracking().Where(s => s.EnrolmentId == Id).OrderBy(s => s.ScoredOn).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        try
        {
            Scale = enrolments.ScaleOn(View.DivisionCode, clock.Today);
        }
        catch (Platform.Http.AppProblem)
        {
            // no scale in force today: the review form says so when it is used
            Scale = null;
        }
    }

    public async Task<IActionResult> OnPostSessionAsync()
    {
        await enrolments.RecordSessionAsync(Id, new RehabSessionInput(Input.HeldOn, Input.Type, Input.Minutes, Input.Staff), HttpContext.RequestAborted);
        TempData["Message"] = "已登记康复服务记录";
        return Redirect($"/disability/rehab/enrolments/{Id}");
    }

    public async Task<IActionResult> OnPostScoreAsync()
    {
        await enrolments.ReviewAsync(Id, new RehabScoreInput(Input.ScoredOn, Input.Score, Input.Assessor), HttpContext.RequestAborted);
        TempData["Message"] = "已登记复评";
        return Redirect($"/disability/rehab/enrolments/{Id}");
    }

    public async Task<IActionResult> OnPostPlanAsync()
    {
        await enrolments.UpdatePlanAsync(Id, new RehabPlanInput(CanSeeDiagnosis ? Input.Diagnosis : null, Input.Goals, Input.SessionsPerMonth, Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "已修改服务计划";
        return Redirect($"/disability/rehab/enrolments/{Id}");
    }

    public async Task<IActionResult> OnPostExitAsync()
    {
        await enrolments.ExitAsync(Id, new RehabExitInput(Input.ExitedOn, Input.Reason, Input.Note, Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "已办理退出";
        return Redirect($"/disability/rehab/enrolments/{Id}");
    }
}
