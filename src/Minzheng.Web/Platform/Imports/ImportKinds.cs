using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Imports;

/// <summary>A target field a file's column can fill, with the headings exports commonly use for it (the mapping step proposes them).</summary>
public sealed record ImportField(string Key, string Label, bool Required, string[] Synonyms);

/// <summary>
/// One kind of file import (registry people, a data-comparison dataset, …). The kernel runs the steps every kind shares —
/// upload, column mapping, background validation with every bad row by line, an explicit commit in one transaction — and the
/// kind supplies its fields, its row checks and its commit. Modules register their kinds as scoped services.
/// </summary>
public interface IImportKind
{
    string Kind { get; }

    /// <summary>What is imported, for titles: “人员家庭”, “公安死亡数据”.</summary>
    string Title { get; }

    /// <summary>The permission that uploads, maps, commits and reads batches of this kind.</summary>
    string Permission { get; }

    IReadOnlyList<ImportField> Fields { get; }

    /// <summary>What is skipped as a whole when only error-free data is committed: “户” (a household with any bad row) or “行”.</summary>
    string SkipUnit { get; }

    /// <summary>Whether the importer may choose to import only the error-free rows; a kind whose file is one whole register says no (nothing until clean).</summary>
    bool AllowsOnlyValidRows => true;

    /// <summary>
    /// The largest CSV file of this kind (an .xlsx keeps <see cref="Files.FileStore.MaxBytes"/>: it is read whole to open it). A
    /// comparison dataset of a million rows is a 67 MB CSV (issue 19); the registers are far smaller.
    /// </summary>
    long MaxCsvBytes => Files.FileStore.MaxBytes;

    /// <summary>Where the imported data is seen, with the link text.</summary>
    (string Href, string Text) ResultLink(ImportBatch batch);

    /// <summary>
    /// What the kind needs besides the file (a dataset's source and date), from named values of the upload (the API's form
    /// fields); errors go into <paramref name="errors"/> by name. Kinds that need nothing return null.
    /// </summary>
    object? ParametersFrom(Func<string, string?> value, ValidationErrors errors) => null;

    /// <summary>The names and meanings of the values <see cref="ParametersFrom"/> reads, for the API's description.</summary>
    IReadOnlyList<ImportField> UploadFields => [];

    /// <summary>Checks of the mapping beyond “required fields are mapped to existing columns”.</summary>
    void CheckMapping(IReadOnlyDictionary<string, string> mapping, ValidationErrors errors) { }

    /// <summary>Reads the whole file, records every bad row (replacing earlier errors) and sets the batch's counts and message.</summary>
    Task ValidateAsync(ImportBatch batch, CancellationToken ct);

    /// <summary>Validates again and writes everything in one transaction, or nothing.</summary>
    Task CommitAsync(ImportBatch batch, CancellationToken ct);
}

public static class ImportFieldGuess
{
    /// <summary>Proposes a source column for each field from the file's headers (exact heading match with a synonym).</summary>
    public static Dictionary<string, string> Guess(IEnumerable<ImportField> fields, IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, string>();
        foreach (var f in fields)
        {
            var hit = f.Synonyms.Select(s => headers.FirstOrDefault(h => string.Equals(h, s, StringComparison.Ordinal))).FirstOrDefault(h => h is not null);
            if (hit is not null) mapping[f.Key] = hit;
        }
        return mapping;
    }
}

/// <summary>The bookkeeping every kind does the same way around its own row checks.</summary>
public static class ImportSteps
{
    /// <summary>Records a validation: its errors replace the earlier ones, the counts and the message are set, and the batch is saved.</summary>
    public static Task RecordValidationAsync(Data.AppDbContext db, ImportBatch batch, IReadOnlyList<ImportRowError> errors, int totalRows, int errorRows, string message, CancellationToken ct)
    {
        var capped = new ImportErrors(batch.Id);
        foreach (var e in errors) capped.Add(e.Line, e.Column, e.Value, e.Message);
        return RecordValidationAsync(db, batch, capped, totalRows, errorRows, message, ct);
    }

    /// <summary>
    /// Records a validation: the kept errors replace the earlier ones, the rest are stored as counts per kind, and the batch
    /// is saved. The error rows are audited as one summary entry of the batch's validation, not one entry per row.
    /// </summary>
    public static async Task RecordValidationAsync(Data.AppDbContext db, ImportBatch batch, ImportErrors errors, int totalRows, int errorRows, string message, CancellationToken ct)
    {
        await db.ImportRowErrors.Where(e => e.BatchId == batch.Id).ExecuteDeleteAsync(ct);
        var kept = errors.Kept();
        if (kept.Count > 0)
        {
            db.ImportRowErrors.AddRange(kept);
            db.AuditSummaryReason = $"导入校验错误明细（批次 {batch.Id}，{batch.FileName}：共 {errors.Count} 处错误，保存前 {kept.Count} 处）";
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.AuditSummaryReason = null;
            }
            foreach (var e in kept) db.Entry(e).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        batch.ErrorOverflowJson = System.Text.Json.JsonSerializer.Serialize(errors.Counted(), Audit.AuditRecorder.Json);
        batch.TotalRows = totalRows;
        batch.ErrorRows = errorRows;
        batch.ProcessedRows = totalRows;
        batch.Status = ImportStatus.Validated;
        batch.Message = message;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a commit that found <paramref name="errorRows"/> bad rows must write nothing (the errors were not explicitly skipped).</summary>
    public static bool Refuses(ImportBatch batch, int errorRows) => errorRows > 0 && !batch.OnlyValidRows;

    /// <summary>
    /// A commit validates the file again (the data may have changed since the report was read); if errors remain that the user
    /// did not explicitly choose to skip, the batch goes back to validated and nothing is written. True when refused.
    /// </summary>
    public static async Task<bool> RefuseIfErrorsAsync(Data.AppDbContext db, ImportBatch batch, int errorRows, string skipUnit, CancellationToken ct)
    {
        if (!Refuses(batch, errorRows)) return false;
        batch.Status = ImportStatus.Validated;
        batch.ErrorRows = errorRows;
        batch.Message = $"文件仍有 {errorRows} 行错误，未导入任何数据。请修正后重新上传，或选择“仅导入无误的{skipUnit}”。";
        await db.SaveChangesAsync(ct);
        return true;
    }
}
