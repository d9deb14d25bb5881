using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>
/// Imports archive records typed elsewhere (an xlsx from the archive room) through the kernel's import steps: every row is
/// checked by the same rules as the entry form (<see cref="HistoricalRecords.Build"/>), duplicates within the file and against
/// the records already entered are reported by line, and nothing is written while errors remain unless the clerk explicitly
/// chooses to import only the error-free rows. Imported records are “entered” by the importer and wait for another clerk's check.
/// </summary>
public sealed class BackfillImport(AppDbContext db, HistoricalRecords records, ImportProgress progress, BusinessClock clock, FileStore files) : IImportKind
{
    public const string KindCode = "marriage.backfill";

    private static ImportField[] PartyFields(string key, string label) =>
    [
        new($"{key}Name", $"{label}姓名", true, [$"{label}姓名", $"{label}名字"]),
        new($"{key}Sex", $"{label}性别", true, [$"{label}性别"]),
        new($"{key}IdNumber", $"{label}身份证号", false, [$"{label}身份证号", $"{label}公民身份号码", $"{label}证件号码"]),
        new($"{key}Anomaly", $"{label}异常情况", false, [$"{label}异常情况", $"{label}异常代码", $"{label}异常情况代码"]),
        new($"{key}Birth", $"{label}出生日期", false, [$"{label}出生日期", $"{label}出生年月"]),
        new($"{key}Ethnicity", $"{label}民族", false, [$"{label}民族"]),
        new($"{key}Nationality", $"{label}国籍", false, [$"{label}国籍"]),
        new($"{key}Occupation", $"{label}职业", false, [$"{label}职业"]),
        new($"{key}Marital", $"{label}登记前婚姻状况", false, [$"{label}登记前婚姻状况", $"{label}婚姻状况"]),
    ];

    public static readonly IReadOnlyList<ImportField> AllFields =
    [
        new("archiveNumber", "档案号", true, ["档案号", "档号", "档案编号"]),
        new("registeredOn", "登记日期", true, ["登记日期", "登记时间"]),
        new("registry", "登记机关", true, ["登记机关", "婚姻登记机关", "登记处"]),
        new("divisionCode", "登记机关所属县级区划代码", false, ["登记机关所属县级区划代码", "区划代码", "县级区划代码"]),
        new("type", "登记类别", true, ["登记类别", "类别", "业务类型"]),
        .. PartyFields("a", "甲方"),
        .. PartyFields("b", "乙方"),
        new("note", "备注", false, ["备注", "说明"]),
    ];

    public string Kind => KindCode;

    public string Title => "历史婚姻登记档案";

    public string Permission => BackfillPermissions.Enter;

    public IReadOnlyList<ImportField> Fields => AllFields;

    public string SkipUnit => "行";

    public (string Href, string Text) ResultLink(ImportBatch batch) => ("/marriage/backfill", "查看补录进度");

    private sealed record Outcome(List<ImportRowError> Errors, int TotalRows, int ErrorRows, List<HistoricalMarriageRecord> Valid);

    public async Task ValidateAsync(ImportBatch batch, CancellationToken ct)
    {
        var o = await AnalyseAsync(batch, ct);
        await ImportSteps.RecordValidationAsync(db, batch, o.Errors, o.TotalRows, o.ErrorRows,
            o.ErrorRows == 0 ? $"全部 {o.TotalRows} 行校验通过，可以导入。" : $"{o.TotalRows} 行中有 {o.ErrorRows} 行有错误：请修正后重新上传，或明确选择仅导入无误的行。", ct);
    }

    public async Task CommitAsync(ImportBatch batch, CancellationToken ct)
    {
        var o = await AnalyseAsync(batch, ct);
        if (await ImportSteps.RefuseIfErrorsAsync(db, batch, o.ErrorRows, SkipUnit, ct)) return;
        progress.Start(batch.Id, "正在导入", o.Valid.Count);
        await records.SuggestLinksAsync(o.Valid, ct);
        var count = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var r in o.Valid)
            {
                r.ImportBatchId = batch.Id;
                db.Add(r);
                if (++count % 500 == 0)
                {
                    await db.SaveChangesAsync(ct);
                    progress.Report(batch.Id, count);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        batch.Status = ImportStatus.Committed;
        batch.CommittedRows = count;
        batch.ProcessedRows = o.TotalRows;
        batch.FinishedAt = clock.UtcNow;
        batch.Message = $"已导入 {count} 条历史婚姻登记档案，待另一名工作人员校核。" + (o.ErrorRows > 0 ? $"有错误的 {o.ErrorRows} 行未导入。" : "");
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];

    private async Task<Outcome> AnalyseAsync(ImportBatch batch, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == batch.FileId, ct);
        var mapping = ImportService.MappingOf(batch);
        var errors = new List<ImportRowError>();
        var bad = new HashSet<int>();
        void Error(int line, string field, string? value, string message)
        {
            var column = mapping.GetValueOrDefault(field) ?? AllFields.FirstOrDefault(f => f.Key == field)?.Label ?? field;
            errors.Add(new ImportRowError { BatchId = batch.Id, Line = line, Column = column, Value = value is { Length: > 200 } ? value[..200] : value, Message = message });
            bad.Add(line);
        }
        // the offices the importer may name (the division filter applies): by name, as the archive spells them
        var offices = await db.Set<MarriageOffice>().AsNoTracking().ToListAsync(ct);
        var all = TabularFile.Rows(files.PathOf(file), file.FileName).ToList();
        progress.Start(batch.Id, "正在校验", all.Count);
        var candidates = new List<(int Line, HistoricalMarriageRecord Record)>();
        var seen = new Dictionary<(string, string, string), int>();
        var done = 0;
        foreach (var row in all)
        {
            string? Cell(string field) => mapping.TryGetValue(field, out var h) && row.Cells.TryGetValue(h, out var v) && v.Length > 0 ? v.Trim() : null;
            var line = row.Line;
            DateOnly? on = null;
            if (Cell("registeredOn") is { } dateText)
            {
                if (DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) on = d;
                else Error(line, "registeredOn", dateText, $"登记日期“{dateText}”应写作 YYYY-MM-DD");
            }
            else Error(line, "registeredOn", null, "请填写登记日期");
            PartyInput Party(string k) => new(Cell(k + "Name"), Cell(k + "Sex"), Cell(k + "IdNumber"), Cell(k + "Anomaly"), Cell(k + "Birth"), Cell(k + "Ethnicity"),
                Cell(k + "Nationality"), Cell(k + "Occupation"), Cell(k + "Marital"));
            var input = new HistoricalRecordInput(Cell("archiveNumber"), on ?? DateOnly.MinValue, null, Cell("registry"), Cell("divisionCode"), Cell("type"), Party("a"), Party("b"), Cell("note"));
            var record = records.Build(input, offices, (field, message) =>
            {
                if (field == "registeredOn" && on is null) return; // reported above
                var key = FieldKey(field);
                Error(line, key, Cell(key), message);
            });
            if (record is not null)
            {
                var k = (record.DivisionCode, record.RegistryName, record.ArchiveNumber);
                if (seen.TryGetValue(k, out var first)) Error(line, "archiveNumber", record.ArchiveNumber, $"与第 {first} 行的登记机关、档案号相同");
                else seen[k] = line;
                record.EnteredBy = batch.CreatedBy;
                candidates.Add((line, record));
            }
            progress.Report(batch.Id, ++done);
        }
        // already entered (in the importer's scope: the registry's county is the importer's)
        foreach (var chunk in seen.Keys.Select(k => k.Item3).Distinct().Chunk(500))
        {
            var existing = await db.Set<HistoricalMarriageRecord>().AsNoTracking().Where(r => chunk.Contains(r.ArchiveNumber))
                .Select(r => new { r.DivisionCode, r.RegistryName, r.ArchiveNumber }).ToListAsync(ct);
            foreach (var e in existing)
            {
                if (seen.TryGetValue((e.DivisionCode, e.RegistryName, e.ArchiveNumber), out var line)) Error(line, "archiveNumber", e.ArchiveNumber, "该登记机关的这一档案号已补录");
            }
        }
        var valid = candidates.Where(c => !bad.Contains(c.Line)).Select(c => c.Record).ToList();
        return new Outcome(errors.OrderBy(e => e.Line).ToList(), all.Count, bad.Count, valid);
    }

    /// <summary>The import field a validation error of <see cref="HistoricalRecords.Build"/> belongs to (partyA.idNumber → aIdNumber).</summary>
    private static string FieldKey(string field) => field switch
    {
        "registryName" or "officeId" => "registry",
        _ when field.StartsWith("partyA.", StringComparison.Ordinal) || field.StartsWith("partyB.", StringComparison.Ordinal) =>
            (field[5] == 'A' ? "a" : "b") + field[7..] switch
            {
                "anomalyCode" => "Anomaly",
                "birthDate" => "Birth",
                "maritalBefore" => "Marital",
                var f => char.ToUpperInvariant(f[0]) + f[1..],
            },
        _ => field,
    };
}
