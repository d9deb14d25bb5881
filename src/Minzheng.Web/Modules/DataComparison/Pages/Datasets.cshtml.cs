using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.DataComparison.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ComparisonPermissions.Read)]
[RequestSizeLimit(FileStore.MaxLargeRequestBytes)]
[UploadLimit]
public sealed class DatasetsModel(AppDbContext db, ImportService imports, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? Kind { get; set; }
        public string? Source { get; set; }
        public DateOnly? AsOf { get; set; }

        /// <summary>Only for showing the file's error beside its field.</summary>
        public string? File { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<ComparisonDataset> Datasets { get; private set; } = [];
    public List<ImportBatch> Pending { get; private set; } = [];
    public bool CanImport => user.HasPermission(ComparisonPermissions.Import);
    public string NameOf(string code) => divisions.NameOf(code);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Datasets = await db.Set<ComparisonDataset>().AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.DivisionCode).ThenByDescending(d => d.Version).Take(300).ToListAsync(ct);
        var kinds = DatasetKinds.All.Select(k => k.ImportKind).ToList();
        Pending = CanImport
            ? await db.ImportBatches.AsNoTracking().Where(b => kinds.Contains(b.Kind) && b.Status != ImportStatus.Committed).OrderByDescending(b => b.CreatedAt).Take(20).ToListAsync(ct)
            : [];
        Input.AsOf ??= clock.Today;
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload)
    {
        var errors = new ValidationErrors();
        var kind = DatasetKinds.FindCode(Input.Kind);
        if (kind is null) errors.Add("kind", "请选择数据类型");
        if (string.IsNullOrWhiteSpace(Input.Source)) errors.Add("source", "请填写数据提供单位");
        else if (Input.Source.Trim().Length > 100) errors.Add("source", "提供单位不超过 100 字");
        if (Input.AsOf is not { } asOf) errors.Add("asOf", "请填写数据截至日期");
        else if (asOf > clock.Today) errors.Add("asOf", "截至日期不能晚于今天");
        if (upload is null || upload.Length == 0) errors.Add("file", "请选择要上传的文件");
        errors.ThrowIfAny();
        await using var stream = upload!.OpenReadStream();
        var batch = await imports.UploadAsync(kind!.ImportKind, upload.FileName, stream, new DatasetParameters(Input.Source!.Trim(), Input.AsOf!.Value), HttpContext.RequestAborted);
        return Redirect($"/imports/{batch.Id}");
    }
}
