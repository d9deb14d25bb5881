using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Disability.Fukang.Pages;

/// <summary>One 福康工程 application: the facts, the timeline, and the forms of the actions the user may take now (printable as the 签收单).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class ApplicationModel(FukangApplications applications, AppDbContext db, DivisionDirectory divisions, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public int? Version { get; set; }
        public string? Opinion { get; set; }
        public DateOnly? FittedOn { get; set; }
        public string? FittingNote { get; set; }
        public DateOnly? ConfirmedOn { get; set; }
        public string? SignedBy { get; set; } = "self";
        public string? SignerName { get; set; }
        public DateOnly? VisitedOn { get; set; }
        public bool? InUse { get; set; } = true;
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public FukangApplication Application { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public string PersonNumber { get; private set; } = "";
    public string DivisionName { get; private set; } = "";
    public IReadOnlyList<WorkflowCaseEvent> Timeline { get; private set; } = [];
    public IReadOnlyList<TransitionModel> Actions { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        // a fresh read: a refused action may have changed the tracked entity before it was refused
        db.ChangeTracker.Clear();
        Application = await applications.LoadAsync(Id, ct);
        var p = await db.Persons.AsNoTracking().Where(x => x.Id == Application.PersonId).Select(x => new { x.Name, x.IdNumberMasked, x.PlatformNumber }).FirstOrDefaultAsync(ct);
        PersonName = p?.Name ?? "";
        PersonNumber = p?.IdNumberMasked ?? p?.PlatformNumber ?? "";
        DivisionName = divisions.FullName(Application.DivisionCode);
        Timeline = await applications.TimelineAsync(Id, ct);
        Actions = await applications.AvailableAsync(Application, ct);
    }

    public async Task<IActionResult> OnPostActAsync(string action)
    {
        var a = await applications.PerformAsync(Id, action, new FukangActionInput(Input.Version, Input.Opinion, Input.FittedOn, Input.FittingNote, Input.ConfirmedOn, Input.SignedBy,
            Input.SignerName, Input.VisitedOn, Input.InUse, Input.Note), HttpContext.RequestAborted);
        TempData["Message"] = $"已办理，当前状态：{FukangProcess.StatusName(a.Status)}";
        return Redirect($"/disability/fukang/applications/{a.Id}");
    }
}
