using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Geography.Boundaries;

/// <summary>Boundary lines, markers and inspections: the service and the API under /api/v1/boundaries (GeoJSON layers for the map and QGIS).</summary>
public static class BoundariesSetup
{
    public static IServiceCollection AddBoundaries(this IServiceCollection services) => services.AddScoped<BoundaryRegistry>().AddScoped<BoundaryArchive>().AddSingleton<IModuleInitializer, BoundariesInitializer>();

    public static void MapBoundaries(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(GeographyPermissions.Read);
        var manage = Permissions.Policy(GeographyPermissions.Manage);
        var api = app.MapGroup("/api/v1/boundaries").WithTags("Boundaries");
        api.MapGet("", async (BoundaryLevel? level, int? page, int? pageSize, BoundaryRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(await registry.ListAsync(level, PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("辖区内的行政区域界线（任一侧在辖区内即可见），分页 { items, total }");
        api.MapGet("/{id:guid}", async (Guid id, BoundaryRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(registry.View(await registry.LoadAsync(id, ct), true)))
            .RequireAuthorization(read).WithSummary("一条界线（两侧、协议书、界桩及其检查记录、联合检查）");
        api.MapPost("", async (BoundaryLineInput input, BoundaryRegistry registry, CancellationToken ct) =>
        {
            var line = await registry.CreateAsync(input, null, ct);
            return TypedResults.Created($"/api/v1/boundaries/{line.Id}", registry.View(line, true));
        }).RequireAuthorization(manage).WithSummary("登记界线（几何为 GeoJSON LineString/MultiLineString）");
        api.MapGet("/{id:guid}/files", async (Guid id, BoundaryArchive archive, CancellationToken ct) => TypedResults.Ok(await archive.ListAsync(id, null, ct)))
            .RequireAuthorization(read).WithSummary("界线档案：协议书、界线详图、检查报告、争议材料和界桩照片");
        api.MapPost("/{id:guid}/files", async (Guid id, IFormFile? file, HttpRequest request, BoundaryArchive archive, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var input = new BoundaryFileInput
                {
                    Kind = Enum.TryParse<BoundaryFileKind>(form["kind"], true, out var k) && Enum.IsDefined(k) ? k : null,
                    Title = form["title"],
                    DocumentDate = DateOnly.TryParse(form["documentDate"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
                };
                if (!string.IsNullOrEmpty(form["documentDate"]) && input.DocumentDate is null) throw AppProblem.Field("documentDate", "成文日期格式应为 yyyy-MM-dd");
                await using var stream = file?.OpenReadStream();
                var entry = await archive.FileAsync(id, input, file?.FileName, stream, ct);
                return TypedResults.Created($"/api/v1/boundaries/{id}/files/{entry.Id}", new { entry.Id, entry.Kind, entry.Title, entry.FileName });
            })
            .DisableAntiforgery().RequireAuthorization(manage).WithSummary("归档一份界线材料（multipart/form-data：file、kind、title、documentDate）");
        api.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, BoundaryArchive archive, CancellationToken ct) =>
        {
            var (file, content) = await archive.OpenAsync(id, fileId, ct);
            return Results.File(content, file.ContentType, file.FileName);
        }).RequireAuthorization(read).WithSummary("界线档案中的一份材料");
        api.MapPost("/markers/{id:guid}/photos", async (Guid id, IFormFile? file, HttpRequest request, BoundaryArchive archive, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                await using var stream = file?.OpenReadStream();
                var entry = await archive.AddPhotoAsync(id, form["title"], file?.FileName, stream, ct);
                return TypedResults.Created($"/api/v1/boundaries/{entry.LineId}/files/{entry.Id}", new { entry.Id, entry.Title, entry.FileName });
            })
            .DisableAntiforgery().RequireAuthorization(manage).WithSummary("上传界桩照片（multipart/form-data：file、title）");
        api.MapGet("/{id:guid}/geojson", async (Guid id, BoundaryRegistry registry, CancellationToken ct) =>
                TypedResults.Text(BoundaryGeoJson.Export([await registry.LoadAsync(id, ct)]), "application/geo+json; charset=utf-8"))
            .RequireAuthorization(read).WithSummary("导出一条界线及其界桩（GeoJSON FeatureCollection）");
        api.MapPost("/import", async (HttpRequest request, BoundaryRegistry registry, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var line = await registry.ImportAsync(reader, ct);
            return TypedResults.Created($"/api/v1/boundaries/{line.Id}", registry.View(line, true));
        }).RequireAuthorization(manage).WithSummary("导入界线及其界桩（GeoJSON FeatureCollection，与导出的格式相同）");
        api.MapGet("/geojson", async (AppDbContext db, CancellationToken ct) =>
        {
            var lines = await db.Set<BoundaryLine>().AsNoTracking().Include(l => l.Memberships).OrderBy(l => l.Id).Take(2000).ToListAsync(ct);
            return TypedResults.Text(BoundaryGeoJson.Export(lines, false), "application/geo+json; charset=utf-8");
        }).RequireAuthorization(read).WithSummary("辖区内的界线（GeoJSON FeatureCollection 图层）");
        api.MapGet("/markers/geojson", async (AppDbContext db, CancellationToken ct) =>
        {
            var lines = await db.Set<BoundaryLine>().AsNoTracking().Include(l => l.Markers).OrderBy(l => l.Id).Take(2000).ToListAsync(ct);
            return TypedResults.Text(BoundaryGeoJson.Markers(lines), "application/geo+json; charset=utf-8");
        }).RequireAuthorization(read).WithSummary("辖区内界线的界桩（GeoJSON FeatureCollection 图层）");
        api.MapGet("/markers/{id:guid}", async (Guid id, BoundaryRegistry registry, BusinessClock clock, CancellationToken ct) =>
        {
            var (line, marker) = await registry.LoadMarkerAsync(id, ct);
            return TypedResults.Ok(new { lineId = line.Id, line = line.Name, marker = BoundaryRegistry.MarkerViewOf(marker, clock.Today) });
        }).RequireAuthorization(read).WithSummary("一个界桩及其检查记录（逾期未完成的维护任务标 overdue）");
        api.MapPost("/markers/{id:guid}/findings", async (Guid id, FindingInput input, BoundaryRegistry registry, CancellationToken ct) =>
        {
            var f = await registry.AddFindingAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/boundaries/markers/{id}", new { f.Id, f.Condition, f.Task, f.Deadline });
        }).RequireAuthorization(read).WithSummary("记录界桩检查发现（状况、维护任务及期限）");
        api.MapPost("/{id:guid}/inspections", async (Guid id, InspectionInput input, BoundaryRegistry registry, CancellationToken ct) =>
        {
            var i = await registry.AddInspectionAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/boundaries/{id}", new InspectionView(i.Id, i.Kind, i.Year, i.Round, i.Sections, i.Participants, i.Reason));
        }).RequireAuthorization(manage).WithSummary("登记界线检查（五年一次的联合检查，或灾害、工程后的专项检查）");
        api.MapPost("/markers/{id:guid}/findings/{findingId:guid}/done", async (Guid id, Guid findingId, TaskDoneInput input, BoundaryRegistry registry, CancellationToken ct) =>
        {
            var f = await registry.CompleteTaskAsync(id, findingId, input, ct);
            return TypedResults.Ok(new { f.Id, f.Task, f.Deadline, f.DoneOn });
        }).RequireAuthorization(read).WithSummary("维护任务完成（填写完成日期）");
        api.MapPost("/{id:guid}/disputes", async (Guid id, DisputeInput input, BoundaryRegistry registry, CancellationToken ct) =>
        {
            var d = await registry.SaveDisputeAsync(id, null, input, ct);
            return TypedResults.Created($"/api/v1/boundaries/{id}", new { d.Id, d.Status, d.Version });
        }).RequireAuthorization(manage).WithSummary("登记排查出的界线争议");
        api.MapPut("/{id:guid}/disputes/{disputeId:guid}", async (Guid id, Guid disputeId, DisputeInput input, BoundaryRegistry registry, CancellationToken ct) =>
        {
            var d = await registry.SaveDisputeAsync(id, disputeId, input, ct);
            return TypedResults.Ok(new { d.Id, d.Status, d.Version });
        }).RequireAuthorization(manage).WithSummary("更新界线争议的状态（带 version；过期的版本返回 409）");
    }
}
