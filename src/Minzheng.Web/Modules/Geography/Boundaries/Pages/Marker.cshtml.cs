using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>/geography/boundaries/markers/{id}: one marker, its findings (overdue tasks flagged), its photos and the forms to record an inspection finding and add a photo.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
[RequestSizeLimit(Platform.Files.FileStore.MaxBytes + 1024 * 1024)]
public sealed class MarkerModel(BoundaryRegistry registry, BoundaryArchive archive, BusinessClock clock, ICurrentUser user) : PageModel, IReloadAfterProblem
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

    public sealed class PhotoForm
    {
        public string? Title { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty] public FindingForm Input { get; set; } = new();
    [BindProperty] public PhotoForm Photo { get; set; } = new();
    public IReadOnlyList<BoundaryFileView> Photos { get; private set; } = [];

    /// <summary>Findings, tasks and photos are the manager's (the API asks the same permission); a reader sees no forms.</summary>
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);
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
        Photos = await archive.ListAsync(line.Id, marker.Id, ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
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
        if (!CanManage) return Forbid();
        await registry.CompleteTaskAsync(Id, Done.FindingId ?? Guid.Empty, new TaskDoneInput(Done.DoneOn), HttpContext.RequestAborted);
        TempData["Message"] = "已记录维护任务完成";
        return Redirect($"/geography/boundaries/markers/{Id}");
    }

    [ProblemPrefix("Photo")]
    public async Task<IActionResult> OnPostPhotoAsync()
    {
        if (!CanManage) return Forbid();
        await using var stream = Photo.File?.OpenReadStream();
        await archive.AddPhotoAsync(Id, Photo.Title, Photo.File?.FileName, stream, HttpContext.RequestAborted);
        TempData["Message"] = "已上传界桩照片";
        return Redirect($"/geography/boundaries/markers/{Id}");
    }
}
