using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Import;

/// <summary>
/// Imports an existing list of social organisations (the registration authority's 社会组织登记管理系统 export) through the kernel's
/// import steps: every row checked — the credit code with both its check characters (GB 32100-2015) and 民政 as the issuing
/// authority, the kind (社会团体 / 社会服务机构（民办非企业单位）/ 基金会 only), the level and the importer's right to act as that
/// authority, the seat's division, dates, capital, category — duplicates within the file and against the platform reported by
/// line. Unlike the registry's own organisation import, nothing is written until the whole file is clean (issue 14): a
/// social organisation list is the authority's register, and half of it would misstate who is registered.
/// </summary>
public sealed class SocialOrganizationImport(AppDbContext db, OrganizationRegistration registration, ImportProgress progress, BusinessClock clock,
    FileStore files, ICurrentUser user) : IImportKind
{
    public const string KindCode = "socorg.organizations";

    public static readonly IReadOnlyList<ImportField> AllFields =
    [
        new("creditCode", "统一社会信用代码", true, ["统一社会信用代码", "信用代码", "社会信用代码", "统一代码"]),
        new("name", "社会组织名称", true, ["社会组织名称", "组织名称", "名称", "单位名称"]),
        new("kind", "类型", true, ["类型", "组织类型", "社会组织类型", "类别", "组织类别"]),
        new("level", "登记层级", true, ["登记层级", "登记管理机关层级", "层级", "登记机关"]),
        new("divisionCode", "住所所在区划代码", true, ["住所所在区划代码", "区划代码", "所在地代码", "行政区划代码"]),
        new("address", "住所", false, ["住所", "地址", "办公地址"]),
        new("legalRepresentative", "法定代表人", true, ["法定代表人", "法定代表人（负责人）", "负责人", "法人"]),
        new("registeredOn", "成立登记日期", true, ["成立登记日期", "成立日期", "登记日期"]),
        new("supervisingUnit", "业务主管单位", false, ["业务主管单位", "主管单位"]),
        new("category", "行业分类", false, ["行业分类", "行业", "所属行业", "活动领域"]),
        new("capital", "注册资金（元）", false, ["注册资金（元）", "注册资金", "原始基金", "开办资金"]),
        new("certificateNumber", "登记证书号", false, ["登记证书号", "证书号", "登记证号"]),
        new("tradeAssociation", "是否行业协会商会", false, ["是否行业协会商会", "行业协会商会", "行业协会"]),
        new("purpose", "业务范围", false, ["业务范围", "宗旨和业务范围", "宗旨"]),
    ];

    public string Kind => KindCode;

    public string Title => "社会组织";

    public string Permission => SocialOrganizationPermissions.Import;

    public IReadOnlyList<ImportField> Fields => AllFields;

    public string SkipUnit => "行";

    public bool AllowsOnlyValidRows => false;

    public (string Href, string Text) ResultLink(ImportBatch batch) => ("/social-organizations", "查看社会组织");

    /// <summary>One clean row: the registry input, its parsed code and the profile to write.</summary>
    private sealed record Row(int Line, OrganizationInput Input, CreditCode.Parsed Code, SocialOrganizationProfile Profile);

    private sealed record Outcome(List<ImportRowError> Errors, int TotalRows, int ErrorRows, List<Row> Valid);

    public async Task ValidateAsync(ImportBatch batch, CancellationToken ct)
    {
        var outcome = await AnalyseAsync(batch, ct);
        await ImportSteps.RecordValidationAsync(db, batch, outcome.Errors, outcome.TotalRows, outcome.ErrorRows,
            outcome.ErrorRows == 0
                ? $"全部 {outcome.TotalRows} 行校验通过，可以导入。"
                : $"{outcome.TotalRows} 行中有 {outcome.ErrorRows} 行有错误。社会组织名录须全部无误才能导入：请修正后重新上传。", ct);
    }

    public async Task CommitAsync(ImportBatch batch, CancellationToken ct)
    {
        // Validate again (the register may have changed since the report was read); any error refuses the whole file,
        // whatever the batch asked for: this kind has no "only the error-free rows".
        var outcome = await AnalyseAsync(batch, ct);
        if (outcome.ErrorRows > 0)
        {
            batch.Status = ImportStatus.Validated;
            batch.ErrorRows = outcome.ErrorRows;
            batch.OnlyValidRows = false;
            batch.Message = $"文件仍有 {outcome.ErrorRows} 行错误，未导入任何数据。社会组织名录须全部无误才能导入，请修正后重新上传。";
            await db.SaveChangesAsync(ct);
            return;
        }
        progress.Start(batch.Id, "正在导入", outcome.Valid.Count);
        var count = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var row in outcome.Valid)
            {
                var organization = registration.New(row.Input, row.Code);
                db.Organizations.Add(organization);
                row.Profile.OrganizationId = organization.Id;
                db.Add(row.Profile);
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
        batch.Message = $"已导入 {count} 个社会组织。";
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"];

    public static RegistrationLevel? LevelOf(string? text) => text?.Trim() switch
    {
        "市级" or "市" or "市本级" or "市民政局" => RegistrationLevel.City,
        "县级" or "县" or "县（市、区）级" or "县民政局" or "区级" => RegistrationLevel.County,
        _ => null,
    };

    public static bool? YesNo(string? text) => text?.Trim() switch
    {
        null or "" => false,
        "是" or "Y" or "y" or "1" or "true" => true,
        "否" or "N" or "n" or "0" or "false" => false,
        _ => null,
    };

    public static string? CategoryOf(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return SocialOrganizationCategories.Other;
        return SocialOrganizationCategories.All.FirstOrDefault(c => c.Name == t || c.Code == t).Code;
    }

    private async Task<Outcome> AnalyseAsync(ImportBatch batch, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == batch.FileId, ct);
        var path = files.PathOf(file);
        var mapping = ImportService.MappingOf(batch);
        var errors = new List<ImportRowError>();
        var badLines = new HashSet<int>();
        var rows = new List<Row>();
        var scope = user.Scope;

        void Error(int line, string field, string? value, string message)
        {
            var column = mapping.GetValueOrDefault(field) ?? AllFields.FirstOrDefault(f => f.Key == field)?.Label ?? field;
            errors.Add(new ImportRowError { BatchId = batch.Id, Line = line, Column = column, Value = value is { Length: > 200 } ? value[..200] : value, Message = message });
            badLines.Add(line);
        }

        var all = TabularFile.Rows(path, file.FileName).ToList();
        progress.Start(batch.Id, "正在校验", all.Count);
        var seenCodes = new Dictionary<string, int>();
        var seenCertificates = new Dictionary<string, int>();
        var candidates = new List<(int Line, OrganizationInput Input, CreditCode.Parsed? Code, SocialOrganizationProfile? Profile)>();
        foreach (var r in all)
        {
            string? Cell(string field) => mapping.TryGetValue(field, out var header) && r.Cells.TryGetValue(header, out var v) && v.Length > 0 ? v.Trim() : null;
            var line = r.Line;

            var kindText = Cell("kind");
            var kind = OrganizationLabels.KindOf(kindText);
            if (kind is not { } k || !SocialOrganizationKinds.IsSocialOrganization(k))
            {
                Error(line, "kind", kindText, kindText is null ? "请填写类型" : $"无法识别的社会组织类型“{kindText}”（应为：社会团体、社会服务机构（民办非企业单位）、基金会）");
                kind = null;
            }
            var levelText = Cell("level");
            var level = LevelOf(levelText);
            if (level is null) Error(line, "level", levelText, levelText is null ? "请填写登记层级（市级或县级）" : $"无法识别的登记层级“{levelText}”（应为：市级、县级）");

            DateOnly? registeredOn = null;
            if (Cell("registeredOn") is { } dateText)
            {
                if (DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d <= clock.Today && d.Year >= 1949) registeredOn = d;
                else Error(line, "registeredOn", dateText, $"成立登记日期“{dateText}”应为不晚于今天的日期，格式 YYYY-MM-DD");
            }
            else Error(line, "registeredOn", null, "请填写成立登记日期");

            Platform.Money.Money capital = default;
            if (Cell("capital") is { } capitalText)
            {
                if (decimal.TryParse(capitalText.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan)
                    && yuan >= 0 && yuan <= 10_000_000_000m && decimal.Round(yuan, 2) == yuan) capital = Platform.Money.Money.FromYuan(yuan);
                else Error(line, "capital", capitalText, $"注册资金“{capitalText}”应为 0 至 100 亿元之间、最多两位小数的金额");
            }
            var category = CategoryOf(Cell("category"));
            if (category is null) Error(line, "category", Cell("category"), $"无法识别的行业分类“{Cell("category")}”（应为：{string.Join("、", SocialOrganizationCategories.All.Select(c => c.Name))}）");
            var trade = YesNo(Cell("tradeAssociation"));
            if (trade is null) Error(line, "tradeAssociation", Cell("tradeAssociation"), "是否行业协会商会应填“是”或“否”");
            foreach (var (field, max) in new[] { ("supervisingUnit", 100), ("certificateNumber", 40), ("purpose", 1000) })
            {
                if (Cell(field) is { } v && v.Length > max) Error(line, field, v, $"不能超过 {max} 个字");
            }

            var input = new OrganizationInput
            {
                CreditCode = Cell("creditCode"),
                Name = Cell("name"),
                Kind = kind,
                LegalRepresentativeName = Cell("legalRepresentative"),
                DivisionCode = Cell("divisionCode"),
                Address = Cell("address"),
                RegisteredOn = registeredOn,
            };
            var (validation, code) = registration.Validate(input);
            foreach (var (field, messages) in validation.ToDictionary())
            {
                if (field == "kind") continue; // reported above with the text
                foreach (var m in messages) Error(line, field, Cell(field), m);
            }
            if (Cell("creditCode") is null) Error(line, "creditCode", null, "社会组织须有统一社会信用代码");
            if (Cell("legalRepresentative") is null) Error(line, "legalRepresentative", null, "请填写法定代表人");
            if (code is not null)
            {
                if (code.Authority != '5') Error(line, "creditCode", code.Value, $"统一社会信用代码第1位为“{code.Authority}”，不是民政部门（5）登记的社会组织");
                else if (kind is { } kk && code.Type != SocialOrganizationKinds.CreditCodeType(kk))
                {
                    Error(line, "creditCode", code.Value, $"统一社会信用代码第2位“{code.Type}”与类型“{SocialOrganizationKinds.Name(kk)}”不符（应为 {SocialOrganizationKinds.CreditCodeType(kk)}）");
                }
                if (seenCodes.TryGetValue(code.Value, out var first)) Error(line, "creditCode", code.Value, $"与第 {first} 行的统一社会信用代码重复");
                else seenCodes[code.Value] = line;
            }
            if (Cell("certificateNumber") is { } cert)
            {
                if (seenCertificates.TryGetValue(cert, out var first)) Error(line, "certificateNumber", cert, $"与第 {first} 行的登记证书号重复");
                else seenCertificates[cert] = line;
            }

            SocialOrganizationProfile? profile = null;
            if (level is { } l && kind is { } kind2 && input.DivisionCode is { Length: 12 } seat)
            {
                var authority = RegistrationAuthority.AuthorityFor(l, seat);
                // the importer acts as the registration authority: a county officer imports the county's own register only
                if (!user.IsSystem && !scope.Contains(authority))
                {
                    Error(line, "level", levelText, l == RegistrationLevel.City ? "市级登记的社会组织只能由市级登记管理机关导入" : "该县级登记的社会组织不属于您的登记管理机关");
                }
                profile = new SocialOrganizationProfile
                {
                    DivisionCode = seat,
                    Kind = kind2,
                    Level = l,
                    AuthorityDivisionCode = authority,
                    SupervisingUnit = Cell("supervisingUnit"),
                    Category = category ?? SocialOrganizationCategories.Other,
                    Purpose = Cell("purpose") is { } p ? p[..Math.Min(p.Length, 500)] : "",
                    BusinessScope = Cell("purpose") ?? "",
                    RegisteredCapital = capital,
                    CertificateNumber = Cell("certificateNumber"),
                    CertificateIssuedOn = registeredOn,
                    IsTradeAssociation = trade ?? false,
                };
            }
            candidates.Add((line, input, code, profile));
            progress.Report(batch.Id, candidates.Count);
        }

        // Already on the platform: the whole registry, not only the importer's scope (a code is unique everywhere), in chunks.
        foreach (var chunk in seenCodes.Keys.Chunk(500))
        {
            var existing = await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(o => chunk.Contains(o.CreditCode!)).Select(o => o.CreditCode!).ToListAsync(ct);
            foreach (var c in existing) Error(seenCodes[c], "creditCode", c, "该统一社会信用代码已在平台登记");
        }
        foreach (var chunk in seenCertificates.Keys.Chunk(500))
        {
            var existing = await db.Set<SocialOrganizationProfile>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => chunk.Contains(p.CertificateNumber!)).Select(p => p.CertificateNumber!).ToListAsync(ct);
            foreach (var c in existing) Error(seenCertificates[c], "certificateNumber", c, "该登记证书号已在平台登记");
        }
        foreach (var c in candidates.Where(c => !badLines.Contains(c.Line) && c.Code is not null && c.Profile is not null))
        {
            rows.Add(new Row(c.Line, c.Input, c.Code!, c.Profile!));
        }
        return new Outcome(errors.OrderBy(e => e.Line).ToList(), candidates.Count, badLines.Count, rows);
    }
}
