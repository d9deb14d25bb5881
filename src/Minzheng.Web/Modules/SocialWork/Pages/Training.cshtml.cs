using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/trainings/{id}: one training, its participants with attendance and this year's exam result, the pass rate, and the participant picker.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class TrainingModel(Trainings trainings, AppDbContext db, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public sealed class ParticipantForm
    {
        public Guid? WorkerId { get; set; }
    }

    [BindProperty] public ParticipantForm Participant { get; set; } = new();
    public SocialWorkTraining Training { get; private set; } = null!;
    public IReadOnlyList<TrainingResult> Results { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> Candidates { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool CanTrain => user.HasPermission(SocialWorkPermissions.Trainings);
    public int Sat => Results.Count(r => r.Sat);
    public int Passed => Results.Count(r => r.Passed);
    public string PassRate => Sat == 0 ? "—" : $"{100.0 * Passed / Sat:0.#}%";

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Training = await trainings.GetAsync(id, ct);
        Results = [.. (await trainings.ResultsAsync([Training], ct)).Select(r => r.Result)];
        Names = await db.PersonNamesAsync(Results.Select(r => (Guid?)r.Participant.PersonId), ct);
        if (CanTrain) Candidates = await trainings.CandidatesAsync(Training, ct);
    }

    [ProblemPrefix("Participant")]
    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        await trainings.AddParticipantAsync(id, new ParticipantInput { WorkerId = Participant.WorkerId }, HttpContext.RequestAborted);
        TempData["Message"] = "学员已添加";
        return Redirect($"/socialwork/trainings/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid participantId)
    {
        await trainings.RemoveParticipantAsync(id, participantId, HttpContext.RequestAborted);
        TempData["Message"] = "学员已移除";
        return Redirect($"/socialwork/trainings/{id}");
    }

    public async Task<IActionResult> OnPostAttendAsync(Guid id, Guid participantId, bool attended)
    {
        await trainings.SetAttendanceAsync(id, participantId, new AttendanceInput { Attended = attended }, HttpContext.RequestAborted);
        TempData["Message"] = attended ? "已登记出勤" : "已取消出勤";
        return Redirect($"/socialwork/trainings/{id}");
    }
}
