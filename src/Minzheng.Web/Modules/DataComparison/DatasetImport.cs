using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>What the officer states about a dataset when uploading it.</summary>
public sealed record DatasetParameters(string Source, DateOnly AsOf);

/// <summary>
/// Imports one kind of external dataset through the kernel's import steps (mapping, every bad row by line, nothing written
/// before the commit, one transaction). Each row becomes a <see cref="ComparisonRecord"/>; the ID number is kept only as the
/// registry's keyed hash and a masked copy, and the uploaded file is deleted once committed. A commit makes the new dataset
/// the current version of its kind for the division (the previous one is kept, superseded).
/// </summary>
public sealed class DatasetImport(DatasetKinds.Info info, AppDbContext db, IdentifierProtector protector, FileStore files, ImportProgress progress,
    BusinessClock clock, AuditLog audit) : IImportKind
{
    public string Kind => info.ImportKind;
    public string Title => info.Name;
    public string Permission => ComparisonPermissions.Import;
    public IReadOnlyList<ImportField> Fields => info.Fields;
    public string SkipUnit => "行";

    /// <summary>A dataset is read row by row from a CSV (never whole): a million rows, 67 MB, fit (issue 19).</summary>
    public long MaxCsvBytes => FileStore.MaxLargeBytes;

    public (string Href, string Text) ResultLink(ImportBatch batch) => ("/comparison/datasets", "查看比对数据");

    public IReadOnlyList<ImportField> UploadFields { get; } =
    [
        new("source", "数据提供单位（不超过 100 字）", true, []),
        new("asOf", "数据截至日期（YYYY-MM-DD，不晚于今天）", true, []),
    ];

    /// <summary>The same checks as the datasets page: the providing office and the date the data is current to.</summary>
    public object? ParametersFrom(Func<string, string?> value, Platform.Http.ValidationErrors errors)
    {
        var source = value("source")?.Trim();
        if (string.IsNullOrEmpty(source)) errors.Add("source", "请填写数据提供单位");
        else if (source.Length > 100) errors.Add("source", "提供单位不超过 100 字");
        DateOnly? asOf = null;
        if (value("asOf") is not { } text) errors.Add("asOf", "请填写数据截至日期");
        else if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) errors.Add("asOf", "截至日期格式应为 YYYY-MM-DD");
        else if (d > clock.Today) errors.Add("asOf", "截至日期不能晚于今天");
        else asOf = d;
        return source is { Length: > 0 and <= 100 } && asOf is { } date ? new DatasetParameters(source, date) : null;
    }

    public static DatasetParameters ParametersOf(ImportBatch batch) =>
        JsonSerializer.Deserialize<DatasetParameters>(batch.ParametersJson, Platform.Audit.AuditRecorder.Json) ?? throw new InvalidOperationException("dataset batch without parameters");

    /// <summary>What reading the file found: every row, the rows with errors (each error by line, capped), the rows that passed.</summary>
    private sealed record Outcome(ImportErrors Errors, int TotalRows, int ErrorRows, int ValidRows);

    public async Task ValidateAsync(ImportBatch batch, CancellationToken ct)
    {
        progress.Start(batch.Id, "正在校验", 0);
        var outcome = await ReadAsync(batch, await FileOfAsync(batch, ct), writer: null, ct);
        await ImportSteps.RecordValidationAsync(db, batch, outcome.Errors, outcome.TotalRows, outcome.ErrorRows,
            outcome.ErrorRows == 0
                ? $"全部 {outcome.TotalRows} 行校验通过，可以导入。"
                : $"{outcome.TotalRows} 行中有 {outcome.ErrorRows} 行有错误，未导入任何数据：请修正后重新上传，或明确选择只导入无误的 {outcome.ValidRows} 行。", ct);
    }

    /// <summary>
    /// Reads and checks the file again (it is the same file, but the checks may have changed since the report was read) and
    /// writes each valid row as it is read, in one transaction (ADR 072): on PostgreSQL a binary COPY, on SQLite a prepared
    /// INSERT. When the file still has errors that the officer did not choose to skip, the transaction is rolled back and
    /// nothing is written; any failure rolls it back too. Only then is the dataset recorded and made current.
    /// </summary>
    public async Task CommitAsync(ImportBatch batch, CancellationToken ct)
    {
        var parameters = ParametersOf(batch);
        progress.Start(batch.Id, "正在导入", batch.TotalRows);
        var dataset = new ComparisonDataset
        {
            Kind = info.Kind,
            Source = parameters.Source,
            AsOf = parameters.AsOf,
            DivisionCode = batch.DivisionCode,
            ImportBatchId = batch.Id,
            FileName = batch.FileName,
            ImportedBy = batch.CreatedBy,
            ImportedAt = clock.UtcNow,
        };
        // read before the COPY starts: while it runs, the connection takes nothing else
        var file = await FileOfAsync(batch, ct);
        Outcome outcome;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var refused = false;
            await using (var writer = await DatasetRecordWriter.OpenAsync(db, dataset.Id, ct))
            {
                outcome = await ReadAsync(batch, file, writer, ct);
                // not completed, the writer abandons what it sent (the COPY is cancelled) and the rollback below removes it
                if (ImportSteps.Refuses(batch, outcome.ErrorRows)) refused = true;
                else await writer.CompleteAsync(ct);
            }
            if (refused)
            {
                await tx.RollbackAsync(ct);
            }
            else
            {
                var previous = await db.Set<ComparisonDataset>().Where(d => d.Kind == info.Kind && d.DivisionCode == batch.DivisionCode).ToListAsync(ct);
                dataset.Version = previous.Count == 0 ? 1 : previous.Max(d => d.Version) + 1;
                dataset.RowCount = outcome.ValidRows;
                foreach (var p in previous) p.Status = DatasetStatus.Superseded;
                db.Set<ComparisonDataset>().Add(dataset);
                // the rows bypass change tracking: one entry for all of them, as the audit log records set-based writes
                audit.Add("insert", "comparison_record", null, new { summary = $"导入{info.Name}（批次 {batch.Id}）", rows = outcome.ValidRows, dataset = dataset.Id }, dataset.DivisionCode);
                audit.Add("import", "comparison_dataset", dataset.Id.ToString(), new { kind = info.Code, dataset.Source, dataset.AsOf, dataset.Version, dataset.RowCount, file = batch.FileName }, dataset.DivisionCode);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        if (await ImportSteps.RefuseIfErrorsAsync(db, batch, outcome.ErrorRows, "行", ct)) return;
        batch.Status = ImportStatus.Committed;
        batch.CommittedRows = outcome.ValidRows;
        batch.ProcessedRows = outcome.TotalRows;
        batch.FinishedAt = clock.UtcNow;
        batch.Message = $"已导入{info.Name}第 {dataset.Version} 版，{outcome.ValidRows} 行" + (outcome.ErrorRows > 0 ? $"；有错误的 {outcome.ErrorRows} 行未导入。" : "。");
        await db.SaveChangesAsync(ct);
        // The file holds ID numbers in clear: once the rows are kept as hashes it is deleted.
        files.Delete(await db.Files.SingleAsync(f => f.Id == batch.FileId, ct));
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>
    /// Reads the file row by row and checks each row; with a <paramref name="writer"/> (the commit) each valid row is hashed and
    /// handed to it at once. Nothing of the file is kept but the errors (capped) and, for the duplicate check, 16 bytes per
    /// distinct row key: memory stays flat in the file's size but for that key set (≈ 40 bytes a row).
    /// </summary>
    private async Task<Outcome> ReadAsync(ImportBatch batch, StoredFile file, DatasetRecordWriter? writer, CancellationToken ct)
    {
        var mapping = ImportService.MappingOf(batch);
        var errors = new ImportErrors(batch.Id);
        var total = 0;
        var valid = 0;
        // The same person twice is normal for vehicles, houses, businesses (one row each); the same row twice is not. The key is
        // the ID number's 17 digits (the 18th follows from them) and a 64-bit hash of the row's distinguishing value: two
        // different values of one person would have to collide in 64 bits to be taken for a duplicate.
        var seen = new Dictionary<(long Id, ulong Value), int>();
        var today = clock.Today;
        // the key is set up once for the whole file, not once per row (ADR 072)
        var hasher = writer is null ? null : protector.HasherFor(ProtectedKind.IdNumber);
        foreach (var row in TabularFile.Rows(files.PathOf(file), file.FileName))
        {
            ct.ThrowIfCancellationRequested();
            total++;
            var before = errors.Count;
            string? Cell(string field) => mapping.TryGetValue(field, out var header) && row.Cells.TryGetValue(header, out var v) && v.Length > 0 ? v : null;
            void Error(string field, string? value, string message)
            {
                var column = mapping.GetValueOrDefault(field) ?? info.Fields.FirstOrDefault(f => f.Key == field)?.Label ?? field;
                if (field == "idNumber" && value is not null) value = IdNumber.Mask(value);
                errors.Add(row.Line, column, value, message);
            }
            string? Required(string field)
            {
                var v = Cell(field);
                if (v is null && info.Fields.Any(f => f.Key == field && f.Required)) Error(field, null, $"缺少{info.Fields.First(f => f.Key == field).Label}");
                return v;
            }

            var idText = Required("idNumber");
            var id = idText is null ? null : IdNumber.TryParse(idText, out var idError) is { } parsed ? parsed : Fail(idError);
            IdNumber.Parsed? Fail(string? message)
            {
                Error("idNumber", idText, message ?? "身份证号无效");
                return null;
            }
            var name = Required("name");
            if (name is { Length: > 50 }) Error("name", name, "姓名超过 50 个字");
            var eventDate = Date("eventDate");
            var endDate = Date("endDate");
            if (eventDate is { } ev && ev > today && info.Kind is DatasetKind.Deaths or DatasetKind.Detention) Error("eventDate", Cell("eventDate"), "日期晚于今天");
            if (eventDate is { } s && endDate is { } e && e < s) Error("endDate", Cell("endDate"), "截止日期早于起始日期");
            var category = Allowed("category", Required("category"));
            var status = Allowed("status", Cell("status")) ?? (info.DefaultStatus is { } d && info.Fields.Any(f => f.Key == "status") ? d : null);
            int? grade = null;
            if (Required("grade") is { } g)
            {
                grade = RegistryLabels.ParseGrade(g);
                if (grade is null) Error("grade", g, "残疾等级应为一至四级（1–4）");
            }
            if (info.Kind == DatasetKind.DisabilityCertificates && category is not null)
            {
                if (RegistryLabels.TryParse<DisabilityCategory>(category, out var c)) category = RegistryLabels.Of(c)[..^2];
                else Error("category", category, "无法识别的残疾类别（视力、听力、言语、肢体、智力、精神、多重）");
            }
            long? amount = null;
            if (Required("amount") is { } a)
            {
                if (decimal.TryParse(a.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) && yuan >= 0 && yuan < 100_000_000m && decimal.Round(yuan, 2) == yuan)
                {
                    amount = (long)(yuan * 100);
                }
                else Error("amount", a, "金额应为不小于 0 的数字（元，最多两位小数）");
            }
            var reference = Required("reference");
            if (reference is { Length: > 100 }) Error("reference", reference, "内容超过 100 个字");
            if (id is not null)
            {
                var key = (long.Parse(id.Value.Value.AsSpan(0, 17), NumberStyles.None, CultureInfo.InvariantCulture),
                    Fnv1a(reference ?? category ?? eventDate?.ToString("O", CultureInfo.InvariantCulture)));
                if (seen.TryGetValue(key, out var first)) Error("idNumber", idText, $"与第 {first} 行重复");
                else seen[key] = row.Line;
            }
            if (errors.Count == before && id is not null && name is not null)
            {
                valid++;
                if (writer is not null)
                {
                    await writer.WriteAsync(new ComparisonRecord
                    {
                        Line = row.Line,
                        IdNumberHash = hasher!.Hash(id.Value.Value),
                        IdNumberMasked = IdNumber.Mask(id.Value.Value),
                        Name = name,
                        EventDate = eventDate,
                        EndDate = endDate,
                        Category = category,
                        Status = status,
                        Grade = grade,
                        AmountFen = amount,
                        Reference = reference,
                    }, ct);
                }
            }
            if (total % 1000 == 0) progress.Report(batch.Id, total);

            DateOnly? Date(string field)
            {
                var text = field == "eventDate" || field == "endDate" ? Required(field) : Cell(field);
                if (text is null) return null;
                if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return dt;
                Error(field, text, $"日期“{text}”格式应为 YYYY-MM-DD");
                return null;
            }

            string? Allowed(string field, string? value)
            {
                if (value is null || !info.AllowedValues.TryGetValue(field, out var allowed)) return value;
                if (allowed.Contains(value)) return value;
                Error(field, value, $"“{value}”不是可识别的{info.Fields.First(f => f.Key == field).Label}（{string.Join("、", allowed)}）");
                return null;
            }
        }
        if (total == 0) errors.Add(1, "", null, "文件没有数据行");
        return new Outcome(errors, total, total == 0 ? 1 : errors.ErrorRows, valid);
    }

    private Task<StoredFile> FileOfAsync(ImportBatch batch, CancellationToken ct) => db.Files.AsNoTracking().SingleAsync(f => f.Id == batch.FileId, ct);

    /// <summary>FNV-1a over the UTF-16 code units; null (no distinguishing value) is 0, which no string hashes to in practice.</summary>
    private static ulong Fnv1a(string? value)
    {
        if (value is null) return 0;
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
