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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AssignReferencesAsync(payroll, ct);
        var file = await BuildAsync(payroll, template, [LineStatus.Pending], ct);
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

    /// <summary>The placeholders a template's header or trailer row may use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["{count}"] = "笔数",
        ["{total}"] = "合计金额（元，两位小数）",
        ["{totalFen}"] = "合计金额（分）",
        ["{date}"] = "导出日期（yyyyMMdd）",
        ["{month}"] = "发放月份（yyyyMM）",
        ["{county}"] = "县（市、区）",
        ["{program}"] = "保障项目",
    };

    /// <summary>How a template is named wherever one is chosen: its name and its format, once.</summary>
    public static string Label(BankTemplate t) =>
        t.Format.Equals("xlsx", StringComparison.OrdinalIgnoreCase) ? $"{t.Name}（Excel）" : $"{t.Name}（CSV，{t.Encoding}）";

    /// <summary>The purpose in a payment reference: B benefit, S price subsidy, A adjustment, O offset, R retry, F refund.</summary>
    private static char CodeOf(LinePurpose p) => p switch
    {
        LinePurpose.Benefit => 'B',
        LinePurpose.PriceSubsidy => 'S',
        LinePurpose.Adjustment => 'A',
        LinePurpose.RecoveryOffset => 'O',
        LinePurpose.Retry => 'R',
        _ => 'F',
    };

    /// <summary>
    /// 业务编号 for the lines about to be sent: the case number, the month paid and the purpose (e.g. DB-450921-2026-00012-202612-B),
    /// with -2, -3… where the same reference was already used (a second retry of the same month). Fixed on the line at the first
    /// export, so a later download and the bank's return use the same reference; unique over all payrolls, never an internal number.
    /// </summary>
    private async Task AssignReferencesAsync(Payroll payroll, CancellationToken ct)
    {
        var lines = await db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id && l.Status == LineStatus.Pending && l.BankAccountCipher != null && l.BankReference == null)
            .OrderBy(l => l.Id).ToListAsync(ct);
        if (lines.Count == 0) return;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in lines.Select(l => l.SourceId).Distinct().Chunk(1000))
        {
            taken.UnionWith(await db.Set<PayrollLine>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(l => chunk.Contains(l.SourceId) && l.BankReference != null).Select(l => l.BankReference!).ToListAsync(ct));
        }
        foreach (var line in lines)
        {
            var reference = $"{line.SourceNumber}-{line.ServiceMonth:yyyyMM}-{CodeOf(line.Purpose)}";
            var candidate = reference;
            for (var n = 2; !taken.Add(candidate); n++) candidate = $"{reference}-{n}";
            line.BankReference = candidate;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<BankFile> BuildAsync(Payroll payroll, BankTemplate template, LineStatus[] statuses, CancellationToken ct)
    {
        var columns = ColumnsOf(template);
        var needsId = columns.Any(c => c.Field == "idNumber");
        // The payee is a person or an organisation (a care home): its name, and for the "idNumber" column its ID number or credit code.
        var query = from l in db.Set<PayrollLine>().AsNoTracking()
                    // a line held by the review (ADR 023) was never sent, even once released and re-queued
                    where l.PayrollId == payroll.Id && statuses.Contains(l.Status) && l.BankAccountCipher != null && l.HoldReason == null
                    from p in db.Persons.AsNoTracking().Where(p => p.Id == l.PayeePersonId).DefaultIfEmpty()
                    from o in db.Organizations.AsNoTracking().Where(o => o.Id == l.PayeeOrganizationId).DefaultIfEmpty()
                    where p != null || o != null
                    orderby l.Id
                    select new
                    {
                        l.Id,
                        l.BankReference,
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
        // every cell is text: account and ID numbers must stay digits, never 6.23E+18 (the xlsx writes them as strings)
        var rows = new List<string[]>();
        var total = 0L;
        await foreach (var l in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            total += l.AmountFen;
            rows.Add(columns.Select(c => c.Field switch
            {
                // lines exported before payment references existed keep the number they were sent with
                "reference" => l.BankReference ?? l.Id.ToString(CultureInfo.InvariantCulture),
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
            }).ToArray());
        }
        var values = new Dictionary<string, string>
        {
            ["{count}"] = rows.Count.ToString(CultureInfo.InvariantCulture),
            ["{total}"] = (total / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            ["{totalFen}"] = total.ToString(CultureInfo.InvariantCulture),
            ["{date}"] = (payroll.ExportedAt is { } at ? DateOnly.FromDateTime(BusinessClock.ToChina(at)) : clock.Today).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            ["{month}"] = payroll.Month.ToString("yyyyMM", CultureInfo.InvariantCulture),
            ["{county}"] = divisions.NameOf(payroll.DivisionCode),
            ["{program}"] = programName,
        };
        var all = new List<string[]>();
        if (RowOf(template.HeaderRow, values) is { } header) all.Add(header);
        all.Add(columns.Select(c => c.Header).ToArray());
        all.AddRange(rows);
        if (RowOf(template.TrailerRow, values) is { } trailer) all.Add(trailer);

        var name = $"{divisions.NameOf(payroll.DivisionCode)}-{programName}-{payroll.Month:yyyyMM}{(payroll.Kind == PayrollKind.Supplementary ? "-补发" : "")}-{template.Name}";
        var content = new MemoryStream();
        if (template.Format.Equals("xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var width = all.Max(r => r.Length);
            var keys = Enumerable.Range(0, width).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var sheet = all.Select(r => keys.Select((k, i) => (k, v: (object?)(i < r.Length ? r[i] : ""))).ToDictionary(x => x.k, x => x.v)).ToList();
            await content.SaveAsAsync(sheet, printHeader: false, cancellationToken: ct);
            content.Position = 0;
            return new BankFile(content, name + ".xlsx", Platform.Registry.RegistryApi.XlsxContentType, rows.Count, new Money(total));
        }
        await using (var text = new StreamWriter(content, EncodingOf(template), leaveOpen: true))
        {
            // Sep writes a rectangular table; header and trailer rows of their own width are written as escaped lines around it
            foreach (var r in all) await text.WriteLineAsync(string.Join(',', r.Select(Csv)));
        }
        content.Position = 0;
        return new BankFile(content, name + ".csv", "text/csv", rows.Count, new Money(total));
    }

    private static string[]? RowOf(string? template, IReadOnlyDictionary<string, string> values)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        return template.Split('|').Select(cell => values.Aggregate(cell.Trim(), (s, v) => s.Replace(v.Key, v.Value, StringComparison.Ordinal))).ToArray();
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

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

            var sent = await db.Set<PayrollLine>().AsNoTracking()
                .Where(l => l.PayrollId == payroll.Id && l.Status != LineStatus.Pending && l.Status != LineStatus.NoAccount && l.HoldReason == null)
                .Select(l => new { l.Id, l.Status, l.BankReference }).ToListAsync(ct);
            var lines = sent.ToDictionary(l => l.Id, l => l.Status);
            // the reference the file was sent with (legacy files: the line number)
            var byReference = sent.ToDictionary(l => l.BankReference ?? l.Id.ToString(CultureInfo.InvariantCulture), l => l.Id, StringComparer.Ordinal);
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
                if (!byReference.TryGetValue(reference.Trim(), out var id) || !lines.TryGetValue(id, out var status))
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
                        errors[key] = [$"{template.ReturnReferenceHeader}“{reference}”已登记为“{PaymentLabels.Of(status)}”，与本次回盘结果“{result}”矛盾，请与银行核实"];
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
            payroll.Message = outstanding == 0
                ? "已对账：" + await OutcomeSummaryAsync(payroll.Id, ct)
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

    /// <summary>
    /// "到账 N 笔，银行退回 M 笔，未发送：缺少账户 K 笔…" for a payroll: the same classes and names as the line states and the
    /// statement (<see cref="PaymentLabels.Outcome"/>), so the payroll and the statement never disagree.
    /// </summary>
    public async Task<string> OutcomeSummaryAsync(Guid payrollId, CancellationToken ct)
    {
        var rows = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payrollId)
            .GroupBy(l => new { l.Status, Failure = l.FailureReason != null, Hold = l.HoldReason != null })
            .Select(g => new { g.Key.Status, g.Key.Failure, g.Key.Hold, Count = g.Count() }).ToListAsync(ct);
        var counts = rows.GroupBy(r => PaymentLabels.Outcome(r.Status, r.Failure ? "" : null, r.Hold ? "" : null)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var parts = new[] { LineOutcome.Paid, LineOutcome.Returned, LineOutcome.NoAccount, LineOutcome.Held, LineOutcome.AtBank, LineOutcome.Pending }
            .Where(o => o == LineOutcome.Paid || counts.GetValueOrDefault(o) > 0)
            .Select(o => $"{PaymentLabels.Of(o)} {counts.GetValueOrDefault(o)} 笔");
        var again = counts.GetValueOrDefault(LineOutcome.Returned) + counts.GetValueOrDefault(LineOutcome.NoAccount) > 0 ? "（银行退回和缺少账户的将在下月发放表或补发批次中重新发送）" : "";
        return string.Join("，", parts) + again;
    }
}
