using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>/geography/boundaries/markers/{id}: one marker, its findings (overdue tasks flagged) and the form to record an inspection finding.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class MarkerModel(BoundaryRegistry registry, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FindingForm
    {
        public DateOnly? FoundOn { get; set; }
        public MarkerCondition? Condition { get; set; }
        public string? Description { get; set; }
        public string? Task { get; set; }
        public DateOnly? Deadline { get; set; }
        public DateOnly? DoneOn { get; set; }
        public Guid? InspectionId { get; set; }
    }

    public sealed class DoneForm
    {
        public Guid? FindingId { get; set; }
        public DateOnly? DoneOn { get; set; }
    }

    [BindProperty] public FindingForm Input { get; set; } = new();
    [BindProperty] public DoneForm Done { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public BoundaryLineView? Line { get; private set; }
    public MarkerView? Marker { get; private set; }

    public async Task OnGetAsync()
    {
        await ReloadAfterProblemAsync(HttpContext.RequestAborted);
        Input = new FindingForm { FoundOn = clock.Today, Condition = Marker!.Condition };
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        var (line, marker) = await registry.LoadMarkerAsync(Id, ct);
        Line = registry.View(line, true);
        Marker = Line.Markers!.Single(m => m.Id == marker.Id);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await registry.AddFindingAsync(Id, new FindingInput
        {
            FoundOn = Input.FoundOn,
            Condition = Input.Condition,
            Description = Input.Description,
            Task = Input.Task,
            Deadline = Input.Deadline,
            DoneOn = Input.DoneOn,
            InspectionId = Input.InspectionId,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已记录检查发现";
        return Redirect($"/geography/boundaries/markers/{Id}");
    }

    [ProblemPrefix("Done")]
    public async Task<IActionResult> OnPostDoneAsync()
    {
        await registry.CompleteTaskAsync(Id, Done.FindingId ?? Guid.Empty, new TaskDoneInput(Done.DoneOn), HttpContext.RequestAborted);
        TempData["Message"] = "已记录维护任务完成";
        return Redirect($"/geography/boundaries/markers/{Id}");
    }
}
