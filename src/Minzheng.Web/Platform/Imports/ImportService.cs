using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Platform.Imports;

/// <summary>The steps a clerk takes for any kind of import: upload, map columns (then validation runs), commit; each queues its work.</summary>
public sealed class ImportService(AppDbContext db, FileStore files, CurrentUser user, JobQueue jobs, IEnumerable<IImportKind> kinds)
{
    /// <summary>The kinds the current user may import.</summary>
    public IReadOnlyList<IImportKind> Permitted => [.. kinds.Where(k => user.HasPermission(k.Permission))];

    public IImportKind KindOf(string kind) => kinds.FirstOrDefault(k => k.Kind == kind) ?? throw AppProblem.NotFound("导入类型");

    public async Task<ImportBatch> UploadAsync(string fileName, Stream content, CancellationToken ct) =>
        await UploadAsync(PersonImport.KindCode, fileName, content, null, ct);

    public async Task<ImportBatch> UploadAsync(string kind, string fileName, Stream content, object? parameters, CancellationToken ct)
    {
        var k = KindOf(kind);
        if (!user.HasPermission(k.Permission)) throw AppProblem.Forbidden($"您没有导入{k.Title}的权限");
        if (!TabularFile.IsSupported(fileName)) throw AppProblem.Field("file", "请上传 .xlsx 或 .csv 文件", "import_file_type");
        if (user.DivisionCode is null) throw AppProblem.Forbidden("您的账号没有管辖范围，不能导入");
        var csv = Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        var limit = csv ? k.MaxCsvBytes : FileStore.MaxBytes;
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(fileName, content, limit, ct);
        }
        catch (AppProblem e) when (e.Code == "file_too_large")
        {
            // beside the file field, and where this kind takes a larger CSV, what to do about it
            var message = e.Detail + (!csv && k.MaxCsvBytes > FileStore.MaxBytes ? $"；数据量大时请另存为 CSV 文件（{k.MaxCsvBytes / 1024 / 1024} MB 以内）" : "");
            throw new AppProblem(413, "file_too_large", message, new Dictionary<string, string[]> { ["file"] = [message] });
        }
        IReadOnlyList<string> headers;
        try
        {
            // a CSV must be text in UTF-8 or GB18030 and every row on its own line; an xlsx must open as one
            TabularFile.Check(files.PathOf(stored), stored.FileName);
            headers = TabularFile.Headers(files.PathOf(stored), stored.FileName);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // a refused upload leaves nothing behind: neither the file nor its record
            files.Delete(stored);
            db.Entry(stored).State = EntityState.Detached;
            if (e is AppProblem) throw;
            throw AppProblem.Field("file", "无法读取文件内容，请确认是有效的 Excel（.xlsx）或 CSV 文件", "import_file_unreadable");
        }
        if (headers.Count == 0)
        {
            files.Delete(stored);
            db.Entry(stored).State = EntityState.Detached;
            throw AppProblem.Field("file", "文件第一行应为列标题", "import_no_header");
        }
        var batch = new ImportBatch
        {
            Kind = k.Kind,
            FileId = stored.Id,
            FileName = stored.FileName,
            HeadersJson = JsonSerializer.Serialize(headers),
            MappingJson = JsonSerializer.Serialize(ImportFieldGuess.Guess(k.Fields, headers)),
            ParametersJson = parameters is null ? "{}" : JsonSerializer.Serialize(parameters, Audit.AuditRecorder.Json),
            DivisionCode = user.DivisionCode,
            CreatedBy = user.UserName,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return batch;
    }

    public async Task MapAndValidateAsync(Guid id, IReadOnlyDictionary<string, string?> mapping, CancellationToken ct)
    {
        var batch = await LoadAsync(id, ct);
        var kind = KindOf(batch.Kind);
        if (batch.Status is ImportStatus.Validating or ImportStatus.Committing or ImportStatus.Committed)
        {
            throw AppProblem.Conflict("import_busy", "该批次正在处理或已导入，不能修改列对应关系");
        }
        var headers = JsonSerializer.Deserialize<List<string>>(batch.HeadersJson) ?? [];
        var errors = new ValidationErrors();
        var clean = mapping.Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value!);
        foreach (var f in kind.Fields)
        {
            if (clean.TryGetValue(f.Key, out var h) && !headers.Contains(h)) errors.Add(f.Key, $"文件中没有“{h}”列");
            if (f.Required && !clean.ContainsKey(f.Key)) errors.Add(f.Key, $"请为“{f.Label}”选择对应的列");
        }
        kind.CheckMapping(clean, errors);
        errors.ThrowIfAny();
        batch.MappingJson = JsonSerializer.Serialize(clean);
        batch.Status = ImportStatus.Validating;
        batch.Message = null;
        // Queued in the same save: the job exists exactly when the batch says "validating".
        jobs.Enqueue(ImportJob.Kind, batch.Id, new ImportJob.Payload(Commit: false));
        await db.SaveChangesAsync(ct);
    }

    public async Task CommitAsync(Guid id, bool onlyValidRows, CancellationToken ct)
    {
        var batch = await LoadAsync(id, ct);
        var kind = KindOf(batch.Kind);
        if (batch.Status != ImportStatus.Validated) throw AppProblem.Conflict("import_not_validated", "请先完成校验再导入");
        if (batch.ErrorRows > 0 && !kind.AllowsOnlyValidRows) throw AppProblem.Conflict("import_has_errors", $"文件有 {batch.ErrorRows} 行错误：{kind.Title}须全部无误才能导入，请修正后重新上传");
        if (batch.ErrorRows > 0 && !onlyValidRows) throw AppProblem.Conflict("import_has_errors", $"文件有 {batch.ErrorRows} 行错误：请修正后重新上传，或明确选择“仅导入无误的{kind.SkipUnit}”");
        if (batch.ErrorRows >= batch.TotalRows) throw AppProblem.Conflict("import_nothing_valid", "没有可导入的行");
        batch.OnlyValidRows = onlyValidRows;
        batch.Status = ImportStatus.Committing;
        jobs.Enqueue(ImportJob.Kind, batch.Id, new ImportJob.Payload(Commit: true));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A batch within the user's scope and of a kind the user may import; otherwise 404.</summary>
    public async Task<ImportBatch> LoadAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || kinds.FirstOrDefault(k => k.Kind == batch.Kind) is not { } kind || !user.HasPermission(kind.Permission)) throw AppProblem.NotFound("导入批次");
        return batch;
    }

    public static Dictionary<string, string> MappingOf(ImportBatch batch) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(batch.MappingJson) ?? [];
}
