using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Registry.Organizations;

/// <summary>
/// Imports organisations from an xlsx/CSV list through the kernel import steps: every row checked with the registry's own rules
/// (<see cref="OrganizationRegistration.Validate"/>: credit code and both its check characters, known division within scope,
/// kind, phone, account), duplicates within the file and against the registry reported by line, and a commit that writes
/// everything in one transaction or nothing (or, when the clerk chooses, only the error-free rows).
/// </summary>
public sealed class OrganizationImport(AppDbContext db, OrganizationRegistration registration, FileStore files, ImportProgress progress, BusinessClock clock) : IImportKind
{
    public const string KindCode = "registry.organizations";

    public static readonly IReadOnlyList<ImportField> AllFields =
    [
        new("creditCode", "统一社会信用代码", false, ["统一社会信用代码", "信用代码", "社会信用代码", "统一代码"]),
        new("name", "组织名称", true, ["组织名称", "名称", "单位名称", "机构名称", "企业名称"]),
        new("kind", "组织类别", true, ["组织类别", "类别", "单位类型", "组织类型", "机构类型"]),
        new("legalRepresentative", "法定代表人（负责人）", false, ["法定代表人", "法定代表人（负责人）", "负责人", "法人"]),
        new("divisionCode", "登记所在地区划代码", true, ["区划代码", "所在地代码", "行政区划代码", "登记地区划代码"]),
        new("address", "地址", false, ["地址", "住所", "办公地址", "机构地址"]),
        new("phone", "联系电话", false, ["联系电话", "电话", "联系方式"]),
        new("bankName", "开户银行", false, ["开户银行", "开户行", "银行"]),
        new("bankAccount", "银行账号", false, ["银行账号", "账号", "对公账号", "银行账户"]),
        new("registeredOn", "成立日期", false, ["成立日期", "登记日期", "成立时间"]),
    ];

    public string Kind => KindCode;

    public string Title => "组织";

    public string Permission => Access.Permissions.OrganizationsWrite;

    public IReadOnlyList<ImportField> Fields => AllFields;

    public string SkipUnit => "行";

    public (string Href, string Text) ResultLink(ImportBatch batch) => ("/registry/organizations", "查看组织登记");

    private sealed record Outcome(List<ImportRowError> Errors, int TotalRows, int ErrorRows, List<(OrganizationInput Input, CreditCode.Parsed? Code)> Valid);

    public async Task ValidateAsync(ImportBatch batch, CancellationToken ct)
    {
        var outcome = await AnalyseAsync(batch, ct);
        await ImportSteps.RecordValidationAsync(db, batch, outcome.Errors, outcome.TotalRows, outcome.ErrorRows,
            outcome.ErrorRows == 0
                ? $"全部 {outcome.TotalRows} 行校验通过，可以导入。"
                : $"{outcome.TotalRows} 行中有 {outcome.ErrorRows} 行有错误；无误的 {outcome.Valid.Count} 行可选择单独导入。", ct);
    }

    public async Task CommitAsync(ImportBatch batch, CancellationToken ct)
    {
        // Validate again: the registry may have changed since the clerk read the report.
        var outcome = await AnalyseAsync(batch, ct);
        if (await ImportSteps.RefuseIfErrorsAsync(db, batch, outcome.ErrorRows, SkipUnit, ct)) return;
        progress.Start(batch.Id, "正在导入", outcome.Valid.Count);
        var count = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var (input, code) in outcome.Valid)
            {
                var organization = registration.New(input, code);
                if (code is null) organization.PlatformNumber = await registration.NextPlatformNumberAsync(organization.DivisionCode, ct);
                db.Organizations.Add(organization);
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
        batch.ProcessedRows = outcome.TotalRows;
        batch.FinishedAt = clock.UtcNow;
        batch.Message = $"已导入 {count} 个组织" + (outcome.ErrorRows > 0 ? $"；有错误的 {outcome.ErrorRows} 行未导入。" : "。");
        await db.SaveChangesAsync(ct);
        // The uploaded file holds account numbers in clear: once imported (and encrypted in the registry) it is deleted.
        files.Delete(await db.Files.SingleAsync(f => f.Id == batch.FileId, ct));
    }

    private async Task<Outcome> AnalyseAsync(ImportBatch batch, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == batch.FileId, ct);
        var path = files.PathOf(file);
        var mapping = ImportService.MappingOf(batch);
        var errors = new List<ImportRowError>();
        var badLines = new HashSet<int>();
        var rows = new List<(int Line, OrganizationInput Input, CreditCode.Parsed? Code)>();

        void Error(int line, string field, string? value, string message)
        {
            var column = mapping.GetValueOrDefault(field) ?? AllFields.FirstOrDefault(f => f.Key == field)?.Label ?? field;
            // The error table outlives the import: phone and account numbers in it are masked.
            if (value is not null && field is "phone") value = Person.MaskPhone(value);
            if (value is { Length: >= 8 } && field is "bankAccount") value = value[..4] + new string('*', value.Length - 8) + value[^4..];
            errors.Add(new ImportRowError { BatchId = batch.Id, Line = line, Column = column, Value = value is { Length: > 200 } ? value[..200] : value, Message = message });
            badLines.Add(line);
        }

        var all = TabularFile.Rows(path, file.FileName).ToList();
        progress.Start(batch.Id, "正在校验", all.Count);
        var seenCodes = new Dictionary<string, int>();
        var seenNames = new Dictionary<(string, string), int>();
        foreach (var r in all)
        {
            string? Cell(string field) => mapping.TryGetValue(field, out var header) && r.Cells.TryGetValue(header, out var v) && v.Length > 0 ? v : null;

            var kindText = Cell("kind");
            var kind = OrganizationLabels.KindOf(kindText);
            if (kindText is not null && kind is null) Error(r.Line, "kind", kindText, $"无法识别的组织类别“{kindText}”（应为：{string.Join("、", OrganizationLabels.Kinds.Values)}）");
            DateOnly? registeredOn = null;
            if (Cell("registeredOn") is { } dateText)
            {
                if (DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) registeredOn = d;
                else Error(r.Line, "registeredOn", dateText, $"日期“{dateText}”格式应为 YYYY-MM-DD");
            }
            var input = new OrganizationInput
            {
                CreditCode = Cell("creditCode"),
                Name = Cell("name"),
                Kind = kind,
                LegalRepresentativeName = Cell("legalRepresentative"),
                DivisionCode = Cell("divisionCode"),
                Address = Cell("address"),
                Phone = Cell("phone"),
                BankName = Cell("bankName"),
                BankAccount = Cell("bankAccount"),
                RegisteredOn = registeredOn,
            };
            var (validation, code) = registration.Validate(input);
            foreach (var (field, messages) in validation.ToDictionary())
            {
                // an unrecognised kind was reported above with the text; "请选择组织类别" would repeat it
                if (field == "kind" && kindText is not null) continue;
                foreach (var m in messages) Error(r.Line, field, Cell(field), m);
            }
            if (code is not null)
            {
                if (seenCodes.TryGetValue(code.Value, out var first)) Error(r.Line, "creditCode", code.Value, $"与第 {first} 行的统一社会信用代码重复");
                else seenCodes[code.Value] = r.Line;
            }
            else if (input.Name is not null && input.DivisionCode is not null)
            {
                // without a code, the same name in the same place is the same organisation listed twice
                var key = (input.Name.Trim(), input.DivisionCode);
                if (seenNames.TryGetValue(key, out var first)) Error(r.Line, "name", input.Name, $"与第 {first} 行的组织重复（同一地区同名且均无统一社会信用代码）");
                else seenNames[key] = r.Line;
            }
            rows.Add((r.Line, input, code));
            progress.Report(batch.Id, rows.Count);
        }

        // Already registered: the whole registry (not only the clerk's scope), in chunks.
        var codes = seenCodes.Keys.ToList();
        foreach (var chunk in codes.Chunk(500))
        {
            var existing = await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(o => chunk.Contains(o.CreditCode!)).Select(o => o.CreditCode!).ToListAsync(ct);
            foreach (var c in existing)
            {
                foreach (var row in rows.Where(x => x.Code?.Value == c)) Error(row.Line, "creditCode", c, "该统一社会信用代码已在平台登记");
            }
        }
        progress.Report(batch.Id, rows.Count);
        return new Outcome(errors.OrderBy(e => e.Line).ToList(), rows.Count, badLines.Count,
            rows.Where(x => !badLines.Contains(x.Line)).Select(x => (x.Input, x.Code)).ToList());
    }
}
