using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// <c>/api/v1/imports</c>: the import steps of the pages for legacy systems — upload, proposed mapping, background validation
/// with every error by line, an explicit commit — through the same <see cref="ImportService"/> (same permission per kind,
/// same scope, same rules). Uploads are multipart; bearer-token clients send no antiforgery token (the cookie is SameSite=Lax,
/// so a cross-site form cannot post with it).
/// </summary>
public static class ImportsV1Api
{
    public sealed record MappingInput(Dictionary<string, string?>? Mapping);

    public sealed record CommitInput(bool? OnlyValidRows);

    public sealed record FieldDto(string Key, string Label, bool Required, IReadOnlyList<string> Headings);

    public sealed record KindDto(string Kind, string Title, string SkipUnit, IReadOnlyList<FieldDto> Fields, IReadOnlyList<FieldDto> UploadFields);

    public sealed record ErrorDto(int Line, string Column, string? Value, string Message);

    public sealed record ProgressDto(string? Phase, int Processed, int Total, bool Done);

    public sealed record BatchDto(Guid Id, string Kind, string Title, string FileName, ImportStatus Status, string? Message, DateTime CreatedAt, string CreatedBy,
        IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<FieldDto> Fields, ProgressDto Progress,
        int TotalRows, int ValidRows, int ErrorRows, int CommittedRows, bool OnlyValidRows,
        Paged<ErrorDto> Errors, IReadOnlyList<ImportErrorCount> ErrorCounts, int Version);

    private static FieldDto Field(ImportField f) => new(f.Key, f.Label, f.Required, f.Synonyms);

    public static void MapImportsV1Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization();

        api.MapGet("/kinds", (ImportService imports) => TypedResults.Ok(imports.Permitted.Select(k =>
                new KindDto(k.Kind, k.Title, k.SkipUnit, [.. k.Fields.Select(Field)], [.. k.UploadFields.Select(Field)]))))
            .WithSummary("当前用户可导入的类型：目标字段（含识别的列标题）及上传时须另填的项目（如比对数据的提供单位、截至日期）");

        api.MapPost("/", async ([FromForm] string? kind, IFormFile? file, [FromForm] string? source, [FromForm] string? asOf,
                ImportService imports, AppDbContext db, JobQueue jobs, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                var k = string.IsNullOrWhiteSpace(kind) ? null : imports.Permitted.FirstOrDefault(x => x.Kind == kind.Trim());
                if (string.IsNullOrWhiteSpace(kind)) errors.Add("kind", "请填写导入类型（见 GET /api/v1/imports/kinds）");
                else if (k is null) errors.Add("kind", $"没有您可使用的导入类型“{kind}”（见 GET /api/v1/imports/kinds）");
                if (file is null || file.Length == 0) errors.Add("file", "请上传 .xlsx 或 .csv 文件");
                var values = new Dictionary<string, string?> { ["source"] = source, ["asOf"] = asOf };
                var parameters = k?.ParametersFrom(name => values.GetValueOrDefault(name) is { Length: > 0 } v ? v : null, errors);
                errors.ThrowIfAny();
                await using var stream = file!.OpenReadStream();
                var batch = await imports.UploadAsync(k!.Kind, file.FileName, stream, parameters, ct);
                return TypedResults.Created($"/api/v1/imports/{batch.Id}", await DtoAsync(batch, imports, db, jobs, PageRequest.From(1, 20), ct));
            })
            .DisableAntiforgery()
            // a comparison dataset's CSV may be up to 256 MB (IImportKind.MaxCsvBytes); every other kind is held to 20 MB by ImportService
            .WithMetadata(new RequestSizeLimitAttribute(FileStore.MaxLargeRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: FileStore.MaxLargeRequestBytes)
            .WithSummary("上传导入文件（multipart/form-data：kind 导入类型，file 文件 .xlsx 或 .csv（UTF-8 或 GBK），比对数据另需 source、asOf）；返回批次及建议的列对应关系，尚未校验");

        api.MapGet("/{id:guid}", async (Guid id, int? page, int? pageSize, ImportService imports, AppDbContext db, JobQueue jobs, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(await imports.LoadAsync(id, ct), imports, db, jobs, PageRequest.From(page, pageSize, 50), ct)))
            .WithSummary("导入批次：状态、进度、列对应关系（上传后为建议值）、校验结果和按行号排列的错误（errors 分页 { items, total }；超过上限的错误在 errorCounts 中按类别计数）");

        api.MapPut("/{id:guid}/mapping", async (Guid id, MappingInput input, ImportService imports, AppDbContext db, JobQueue jobs, CancellationToken ct) =>
            {
                if (input.Mapping is null) throw AppProblem.Field("mapping", "请提供列对应关系：{ \"目标字段\": \"文件中的列标题\" }");
                await imports.MapAndValidateAsync(id, input.Mapping, ct);
                return TypedResults.Accepted($"/api/v1/imports/{id}", await DtoAsync(await imports.LoadAsync(id, ct), imports, db, jobs, PageRequest.From(1, 20), ct));
            })
            .WithSummary("确定列对应关系并开始后台校验（202；轮询 GET …/{id} 直到 progress.done）；必填字段须对应到文件中存在的列");

        api.MapPost("/{id:guid}/commit", async (Guid id, CommitInput input, ImportService imports, AppDbContext db, JobQueue jobs, CancellationToken ct) =>
            {
                await imports.CommitAsync(id, input.OnlyValidRows ?? false, ct);
                return TypedResults.Accepted($"/api/v1/imports/{id}", await DtoAsync(await imports.LoadAsync(id, ct), imports, db, jobs, PageRequest.From(1, 20), ct));
            })
            .WithSummary("导入已校验的批次（202，后台一次事务写入，全部或全不）；文件有错误行时须 onlyValidRows=true 明确只导入无误的行（人员导入按户跳过），否则 409 import_has_errors");
    }

    private static async Task<BatchDto> DtoAsync(ImportBatch batch, ImportService imports, AppDbContext db, JobQueue jobs, PageRequest page, CancellationToken ct)
    {
        var kind = imports.KindOf(batch.Kind);
        var running = await jobs.ActiveAsync(batch.Id, ct);
        var done = batch.Status is not (ImportStatus.Validating or ImportStatus.Committing);
        var errors = await db.ImportRowErrors.AsNoTracking().Where(e => e.BatchId == batch.Id).OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Select(e => new ErrorDto(e.Line, e.Column, e.Value, e.Message)).ToPagedAsync(page, ct);
        return new BatchDto(batch.Id, batch.Kind, kind.Title, batch.FileName, batch.Status, batch.Message, batch.CreatedAt, batch.CreatedBy,
            JsonSerializer.Deserialize<List<string>>(batch.HeadersJson) ?? [], ImportService.MappingOf(batch), [.. kind.Fields.Select(Field)],
            new ProgressDto(running?.Message, running?.Done ?? batch.ProcessedRows, running?.Total ?? batch.TotalRows, done),
            batch.TotalRows, batch.ValidRows, batch.ErrorRows, batch.CommittedRows, batch.OnlyValidRows, errors, ImportErrors.CountedOf(batch), batch.Version);
    }
}
