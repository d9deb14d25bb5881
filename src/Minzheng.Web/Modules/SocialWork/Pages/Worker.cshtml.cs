using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/workers/{id}: a social worker, the exam record with each subject passed or not, the derived level, and the form to add a score.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class WorkerModel(Staff staff, AppDbContext db, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed class ExamForm
    {
        public int? Year { get; set; }
        public string? Subject { get; set; }
        public decimal? Score { get; set; }
    }

    [BindProperty] public ExamForm Input { get; set; } = new();
    public SocialWorker Worker { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public IReadOnlyList<SocialWorkExamAttempt> Exams { get; private set; } = [];
    public ExamRules.Outcome Outcome { get; private set; } = null!;
    public bool CanWrite => user.HasPermission(SocialWorkPermissions.Write);
    public int ThisYear => clock.Today.Year;

    public bool Passed(SocialWorkExamAttempt a) => ExamRules.Passed(a.Score, staff.PassMark(Worker.DivisionCode, a.Year));

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Worker = await staff.GetAsync(id, ct);
        Name = (await db.PersonNamesAsync([Worker.PersonId], ct)).GetValueOrDefault(Worker.PersonId) ?? "";
        Exams = await staff.ExamsAsync(id, ct);
        Outcome = await staff.OutcomeAsync(Worker, null, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await staff.AddExamAsync(id, new ExamInput { Year = Input.Year, Subject = Input.Subject, Score = Input.Score }, HttpContext.RequestAborted);
        TempData["Message"] = "成绩已登记";
        return Redirect($"/socialwork/workers/{id}");
    }
}
