using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Imports;

namespace Minzheng.Web.Modules.Marriage.Backfill.Pages;

/// <summary>Uploads an xlsx of archive records; mapping, validation by line and the commit run on the kernel's batch page.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + BackfillPermissions.Enter)]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, ImportService imports) : PageModel
{
    public List<ImportBatch> Batches { get; private set; } = [];

    public string StatusName(ImportStatus s) => ImportLabels.Of(s);

    public async Task OnGetAsync() =>
        Batches = await db.ImportBatches.AsNoTracking().Where(b => b.Kind == BackfillImport.KindCode).OrderByDescending(b => b.CreatedAt).Take(50).ToListAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? upload)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", "请选择要上传的文件");
            await OnGetAsync();
            return Page();
        }
        await using var stream = upload.OpenReadStream();
        var batch = await imports.UploadAsync(BackfillImport.KindCode, upload.FileName, stream, null, HttpContext.RequestAborted);
        return Redirect($"/imports/{batch.Id}");
    }
}
