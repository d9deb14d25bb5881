using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Organizations.Pages;

/// <summary>Uploads an organisation list; mapping, validation by line and the commit run on the kernel's import batch page.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.OrganizationsWrite)]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
public sealed class OrganizationImportUploadModel(AppDbContext db, ImportService imports) : PageModel
{
    public List<ImportBatch> Batches { get; private set; } = [];

    public string StatusName(ImportStatus s) => ImportLabels.Of(s);

    public async Task OnGetAsync() =>
        Batches = await db.ImportBatches.AsNoTracking().Where(b => b.Kind == OrganizationImport.KindCode).OrderByDescending(b => b.CreatedAt).Take(50).ToListAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? upload)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("", "请选择要上传的文件");
            await OnGetAsync();
            return Page();
        }
        await using var stream = upload.OpenReadStream();
        var batch = await imports.UploadAsync(OrganizationImport.KindCode, upload.FileName, stream, null, HttpContext.RequestAborted);
        return Redirect($"/imports/{batch.Id}");
    }
}
