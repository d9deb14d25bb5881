using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Platform.Imports;

public static class ImportsApi
{
    public static void MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/imports").RequireAuthorization(Permissions.Policy(Permissions.RegistryImport)).ExcludeFromDescription();

        // Polled by the batch page while a job runs.
        group.MapGet("/{id:guid}/status", async (Guid id, AppDbContext db, ImportProgress progress, CancellationToken ct) =>
        {
            var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (batch is null) return Problems.Result(404, "not_found", "导入批次不存在或不在您的管辖范围内");
            var running = progress.Get(id);
            var done = batch.Status is not (ImportStatus.Validating or ImportStatus.Committing);
            return TypedResults.Ok(new { status = batch.Status.ToString(), phase = running?.Phase, processed = running?.Processed ?? batch.ProcessedRows, total = running?.Total ?? batch.TotalRows, done, batch.Message });
        });

        group.MapGet("/{id:guid}/errors.xlsx", async (Guid id, AppDbContext db, CancellationToken ct) =>
        {
            var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (batch is null) return Problems.Result(404, "not_found", "导入批次不存在或不在您的管辖范围内");
            var rows = db.ImportRowErrors.AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.Line).AsEnumerable()
                .Select(e => new Dictionary<string, object?> { ["行号"] = e.Line, ["列"] = e.Column, ["值"] = e.Value, ["问题"] = e.Message });
            var stream = new MemoryStream();
            await MiniExcel.SaveAsAsync(stream, rows, cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, RegistryApi.XlsxContentType, $"错误报告-{Path.GetFileNameWithoutExtension(batch.FileName)}.xlsx");
        });

        // A blank file with the expected headings, for offices preparing data by hand.
        group.MapGet("/template.xlsx", async (CancellationToken ct) =>
        {
            var header = PersonImportFields.All.ToDictionary(f => f.Synonyms[0], f => (object?)"");
            var example = new Dictionary<string, object?>(header)
            {
                ["户编号"] = "A001",
                ["户主身份证号"] = "",
                ["身份证号"] = "",
                ["姓名"] = "",
                ["与户主关系"] = "户主",
                ["区划代码"] = "450921100003",
            };
            var stream = new MemoryStream();
            await MiniExcel.SaveAsAsync(stream, new[] { example }, cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, RegistryApi.XlsxContentType, "人员家庭导入模板.xlsx");
        });
    }
}
