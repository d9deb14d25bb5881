using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>
/// /geography/boundaries: the lines visible to the user (either side in the subtree, ADR 064), by level; for those who manage
/// lines, the form of a new line and the GeoJSON file import, the same use cases as POST /api/v1/boundaries and /import.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(BoundaryRegistry registry, ICurrentUser user) : PageModel
{
    public sealed class ImportForm
    {
        public IFormFile? File { get; set; }
    }

    // a GeoJSON of BoundaryLimits.GeoJson characters takes at most 3 bytes a character in UTF-8; more is refused before reading
    private const long MaxImportBytes = BoundaryLimits.GeoJson * 3L;

    [FromQuery] public BoundaryLevel? Level { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public BoundaryLineForm Input { get; set; } = new();
    public LineFieldsModel InputFields => new("Input", Input, ModelState);
    [BindProperty] public ImportForm Import { get; set; } = new();
    public Paged<BoundaryLineView> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);

    public async Task OnGetAsync() => Rows = await registry.ListAsync(Level is { } l && Enum.IsDefined(l) ? l : null, PageRequest.From(PageNumber, 50, 50), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var line = await registry.CreateAsync(Input.ToInput(), null, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记界线 {line.Name}";
        return Redirect($"/geography/boundaries/{line.Id}");
    }

    [ProblemPrefix("Import")]
    public async Task<IActionResult> OnPostImportAsync()
    {
        if (!CanManage) return Forbid();
        var file = Import.File;
        if (file is null || file.Length == 0) throw AppProblem.Field("file", "请选择要导入的 GeoJSON 文件（.geojson 或 .json）");
        var extension = Path.GetExtension(file.FileName);
        if (!string.Equals(extension, ".geojson", StringComparison.OrdinalIgnoreCase) && !string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
            throw AppProblem.Field("file", "只能导入 .geojson 或 .json 文件");
        if (file.Length > MaxImportBytes) throw AppProblem.Field("file", "文件过大（不超过 500,000 个字符）");
        await using var stream = file.OpenReadStream();
        using var reader = new StreamReader(stream);
        var line = await registry.ImportAsync(reader, HttpContext.RequestAborted);
        TempData["Message"] = $"已导入界线 {line.Name}（界桩 {line.Markers.Count} 个）";
        return Redirect($"/geography/boundaries/{line.Id}");
    }
}
