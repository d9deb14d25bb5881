using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Payments;

/// <summary>The paying banks' file layouts: data, so a new bank or a changed layout needs no release.</summary>
public sealed class BankTemplates(AppDbContext db)
{
    public static readonly string[] Encodings = ["GBK", "UTF-8", "UTF-8-BOM"];

    /// <summary>Shipped on every installation; a bank's own layout is added beside them.</summary>
    public static IEnumerable<BankTemplate> Defaults() =>
    [
        New(DefaultCsv, "csv", "GBK", true),
        New(DefaultXlsx, "xlsx", "UTF-8", false, trailer: "合计|{count}|{total}"),
    ];

    /// <summary>The shipped names carry no format: a template is shown as its name and its format once (<see cref="BankFiles.Label"/>).</summary>
    public const string DefaultCsv = "代发通用格式";

    public const string DefaultXlsx = "代发通用格式（带汇总行）";

    /// <summary>The names the templates shipped with before (the format written into the name): renamed at start-up.</summary>
    public static readonly IReadOnlyDictionary<string, string> FormerNames = new Dictionary<string, string>
    {
        ["代发通用格式（CSV·GBK）"] = DefaultCsv,
        ["代发通用格式（Excel）"] = DefaultXlsx,
    };

    /// <summary>The failure reasons shipped as permanent or temporary; each county's banks add their own wording.</summary>
    public static IEnumerable<BankFailureReason> DefaultFailureReasons() =>
    [
        new() { Keyword = "冻结", Permanent = true, Note = "账户冻结：须更换账户或解冻后再发" },
        new() { Keyword = "销户", Permanent = true, Note = "账户已销户" },
        new() { Keyword = "户名不符", Permanent = true, Note = "户名与账号不符" },
        new() { Keyword = "账号不存在", Permanent = true, Note = "账号不存在" },
        new() { Keyword = "账户不存在", Permanent = true, Note = "账户不存在" },
        new() { Keyword = "止付", Permanent = true, Note = "账户止付" },
        new() { Keyword = "睡眠", Permanent = true, Note = "久悬（睡眠）账户" },
        new() { Keyword = "系统", Permanent = false, Note = "银行系统原因" },
        new() { Keyword = "超时", Permanent = false, Note = "处理超时" },
        new() { Keyword = "限额", Permanent = false, Note = "超过限额" },
    ];

    private static BankTemplate New(string name, string format, string encoding, bool isDefault, string? header = null, string? trailer = null) => new()
    {
        Name = name,
        Format = format,
        Encoding = encoding,
        Columns = JsonSerializer.Serialize(new List<BankColumn>
        {
            new("业务编号", "reference"), new("账号", "account"), new("户名", "name"), new("金额", "amount"),
            new("身份证号", "idNumber"), new("开户行", "bank"), new("摘要", "note"),
        }, AuditRecorder.Json),
        ReturnReferenceHeader = "业务编号",
        ReturnResultHeader = "处理结果",
        ReturnSuccessValues = "成功",
        ReturnReasonHeader = "失败原因",
        IsDefault = isDefault,
        HeaderRow = header,
        TrailerRow = trailer,
    };

    public Task<List<BankFailureReason>> FailureReasonsAsync(CancellationToken ct) =>
        db.Set<BankFailureReason>().AsNoTracking().OrderByDescending(r => r.Permanent).ThenBy(r => r.Keyword).ToListAsync(ct);

    public async Task<BankFailureReason> SaveFailureReasonAsync(PaymentsApi.FailureReasonInput input, CancellationToken ct)
    {
        var keyword = input.Keyword?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(keyword)) errors["keyword"] = ["请填写退回原因中的关键词（如：冻结）"];
        else if (keyword.Length > 50) errors["keyword"] = ["关键词不超过 50 个字"];
        if (input.Note?.Trim().Length > 200) errors["note"] = ["说明不超过 200 个字"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var reason = await db.Set<BankFailureReason>().FirstOrDefaultAsync(r => r.Keyword == keyword, ct);
        if (reason is null) db.Set<BankFailureReason>().Add(reason = new BankFailureReason { Keyword = keyword!, Note = "" });
        reason.Permanent = input.Permanent;
        reason.Note = input.Note?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
        return reason;
    }

    public async Task<BankTemplate> SaveAsync(Guid? id, PaymentsApi.TemplateInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input); // declared limits, for the page as for the API (ADR 024)
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["请填写模板名称（如：某银行代发格式）"];
        var format = input.Format?.Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx")) errors["format"] = ["文件格式须为 csv 或 xlsx"];
        var encoding = Encodings.FirstOrDefault(e => e.Equals(input.Encoding?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (encoding is null) errors["encoding"] = [$"编码须为 {string.Join("、", Encodings)}"];
        var columns = input.Columns ?? [];
        if (columns.Count == 0) errors["columns"] = ["至少一列"];
        else if (columns.FirstOrDefault(c => !BankFiles.Fields.ContainsKey(c.Field)) is { } bad) errors["columns"] = [$"未知的字段“{bad.Field}”，可选：{string.Join("、", BankFiles.Fields.Keys)}"];
        else if (columns.Any(c => string.IsNullOrWhiteSpace(c.Header)) || columns.Select(c => c.Header).Distinct().Count() != columns.Count) errors["columns"] = ["每列须有表头，且表头不能重复"];
        else if (!columns.Any(c => c.Field == "reference") || !columns.Any(c => c.Field == "account") || !columns.Any(c => c.Field == "amount")) errors["columns"] = ["须包含业务编号（reference）、账号（account）和金额（amount）列，回盘时才能对账"];
        if (string.IsNullOrWhiteSpace(input.ReturnReferenceHeader)) errors["returnReferenceHeader"] = ["请填写回盘文件中业务编号的列名"];
        if (string.IsNullOrWhiteSpace(input.ReturnResultHeader)) errors["returnResultHeader"] = ["请填写回盘文件中处理结果的列名"];
        if (string.IsNullOrWhiteSpace(input.ReturnSuccessValues)) errors["returnSuccessValues"] = ["请填写表示成功的取值（如：成功）"];
        if (string.IsNullOrWhiteSpace(input.ReturnReasonHeader)) errors["returnReasonHeader"] = ["请填写回盘文件中失败原因的列名"];
        foreach (var (field, row) in new[] { ("headerRow", input.HeaderRow), ("trailerRow", input.TrailerRow) })
        {
            if (row is null) continue;
            if (row.Length > 500) errors[field] = ["不超过 500 个字"];
            else if (System.Text.RegularExpressions.Regex.Matches(row, @"\{[^}]*\}").Select(m => m.Value).FirstOrDefault(v => !BankFiles.Placeholders.ContainsKey(v)) is { } unknown)
            {
                errors[field] = [$"未知的占位符“{unknown}”，可选：{string.Join("、", BankFiles.Placeholders.Keys)}"];
            }
        }
        // a change names the version it read (issue 12, item 25): the last writer no longer wins silently
        if (id is not null && input.Version is null) errors["version"] = ["缺少版本号，无法判断模板是否已被他人修改"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        BankTemplate template;
        if (id is { } existing)
        {
            template = await db.Set<BankTemplate>().FirstOrDefaultAsync(t => t.Id == existing, ct) ?? throw AppProblem.NotFound("银行模板");
            db.ExpectVersion(template, input.Version!.Value);
        }
        else
        {
            template = db.Set<BankTemplate>().Add(New(input.Name!.Trim(), format!, encoding!, false)).Entity;
        }
        if (await db.Set<BankTemplate>().AnyAsync(t => t.Name == input.Name!.Trim() && t.Id != template.Id, ct)) throw AppProblem.Conflict("template_exists", "已有同名模板");
        template.Name = input.Name!.Trim();
        template.Format = format!;
        template.Encoding = encoding!;
        template.Columns = JsonSerializer.Serialize(columns.Select(c => new BankColumn(c.Header.Trim(), c.Field)).ToList(), AuditRecorder.Json);
        template.ReturnReferenceHeader = input.ReturnReferenceHeader!.Trim();
        template.ReturnResultHeader = input.ReturnResultHeader!.Trim();
        template.ReturnSuccessValues = input.ReturnSuccessValues!.Trim();
        template.ReturnReasonHeader = input.ReturnReasonHeader!.Trim();
        template.HeaderRow = string.IsNullOrWhiteSpace(input.HeaderRow) ? null : input.HeaderRow.Trim();
        template.TrailerRow = string.IsNullOrWhiteSpace(input.TrailerRow) ? null : input.TrailerRow.Trim();
        if (input.IsDefault)
        {
            await db.Set<BankTemplate>().Where(t => t.IsDefault && t.Id != template.Id).ForEachAsync(t => t.IsDefault = false, ct);
            template.IsDefault = true;
        }
        await db.SaveChangesAsync(ct);
        return template;
    }
}
