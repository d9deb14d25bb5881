using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using nietras.SeparatedValues;

namespace Minzheng.Web.Modules.Payments;

public sealed record BankColumn([RequiredInput, Text(100)] string Header, [RequiredInput, Text(40)] string Field);

public sealed record BankFile(Stream Content, string FileName, string ContentType, int Lines, Money Total);

public sealed record ReturnResult(int Paid, int Failed, int Unchanged, int Outstanding, bool Reconciled);

/// <summary>
/// The paying bank's files: the payment file of an approved payroll (its lines with an account, in the
/// bank's template) and the bank's return file (paid, or failed with a reason). The payment file is rebuilt
/// from the lines whenever it is downloaded, so account numbers are never stored in clear; its SHA-256 is
/// recorded. A return file is checked whole before anything is applied: one bad row and nothing changes.
/// </summary>
public sealed class BankFiles(AppDbContext db, BusinessClock clock, IdentifierProtector protector, DivisionDirectory divisions,
    EntitlementPrograms programs, AuditLog audit)
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["reference"] = "业务编号（回盘时据此对账）",
        ["account"] = "银行账号",
        ["name"] = "户名（领取人姓名）",
        ["idNumber"] = "身份证号",
        ["amount"] = "金额（元）",
        ["bank"] = "开户行",
        ["division"] = "所在村（社区）",
        ["program"] = "保障项目",
        ["month"] = "所属月份",
        ["note"] = "摘要",
    };

    static BankFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<BankColumn> ColumnsOf(BankTemplate t) => JsonSerializer.Deserialize<List<BankColumn>>(t.Columns, AuditRecorder.Json) ?? [];

    public static Encoding EncodingOf(BankTemplate t) => t.Encoding.ToUpperInvariant() switch
    {
        "GBK" or "GB18030" => Encoding.GetEncoding("GB18030"),
        "UTF-8-BOM" => new UTF8Encoding(true),
        _ => new UTF8Encoding(false),
    };

    /// <summary>First export of an approved payroll: its payable lines go to the bank (status 已报银行). Later calls rebuild the same file.</summary>
    public async Task<BankFile> ExportAsync(Guid payrollId, Guid? templateId, int? version, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == payrollId, ct) ?? throw AppProblem.NotFound("发放表");
        if (payroll.Status is PayrollStatus.Exported or PayrollStatus.Reconciled)
        {
            var again = await db.Set<BankTemplate>().AsNoTracking().FirstAsync(t => t.Id == payroll.ExportTemplateId, ct);
            var copy = await BuildAsync(payroll, again, [LineStatus.Exported, LineStatus.Paid, LineStatus.Failed, LineStatus.Requeued], ct);
            await audit.RecordAsync("download-bank-file", "payments_payroll", payroll.Id.ToString(), new { lines = copy.Lines, template = again.Name }, payroll.DivisionCode, ct: ct);
            return copy;
        }
        if (payroll.Status != PayrollStatus.Approved) throw AppProblem.Conflict("invalid_state", $"发放表须审批后才能导出银行文件（当前：{PaymentLabels.Of(payroll.Status)}）");
        if (version is { } v) db.ExpectVersion(payroll, v);
        var template = templateId is { } id
            ? await db.Set<BankTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw AppProblem.Field("templateId", "银行模板不存在")
            : await db.Set<BankTemplate>().AsNoTracking().OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name).FirstOrDefaultAsync(ct) ?? throw AppProblem.Conflict("no_template", "尚未配置银行文件模板");
        var file = await BuildAsync(payroll, template, [LineStatus.Pending], ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var exported = await db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id && l.Status == LineStatus.Pending && l.BankAccountCipher != null)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, LineStatus.Exported), ct);
        if (exported != file.Lines) throw AppProblem.Conflict("concurrency_conflict", "导出过程中明细发生了变化，请重新导出");
        payroll.Status = PayrollStatus.Exported;
        payroll.ExportedAt = clock.UtcNow;
        payroll.ExportTemplateId = template.Id;
        payroll.ExportedLines = exported;
        payroll.ExportSha256 = Sha256(file.Content);
        payroll.Message = $"已导出银行文件 {exported} 笔，合计 {file.Total.ToYuanString()}，待银行回盘";
        audit.Add("export-bank-file", "payments_payroll", payroll.Id.ToString(), new { lines = exported, total = file.Total.ToString(), template = template.Name, sha256 = payroll.ExportSha256 }, payroll.DivisionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return file;
    }

    private static string Sha256(Stream s)
    {
        s.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(s));
        s.Position = 0;
        return hash;
    }

    private async Task<BankFile> BuildAsync(Payroll payroll, BankTemplate template, LineStatus[] statuses, CancellationToken ct)
    {
        var columns = ColumnsOf(template);
        var needsId = columns.Any(c => c.Field == "idNumber");
        // The payee is a person or an organisation (a care home): its name, and for the "idNumber" column its ID number or credit code.
        var query = from l in db.Set<PayrollLine>().AsNoTracking()
                    where l.PayrollId == payroll.Id && statuses.Contains(l.Status) && l.BankAccountCipher != null
                    from p in db.Persons.AsNoTracking().Where(p => p.Id == l.PayeePersonId).DefaultIfEmpty()
                    from o in db.Organizations.AsNoTracking().Where(o => o.Id == l.PayeeOrganizationId).DefaultIfEmpty()
                    where p != null || o != null
                    orderby l.Id
                    select new
                    {
                        l.Id,
                        l.AmountFen,
                        l.BankName,
                        l.BankAccountCipher,
                        l.DivisionCode,
                        l.ServiceMonth,
                        l.Purpose,
                        l.IsArrears,
                        Name = p != null ? p.Name : o!.Name,
                        IdCipher = needsId && p != null ? p.IdNumberCipher : null,
                        OrganizationNumber = needsId && p == null ? o!.CreditCode ?? o.PlatformNumber : null,
                    };
        var programName = programs.NameOf(payroll.Program);
        var rows = new List<Dictionary<string, object?>>();
        var total = 0L;
        await foreach (var l in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            total += l.AmountFen;
            var row = new Dictionary<string, object?>(columns.Count);
            foreach (var c in columns)
            {
                row[c.Header] = c.Field switch
                {
                    "reference" => l.Id.ToString(CultureInfo.InvariantCulture),
                    "account" => protector.Decrypt(l.BankAccountCipher!, ProtectedKind.BankAccount),
                    "name" => l.Name,
                    "idNumber" => l.IdCipher is not null ? protector.Decrypt(l.IdCipher, ProtectedKind.IdNumber) : l.OrganizationNumber ?? "",
                    "amount" => (l.AmountFen / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    "bank" => l.BankName ?? "",
                    "division" => divisions.NameOf(l.DivisionCode),
                    "program" => programName,
                    "month" => l.ServiceMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    "note" => $"{programName}{l.ServiceMonth:yyyy年M月}{(l.IsArrears ? "补发" : "")}{(l.Purpose == LinePurpose.Benefit ? "" : PaymentLabels.Of(l.Purpose))}",
                    _ => "",
                };
            }
            rows.Add(row);
        }
        var name = $"{divisions.NameOf(payroll.DivisionCode)}-{programName}-{payroll.Month:yyyyMM}{(payroll.Kind == PayrollKind.Supplementary ? "-补发" : "")}-{template.Name}";
        var content = new MemoryStream();
        if (template.Format.Equals("xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // text cells: account numbers must not turn into 6.2E+18
            await content.SaveAsAsync(rows.Count > 0 ? rows : [columns.ToDictionary(c => c.Header, _ => (object?)null)], cancellationToken: ct);
            content.Position = 0;
            return new BankFile(content, name + ".xlsx", Platform.Registry.RegistryApi.XlsxContentType, rows.Count, new Money(total));
        }
        await using (var text = new StreamWriter(content, EncodingOf(template), leaveOpen: true))
        {
            using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text);
            if (rows.Count == 0) writer.Header.Add(columns.Select(c => c.Header).ToArray());
            foreach (var r in rows)
            {
                await using var row = writer.NewRow(ct);
                foreach (var c in columns) row[c.Header].Set(r[c.Header]?.ToString() ?? "");
            }
        }
        content.Position = 0;
        return new BankFile(content, name + ".csv", "text/csv", rows.Count, new Money(total));
    }

    /// <summary>
    /// Applies a bank's return file. Every row is checked first (reference known and exported in this payroll,
    /// a clear result, a reason for failures, no contradiction with what was already recorded); one error and
    /// nothing is applied. A re-sent file changes nothing twice. Failed lines are re-paid by the next payroll or
    /// a supplementary batch.
    /// </summary>
    public async Task<ReturnResult> ImportReturnAsync(Guid payrollId, string fileName, Stream upload, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == payrollId, ct) ?? throw AppProblem.NotFound("发放表");
        if (payroll.Status is not (PayrollStatus.Exported or PayrollStatus.Reconciled)) throw AppProblem.Conflict("invalid_state", $"发放表尚未导出银行文件（当前：{PaymentLabels.Of(payroll.Status)}）");
        var template = await db.Set<BankTemplate>().AsNoTracking().FirstAsync(t => t.Id == payroll.ExportTemplateId, ct);
        if (!TabularFile.IsSupported(fileName)) throw AppProblem.Field("file", "回盘文件须为 .xlsx 或 .csv");
        var temp = Path.GetTempFileName();
        try
        {
            string sha;
            await using (var f = File.Create(temp))
            {
                await upload.CopyToAsync(f, ct);
                f.Position = 0;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(f, ct));
            }
            var path = temp;
            List<string> headers;
            try
            {
                headers = TabularFile.Headers(path, fileName).ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw AppProblem.Field("file", "回盘文件无法读取，请确认文件格式");
            }
            var needed = new[] { template.ReturnReferenceHeader, template.ReturnResultHeader, template.ReturnReasonHeader };
            var missing = needed.Where(h => !headers.Contains(h)).ToList();
            if (missing.Count > 0) throw AppProblem.Field("file", $"回盘文件缺少列：{string.Join("、", missing)}（模板“{template.Name}”）", "return_columns_missing");

            var lines = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payroll.Id && l.Status != LineStatus.Pending && l.Status != LineStatus.NoAccount)
                .Select(l => new { l.Id, l.Status }).ToDictionaryAsync(l => l.Id, l => l.Status, ct);
            var success = template.ReturnSuccessValues.Split([',', '，', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
            var errors = new Dictionary<string, string[]>();
            var seen = new HashSet<long>();
            var paid = new List<long>();
            var failed = new List<(long Id, string Reason)>();
            var unchanged = 0;
            foreach (var row in TabularFile.Rows(path, fileName))
            {
                var key = $"第{row.Line}行";
                var reference = row.Cells.GetValueOrDefault(template.ReturnReferenceHeader) ?? "";
                var result = row.Cells.GetValueOrDefault(template.ReturnResultHeader) ?? "";
                var reason = row.Cells.GetValueOrDefault(template.ReturnReasonHeader) ?? "";
                if (!long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !lines.TryGetValue(id, out var status))
                {
                    errors[key] = [$"{template.ReturnReferenceHeader}“{reference}”不是本发放表报送银行的明细"];
                    continue;
                }
                if (!seen.Add(id))
                {
                    errors[key] = [$"{template.ReturnReferenceHeader}“{reference}”在文件中重复出现"];
                    continue;
                }
                if (result.Length == 0)
                {
                    errors[key] = [$"{template.ReturnResultHeader}为空"];
                    continue;
                }
                var ok = success.Contains(result);
                if (!ok && reason.Length == 0)
                {
                    errors[key] = [$"处理结果为“{result}”，但{template.ReturnReasonHeader}为空（成功请填写：{string.Join("、", success)}）"];
                    continue;
                }
                switch (status)
                {
                    case LineStatus.Exported when ok: paid.Add(id); break;
                    case LineStatus.Exported: failed.Add((id, reason.Length > 200 ? reason[..200] : reason)); break;
                    case LineStatus.Paid when ok:
                    case LineStatus.Failed or LineStatus.Requeued when !ok:
                        unchanged++;
                        break;
                    default:
                        // a line recorded as failed (and possibly already re-paid) must not become paid, nor a paid line failed
                        errors[key] = [$"明细 {id} 已登记为“{PaymentLabels.Of(status)}”，与本次回盘结果“{result}”矛盾，请与银行核实"];
                        break;
                }
            }
            if (errors.Count > 0) throw AppProblem.Validation(errors, "return_file_invalid");

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in paid.Chunk(1000))
            {
                await db.Set<PayrollLine>().Where(l => chunk.Contains(l.Id) && l.Status == LineStatus.Exported).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, LineStatus.Paid), ct);
            }
            foreach (var group in failed.GroupBy(f => f.Reason))
            {
                foreach (var chunk in group.Select(g => g.Id).Chunk(1000))
                {
                    await db.Set<PayrollLine>().Where(l => chunk.Contains(l.Id) && l.Status == LineStatus.Exported)
                        .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, LineStatus.Failed).SetProperty(l => l.FailureReason, group.Key), ct);
                }
            }
            var outstanding = await db.Set<PayrollLine>().CountAsync(l => l.PayrollId == payroll.Id && l.Status == LineStatus.Exported, ct);
            if (outstanding == 0 && payroll.Status == PayrollStatus.Exported)
            {
                payroll.Status = PayrollStatus.Reconciled;
                payroll.ReconciledAt = clock.UtcNow;
            }
            var failedTotal = await db.Set<PayrollLine>().CountAsync(l => l.PayrollId == payroll.Id && (l.Status == LineStatus.Failed || l.Status == LineStatus.Requeued), ct);
            payroll.Message = outstanding == 0
                ? $"已对账：到账 {await db.Set<PayrollLine>().CountAsync(l => l.PayrollId == payroll.Id && l.Status == LineStatus.Paid, ct)} 笔，失败 {failedTotal} 笔" + (failedTotal > 0 ? "（将在下月发放表或补发批次中重新发放）" : "")
                : $"已回盘 {paid.Count + failed.Count} 笔，仍有 {outstanding} 笔待银行回盘";
            audit.Add("bank-return", "payments_payroll", payroll.Id.ToString(), new { file = fileName, sha256 = sha, paid = paid.Count, failed = failed.Count, unchanged, outstanding }, payroll.DivisionCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ReturnResult(paid.Count, failed.Count, unchanged, outstanding, payroll.Status == PayrollStatus.Reconciled);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
