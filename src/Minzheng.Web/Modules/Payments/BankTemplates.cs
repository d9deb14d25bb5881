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
        New("代发通用格式（CSV·GBK）", "csv", "GBK", true),
        New("代发通用格式（Excel）", "xlsx", "UTF-8", false),
    ];

    private static BankTemplate New(string name, string format, string encoding, bool isDefault) => new()
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
    };

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
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var template = id is { } existing
            ? await db.Set<BankTemplate>().FirstOrDefaultAsync(t => t.Id == existing, ct) ?? throw AppProblem.NotFound("银行模板")
            : db.Set<BankTemplate>().Add(New(input.Name!.Trim(), format!, encoding!, false)).Entity;
        if (await db.Set<BankTemplate>().AnyAsync(t => t.Name == input.Name!.Trim() && t.Id != template.Id, ct)) throw AppProblem.Conflict("template_exists", "已有同名模板");
        template.Name = input.Name!.Trim();
        template.Format = format!;
        template.Encoding = encoding!;
        template.Columns = JsonSerializer.Serialize(columns.Select(c => new BankColumn(c.Header.Trim(), c.Field)).ToList(), AuditRecorder.Json);
        template.ReturnReferenceHeader = input.ReturnReferenceHeader!.Trim();
        template.ReturnResultHeader = input.ReturnResultHeader!.Trim();
        template.ReturnSuccessValues = input.ReturnSuccessValues!.Trim();
        template.ReturnReasonHeader = input.ReturnReasonHeader!.Trim();
        if (input.IsDefault)
        {
            await db.Set<BankTemplate>().Where(t => t.IsDefault && t.Id != template.Id).ForEachAsync(t => t.IsDefault = false, ct);
            template.IsDefault = true;
        }
        await db.SaveChangesAsync(ct);
        return template;
    }
}
