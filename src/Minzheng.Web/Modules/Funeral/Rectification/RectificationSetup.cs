using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Rectification;

/// <summary>The rectification ledger (issue 15 item 5.5): use cases, the API under /graves, the Excel export. Overdue is flagged on read.</summary>
public static class RectificationSetup
{
    public static IServiceCollection AddFuneralRectification(this IServiceCollection services) => services.AddScoped<GraveCases>();

    public sealed record GraveRow(Guid Id, string Number, GraveCaseType Type, string TypeName, string Location, string DivisionCode, string DivisionName, decimal Area,
        DateOnly FoundOn, GraveMeasure? Measure, string MeasureName, DateOnly? Deadline, DateOnly? RectifiedOn, GraveCaseStatus Status, bool Overdue, string StatusName, int Version);

    public static GraveRow Row(GraveCase c, DivisionDirectory divisions, DateOnly today) =>
        new(c.Id, c.Number, c.Type, GraveCase.TypeName(c.Type), c.Location, c.DivisionCode, divisions.FullName(c.DivisionCode), c.Area, c.FoundOn, c.Measure,
            GraveCase.MeasureName(c.Measure), c.Deadline, c.RectifiedOn, c.Status, c.IsOverdue(today), c.StatusName(today), c.Version);

    /// <summary>The ledger in the user's scope, newest first; <paramref name="overdue"/> true lists only the overdue.</summary>
    public static IQueryable<GraveCase> Query(AppDbContext db, bool? overdue, DateOnly today) =>
        db.Set<GraveCase>().AsNoTracking()
            .Where(c => overdue != true || (c.Status == GraveCaseStatus.MeasureOrdered && c.Deadline < today))
            .OrderByDescending(c => c.FoundOn).ThenBy(c => c.Id);

    public static async Task<byte[]> ExcelAsync(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, AuditLog audit, CancellationToken ct)
    {
        var today = clock.Today;
        var cases = await Query(db, null, today).ToListAsync(ct);
        var sheet = cases.Select((c, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["编号"] = c.Number,
            ["问题类型"] = GraveCase.TypeName(c.Type),
            ["位置"] = c.Location,
            ["所在地"] = divisions.FullName(c.DivisionCode),
            ["占地面积（平方米）"] = c.Area,
            ["发现日期"] = c.FoundOn.ToString("yyyy-MM-dd"),
            ["整改措施"] = GraveCase.MeasureName(c.Measure),
            ["整改期限"] = c.Deadline?.ToString("yyyy-MM-dd"),
            ["完成日期"] = c.RectifiedOn?.ToString("yyyy-MM-dd"),
            ["状态"] = c.StatusName(today),
        }).ToList();
        await audit.RecordAsync("export", nameof(GraveCase), null, new { rows = sheet.Count }, ct: ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "殡葬领域整治台账", cancellationToken: ct);
        return stream.ToArray();
    }

    public static void MapFuneralRectification(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(FuneralPermissions.Read);
        var manage = Permissions.Policy(FuneralPermissions.Manage);
        api.MapGet("/graves", async (bool? overdue, int? page, int? pageSize, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
        {
            var today = clock.Today;
            var paged = await Query(db, overdue, today).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = paged.Items.Select(c => Row(c, divisions, today)).ToList(), paged.Total });
        }).RequireAuthorization(read).WithSummary("整治台账（逾期未整改的读取时标出），分页 { items, total }");
        api.MapGet("/graves/export", async (AppDbContext db, DivisionDirectory divisions, BusinessClock clock, AuditLog audit, CancellationToken ct) =>
                TypedResults.File(await ExcelAsync(db, divisions, clock, audit, ct), Platform.Registry.RegistryApi.XlsxContentType, $"殡葬领域整治台账-{clock.Today:yyyyMMdd}.xlsx"))
            .RequireAuthorization(read).WithSummary("导出整治台账（Excel）");
        api.MapGet("/graves/{id:guid}", async (Guid id, GraveCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.LoadAsync(id, ct), divisions, clock.Today)))
            .RequireAuthorization(read).WithSummary("一条整治台账记录");
        api.MapPost("/graves", async (GraveCaseInput input, GraveCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
        {
            var c = await cases.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/graves/{c.Id}", Row(c, divisions, clock.Today));
        }).RequireAuthorization(manage).WithSummary("登记发现的违规墓地（住宅式墓地、豪华墓、活人墓、散埋乱葬、保护区内坟墓）");
        api.MapPost("/graves/{id:guid}/photos", async (Guid id, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? stage, GraveCases cases, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                if (file is null || file.Length == 0) errors.Add("file", "请上传照片（.jpg、.png 或 .pdf）");
                if (stage is not ("before" or "after")) errors.Add("stage", "请注明是整改前（before）还是整改后（after）的照片");
                errors.ThrowIfAny();
                await using var stream = file!.OpenReadStream();
                var photo = await cases.AttachPhotoAsync(id, stage == "after", file.FileName, stream, ct);
                return TypedResults.Created($"/api/v1/funeral/graves/{id}/photos", new { photo.Id, photo.FileId, photo.FileName, photo.After });
            })
            .DisableAntiforgery().RequireAuthorization(manage).WithSummary("上传整改前、后的照片（multipart/form-data：file，stage = before/after）");
        api.MapGet("/graves/{id:guid}/photos", async (Guid id, GraveCases cases, AppDbContext db, CancellationToken ct) =>
        {
            var c = await cases.LoadAsync(id, ct);
            return TypedResults.Ok(await db.Set<GravePhoto>().AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.After).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.FileId, p.FileName, p.After }).ToListAsync(ct));
        }).RequireAuthorization(read).WithSummary("整改前、后的照片");
        api.MapPost("/graves/{id:guid}/order", async (Guid id, GraveOrderInput input, GraveCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.OrderAsync(id, input, ct), divisions, clock.Today)))
            .RequireAuthorization(manage).WithSummary("责令限期改正：整改措施和期限");
        api.MapPost("/graves/{id:guid}/rectified", async (Guid id, GraveRectifiedInput input, GraveCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.RectifiedAsync(id, input, ct), divisions, clock.Today)))
            .RequireAuthorization(manage).WithSummary("登记整改完成");
    }
}
