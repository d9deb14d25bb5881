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
        // Signed-in users; each batch is checked against its own kind's permission (and the scope) by ImportService.LoadAsync.
        var group = app.MapGroup("/imports").RequireAuthorization().ExcludeFromDescription();

        // Polled by the batch page while a job runs.
        group.MapGet("/{id:guid}/status", async (Guid id, ImportService imports, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            var batch = await imports.LoadAsync(id, ct);
            var running = await jobs.ActiveAsync(id, ct);
            var done = batch.Status is not (ImportStatus.Validating or ImportStatus.Committing);
            return TypedResults.Ok(new { status = batch.Status.ToString(), phase = running?.Message, processed = running?.Done ?? batch.ProcessedRows, total = running?.Total ?? batch.TotalRows, done, batch.Message });
        });

        group.MapGet("/{id:guid}/errors.xlsx", async (Guid id, AppDbContext db, ImportService imports, CancellationToken ct) =>
        {
            var batch = await imports.LoadAsync(id, ct);
            // the stored errors one by one, then the ones only counted (beyond the cap) as one line per kind with its count
            var rows = db.ImportRowErrors.AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.Line).AsEnumerable()
                .Select(e => new Dictionary<string, object?> { ["行号"] = e.Line, ["列"] = e.Column, ["值"] = e.Value, ["问题"] = e.Message, ["条数"] = 1 })
                .Concat(ImportErrors.CountedOf(batch).Select(c => new Dictionary<string, object?> { ["行号"] = "（其余）", ["列"] = c.Column, ["值"] = null, ["问题"] = c.Message, ["条数"] = c.Count }));
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
        }).RequireAuthorization(Permissions.Policy(Permissions.RegistryImport));

        // Any other kind: a blank file whose headings are the ones the mapping step recognises.
        group.MapGet("/templates/{kind}.xlsx", async (string kind, ImportService imports, CurrentUser user, CancellationToken ct) =>
        {
            var k = imports.KindOf(kind);
            if (!user.HasPermission(k.Permission)) return Problems.Result(403, "forbidden", $"您没有导入{k.Title}的权限");
            var header = k.Fields.ToDictionary(f => f.Synonyms[0], f => (object?)"");
            var stream = new MemoryStream();
            await MiniExcel.SaveAsAsync(stream, new[] { header }, cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, RegistryApi.XlsxContentType, $"{k.Title}导入模板.xlsx");
        });
    }
}
