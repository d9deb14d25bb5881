using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>/geography/boundaries/{id}/archive: a line's archive (条例 第十三条) — agreements, the 界线详图, inspection reports,
/// dispute papers and every marker's photos — and the form to file a document (errors beside the fields, what was typed kept).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
[RequestSizeLimit(Platform.Files.FileStore.MaxBytes + 1024 * 1024)]
public sealed class ArchiveModel(BoundaryRegistry registry, BoundaryArchive archive, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class FileForm
    {
        public BoundaryFileKind? Kind { get; set; }
        public string? Title { get; set; }
        public DateOnly? DocumentDate { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty] public FileForm Input { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public BoundaryLineView? Line { get; private set; }
    public IReadOnlyList<BoundaryFileView> Files { get; private set; } = [];
    public bool CanFile => user.HasPermission(GeographyPermissions.Manage);

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Line = registry.View(await registry.LoadAsync(Id, ct), false);
        Files = await archive.ListAsync(Id, null, ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanFile) return Forbid();
        await using var stream = Input.File?.OpenReadStream();
        await archive.FileAsync(Id, new BoundaryFileInput { Kind = Input.Kind, Title = Input.Title, DocumentDate = Input.DocumentDate }, Input.File?.FileName, stream, HttpContext.RequestAborted);
        TempData["Message"] = "已归档";
        return Redirect($"/geography/boundaries/{Id}/archive");
    }
}
