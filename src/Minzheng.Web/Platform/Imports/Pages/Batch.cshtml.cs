using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Imports.Pages;

// Any signed-in user; the batch is loaded only within scope and for a user holding its kind's permission.
[Authorize]
public sealed class BatchModel(AppDbContext db, ImportService imports) : PageModel, IReloadAfterProblem
{
    public ImportBatch Batch { get; private set; } = null!;
    public IImportKind Kind { get; private set; } = null!;
    public List<string> Headers { get; private set; } = [];
    public Dictionary<string, string> Mapping { get; private set; } = [];
    public List<ImportRowError> Errors { get; private set; } = [];
    public int ErrorCount { get; private set; }

    /// <summary>Errors beyond the ones stored in full, counted per kind.</summary>
    public List<ImportErrorCount> Counted { get; private set; } = [];

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    private Dictionary<string, string?>? _postedMapping;

    public async Task<IActionResult> OnPostMapAsync(Guid id, Dictionary<string, string?> mapping)
    {
        _postedMapping = mapping;
        await imports.MapAndValidateAsync(id, mapping, HttpContext.RequestAborted);
        return Redirect($"/imports/{id}");
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, bool onlyValid)
    {
        await imports.CommitAsync(id, onlyValid, HttpContext.RequestAborted);
        return Redirect($"/imports/{id}");
    }

    /// <summary>After a refused mapping or commit: the batch again, and the mapping as the user chose it (not as stored).</summary>
    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        await LoadAsync(Guid.Parse(RouteData.Values["id"]!.ToString()!));
        if (_postedMapping is { } posted) Mapping = posted.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!);
    }

    private async Task LoadAsync(Guid id)
    {
        Batch = await imports.LoadAsync(id, HttpContext.RequestAborted);
        Kind = imports.KindOf(Batch.Kind);
        Headers = JsonSerializer.Deserialize<List<string>>(Batch.HeadersJson) ?? [];
        Mapping = ImportService.MappingOf(Batch);
        Counted = ImportErrors.CountedOf(Batch);
        ErrorCount = await db.ImportRowErrors.CountAsync(e => e.BatchId == id) + Counted.Sum(c => c.Count);
        Errors = await db.ImportRowErrors.AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.Line).ThenBy(e => e.Column).Take(200).ToListAsync();
    }
}
